import { CheckboxField, SelectField, TextField } from "~/components/form-kit";
import { optionsOf } from "~/components/select-options";
import { FilterForm } from "~/components/filter-form";
import { ENTERPRISE_SIZES } from "~/domain/enterprise-size";
import { SECTIONS } from "~/domain/industry-sections";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

/** Search a firm; narrow by size, industry, whitelist, an open demand or an overdue loan. */
export function FirmFilters() {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const any = t("gov.common.any");
  return (
    <FilterForm label={t("gov.firms.filters")} resetTo="/gov/firms" keep={["sort", "dir"]}>
      <TextField
        name="q"
        label={t("gov.firms.search")}
        maxLength={50}
        placeholder={t("gov.firms.searchPlaceholder")}
      />
      <SelectField
        name="size"
        label={t("gov.firms.size")}
        placeholder={any}
        options={optionsOf(ENTERPRISE_SIZES, (size) => td(`domain.size.${size}`))}
      />
      <SelectField
        name="section"
        label={t("gov.firms.industry")}
        placeholder={any}
        options={SECTIONS.map((s) => ({
          value: s.code,
          label: `${s.code} ${locale === "zh-CN" ? s.zh : s.en}`,
        }))}
      />
      <SelectField
        name="whitelist"
        label={t("gov.firms.whitelist")}
        placeholder={any}
        options={[
          { value: "yes", label: t("gov.firms.whitelistYes") },
          { value: "no", label: t("gov.firms.whitelistNo") },
        ]}
      />
      <CheckboxField name="demand" value="open" label={t("gov.firms.hasOpenDemand")} />
      <CheckboxField name="overdue" value="yes" label={t("gov.firms.hasOverdue")} />
    </FilterForm>
  );
}
