import type { LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { useAlertColumns } from "~/components/alert-columns";
import { AlertList } from "~/components/alert-list";
import { BankNav } from "~/components/bank-nav";
import { PageHeader } from "~/components/ui";
import { parseAlertQuery } from "~/domain/credit-alerts";
import { PAGE_SIZE } from "~/domain/list-query";
import { useT } from "~/i18n/use-t";
import { listBankAlerts } from "~/models/credit-alert-desk.server";
import { getSettings } from "~/models/settings.server";
import { requireBankUser } from "~/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBankUser(request);
  const params = new URL(request.url).searchParams;
  // newest first; the officer narrows to open or overdue ones with the filter
  const { status, kind, q, sort, page } = parseAlertQuery(params);
  const [result, settings] = await Promise.all([
    listBankAlerts(actor, { status, kind, q, sort, page, pageSize: PAGE_SIZE }),
    getSettings(),
  ]);
  return json(
    { ...result, sort, page, days: settings["alert.acknowledgeWorkingDays"] },
    { headers: { "Cache-Control": "no-store" } },
  );
}

type Alert = SerializeFrom<typeof loader>["alerts"][number];

export default function BankAlerts() {
  const { alerts, total, open, overdue, sort, page, days } = useLoaderData<typeof loader>();
  const t = useT();
  const columns = useAlertColumns<Alert>({ hrefOf: (alert) => `/bank/alerts/${alert.id}` });
  return (
    <div>
      <BankNav />
      <PageHeader title={t("alerts.bank.title")} description={t("alerts.bank.intro", { days })} />
      <p className="mb-4 text-sm font-medium text-slate-800" role="status">
        {t("alerts.bank.summary", { open, overdue })}
      </p>
      <AlertList
        label={t("alerts.bank.title")}
        resetTo="/bank/alerts"
        alerts={alerts}
        columns={columns}
        total={total}
        sort={sort}
        page={page}
        rowClassName={(alert) => (alert.standing === "OVERDUE" ? "bg-red-50/40" : undefined)}
      />
    </div>
  );
}
