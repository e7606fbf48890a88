import { SelectField } from "~/components/form-kit";
import { optionsOf } from "~/components/select-options";
import { FilterForm } from "~/components/filter-form";
import { DPD_BANDS, RISK_CLASSES } from "~/domain/loan-codes";
import { useT, useTDynamic } from "~/i18n/use-t";

/** The filters of the loan book: class, overdue band, filing, product and status. */
export function LoanFilters({
  products,
  statuses,
}: {
  products: { id: string; name: string; version: number }[];
  statuses: readonly string[];
}) {
  const t = useT();
  const td = useTDynamic();
  return (
    <FilterForm label={t("loans.bankList.filters")} resetTo="/bank/loans" keep={["sort", "dir"]}>
      <SelectField
        name="class"
        label={t("loans.common.riskClass")}
        placeholder={t("loans.bankList.anyClass")}
        options={optionsOf(RISK_CLASSES, (c) => td(`loans.riskClass.${c}`))}
      />
      <SelectField
        name="band"
        label={t("loans.bankList.band")}
        placeholder={t("loans.bankList.anyBand")}
        options={optionsOf(DPD_BANDS, (b) => td(`loans.band.${b}`))}
      />
      <SelectField
        name="filed"
        label={t("loans.bankList.filed")}
        placeholder={t("loans.bankList.anyFiled")}
        options={[
          { value: "yes", label: t("loans.bankList.filedYes") },
          { value: "no", label: t("loans.bankList.filedNo") },
        ]}
      />
      <SelectField
        name="product"
        label={t("loans.bankList.product")}
        placeholder={t("loans.bankList.anyProduct")}
        options={products.map((p) => ({ value: p.id, label: `${p.name} (v${p.version})` }))}
      />
      <SelectField
        name="status"
        label={t("loans.bankList.status")}
        placeholder={t("loans.bankList.anyStatus")}
        options={statuses.map((s) => ({ value: s, label: td(`loans.status.${s}`) }))}
      />
    </FilterForm>
  );
}
