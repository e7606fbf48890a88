import type { SerializeFrom } from "@remix-run/node";

import { DataTable, type Column } from "~/components/list-kit";
import { EmptyState } from "~/components/ui";
import { formatDateTime } from "~/domain/format-date";
import { PAGE_SIZE } from "~/domain/list-query";
import { useLocale, useT } from "~/i18n/use-t";

import { useActionLabel } from "./action-label";
import type { loader } from "./route";

type Data = SerializeFrom<typeof loader>;
type Entry = Data["entries"][number];

/** The log's entries: when, who, what (its name and code), on what, from where. */
export function AuditTable({ entries, page, total }: Pick<Data, "entries" | "page" | "total">) {
  const t = useT();
  const locale = useLocale();
  const actionLabel = useActionLabel();
  const columns: Column<Entry>[] = [
    { key: "at", header: t("audit.at"), nowrap: true, cell: (entry) => formatDateTime(entry.at, locale) },
    {
      key: "actor",
      header: t("audit.actor"),
      cell: (entry) =>
        entry.actor ? (
          <>
            <span className="font-medium">{entry.actor.username}</span>
            <p className="text-xs text-slate-500">{entry.actor.displayName}</p>
          </>
        ) : (
          t("audit.system")
        ),
    },
    {
      key: "action",
      header: t("audit.action"),
      cell: (entry) => (
        <>
          {actionLabel(entry.action)}
          <p className="font-mono text-xs text-slate-500">{entry.action}</p>
        </>
      ),
    },
    {
      key: "target",
      header: t("audit.target"),
      className: "font-mono text-xs",
      cell: (entry) => (entry.targetType ? `${entry.targetType} ${entry.targetId ?? ""}` : ""),
    },
    { key: "ip", header: t("audit.ip"), className: "font-mono text-xs", cell: (entry) => entry.ip ?? "" },
    {
      key: "detail",
      header: t("audit.detail"),
      className: "max-w-xs text-xs break-words text-slate-600",
      cell: (entry) => entry.detail,
    },
  ];
  return (
    <DataTable
      label={t("audit.title")}
      rows={entries}
      rowKey={(entry) => entry.id}
      columns={columns}
      empty={<EmptyState title={t("audit.empty")} />}
      pagination={{ page, pageSize: PAGE_SIZE, total }}
    />
  );
}
