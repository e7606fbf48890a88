/** The product page's read-only cards: the terms, the requirements, the firm's eligibility. */
import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { useAmountRange } from "~/components/product-card";
import { Badge, Card, buttonClass } from "~/components/ui";
import { formatBp } from "~/domain/money";
import { useFormatList, useT, useTDynamic } from "~/i18n/use-t";

import { ReasonList } from "./reason-list";
import type { loader } from "./route";

type Data = SerializeFrom<typeof loader>;
type Product = Data["product"];

/** 产品详情: type, guarantee, amounts, terms, rates and the bank's description. */
export function ProductDetails({ product }: { product: Product }) {
  const t = useT();
  const td = useTDynamic();
  const amountRange = useAmountRange();
  return (
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
          <dd className="tabular-nums">
            {t("products.termRange", { min: product.minTermMonths, max: product.maxTermMonths })}
          </dd>
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
  );
}

/** 申请条件: sizes, industries, tax grade, whitelist; and a way in for a reader who cannot apply yet. */
export function RequirementsCard({
  product,
  signedInRole,
}: {
  product: Product;
  signedInRole: Data["signedInRole"];
}) {
  const t = useT();
  const td = useTDynamic();
  const list = useFormatList();
  const sizes = product.eligibleSizes.split(",").filter(Boolean);
  const sections = product.eligibleSections.split(",").filter(Boolean);
  return (
    <Card title={t("products.requirements")}>
      <ul className="flex flex-col gap-3 text-sm">
        <li>
          <span className="text-slate-500">{t("products.columns.sizes")}: </span>
          {list(sizes.map((size) => td(`domain.size.${size}`)))}
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
        <Link
          to={`/login?redirectTo=/products/${product.id}`}
          className={buttonClass("primary", "mt-6 w-full")}
        >
          {t("products.signInToApply")}
        </Link>
      )}
      {signedInRole && signedInRole !== "ENTERPRISE" && (
        <p className="mt-6 text-sm text-slate-600">{t("enterprise.apply.onlyEnterprise")}</p>
      )}
    </Card>
  );
}

/** Whether the signed-in firm qualifies, rule by rule. */
export function EligibilityCard({
  eligibility,
}: {
  eligibility: NonNullable<Data["firmView"]>["eligibility"];
}) {
  const t = useT();
  return (
    <Card title={t("enterprise.apply.eligibility")}>
      <p className={`mb-3 font-medium ${eligibility.eligible ? "text-emerald-800" : "text-red-700"}`}>
        {eligibility.eligible ? t("enterprise.apply.eligible") : t("enterprise.apply.ineligible")}
      </p>
      <ReasonList reasons={eligibility.reasons} />
    </Card>
  );
}
