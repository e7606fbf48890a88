import type { LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { useAlertColumns } from "~/components/alert-columns";
import { AlertList } from "~/components/alert-list";
import { GovNav } from "~/components/gov-nav";
import { PageHeader } from "~/components/ui";
import { parseAlertQuery } from "~/domain/credit-alerts";
import { PAGE_SIZE } from "~/domain/list-query";
import { useT } from "~/i18n/use-t";
import { listGovAlerts } from "~/models/credit-alert-desk.server";
import { requireGovUser } from "~/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireGovUser(request);
  const params = new URL(request.url).searchParams;
  const { status, kind, q, sort, page } = parseAlertQuery(params);
  const result = await listGovAlerts(actor, { status, kind, q, sort, page, pageSize: PAGE_SIZE });
  return json({ role: actor.role, ...result, sort, page }, { headers: { "Cache-Control": "no-store" } });
}

type Alert = SerializeFrom<typeof loader>["alerts"][number];

/** The office's whitelist firms' alerts, the bureau's all: in summary, never the banks' notes. */
export default function GovAlerts() {
  const { role, alerts, total, sort, page } = useLoaderData<typeof loader>();
  const t = useT();
  const title = role === "GOV_OFFICE" ? t("alerts.gov.titleOffice") : t("alerts.gov.titleBureau");
  const columns = useAlertColumns<Alert>({
    hrefOf: (alert) => `/gov/firms/${alert.enterprise.id}`,
    gov: true,
  });
  return (
    <div>
      <GovNav role={role} />
      <PageHeader title={title} description={t("alerts.gov.intro")} />
      <AlertList
        label={title}
        resetTo="/gov/alerts"
        alerts={alerts}
        columns={columns}
        total={total}
        sort={sort}
        page={page}
      />
    </div>
  );
}
