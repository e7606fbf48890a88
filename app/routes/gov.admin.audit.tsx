import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";

import { AdminNav, GovNav } from "~/components/gov-nav";
import { Pagination } from "~/components/pagination";
import { EmptyState, Field, PageHeader, buttonClass, fieldAria, inputClass } from "~/components/ui";
import { formatDateTime } from "~/domain/format-date";
import { isIsoDay } from "~/domain/shanghai-time";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { hasMessage } from "~/i18n/translate";
import { AUDIT_ACTION_GROUPS, AUDIT_ACTIONS, AUDIT_FILTERS } from "~/domain/audit-actions";
import { listAuditLog } from "~/models/audit.server";
import { PAGE_SIZE, parseChoice, parsePage } from "~/domain/list-query";
import { requireBureauUser } from "~/permissions.server";

function parseDay(value: string | null) {
  return value && isIsoDay(value) ? value : null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBureauUser(request);
  const params = new URL(request.url).searchParams;
  const page = parsePage(params.get("page"));
  const list = await listAuditLog(actor, {
    action: parseChoice(AUDIT_FILTERS, params.get("action")),
    actor: params.get("actor")?.trim().slice(0, 40) || null,
    from: parseDay(params.get("from")),
    to: parseDay(params.get("to")),
    page,
    pageSize: PAGE_SIZE,
  });
  return { role: actor.role, ...list, page };
}

export default function AdminAudit() {
  const { role, entries, total, page } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const actionLabel = (code: string) =>
    hasMessage(locale, `audit.actions.${code}`) ? td(`audit.actions.${code}`) : code;
  return (
    <div className="flex flex-col gap-6">
      <GovNav role={role} />
      <AdminNav />
      <PageHeader title={t("audit.title")} description={t("audit.intro")} />
      <Form
        method="get"
        className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
        aria-label={t("audit.filters")}
      >
        <div className="w-full sm:w-56">
          <Field id="action" label={t("audit.action")}>
            <select
              {...fieldAria("action")}
              name="action"
              defaultValue={params.get("action") ?? ""}
              className={inputClass}
            >
              <option value="">{t("audit.anyAction")}</option>
              <optgroup label={t("audit.groups")}>
                {AUDIT_ACTION_GROUPS.map((group) => (
                  <option key={group} value={group}>
                    {td(`audit.groupLabels.${group}`)}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t("audit.single")}>
                {AUDIT_ACTIONS.map((code) => (
                  <option key={code} value={code}>
                    {actionLabel(code)}
                  </option>
                ))}
              </optgroup>
            </select>
          </Field>
        </div>
        <div className="w-full sm:w-48">
          <Field id="actor" label={t("audit.actor")}>
            <input
              {...fieldAria("actor")}
              name="actor"
              maxLength={40}
              placeholder={t("audit.actorHint")}
              defaultValue={params.get("actor") ?? ""}
              className={inputClass}
            />
          </Field>
        </div>
        <div className="w-full sm:w-40">
          <Field id="from" label={t("audit.from")}>
            <input
              {...fieldAria("from")}
              type="date"
              name="from"
              defaultValue={params.get("from") ?? ""}
              className={inputClass}
            />
          </Field>
        </div>
        <div className="w-full sm:w-40">
          <Field id="to" label={t("audit.to")}>
            <input
              {...fieldAria("to")}
              type="date"
              name="to"
              defaultValue={params.get("to") ?? ""}
              className={inputClass}
            />
          </Field>
        </div>
        <button type="submit" className={buttonClass("primary")}>
          {t("common.actions.filter")}
        </button>
        <Link to="/gov/admin/audit" className={buttonClass("secondary")}>
          {t("common.actions.reset")}
        </Link>
      </Form>
      <p className="text-sm text-slate-600">{t("audit.count", { count: total })}</p>
      {entries.length === 0 ? (
        <EmptyState title={t("audit.empty")} />
      ) : (
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
      )}
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} />
    </div>
  );
}
