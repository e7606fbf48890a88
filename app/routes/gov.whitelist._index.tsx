import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";

import { GovNav } from "~/components/gov-nav";
import { Pagination } from "~/components/pagination";
import { Badge, EmptyState, Field, PageHeader, buttonClass, fieldAria, inputClass } from "~/components/ui";
import { formatDate } from "~/domain/format-date";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { PAGE_SIZE, parseChoice, parseId, parsePage } from "~/domain/list-query";
import { ENTRY_STATUSES } from "~/models/gov-codes";
import { listEntries } from "~/models/whitelist.server";
import { requireGovUser } from "~/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireGovUser(request);
  const params = new URL(request.url).searchParams;
  const status = parseChoice(ENTRY_STATUSES, params.get("status"));
  const batchId = parseId(params.get("batch"));
  const q = params.get("q")?.trim().slice(0, 50) || null;
  const page = parsePage(params.get("page"));
  return {
    role: actor.role,
    page,
    ...(await listEntries(actor, { status, batchId, q, page, pageSize: PAGE_SIZE })),
  };
}

const TONES = { ACTIVE: "green", SUSPENDED: "amber", REVOKED: "red" } as const;

export default function GovWhitelist() {
  const { role, entries, total, batches, counts, page } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  return (
    <div>
      <GovNav role={role} />
      <PageHeader
        title={t("gov.whitelist.title")}
        description={t("gov.whitelist.intro")}
        actions={
          <span className="flex flex-wrap gap-2">
            {ENTRY_STATUSES.map((status) => (
              <Badge key={status} tone={TONES[status]}>
                {td(`gov.entryStatus.${status}`)} {counts[status] ?? 0}
              </Badge>
            ))}
          </span>
        }
      />
      <Form
        method="get"
        className="mb-4 grid gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-4"
        aria-label={t("gov.firms.filters")}
      >
        <Field id="q" label={t("gov.firms.search")}>
          <input
            {...fieldAria("q")}
            name="q"
            defaultValue={params.get("q") ?? ""}
            maxLength={50}
            placeholder={t("gov.firms.searchPlaceholder")}
            className={inputClass}
          />
        </Field>
        <Field id="status" label={t("gov.whitelist.status")}>
          <select
            {...fieldAria("status")}
            name="status"
            defaultValue={params.get("status") ?? ""}
            className={inputClass}
          >
            <option value="">{t("gov.common.any")}</option>
            {ENTRY_STATUSES.map((status) => (
              <option key={status} value={status}>
                {td(`gov.entryStatus.${status}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="batch" label={t("gov.whitelist.batch")}>
          <select
            {...fieldAria("batch")}
            name="batch"
            defaultValue={params.get("batch") ?? ""}
            className={inputClass}
          >
            <option value="">{t("gov.common.any")}</option>
            {batches.map((batch) => (
              <option key={batch.id} value={batch.id}>
                {batch.name}
              </option>
            ))}
          </select>
        </Field>
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonClass("primary")}>
            {t("common.actions.filter")}
          </button>
          <Link to="/gov/whitelist" className={buttonClass("secondary")}>
            {t("common.actions.reset")}
          </Link>
        </div>
      </Form>
      {entries.length === 0 ? (
        <EmptyState
          title={t("gov.whitelist.empty")}
          hint={
            role === "GOV_BUREAU" ? t("gov.whitelist.emptyHintBureau") : t("gov.whitelist.emptyHintOffice")
          }
        />
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">
                  {t("gov.recommendations.columns.firm")}
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  {t("gov.whitelist.status")}
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  {t("gov.whitelist.batch")}
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  {t("gov.whitelist.validUntil")}
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  {t("gov.recommendations.columns.office")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="px-4 py-3">
                    <Link
                      to={`/gov/whitelist/${entry.id}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {entry.enterprise.name}
                    </Link>
                    <p className="font-mono text-xs text-slate-500">{entry.enterprise.uscc}</p>
                  </td>
                  <td className="px-4 py-3">
                    <Badge tone={TONES[entry.status as keyof typeof TONES] ?? "gray"}>
                      {td(`gov.entryStatus.${entry.status}`)}
                    </Badge>
                    {entry.statusReason && (
                      <p className="mt-1 max-w-xs text-xs text-slate-600">{entry.statusReason}</p>
                    )}
                  </td>
                  <td className="px-4 py-3">{entry.batch.name}</td>
                  <td className="px-4 py-3 whitespace-nowrap">
                    {formatDate(entry.batch.validUntil, locale)}
                  </td>
                  <td className="px-4 py-3">
                    {locale === "zh-CN"
                      ? entry.enterprise.subDistrict.name
                      : entry.enterprise.subDistrict.nameEn}
                  </td>
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
