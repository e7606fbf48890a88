import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";

import { TabLink } from "~/components/tab-link";
import { BankNav } from "~/components/bank-nav";
import { PageHeader, buttonClass } from "~/components/ui";
import { parseChoice, parsePage } from "~/domain/list-query";
import { PRODUCT_STATUSES } from "~/domain/product-terms";
import { useT } from "~/i18n/use-t";
import { listBankProducts } from "~/models/bank-product.server";
import { requireBankUser } from "~/permissions.server";

import { ProductsTable } from "./products-table";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBankUser(request);
  const params = new URL(request.url).searchParams;
  const status = parseChoice(PRODUCT_STATUSES, params.get("status"));
  const page = parsePage(params.get("page"));
  return { ...(await listBankProducts(actor, { status, page })), page };
}

export default function BankProducts() {
  const { products, total, byStatus, page } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const t = useT();
  const current = params.get("status") ?? "";
  const tab = (status: string, label: string, count?: number) => (
    <TabLink key={status} to={status ? `?status=${status}` : "/bank/products"} current={current === status}>
      {label}
      {count !== undefined && <span className="ml-1 tabular-nums">({count})</span>}
    </TabLink>
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
      <ProductsTable products={products} page={page} total={total} />
    </div>
  );
}
