import type { LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { useAlertColumns } from "~/components/alert-columns";
import { SelectField, TextField } from "~/components/form-kit";
import { GovNav } from "~/components/gov-nav";
import { ClearFilters, DataTable, FilterForm } from "~/components/list-kit";
import { EmptyState, PageHeader } from "~/components/ui";
import { ALERT_SORTS, ALERT_STATUS_FILTERS } from "~/domain/credit-alerts";
import { CREDIT_CHANGE_KINDS } from "~/domain/credit-changes";
import { PAGE_SIZE, parseChoice, parseListQuery, parseSearch } from "~/domain/list-query";
import { useT, useTDynamic } from "~/i18n/use-t";
import { listGovAlerts } from "~/models/credit-alert-desk.server";
import { requireGovUser } from "~/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireGovUser(request);
  const params = new URL(request.url).searchParams;
  const status = parseChoice(ALERT_STATUS_FILTERS, params.get("status"));
  const kind = parseChoice(CREDIT_CHANGE_KINDS, params.get("kind"));
  const q = parseSearch(params.get("q"));
  const { page, sort } = parseListQuery(params, ALERT_SORTS, { key: "detectedAt", dir: "desc" });
  const result = await listGovAlerts(actor, { status, kind, q, sort, page, pageSize: PAGE_SIZE });
  return json({ role: actor.role, ...result, sort, page }, { headers: { "Cache-Control": "no-store" } });
}

type Alert = SerializeFrom<typeof loader>["alerts"][number];

/** The office's whitelist firms' alerts, the bureau's all: in summary, never the banks' notes. */
export default function GovAlerts() {
  const { role, alerts, total, sort, page } = useLoaderData<typeof loader>();
  const t = useT();
  const td = useTDynamic();
  const title = role === "GOV_OFFICE" ? t("alerts.gov.titleOffice") : t("alerts.gov.titleBureau");
  const columns = useAlertColumns<Alert>({
    hrefOf: (alert) => `/gov/firms/${alert.enterprise.id}`,
    gov: true,
  });
  const any = t("alerts.common.any");
  return (
    <div>
      <GovNav role={role} />
      <PageHeader title={title} description={t("alerts.gov.intro")} />
      <FilterForm label={t("alerts.common.filters")} resetTo="/gov/alerts" keep={["sort", "dir"]}>
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
        label={title}
        rows={alerts}
        rowKey={(alert) => alert.id}
        columns={columns}
        sort={sort}
        empty={
          <EmptyState
            title={t("alerts.common.empty")}
            hint={t("alerts.common.emptyHint")}
            action={<ClearFilters to="/gov/alerts" />}
          />
        }
        pagination={{ page, pageSize: PAGE_SIZE, total }}
      />
    </div>
  );
}
