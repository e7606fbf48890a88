import type { SerializeFrom } from "@remix-run/node";

import { Badge, Card } from "~/components/ui";
import { formatDate, formatDateTime } from "~/domain/format-date";
import { formatBp, formatYuanAsWan } from "~/domain/money";
import { useFormatList, useLocale, useT, useTDynamic } from "~/i18n/use-t";

import type { loader } from "./route";

/** The demand: amount, term, guarantees, rate ceiling, purpose and validity, and this bank's earlier offers on it. */
export function DemandCard({ demand }: { demand: SerializeFrom<typeof loader>["demand"] }) {
  const t = useT();
  const td = useTDynamic();
  const list = useFormatList();
  const locale = useLocale();
  const money = (yuan: number) => formatYuanAsWan(yuan, locale);
  return (
    <Card title={t("bank.offers.demand")}>
      <dl className="grid gap-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-slate-600">{t("bank.offers.columns.amount")}</dt>
          <dd className="text-lg font-semibold tabular-nums">{money(demand.amountYuan)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("bank.offers.columns.term")}</dt>
          <dd className="text-lg font-semibold">
            {t("bank.decision.termValue", { months: demand.termMonths })}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("bank.offers.columns.guarantee")}</dt>
          <dd>
            {list(
              demand.guaranteeTypes
                .split(",")
                .filter(Boolean)
                .map((g) => td(`domain.guaranteeType.${g}`)),
            )}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("bank.offers.columns.ceiling")}</dt>
          <dd>
            {demand.rateCeilingBp !== null ? formatBp(demand.rateCeilingBp) : t("bank.offers.noCeiling")}
          </dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="text-slate-600">{t("bank.offers.purpose")}</dt>
          <dd>{demand.purpose}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("bank.offers.columns.validUntil")}</dt>
          <dd>{formatDate(demand.validUntil, locale)}</dd>
        </div>
      </dl>
      {demand.offers.length > 0 && (
        <div className="mt-4 border-t border-slate-100 pt-4">
          <h3 className="mb-2 font-medium">{t("bank.offers.previousOffers")}</h3>
          <ul className="flex flex-col gap-2 text-sm">
            {demand.offers.map((o) => (
              <li key={o.id} className="flex flex-wrap items-center gap-2">
                <span>{o.product.name}</span>
                <span>
                  {t("bank.offers.offerTerms", {
                    amount: money(o.amountYuan),
                    term: o.termMonths,
                    rate: formatBp(o.rateBp),
                  })}
                </span>
                <Badge>{td(`bank.offers.status.${o.status}`)}</Badge>
                <span className="text-xs text-slate-500">{formatDateTime(o.createdAt, locale)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}
