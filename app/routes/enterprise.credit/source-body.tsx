import { Link } from "@remix-run/react";

import { formatYuan } from "~/domain/money";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

export type SourceData = Record<string, unknown> & { items?: Record<string, unknown>[] };

/**
 * One credit source's data: a list of items (penalties, licences, listings — each with a link
 * to object to it) or a single set of fields.
 */
export function SourceBody({ source, data }: { source: string; data: SourceData }) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const label = (field: string) => td(`enterprise.credit.fields.${field}`);
  const value = (field: string, v: unknown) => {
    if (
      ["taxPaid", "amount", "waterArrears", "powerArrears", "gasArrears"].includes(field) &&
      typeof v === "number"
    )
      return formatYuan(v, locale);
    if (field === "repaired")
      return v ? t("enterprise.credit.fields.repairedYes") : t("enterprise.credit.fields.repairedNo");
    return String(v);
  };
  if (Array.isArray(data.items)) {
    if (!data.items.length) return <p className="text-sm text-slate-600">{t("enterprise.credit.noItems")}</p>;
    return (
      <ul className="flex flex-col gap-3 text-sm">
        {data.items.map((item, i) => (
          <li key={i} className="rounded-md bg-slate-50 p-3">
            <dl className="grid gap-1 sm:grid-cols-2">
              {Object.entries(item).map(([field, v]) => (
                <div key={field} className="flex gap-2">
                  <dt className="shrink-0 text-slate-500">{label(field)}</dt>
                  <dd className="break-all">{value(field, v)}</dd>
                </div>
              ))}
            </dl>
            {source === "penalties" || source === "dishonestyList" || source === "licenses" ? (
              <Link
                to={`?record=${encodeURIComponent(`${source}::${source === "penalties" ? String(item.decisionNo) : source === "licenses" ? String(item.licenseNo) : `${String(item.listName)}:${String(item.listedOn)}`}`)}#objection`}
                className="mt-2 inline-block text-brand-700 hover:underline"
              >
                {t("enterprise.credit.objectThis")}
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <dl className="grid gap-2 text-sm sm:grid-cols-2">
      {Object.entries(data)
        .filter(([field]) => field !== "updatedAt")
        .map(([field, v]) => (
          <div key={field}>
            <dt className="text-slate-500">{label(field)}</dt>
            <dd className="font-medium tabular-nums">{value(field, v)}</dd>
          </div>
        ))}
    </dl>
  );
}
