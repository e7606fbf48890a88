import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { DataTable, type Column } from "~/components/list-kit";
import { Badge, EmptyState } from "~/components/ui";
import { formatDate } from "~/domain/format-date";
import { PAGE_SIZE } from "~/domain/list-query";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

import type { loader } from "./route";

type Data = SerializeFrom<typeof loader>;
type Entry = Data["entries"][number];

export const ENTRY_TONES = { ACTIVE: "green", SUSPENDED: "amber", REVOKED: "red" } as const;

/** The entries: firm, status (and why), batch, valid until, office. */
export function EntriesTable({
  role,
  entries,
  page,
  total,
}: Pick<Data, "role" | "entries" | "page" | "total">) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const columns: Column<Entry>[] = [
    {
      key: "firm",
      header: t("gov.recommendations.columns.firm"),
      cell: (entry) => (
        <>
          <Link to={`/gov/whitelist/${entry.id}`} className="font-medium text-brand-700 hover:underline">
            {entry.enterprise.name}
          </Link>
          <p className="font-mono text-xs text-slate-500">{entry.enterprise.uscc}</p>
        </>
      ),
    },
    {
      key: "status",
      header: t("gov.whitelist.status"),
      cell: (entry) => (
        <>
          <Badge tone={ENTRY_TONES[entry.status as keyof typeof ENTRY_TONES] ?? "gray"}>
            {td(`gov.entryStatus.${entry.status}`)}
          </Badge>
          {entry.statusReason && <p className="mt-1 max-w-xs text-xs text-slate-600">{entry.statusReason}</p>}
        </>
      ),
    },
    { key: "batch", header: t("gov.whitelist.batch"), cell: (entry) => entry.batch.name },
    {
      key: "validUntil",
      header: t("gov.whitelist.validUntil"),
      nowrap: true,
      cell: (entry) => formatDate(entry.batch.validUntil, locale),
    },
    {
      key: "office",
      header: t("gov.recommendations.columns.office"),
      cell: (entry) =>
        locale === "zh-CN" ? entry.enterprise.subDistrict.name : entry.enterprise.subDistrict.nameEn,
    },
  ];
  return (
    <DataTable
      label={t("gov.whitelist.title")}
      rows={entries}
      rowKey={(entry) => entry.id}
      columns={columns}
      empty={
        <EmptyState
          title={t("gov.whitelist.empty")}
          hint={
            role === "GOV_BUREAU" ? t("gov.whitelist.emptyHintBureau") : t("gov.whitelist.emptyHintOffice")
          }
        />
      }
      pagination={{ page, pageSize: PAGE_SIZE, total }}
    />
  );
}
