import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";

import { GovNav, SortHeader } from "~/components/gov-nav";
import { EmptyState, Field, PageHeader, buttonClass, fieldAria, inputClass } from "~/components/ui";
import { formatYuanAsWan } from "~/domain/money";
import {
  endOfShanghaiDay,
  isIsoDay,
  shanghaiDate,
  startOfShanghaiDay,
  startOfShanghaiYear,
} from "~/domain/shanghai-time";
import { useLocale, useT } from "~/i18n/use-t";
import { parseSort } from "~/models/gov-query";
import { LEAGUE_COLUMNS } from "~/models/gov-codes";
import { getLeagueTable } from "~/models/league-table.server";
import { requireGovUser } from "~/permissions.server";

function periodOf(params: URLSearchParams, now: Date) {
  const defaults = { from: shanghaiDate(startOfShanghaiYear(now)), to: shanghaiDate(now) };
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  const valid = (d: string) => isIsoDay(d) && d >= "2000-01-01" && d <= "2100-12-31";
  if (!valid(from) || !valid(to) || from > to) return { ...defaults, invalid: Boolean(from || to) };
  return { from, to, invalid: false };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireGovUser(request);
  const params = new URL(request.url).searchParams;
  const now = new Date();
  const period = periodOf(params, now);
  const sort = parseSort(params, LEAGUE_COLUMNS, { key: "received", dir: "desc" });
  const rows = await getLeagueTable(
    actor,
    { from: startOfShanghaiDay(period.from), to: new Date(endOfShanghaiDay(period.to).getTime() + 1), sort },
    now,
  );
  const previous = Number(shanghaiDate(now).slice(0, 4)) - 1;
  return {
    role: actor.role,
    rows,
    period,
    sort,
    lastYear: { from: `${previous}-01-01`, to: `${previous}-12-31` },
  };
}

const permilleText = (value: number | null) => (value === null ? null : `${(value / 10).toFixed(1)}%`);

export default function GovBanks() {
  const { role, rows, period, sort, lastYear } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const none = t("gov.common.none");
  return (
    <div>
      <GovNav role={role} />
      <PageHeader
        title={t("gov.banks.title")}
        description={t(role === "GOV_OFFICE" ? "gov.banks.introOffice" : "gov.banks.intro")}
      />
      <Form
        method="get"
        className="mb-4 flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
        aria-label={t("gov.banks.period")}
      >
        <input type="hidden" name="sort" value={sort.key} />
        <input type="hidden" name="dir" value={sort.dir} />
        <Field
          id="from"
          label={t("gov.banks.from")}
          error={period.invalid ? { key: "gov.banks.badPeriod" } : undefined}
        >
          <input
            {...fieldAria("from", period.invalid ? { key: "gov.banks.badPeriod" } : undefined)}
            type="date"
            name="from"
            defaultValue={period.from}
            className={inputClass}
          />
        </Field>
        <Field id="to" label={t("gov.banks.to")}>
          <input {...fieldAria("to")} type="date" name="to" defaultValue={period.to} className={inputClass} />
        </Field>
        <button type="submit" className={buttonClass("primary")}>
          {t("common.actions.apply")}
        </button>
        <Link to="/gov/banks" className={buttonClass("secondary")}>
          {t("gov.banks.thisYear")}
        </Link>
        <Link to={`/gov/banks?from=${lastYear.from}&to=${lastYear.to}`} className={buttonClass("ghost")}>
          {t("gov.banks.lastYear")}
        </Link>
      </Form>
      {rows.length === 0 ? (
        <EmptyState title={t("gov.banks.empty")} />
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">{t("gov.banks.title")}</caption>
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">
                  {t("gov.banks.columns.bank")}
                </th>
                <SortHeader column="received" current={sort} align="right" firstDir="desc">
                  {t("gov.banks.columns.received")}
                </SortHeader>
                <SortHeader column="medianResponseDays" current={sort} align="right">
                  {t("gov.banks.columns.medianResponseDays")}
                </SortHeader>
                <SortHeader column="overdue" current={sort} align="right" firstDir="desc">
                  {t("gov.banks.columns.overdue")}
                </SortHeader>
                <SortHeader column="approvalRate" current={sort} align="right" firstDir="desc">
                  {t("gov.banks.columns.approvalRate")}
                </SortHeader>
                <SortHeader column="creditShare" current={sort} align="right" firstDir="desc">
                  {t("gov.banks.columns.creditShare")}
                </SortHeader>
                <SortHeader column="disbursedYuan" current={sort} align="right" firstDir="desc">
                  {t("gov.banks.columns.disbursed")}
                </SortHeader>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((row) => (
                <tr key={row.bankId}>
                  <th scope="row" className="px-4 py-3 text-left font-medium">
                    {locale === "zh-CN" ? row.name : row.nameEn}
                  </th>
                  <td className="px-4 py-3 text-right tabular-nums">{row.received}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{row.medianResponseDays ?? none}</td>
                  <td
                    className={`px-4 py-3 text-right tabular-nums ${row.overdue > 0 ? "font-medium text-red-700" : ""}`}
                  >
                    {row.overdue}
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">
                    {permilleText(row.approvalRate) ?? none}
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">
                    {permilleText(row.creditShare) ?? none}
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">
                    {formatYuanAsWan(row.disbursedYuan, locale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <dl className="mt-4 grid gap-2 text-xs text-slate-600 sm:grid-cols-2">
        <div>
          <dt className="font-medium">{t("gov.banks.columns.medianResponseDays")}</dt>
          <dd>{t("gov.banks.definitions.medianResponseDays")}</dd>
        </div>
        <div>
          <dt className="font-medium">{t("gov.banks.columns.overdue")}</dt>
          <dd>{t("gov.banks.definitions.overdue")}</dd>
        </div>
        <div>
          <dt className="font-medium">{t("gov.banks.columns.approvalRate")}</dt>
          <dd>{t("gov.banks.definitions.approvalRate")}</dd>
        </div>
        <div>
          <dt className="font-medium">{t("gov.banks.columns.creditShare")}</dt>
          <dd>{t("gov.banks.definitions.creditShare")}</dd>
        </div>
      </dl>
    </div>
  );
}
