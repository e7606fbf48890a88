import { MoneyField, SelectField, TextField } from "~/components/form-kit";
import { optionsOf } from "~/components/select-options";
import { FilterForm } from "~/components/filter-form";
import { CANDIDATE_SORTS, PRODUCT_SIZES, PUBLIC_RATINGS, TAX_GRADES } from "~/domain/bank-choices";
import { SECTIONS } from "~/domain/industry-sections";
import { useLocale, useT } from "~/i18n/use-t";
import type { FieldErrors } from "~/utils/forms";

/** The sidebar of filters: keyword, industry, size, sub-district, whitelist, credit floors, demand and sort. */
export function CandidateFilters({
  subDistricts,
  errors,
}: {
  subDistricts: { id: string; name: string; nameEn: string }[];
  errors: FieldErrors;
}) {
  const t = useT();
  const locale = useLocale();
  const any = t("bank.candidates.any");
  return (
    <FilterForm
      label={t("bank.candidates.filters")}
      title={t("bank.candidates.filters")}
      resetTo="/bank/candidates"
      errors={errors}
      layout="sidebar"
    >
      <TextField name="q" label={t("bank.candidates.keyword")} maxLength={50} />
      <SelectField
        name="section"
        label={t("bank.candidates.section")}
        placeholder={any}
        options={SECTIONS.map((s) => ({
          value: s.code,
          label: `${s.code} ${locale === "zh-CN" ? s.zh : s.en}`,
        }))}
      />
      <SelectField
        name="size"
        label={t("bank.candidates.size")}
        placeholder={any}
        options={optionsOf(PRODUCT_SIZES, (s) => t(`domain.size.${s}`))}
      />
      <SelectField
        name="subDistrict"
        label={t("bank.candidates.subDistrict")}
        placeholder={any}
        options={subDistricts.map((s) => ({
          value: s.id,
          label: locale === "zh-CN" ? s.name : s.nameEn,
        }))}
      />
      <SelectField
        name="whitelist"
        label={t("bank.candidates.whitelist")}
        placeholder={any}
        options={[
          { value: "yes", label: t("bank.candidates.whitelistYes") },
          { value: "no", label: t("bank.candidates.whitelistNo") },
        ]}
      />
      <SelectField
        name="tax"
        label={t("bank.candidates.minTaxGrade")}
        placeholder={any}
        options={optionsOf(TAX_GRADES, (g) => g)}
      />
      <SelectField
        name="rating"
        label={t("bank.candidates.minPublicRating")}
        placeholder={any}
        options={optionsOf(PUBLIC_RATINGS, (g) => g)}
      />
      <p className="-mt-2 text-xs text-slate-500">{t("bank.candidates.fullOnlyHint")}</p>
      <MoneyField name="demand" label={t("bank.candidates.minDemand")} maxLength={20} />
      <SelectField
        name="sort"
        label={t("bank.candidates.sort")}
        defaultValue="newest"
        options={optionsOf(CANDIDATE_SORTS, (sort) => t(`bank.candidates.sorts.${sort}`))}
      />
    </FilterForm>
  );
}
