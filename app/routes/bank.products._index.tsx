import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";

import { BankNav } from "~/components/bank-nav";
import { Pagination } from "~/components/pagination";
import { Badge, EmptyState, PageHeader, buttonClass, cx } from "~/components/ui";
import { BANK_PRODUCTS_PAGE_SIZE } from "~/domain/bank-choices";
import { parseChoice, parsePage } from "~/domain/list-query";
import { formatDateTime } from "~/domain/format-date";
import { formatBp, formatYuanAsWan } from "~/domain/money";
import { PRODUCT_STATUSES } from "~/domain/product-terms";
import { useLocale, useT } from "~/i18n/use-t";
import { listBankProducts } from "~/models/bank-product.server";
import { requireBankUser } from "~/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBankUser(request);
  const params = new URL(request.url).searchParams;
  const status = parseChoice(PRODUCT_STATUSES, params.get("status"));
  const page = parsePage(params.get("page"));
  return { ...(await listBankProducts(actor, { status, page })), page };
}

const statusTone = { DRAFT: "gray", PUBLISHED: "green", ARCHIVED: "amber" } as const;

export default function BankProducts() {
  const { products, total, byStatus, page } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const current = params.get("status") ?? "";
  const tab = (status: string, label: string, count?: number) => (
    <Link
      key={status}
      to={status ? `?status=${status}` : "/bank/products"}
      aria-current={current === status ? "page" : undefined}
      className={cx(
        "rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-inset",
        current === status
          ? "bg-brand-600 text-white ring-brand-600"
          : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
      )}
    >
      {label}
      {count !== undefined && <span className="ml-1 tabular-nums">({count})</span>}
    </Link>
  );
  return (
    <div>
      <BankNav />
      <PageHeader
        title={t("bank.products.title")}
        description={t("bank.products.intro")}
        actions={
          <Link to="/bank/products/new" className={buttonClass("primary")}>
            {t("bank.products.new")}
          </Link>
        }
      />
      <nav aria-label={t("bank.products.statusFilter")} className="mb-4 flex flex-wrap gap-2">
        {tab("", t("bank.products.all"))}
        {PRODUCT_STATUSES.map((status) =>
          tab(status, t(`domain.productStatus.${status}`), byStatus[status] ?? 0),
        )}
      </nav>
      {products.length === 0 ? (
        <EmptyState
          title={t("bank.products.empty")}
          hint={t("bank.products.emptyHint")}
          action={
            <Link to="/bank/products/new" className={buttonClass("primary")}>
              {t("bank.products.new")}
            </Link>
          }
        />
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">
                  {t("bank.products.columns.name")}
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  {t("bank.products.columns.type")}
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  {t("bank.products.columns.amount")}
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  {t("bank.products.columns.term")}
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  {t("bank.products.columns.rate")}
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  {t("bank.products.columns.status")}
                </th>
                <th scope="col" className="px-4 py-3 text-right font-medium">
                  {t("bank.products.columns.applications")}
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  {t("bank.products.columns.updated")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {products.map((product) => (
                <tr key={product.id}>
                  <td className="px-4 py-3">
                    <Link
                      to={`/bank/products/${product.id}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {product.name}
                    </Link>
                    <span className="block text-xs text-slate-500">
                      {t("bank.products.versionLabel", { version: product.version })}
                    </span>
                  </td>
                  <td className="px-4 py-3">{t(`domain.productType.${product.type as "CREDIT"}`)}</td>
                  <td className="px-4 py-3 whitespace-nowrap tabular-nums">
                    {formatYuanAsWan(product.minAmountYuan, locale)} –{" "}
                    {formatYuanAsWan(product.maxAmountYuan, locale)}
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap">
                    {t("bank.products.termRange", { min: product.minTermMonths, max: product.maxTermMonths })}
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap tabular-nums">
                    {t("bank.products.rateRange", {
                      min: formatBp(product.minRateBp),
                      max: formatBp(product.maxRateBp),
                    })}
                  </td>
                  <td className="px-4 py-3">
                    <Badge tone={statusTone[product.status as keyof typeof statusTone] ?? "gray"}>
                      {t(`domain.productStatus.${product.status as "DRAFT"}`)}
                    </Badge>
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">{product._count.applications}</td>
                  <td className="px-4 py-3 whitespace-nowrap">{formatDateTime(product.updatedAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={BANK_PRODUCTS_PAGE_SIZE} total={total} />
    </div>
  );
}
