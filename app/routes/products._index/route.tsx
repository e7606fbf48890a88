import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useState } from "react";

import { Pagination } from "~/components/pagination";
import { ProductCard } from "~/components/product-card";
import { EmptyState, PageHeader, buttonClass } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { CATALOG_PAGE_SIZE } from "~/utils/catalog-query";

import { ProductFilters } from "./product-filters";
import { catalogPage } from "./queries.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return catalogPage(new URL(request.url).searchParams);
}

export default function ProductCatalog() {
  const { total, products, banks, page, errors } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const t = useT();
  const loading = navigation.state === "loading" && navigation.location.pathname === "/products";
  // On a phone the filters fold away behind a toggle. It is a link to the same list with
  // ?filters=open (or without it), so that it works before the JavaScript has loaded; once it
  // has, the click only flips the state. A filter with an error opens them, to show it.
  const [filtersOpen, setFiltersOpen] = useState(
    params.get("filters") === "open" || Object.keys(errors).length > 0,
  );
  const toggled = new URLSearchParams(params);
  if (filtersOpen) toggled.delete("filters");
  else toggled.set("filters", "open");
  const activeFilters = ["q", "type", "guarantee", "bank", "amount", "term", "rate"].filter((name) =>
    params.get(name),
  ).length;
  return (
    <div>
      <PageHeader title={t("products.title")} description={t("products.intro")} />
      <div className="grid gap-6 lg:grid-cols-[18rem_1fr]">
        <Link
          to={`?${toggled}`}
          preventScrollReset
          className={buttonClass("secondary", "lg:hidden")}
          aria-expanded={filtersOpen}
          aria-controls="product-filters"
          onClick={(event) => {
            event.preventDefault();
            setFiltersOpen((open) => !open);
          }}
        >
          {t("products.filters.title")}
          {activeFilters > 0 && ` (${activeFilters})`}
        </Link>
        <ProductFilters banks={banks} errors={errors} open={filtersOpen} />
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
