import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { Badge, Card, PageHeader, buttonClass } from "~/components/ui";
import { formatBp } from "~/domain/money";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { getPublishedProduct } from "~/models/product.server";
import { useAmountRange } from "~/components/product-card";
import { getActor } from "~/permissions.server";
import { notFound } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [product, actor] = await Promise.all([getPublishedProduct(params.id ?? ""), getActor(request)]);
  if (!product) notFound();
  return { product, signedInRole: actor?.role ?? null };
}

export default function ProductDetail() {
  const { product, signedInRole } = useLoaderData<typeof loader>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const amountRange = useAmountRange();
  const sizes = product.eligibleSizes.split(",").filter(Boolean);
  const sections = product.eligibleSections.split(",").filter(Boolean);
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link to="/products" className="text-brand-700 hover:underline">
          ← {t("products.title")}
        </Link>
      </p>
      <PageHeader title={product.name} description={locale === "zh-CN" ? product.bank.name : product.bank.nameEn} />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <Card title={t("products.detailTitle")}>
          <dl className="grid gap-4 sm:grid-cols-2">
            <div>
              <dt className="text-sm text-slate-500">{t("products.columns.type")}</dt>
              <dd>{td(`domain.productType.${product.type}`)}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-500">{t("products.columns.guarantee")}</dt>
              <dd>{td(`domain.guaranteeType.${product.guaranteeType}`)}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-500">{t("products.columns.amount")}</dt>
              <dd className="tabular-nums">{amountRange(product.minAmountYuan, product.maxAmountYuan)}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-500">{t("products.columns.term")}</dt>
              <dd className="tabular-nums">{t("products.termRange", { min: product.minTermMonths, max: product.maxTermMonths })}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-500">{t("products.columns.rate")}</dt>
              <dd className="font-semibold tabular-nums text-brand-700">
                {formatBp(product.minRateBp)} – {formatBp(product.maxRateBp)}
              </dd>
            </div>
          </dl>
          {product.description && (
            <>
              <h3 className="mt-6 font-semibold">{t("products.description")}</h3>
              <p className="mt-2 whitespace-pre-line text-slate-700">{product.description}</p>
            </>
          )}
        </Card>
        <Card title={t("products.requirements")}>
          <ul className="flex flex-col gap-3 text-sm">
            <li>
              <span className="text-slate-500">{t("products.columns.sizes")}: </span>
              {sizes.map((size) => td(`domain.size.${size}`)).join("、")}
            </li>
            <li>
              <span className="text-slate-500">{t("products.industries")}: </span>
              {sections.length ? sections.join(" ") : t("products.allIndustries")}
            </li>
            {product.minTaxGrade && <li>{t("products.minTaxGrade", { grade: product.minTaxGrade })}</li>}
            {product.whitelistOnly && (
              <li>
                <Badge tone="amber">{t("products.whitelistOnly")}</Badge>
              </li>
            )}
          </ul>
          {!signedInRole && (
            <Link to={`/login?redirectTo=/products/${product.id}`} className={buttonClass("primary", "mt-6 w-full")}>
              {t("products.signInToApply")}
            </Link>
          )}
        </Card>
      </div>
    </div>
  );
}
