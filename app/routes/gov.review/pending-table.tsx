import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { Badge } from "~/components/ui";
import { formatDate } from "~/domain/format-date";
import { formatYuanAsWan } from "~/domain/money";
import { useLocale, useT } from "~/i18n/use-t";

import type { loader } from "./route";

/** The pending recommendations, each picked by a checkbox (a firm on the dishonesty list cannot be). */
export function PendingTable({
  pending,
  selected,
  idsInvalid,
}: {
  pending: SerializeFrom<typeof loader>["pending"];
  selected: Set<string>;
  idsInvalid: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <fieldset
      className="min-w-0 overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200"
      aria-describedby={idsInvalid ? "ids-error" : undefined}
    >
      <legend className="sr-only">{t("gov.review.select")}</legend>
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">
              {t("gov.review.select")}
            </th>
            <th scope="col" className="px-4 py-3 font-medium">
              {t("gov.recommendations.columns.firm")}
            </th>
            <th scope="col" className="px-4 py-3 font-medium">
              {t("gov.recommendations.columns.office")}
            </th>
            <th scope="col" className="px-4 py-3 font-medium">
              {t("gov.firms.columns.credit")}
            </th>
            <th scope="col" className="px-4 py-3 font-medium">
              {t("gov.recommendations.columns.reason")}
            </th>
            <th scope="col" className="px-4 py-3 text-right font-medium">
              {t("gov.recommendations.columns.amount")}
            </th>
            <th scope="col" className="px-4 py-3 font-medium">
              {t("gov.recommendations.columns.created")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {pending.map((r) => (
            <tr key={r.id}>
              <td className="px-4 py-3">
                <input
                  type="checkbox"
                  name="ids"
                  value={r.id}
                  id={`pick-${r.id}`}
                  defaultChecked={selected.has(r.id)}
                  disabled={r.enterprise.onDishonestyList}
                  aria-label={t("gov.review.pick", { name: r.enterprise.name })}
                  className="size-4"
                />
              </td>
              <td className="px-4 py-3">
                <Link
                  to={`/gov/recommendations/${r.id}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {r.enterprise.name}
                </Link>
                <p className="font-mono text-xs text-slate-500">{r.enterprise.uscc}</p>
              </td>
              <td className="px-4 py-3">{locale === "zh-CN" ? r.subDistrict.name : r.subDistrict.nameEn}</td>
              <td className="px-4 py-3">
                <span className="flex flex-wrap gap-1">
                  <Badge>
                    {r.enterprise.taxGrade
                      ? t("gov.firm.taxShort", { grade: r.enterprise.taxGrade })
                      : t("gov.common.none")}
                  </Badge>
                  {r.enterprise.publicRating && (
                    <Badge>{t("gov.firm.ratingShort", { grade: r.enterprise.publicRating })}</Badge>
                  )}
                  {r.enterprise.onDishonestyList && (
                    <Badge tone="red">{t("gov.firms.badges.dishonest")}</Badge>
                  )}
                  {r.enterprise.onRedList && <Badge tone="green">{t("gov.firm.redList")}</Badge>}
                </span>
              </td>
              <td className="max-w-xs px-4 py-3">{r.reason}</td>
              <td className="px-4 py-3 text-right tabular-nums">
                {r.suggestedAmountYuan !== null
                  ? formatYuanAsWan(r.suggestedAmountYuan, locale)
                  : t("gov.common.none")}
              </td>
              <td className="px-4 py-3 whitespace-nowrap">{formatDate(r.createdAt, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}
