import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { Badge } from "~/components/ui";
import { formatDate } from "~/domain/format-date";
import { formatYuanAsWan } from "~/domain/money";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

import type { loader } from "./route";

type Data = SerializeFrom<typeof loader>;

const STATUS_TONES = {
  REQUESTED: "amber",
  PENDING: "blue",
  APPROVED: "green",
  REJECTED: "red",
  DECLINED: "gray",
  WITHDRAWN: "gray",
} as const;

/** The recommendations: firm, status and batch, reason, amount, (for the bureau) office, date. */
export function RecommendationsTable({ role, items }: Pick<Data, "role" | "items">) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">
              {t("gov.recommendations.columns.firm")}
            </th>
            <th scope="col" className="px-4 py-3 font-medium">
              {t("gov.recommendations.columns.status")}
            </th>
            <th scope="col" className="px-4 py-3 font-medium">
              {t("gov.recommendations.columns.reason")}
            </th>
            <th scope="col" className="px-4 py-3 text-right font-medium">
              {t("gov.recommendations.columns.amount")}
            </th>
            {role === "GOV_BUREAU" && (
              <th scope="col" className="px-4 py-3 font-medium">
                {t("gov.recommendations.columns.office")}
              </th>
            )}
            <th scope="col" className="px-4 py-3 font-medium">
              {t("gov.recommendations.columns.created")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((item) => (
            <tr key={item.id}>
              <td className="px-4 py-3">
                <Link
                  to={`/gov/recommendations/${item.id}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {item.enterprise.name}
                </Link>
                {item.enterprise.onDishonestyList && (
                  <span className="ml-2">
                    <Badge tone="red">{t("gov.firms.badges.dishonest")}</Badge>
                  </span>
                )}
              </td>
              <td className="px-4 py-3">
                <Badge tone={STATUS_TONES[item.status as keyof typeof STATUS_TONES] ?? "gray"}>
                  {td(`gov.recommendationStatus.${item.status}`)}
                </Badge>
                {item.batch && <span className="ml-2 text-xs text-slate-600">{item.batch.name}</span>}
              </td>
              <td className="max-w-xs px-4 py-3 text-slate-700">
                <span className="line-clamp-2">{item.reason ?? item.requestNote ?? ""}</span>
                {item.reviewNote && <span className="block text-xs text-slate-500">{item.reviewNote}</span>}
              </td>
              <td className="px-4 py-3 text-right tabular-nums">
                {item.suggestedAmountYuan !== null
                  ? formatYuanAsWan(item.suggestedAmountYuan, locale)
                  : t("gov.common.none")}
              </td>
              {role === "GOV_BUREAU" && (
                <td className="px-4 py-3">
                  {locale === "zh-CN" ? item.subDistrict.name : item.subDistrict.nameEn}
                </td>
              )}
              <td className="px-4 py-3 whitespace-nowrap">{formatDate(item.createdAt, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
