import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { DataTable, type Column } from "~/components/list-kit";
import { EmptyState, buttonClass } from "~/components/ui";
import { formatDate } from "~/domain/format-date";
import { formatBp, formatYuanAsWan } from "~/domain/money";
import { useFormatList, useLocale, useT, useTDynamic } from "~/i18n/use-t";

import type { loader } from "./route";

type Demand = NonNullable<SerializeFrom<typeof loader>["demands"]>["demands"][number];

/** The open demands the bank may answer, each with a link to respond. */
export function DemandsTable({ demands }: { demands: Demand[] }) {
  const t = useT();
  const td = useTDynamic();
  const list = useFormatList();
  const locale = useLocale();
  const columns: Column<Demand>[] = [
    {
      key: "firm",
      header: t("bank.offers.columns.firm"),
      cell: (d) => (
        <>
          {d.enterprise.name}
          <span className="block text-xs text-slate-500">{d.purpose}</span>
        </>
      ),
    },
    {
      key: "amount",
      header: t("bank.offers.columns.amount"),
      align: "right",
      nowrap: true,
      cell: (d) => formatYuanAsWan(d.amountYuan, locale),
    },
    {
      key: "term",
      header: t("bank.offers.columns.term"),
      nowrap: true,
      cell: (d) => t("bank.decision.termValue", { months: d.termMonths }),
    },
    {
      key: "guarantee",
      header: t("bank.offers.columns.guarantee"),
      cell: (d) =>
        list(
          d.guaranteeTypes
            .split(",")
            .filter(Boolean)
            .map((g) => td(`domain.guaranteeType.${g}`)),
        ),
    },
    {
      key: "ceiling",
      header: t("bank.offers.columns.ceiling"),
      nowrap: true,
      cell: (d) => (d.rateCeilingBp !== null ? formatBp(d.rateCeilingBp) : t("bank.offers.noCeiling")),
    },
    {
      key: "validUntil",
      header: t("bank.offers.columns.validUntil"),
      nowrap: true,
      cell: (d) => formatDate(d.validUntil, locale),
    },
    {
      key: "offered",
      header: t("bank.offers.columns.offered"),
      nowrap: true,
      cell: (d) => (
        <>
          {d.offers.length > 0 && (
            <span className="mr-2 text-xs text-slate-600">
              {t("bank.offers.offeredCount", { count: d.offers.length })}
            </span>
          )}
          <Link to={`/bank/demands/${d.id}`} className={buttonClass("secondary")}>
            {t("bank.offers.respond")}
          </Link>
        </>
      ),
    },
  ];
  return (
    <DataTable
      label={t("bank.offers.tabs.demands")}
      rows={demands}
      rowKey={(d) => d.id}
      columns={columns}
      empty={<EmptyState title={t("bank.offers.emptyDemands")} hint={t("bank.offers.emptyDemandsHint")} />}
    />
  );
}
