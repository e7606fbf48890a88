import { Link } from "@remix-run/react";

import type { ProductRanges } from "~/domain/decision-rules";
import { formatBp, formatYuanAsWan } from "~/domain/money";
import { useLocale, useT } from "~/i18n/use-t";

import { Badge } from "./ui";

export type ProductSummary = ProductRanges & {
  id: string;
  name: string;
  type: string;
  guaranteeType: string;
  whitelistOnly: boolean;
  bank: { name: string; nameEn: string };
};

/** The range of a product's amounts in 万元, without repeating the unit. */
export function useAmountRange() {
  const locale = useLocale();
  return (min: number, max: number) => `${formatYuanAsWan(min, locale)} – ${formatYuanAsWan(max, locale)}`;
}

export function ProductCard({ product }: { product: ProductSummary }) {
  const t = useT();
  const locale = useLocale();
  const amountRange = useAmountRange();
  return (
    <article className="flex h-full flex-col rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone="blue">{t(`domain.productType.${product.type as "CREDIT"}`)}</Badge>
        {product.whitelistOnly && <Badge tone="amber">{t("products.whitelistOnly")}</Badge>}
      </div>
      <h3 className="mt-3 text-lg font-semibold">
        <Link to={`/products/${product.id}`} className="hover:text-brand-700 hover:underline">
          {product.name}
        </Link>
      </h3>
      <p className="text-sm text-slate-600">{locale === "zh-CN" ? product.bank.name : product.bank.nameEn}</p>
      <dl className="mt-4 grid grid-cols-3 gap-2 text-sm">
        <div>
          <dt className="text-slate-500">{t("products.columns.rate")}</dt>
          <dd className="font-semibold tabular-nums text-brand-700">
            {formatBp(product.minRateBp)} – {formatBp(product.maxRateBp)}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("products.columns.amount")}</dt>
          <dd className="tabular-nums">{amountRange(product.minAmountYuan, product.maxAmountYuan)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("products.columns.term")}</dt>
          <dd className="tabular-nums">
            {t("products.termRange", { min: product.minTermMonths, max: product.maxTermMonths })}
          </dd>
        </div>
      </dl>
    </article>
  );
}
