import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { GovNav } from "~/components/gov-nav";
import { PageHeader } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { requireGovUser } from "~/permissions.server";

import { FirmFilters } from "./firm-filters";
import { FirmsTable } from "./firms-table";
import { firmsPage } from "./queries.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireGovUser(request);
  return { role: actor.role, ...(await firmsPage(actor, new URL(request.url).searchParams)) };
}

export default function GovFirms() {
  const { role, firms, total, sort, page } = useLoaderData<typeof loader>();
  const t = useT();
  const title = role === "GOV_OFFICE" ? t("gov.firms.titleOffice") : t("gov.firms.titleBureau");
  return (
    <div>
      <GovNav role={role} />
      <PageHeader title={title} description={t("gov.firms.intro")} />
      <FirmFilters />
      <p className="mb-3 text-sm text-slate-600">{t("gov.firms.count", { count: total })}</p>
      <FirmsTable role={role} firms={firms} sort={sort} page={page} total={total} label={title} />
    </div>
  );
}
