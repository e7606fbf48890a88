import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useState } from "react";

import { Pagination } from "~/components/pagination";
import { ProductCard } from "~/components/product-card";
import { EmptyState, Field, PageHeader, buttonClass, fieldAria, inputClass } from "~/components/ui";
import { useLocale, useT } from "~/i18n/use-t";
import { GUARANTEE_TYPES, PRODUCT_SORTS, PRODUCT_TYPES } from "~/domain/product-terms";
import { listActiveBanks, listPublishedProducts } from "~/models/product.server";
import { CATALOG_PAGE_SIZE, parseCatalogQuery } from "~/utils/catalog-query";

export async function loader({ request }: LoaderFunctionArgs) {
  const { filters, sort, page, errors } = parseCatalogQuery(new URL(request.url).searchParams);
  const [{ total, products }, banks] = await Promise.all([
    listPublishedProducts({ filters, sort, page, pageSize: CATALOG_PAGE_SIZE }),
    listActiveBanks(),
  ]);
  return { total, products, banks, page, errors };
}

export default function ProductCatalog() {
  const { total, products, banks, page, errors } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const t = useT();
  const locale = useLocale();
  const loading = navigation.state === "loading" && navigation.location.pathname === "/products";
  const [filtersOpen, setFiltersOpen] = useState(false);
  const activeFilters = ["q", "type", "guarantee", "bank", "amount", "term", "rate"].filter((name) =>
    params.get(name),
  ).length;
  return (
    <div>
      <PageHeader title={t("products.title")} description={t("products.intro")} />
      <div className="grid gap-6 lg:grid-cols-[18rem_1fr]">
        <button
          type="button"
          className={buttonClass("secondary", "lg:hidden")}
          aria-expanded={filtersOpen}
          aria-controls="product-filters"
          onClick={() => setFiltersOpen((open) => !open)}
        >
          {t("products.filters.title")}
          {activeFilters > 0 && ` (${activeFilters})`}
        </button>
        <Form
          method="get"
          id="product-filters"
          className={`${filtersOpen ? "flex" : "hidden"} flex-col gap-4 self-start rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 lg:flex`}
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
        <section
          aria-live="polite"
          aria-busy={loading}
          className={loading ? "opacity-60 transition-opacity" : undefined}
        >
          <p className="mb-3 text-sm text-slate-600">{t("products.count", { count: total })}</p>
          {products.length === 0 ? (
            <EmptyState
              title={t("products.empty")}
              hint={t("products.emptyHint")}
              action={
                <Link to="/products" className={buttonClass("secondary")}>
                  {t("common.actions.clearFilters")}
                </Link>
              }
            />
          ) : (
            <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
              {products.map((product) => (
                <li key={product.id}>
                  <ProductCard product={product} />
                </li>
              ))}
            </ul>
          )}
          <Pagination page={page} pageSize={CATALOG_PAGE_SIZE} total={total} />
        </section>
      </div>
    </div>
  );
}
