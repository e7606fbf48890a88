import type { SerializeFrom } from "@remix-run/node";
import { Form, Link, useSearchParams } from "@remix-run/react";

import { Field, buttonClass, fieldAria, inputClass } from "~/components/ui";
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
  const [params] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  return (
    <Form
      method="get"
      id="product-filters"
      className={`${open ? "flex" : "hidden"} flex-col gap-4 self-start rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 lg:flex`}
      aria-label={t("products.filters.title")}
    >
      <h2 className="hidden font-semibold lg:block">{t("products.filters.title")}</h2>
      <Field id="q" label={t("products.filters.keyword")}>
        <input
          {...fieldAria("q")}
          name="q"
          defaultValue={params.get("q") ?? ""}
          maxLength={50}
          className={inputClass}
        />
      </Field>
      <Field id="type" label={t("products.filters.type")}>
        <select
          {...fieldAria("type")}
          name="type"
          defaultValue={params.get("type") ?? ""}
          className={inputClass}
        >
          <option value="">{t("products.filters.any")}</option>
          {PRODUCT_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`domain.productType.${type}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="guarantee" label={t("products.filters.guarantee")}>
        <select
          {...fieldAria("guarantee")}
          name="guarantee"
          defaultValue={params.get("guarantee") ?? ""}
          className={inputClass}
        >
          <option value="">{t("products.filters.any")}</option>
          {GUARANTEE_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`domain.guaranteeType.${type}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="bank" label={t("products.filters.bank")}>
        <select
          {...fieldAria("bank")}
          name="bank"
          defaultValue={params.get("bank") ?? ""}
          className={inputClass}
        >
          <option value="">{t("products.filters.any")}</option>
          {banks.map((bank) => (
            <option key={bank.id} value={bank.id}>
              {locale === "zh-CN" ? bank.name : bank.nameEn}
            </option>
          ))}
        </select>
      </Field>
      <Field id="amount" label={t("products.filters.amount")} error={errors.amount}>
        <input
          {...fieldAria("amount", errors.amount)}
          name="amount"
          inputMode="decimal"
          defaultValue={params.get("amount") ?? ""}
          className={inputClass}
        />
      </Field>
      <Field id="term" label={t("products.filters.term")} error={errors.term}>
        <input
          {...fieldAria("term", errors.term)}
          name="term"
          inputMode="numeric"
          defaultValue={params.get("term") ?? ""}
          className={inputClass}
        />
      </Field>
      <Field id="rate" label={t("products.filters.maxRate")} error={errors.rate}>
        <input
          {...fieldAria("rate", errors.rate)}
          name="rate"
          inputMode="decimal"
          defaultValue={params.get("rate") ?? ""}
          className={inputClass}
        />
      </Field>
      <Field id="sort" label={t("products.sort.label")}>
        <select
          {...fieldAria("sort")}
          name="sort"
          defaultValue={params.get("sort") ?? "newest"}
          className={inputClass}
        >
          {PRODUCT_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`products.sort.${sort}`)}
            </option>
          ))}
        </select>
      </Field>
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
