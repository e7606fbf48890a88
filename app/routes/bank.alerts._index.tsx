import type { LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { useAlertColumns } from "~/components/alert-columns";
import { BankNav } from "~/components/bank-nav";
import { SelectField, TextField } from "~/components/form-kit";
import { ClearFilters, DataTable, FilterForm } from "~/components/list-kit";
import { EmptyState, PageHeader } from "~/components/ui";
import { ALERT_SORTS, ALERT_STATUS_FILTERS } from "~/domain/credit-alerts";
import { CREDIT_CHANGE_KINDS } from "~/domain/credit-changes";
import { PAGE_SIZE, parseChoice, parseListQuery, parseSearch } from "~/domain/list-query";
import { useT, useTDynamic } from "~/i18n/use-t";
import { listBankAlerts } from "~/models/credit-alert-desk.server";
import { getSettings } from "~/models/settings.server";
import { requireBankUser } from "~/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBankUser(request);
  const params = new URL(request.url).searchParams;
  const status = parseChoice(ALERT_STATUS_FILTERS, params.get("status"));
  const kind = parseChoice(CREDIT_CHANGE_KINDS, params.get("kind"));
  const q = parseSearch(params.get("q"));
  // newest first; the officer narrows to open or overdue ones with the filter
  const { page, sort } = parseListQuery(params, ALERT_SORTS, { key: "detectedAt", dir: "desc" });
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
  const td = useTDynamic();
  const columns = useAlertColumns<Alert>({ hrefOf: (alert) => `/bank/alerts/${alert.id}` });
  const any = t("alerts.common.any");
  return (
    <div>
      <BankNav />
      <PageHeader title={t("alerts.bank.title")} description={t("alerts.bank.intro", { days })} />
      <p className="mb-4 text-sm font-medium text-slate-800" role="status">
        {t("alerts.bank.summary", { open, overdue })}
      </p>
      <FilterForm label={t("alerts.common.filters")} resetTo="/bank/alerts" keep={["sort", "dir"]}>
        <TextField name="q" label={t("alerts.common.search")} maxLength={50} />
        <SelectField
          name="status"
          label={t("alerts.common.status")}
          placeholder={any}
          options={ALERT_STATUS_FILTERS.map((value) => ({ value, label: td(`alerts.status.${value}`) }))}
        />
        <SelectField
          name="kind"
          label={t("alerts.common.kind")}
          placeholder={any}
          options={CREDIT_CHANGE_KINDS.map((value) => ({ value, label: td(`alerts.kind.${value}`) }))}
        />
      </FilterForm>
      <p className="mb-3 text-sm text-slate-600">{t("alerts.common.count", { count: total })}</p>
      <DataTable
        label={t("alerts.bank.title")}
        rows={alerts}
        rowKey={(alert) => alert.id}
        columns={columns}
        sort={sort}
        rowClassName={(alert) => (alert.standing === "OVERDUE" ? "bg-red-50/40" : undefined)}
        empty={
          <EmptyState
            title={t("alerts.common.empty")}
            hint={t("alerts.common.emptyHint")}
            action={<ClearFilters to="/bank/alerts" />}
          />
        }
        pagination={{ page, pageSize: PAGE_SIZE, total }}
      />
    </div>
  );
}
