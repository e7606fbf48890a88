import type { SerializeFrom } from "@remix-run/node";

import { formatDateTime } from "~/domain/format-date";
import { useLocale, useT } from "~/i18n/use-t";

import { useActionLabel } from "./action-label";
import type { loader } from "./route";

/** The log's entries: when, who, what (its name and code), on what, from where. */
export function AuditTable({ entries }: { entries: SerializeFrom<typeof loader>["entries"] }) {
  const t = useT();
  const locale = useLocale();
  const actionLabel = useActionLabel();
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">
              {t("audit.at")}
            </th>
            <th scope="col" className="px-4 py-3 font-medium">
              {t("audit.actor")}
            </th>
            <th scope="col" className="px-4 py-3 font-medium">
              {t("audit.action")}
            </th>
            <th scope="col" className="px-4 py-3 font-medium">
              {t("audit.target")}
            </th>
            <th scope="col" className="px-4 py-3 font-medium">
              {t("audit.ip")}
            </th>
            <th scope="col" className="px-4 py-3 font-medium">
              {t("audit.detail")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className="px-4 py-3 whitespace-nowrap">{formatDateTime(entry.at, locale)}</td>
              <td className="px-4 py-3">
                {entry.actor ? (
                  <>
                    <span className="font-medium">{entry.actor.username}</span>
                    <p className="text-xs text-slate-500">{entry.actor.displayName}</p>
                  </>
                ) : (
                  t("audit.system")
                )}
              </td>
              <td className="px-4 py-3">
                {actionLabel(entry.action)}
                <p className="font-mono text-xs text-slate-500">{entry.action}</p>
              </td>
              <td className="px-4 py-3 font-mono text-xs">
                {entry.targetType ? `${entry.targetType} ${entry.targetId ?? ""}` : ""}
              </td>
              <td className="px-4 py-3 font-mono text-xs">{entry.ip ?? ""}</td>
              <td className="max-w-xs px-4 py-3 text-xs break-words text-slate-600">{entry.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
