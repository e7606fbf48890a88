import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { DataTable, type Column } from "~/components/list-kit";
import { Badge, EmptyState } from "~/components/ui";
import { BANK_PRODUCTS_PAGE_SIZE } from "~/domain/bank-choices";
import { formatDateTime } from "~/domain/format-date";
import { formatBp, formatYuanAsWan } from "~/domain/money";
import { useLocale, useT } from "~/i18n/use-t";

import type { loader } from "./route";

type Product = SerializeFrom<typeof loader>["products"][number];

const statusTone = { DRAFT: "gray", PUBLISHED: "green", ARCHIVED: "amber" } as const;

/** The bank's products, one page, each linking to its edit page. */
export function ProductsTable({
  products,
  page,
  total,
}: {
  products: Product[];
  page: number;
  total: number;
}) {
  const t = useT();
  const locale = useLocale();
  const columns: Column<Product>[] = [
    {
      key: "name",
      header: t("bank.products.columns.name"),
      cell: (product) => (
        <>
          <Link to={`/bank/products/${product.id}`} className="font-medium text-brand-700 hover:underline">
            {product.name}
          </Link>
          <span className="block text-xs text-slate-500">
            {t("bank.products.versionLabel", { version: product.version })}
          </span>
        </>
      ),
    },
    {
      key: "type",
      header: t("bank.products.columns.type"),
      cell: (product) => t(`domain.productType.${product.type as "CREDIT"}`),
    },
    {
      key: "amount",
      header: t("bank.products.columns.amount"),
      nowrap: true,
      className: "tabular-nums",
      cell: (product) => (
        <>
          {formatYuanAsWan(product.minAmountYuan, locale)} – {formatYuanAsWan(product.maxAmountYuan, locale)}
        </>
      ),
    },
    {
      key: "term",
      header: t("bank.products.columns.term"),
      nowrap: true,
      cell: (product) =>
        t("bank.products.termRange", { min: product.minTermMonths, max: product.maxTermMonths }),
    },
    {
      key: "rate",
      header: t("bank.products.columns.rate"),
      nowrap: true,
      className: "tabular-nums",
      cell: (product) =>
        t("bank.products.rateRange", { min: formatBp(product.minRateBp), max: formatBp(product.maxRateBp) }),
    },
    {
      key: "status",
      header: t("bank.products.columns.status"),
      cell: (product) => (
        <Badge tone={statusTone[product.status as keyof typeof statusTone] ?? "gray"}>
          {t(`domain.productStatus.${product.status as "DRAFT"}`)}
        </Badge>
      ),
    },
    {
      key: "applications",
      header: t("bank.products.columns.applications"),
      align: "right",
      cell: (product) => product._count.applications,
    },
    {
      key: "updated",
      header: t("bank.products.columns.updated"),
      nowrap: true,
      cell: (product) => formatDateTime(product.updatedAt, locale),
    },
  ];
  return (
    <DataTable
      label={t("bank.products.title")}
      rows={products}
      rowKey={(product) => product.id}
      columns={columns}
      empty={
        <EmptyState
          title={t("bank.products.empty")}
          hint={t("bank.products.emptyHint")}
          next={{ to: "/bank/products/new", label: t("bank.products.new") }}
        />
      }
      pagination={{ page, pageSize: BANK_PRODUCTS_PAGE_SIZE, total }}
    />
  );
}
