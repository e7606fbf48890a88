/**
 * The columns the recommendation lists share (the office's and bureau's list, the bureau's review
 * queue): the firm linked to its recommendation, the office, the suggested amount and the day.
 */
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

import { formatDate } from "~/domain/format-date";
import { formatYuanAsWan } from "~/domain/money";
import { useLocale, useT } from "~/i18n/use-t";

import type { Column } from "./list-kit";

type Org = { name: string; nameEn: string };
type RecommendationRow = {
  id: string;
  enterprise: { name: string };
  subDistrict: Org;
  suggestedAmountYuan: number | null;
  createdAt: string;
};

export function useRecommendationColumns<Row extends RecommendationRow>() {
  const t = useT();
  const locale = useLocale();
  return {
    /** the firm's name linking to the recommendation, and what the list adds under or beside it */
    firm: (extra: (row: Row) => ReactNode): Column<Row> => ({
      key: "firm",
      header: t("gov.recommendations.columns.firm"),
      cell: (row) => (
        <>
          <Link to={`/gov/recommendations/${row.id}`} className="font-medium text-brand-700 hover:underline">
            {row.enterprise.name}
          </Link>
          {extra(row)}
        </>
      ),
    }),
    office: {
      key: "office",
      header: t("gov.recommendations.columns.office"),
      cell: (row) => (locale === "zh-CN" ? row.subDistrict.name : row.subDistrict.nameEn),
    } satisfies Column<Row>,
    amount: {
      key: "amount",
      header: t("gov.recommendations.columns.amount"),
      align: "right",
      cell: (row) =>
        row.suggestedAmountYuan !== null
          ? formatYuanAsWan(row.suggestedAmountYuan, locale)
          : t("gov.common.none"),
    } satisfies Column<Row>,
    created: {
      key: "created",
      header: t("gov.recommendations.columns.created"),
      nowrap: true,
      cell: (row) => formatDate(row.createdAt, locale),
    } satisfies Column<Row>,
  };
}
