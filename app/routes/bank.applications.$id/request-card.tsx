import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { Badge, Card } from "~/components/ui";
import { formatDateTime } from "~/domain/format-date";
import { formatBp, formatYuanAsWan } from "~/domain/money";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

import type { loader } from "./route";

type Application = SerializeFrom<typeof loader>["application"];

/** What the firm asks for, under which product, and the decision taken so far. */
export function RequestCard({ application }: { application: Application }) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const p = application.product;
  const money = (yuan: number) => formatYuanAsWan(yuan, locale);
  return (
    <Card title={t("bank.decision.request")}>
      <dl className="grid gap-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-slate-600">{t("bank.decision.amount")}</dt>
          <dd className="text-lg font-semibold tabular-nums">{money(application.amountYuan)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("bank.decision.term")}</dt>
          <dd className="text-lg font-semibold">
            {t("bank.decision.termValue", { months: application.termMonths })}
          </dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="text-slate-600">{t("bank.decision.purpose")}</dt>
          <dd>{application.purpose}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("bank.decision.submittedAt")}</dt>
          <dd>{formatDateTime(application.submittedAt, locale)}</dd>
        </div>
        <div className="flex flex-wrap items-end gap-2">
          {application.whitelisted && <Badge tone="green">{t("bank.decision.whitelisted")}</Badge>}
          {application.offerId && <Badge tone="blue">{t("bank.decision.fromOffer")}</Badge>}
        </div>
        <div className="sm:col-span-2">
          <dt className="text-slate-600">{t("bank.decision.product")}</dt>
          <dd>
            <Link to={`/bank/products/${p.id}`} className="font-medium text-brand-700 hover:underline">
              {p.name}
            </Link>{" "}
            <span className="text-slate-500">{t("bank.products.versionLabel", { version: p.version })}</span>
            <span className="block text-slate-600">
              {t("bank.decision.productTerms", {
                amount: `${money(p.minAmountYuan)} – ${money(p.maxAmountYuan)}`,
                term: t("bank.products.termRange", { min: p.minTermMonths, max: p.maxTermMonths }),
                rate: t("bank.products.rateRange", {
                  min: formatBp(p.minRateBp),
                  max: formatBp(p.maxRateBp),
                }),
              })}
            </span>
          </dd>
        </div>
      </dl>
      {(application.approvedAmountYuan !== null || application.rejectReason) && (
        <div className="mt-4 border-t border-slate-100 pt-4 text-sm">
          <h3 className="font-medium">{t("bank.decision.outcome")}</h3>
          {application.approvedAmountYuan !== null && (
            <p>
              {t("bank.decision.approved", {
                amount: money(application.approvedAmountYuan),
                term: application.approvedTermMonths ?? "",
                rate: formatBp(application.approvedRateBp ?? 0),
              })}
            </p>
          )}
          {application.disbursedAmountYuan !== null && application.disbursedAt && (
            <p>
              {t("bank.decision.disbursed", {
                amount: money(application.disbursedAmountYuan),
                rate: formatBp(application.disbursedRateBp ?? 0),
                date: formatDateTime(application.disbursedAt, locale),
              })}
            </p>
          )}
          {application.rejectReason && (
            <p>
              {t("bank.decision.rejected", {
                reason: td(`domain.rejectReason.${application.rejectReason}`),
              })}
              {application.rejectText ? ` — ${application.rejectText}` : ""}
            </p>
          )}
        </div>
      )}
    </Card>
  );
}
