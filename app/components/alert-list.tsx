import { optionsOf } from "~/components/select-options";
import { ALERT_STATUS_FILTERS } from "~/domain/credit-alerts";
import { CREDIT_CHANGE_KINDS } from "~/domain/credit-changes";
import { PAGE_SIZE, type Sort } from "~/domain/list-query";
import { useT, useTDynamic } from "~/i18n/use-t";

import { SelectField, TextField } from "./form-kit";
import { ClearFilters, DataTable, type Column } from "./list-kit";
import { FilterForm } from "./filter-form";
import { EmptyState } from "./ui";

/** An alerts list (the bank's desk, the government's summary): search, status and kind filters, count, table. */
export function AlertList<Row extends { id: string }>({
  label,
  resetTo,
  alerts,
  columns,
  total,
  sort,
  page,
  rowClassName,
}: {
  label: string;
  resetTo: string;
  alerts: readonly Row[];
  columns: readonly (Column<Row> | false)[];
  total: number;
  sort: Sort<string>;
  page: number;
  rowClassName?: (alert: Row) => string | undefined;
}) {
  const t = useT();
  const td = useTDynamic();
  const any = t("alerts.common.any");
  return (
    <>
      <FilterForm label={t("alerts.common.filters")} resetTo={resetTo} keep={["sort", "dir"]}>
        <TextField name="q" label={t("alerts.common.search")} maxLength={50} />
        <SelectField
          name="status"
          label={t("alerts.common.status")}
          placeholder={any}
          options={optionsOf(ALERT_STATUS_FILTERS, (value) => td(`alerts.status.${value}`))}
        />
        <SelectField
          name="kind"
          label={t("alerts.common.kind")}
          placeholder={any}
          options={optionsOf(CREDIT_CHANGE_KINDS, (value) => td(`alerts.kind.${value}`))}
        />
      </FilterForm>
      <p className="mb-3 text-sm text-slate-600">{t("alerts.common.count", { count: total })}</p>
      <DataTable
        label={label}
        rows={alerts}
        rowKey={(alert) => alert.id}
        columns={columns}
        sort={sort}
        rowClassName={rowClassName}
        empty={
          <EmptyState
            title={t("alerts.common.empty")}
            hint={t("alerts.common.emptyHint")}
            action={<ClearFilters to={resetTo} />}
          />
        }
        pagination={{ page, pageSize: PAGE_SIZE, total }}
      />
    </>
  );
}
