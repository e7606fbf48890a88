import type { SerializeFrom } from "@remix-run/node";
import type { ReactNode } from "react";

import { DataTable, type Column } from "~/components/list-kit";
import { useRecommendationColumns } from "~/components/recommendation-columns";
import { Badge } from "~/components/ui";
import { PAGE_SIZE } from "~/domain/list-query";
import { useT, useTDynamic } from "~/i18n/use-t";

import type { loader } from "./route";

type Data = SerializeFrom<typeof loader>;
type Item = Data["items"][number];

const STATUS_TONES = {
  REQUESTED: "amber",
  PENDING: "blue",
  APPROVED: "green",
  REJECTED: "red",
  DECLINED: "gray",
  WITHDRAWN: "gray",
} as const;

/** The recommendations: firm, status and batch, reason, amount, (for the bureau) office, date. */
export function RecommendationsTable({
  role,
  items,
  page,
  total,
  empty,
}: Pick<Data, "role" | "items" | "page" | "total"> & { empty: ReactNode }) {
  const t = useT();
  const td = useTDynamic();
  const shared = useRecommendationColumns<Item>();
  const columns: (Column<Item> | false)[] = [
    shared.firm(
      (item) =>
        item.enterprise.onDishonestyList && (
          <span className="ml-2">
            <Badge tone="red">{t("gov.firms.badges.dishonest")}</Badge>
          </span>
        ),
    ),
    {
      key: "status",
      header: t("gov.recommendations.columns.status"),
      cell: (item) => (
        <>
          <Badge tone={STATUS_TONES[item.status as keyof typeof STATUS_TONES] ?? "gray"}>
            {td(`gov.recommendationStatus.${item.status}`)}
          </Badge>
          {item.batch && <span className="ml-2 text-xs text-slate-600">{item.batch.name}</span>}
        </>
      ),
    },
    {
      key: "reason",
      header: t("gov.recommendations.columns.reason"),
      className: "max-w-xs text-slate-700",
      cell: (item) => (
        <>
          <span className="line-clamp-2">{item.reason ?? item.requestNote ?? ""}</span>
          {item.reviewNote && <span className="block text-xs text-slate-500">{item.reviewNote}</span>}
        </>
      ),
    },
    shared.amount,
    role === "GOV_BUREAU" && shared.office,
    shared.created,
  ];
  return (
    <DataTable
      label={t("gov.recommendations.title")}
      rows={items}
      rowKey={(item) => item.id}
      columns={columns}
      empty={empty}
      pagination={{ page, pageSize: PAGE_SIZE, total }}
    />
  );
}
