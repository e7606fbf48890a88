import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { EnterpriseNav } from "~/components/enterprise-nav";
import { PageHeader } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import type { EnterpriseActor } from "~/models/actor";
import { getEnterpriseHome } from "~/models/enterprise-home.server";
import { recommendProducts } from "~/models/matching.server";
import { requireHomeRole } from "~/permissions.server";
import { notFound } from "~/utils/http.server";

import {
  AuthorizationsCard,
  DemandsCard,
  InFlightCard,
  NotificationsCard,
  RecommendedProducts,
} from "./home-cards";
import { CompletenessCard, ProfileCard } from "./profile-cards";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = (await requireHomeRole(request, ["ENTERPRISE"])) as EnterpriseActor;
  if (!actor.enterpriseId) notFound();
  const [home, recommended] = await Promise.all([getEnterpriseHome(actor), recommendProducts(actor)]);
  if (!home) notFound();
  return { ...home, recommended };
}

export default function EnterpriseHome() {
  const {
    enterprise,
    completeness,
    liveAuthorizations,
    openDemands,
    inFlight,
    notifications,
    whitelisted,
    openRecommendation,
    recommended,
  } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("workspace.enterprise.title")} description={enterprise.name} />
      <EnterpriseNav />
      {enterprise.onDishonestyList && (
        <p role="alert" className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-800 ring-1 ring-red-200">
          {t("enterprise.home.dishonest")}
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-3">
        <ProfileCard
          enterprise={enterprise}
          whitelisted={whitelisted}
          openRecommendation={openRecommendation}
        />
        <CompletenessCard completeness={completeness} />
      </div>

      {recommended.length > 0 && <RecommendedProducts recommended={recommended} />}

      <InFlightCard inFlight={inFlight} />

      <div className="grid gap-6 lg:grid-cols-2">
        <AuthorizationsCard liveAuthorizations={liveAuthorizations} />
        <DemandsCard openDemands={openDemands} />
      </div>

      <NotificationsCard notifications={notifications} />
    </div>
  );
}
