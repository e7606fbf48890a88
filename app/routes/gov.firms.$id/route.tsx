import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { withClientIp } from "~/client-ip.server";
import { GovNav } from "~/components/gov-nav";
import { PageHeader, buttonClass } from "~/components/ui";
import { parseId } from "~/domain/list-query";
import { useT } from "~/i18n/use-t";
import { getGovFirm } from "~/models/gov-firms.server";
import { requireGovUser } from "~/permissions.server";
import { notFound } from "~/utils/http.server";

import {
  ApplicationsCard,
  BasicCard,
  CreditCard,
  DemandsCard,
  VisitsCard,
  WhitelistHistoryCard,
} from "./firm-cards";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = withClientIp(await requireGovUser(request), context);
  const id = parseId(params.id);
  const firm = id ? await getGovFirm(actor, id) : null;
  if (!firm) notFound();
  return { role: actor.role, firm };
}

export default function GovFirm() {
  const { role, firm } = useLoaderData<typeof loader>();
  const t = useT();
  const office = role === "GOV_OFFICE";
  return (
    <div className="flex flex-col gap-6">
      <GovNav role={role} />
      <PageHeader
        title={firm.name}
        description={firm.uscc}
        actions={
          office && (
            <>
              <Link to={`/gov/visits?firm=${firm.id}#new-visit`} className={buttonClass("secondary")}>
                {t("gov.firm.logVisit")}
              </Link>
              {!firm.onDishonestyList && !firm.whitelisted && (
                <Link to={`/gov/recommendations/new?firm=${firm.id}`} className={buttonClass("primary")}>
                  {t("gov.firm.recommend")}
                </Link>
              )}
            </>
          )
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <BasicCard firm={firm} />
        <CreditCard firm={firm} />
      </div>
      <DemandsCard demands={firm.demands} />
      <ApplicationsCard applications={firm.applications} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <VisitsCard visits={firm.visits} office={office} />
        <WhitelistHistoryCard firm={firm} />
      </div>
    </div>
  );
}
