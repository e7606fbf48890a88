import type { SerializeFrom } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";

import { FormScope, MoneyField, NumberField, SelectField, TextField } from "~/components/form-kit";
import { optionsOf } from "~/components/select-options";
import { useQueryValues } from "~/components/filter-form";
import { buttonClass } from "~/components/ui";
import { GUARANTEE_TYPES, PRODUCT_SORTS, PRODUCT_TYPES } from "~/domain/product-terms";
import { useLocale, useT } from "~/i18n/use-t";

import type { loader } from "./route";

type Data = SerializeFrom<typeof loader>;

/** The catalogue's filters (a GET form from the query string); on a phone shown only when `open`. */
export function ProductFilters({
  banks,
  errors,
  open,
}: {
  banks: Data["banks"];
  errors: Data["errors"];
  open: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const any = t("products.filters.any");
  return (
    <Form
      method="get"
      id="product-filters"
      className={`${open ? "flex" : "hidden"} flex-col gap-4 self-start rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 lg:flex`}
      aria-label={t("products.filters.title")}
    >
      <h2 className="hidden font-semibold lg:block">{t("products.filters.title")}</h2>
      <FormScope result={{ errors, values: useQueryValues() }}>
        <TextField name="q" label={t("products.filters.keyword")} maxLength={50} />
        <SelectField
          name="type"
          label={t("products.filters.type")}
          placeholder={any}
          options={optionsOf(PRODUCT_TYPES, (type) => t(`domain.productType.${type}`))}
        />
        <SelectField
          name="guarantee"
          label={t("products.filters.guarantee")}
          placeholder={any}
          options={optionsOf(GUARANTEE_TYPES, (type) => t(`domain.guaranteeType.${type}`))}
        />
        <SelectField
          name="bank"
          label={t("products.filters.bank")}
          placeholder={any}
          options={banks.map((bank) => ({
            value: bank.id,
            label: locale === "zh-CN" ? bank.name : bank.nameEn,
          }))}
        />
        <MoneyField name="amount" label={t("products.filters.amount")} />
        <NumberField name="term" label={t("products.filters.term")} />
        <MoneyField name="rate" label={t("products.filters.maxRate")} />
        <SelectField
          name="sort"
          label={t("products.sort.label")}
          defaultValue="newest"
          options={optionsOf(PRODUCT_SORTS, (sort) => t(`products.sort.${sort}`))}
        />
      </FormScope>
      <div className="flex gap-2">
        <button type="submit" className={buttonClass("primary", "flex-1")}>
          {t("common.actions.filter")}
        </button>
        <Link to="/products" className={buttonClass("secondary")}>
          {t("common.actions.reset")}
        </Link>
      </div>
    </Form>
  );
}
