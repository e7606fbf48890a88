import type { SerializeFrom } from "@remix-run/node";

import { DataTable, type Column } from "~/components/list-kit";
import { useRecommendationColumns } from "~/components/recommendation-columns";
import { Badge } from "~/components/ui";
import { useT } from "~/i18n/use-t";

import type { loader } from "./route";

type Pending = SerializeFrom<typeof loader>["pending"][number];

/** The pending recommendations, each picked by a checkbox (a firm on the dishonesty list cannot be). */
export function PendingTable({
  pending,
  selected,
  idsInvalid,
}: {
  pending: readonly Pending[];
  selected: Set<string>;
  idsInvalid: boolean;
}) {
  const t = useT();
  const shared = useRecommendationColumns<Pending>();
  const columns: Column<Pending>[] = [
    {
      key: "select",
      header: t("gov.review.select"),
      cell: (r) => (
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
      ),
    },
    shared.firm((r) => <p className="font-mono text-xs text-slate-500">{r.enterprise.uscc}</p>),
    shared.office,
    {
      key: "credit",
      header: t("gov.firms.columns.credit"),
      cell: (r) => (
        <span className="flex flex-wrap gap-1">
          <Badge>
            {r.enterprise.taxGrade
              ? t("gov.firm.taxShort", { grade: r.enterprise.taxGrade })
              : t("gov.common.none")}
          </Badge>
          {r.enterprise.publicRating && (
            <Badge>{t("gov.firm.ratingShort", { grade: r.enterprise.publicRating })}</Badge>
          )}
          {r.enterprise.onDishonestyList && <Badge tone="red">{t("gov.firms.badges.dishonest")}</Badge>}
          {r.enterprise.onRedList && <Badge tone="green">{t("gov.firm.redList")}</Badge>}
        </span>
      ),
    },
    {
      key: "reason",
      header: t("gov.recommendations.columns.reason"),
      className: "max-w-xs",
      cell: (r) => r.reason,
    },
    shared.amount,
    shared.created,
  ];
  return (
    <fieldset
      className="min-w-0 rounded-lg bg-white shadow-sm ring-1 ring-slate-200"
      aria-describedby={idsInvalid ? "ids-error" : undefined}
    >
      <legend className="sr-only">{t("gov.review.select")}</legend>
      <DataTable
        label={t("gov.review.title")}
        rows={pending}
        rowKey={(r) => r.id}
        columns={columns}
        empty={null}
        framed={false}
      />
    </fieldset>
  );
}
