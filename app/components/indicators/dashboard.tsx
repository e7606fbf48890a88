import { useLocation, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";

import { Pagination } from "~/components/pagination";
import { PageHeader, Spinner, buttonClass, cx } from "~/components/ui";
import { formatDateTime, formatDay } from "~/domain/format-date";
import { formatCell, formatPermille, type Cell, type CellFormat } from "~/domain/indicator-table";
import type { IndicatorId } from "~/domain/indicators";
import { formatBp, formatYuanAsWan } from "~/domain/money";
import { interpolate } from "~/i18n/translate";
import { useLocale } from "~/i18n/use-t";

import { ChartsSlot } from "./charts-slot";
import { CellText, FigureTable, visibleColumns } from "./figure-table";
import { IndicatorFilters } from "./filters";
import { InfoPopover } from "./info-popover";
import type { DashboardData, DashboardTexts } from "./types";

type Kpi = { id: IndicatorId; cell: Cell; format: CellFormat; unit?: string; hint?: string };

/** The headline figure of each indicator with a line of context. */
function kpisOf(data: DashboardData, locale: string): Kpi[] {
  const { totals, total, texts } = data;
  const c = total.cells;
  const dash = "—";
  const days = (value: number | null) => (value === null ? dash : String(value));
  const reasonsTotal = totals.rejected;
  return [
    {
      id: "registeredFirms",
      cell: c.registeredFirms,
      format: "count",
      hint:
        totals.newFirms === null ? undefined : interpolate(texts.cards.newFirms, { count: totals.newFirms }),
    },
    { id: "authorisingFirms", cell: c.authorisingFirms, format: "count" },
    {
      id: "demands",
      cell: c.demands,
      format: "count",
      hint:
        totals.demandYuan === null
          ? undefined
          : interpolate(texts.cards.demandYuan, { amount: formatYuanAsWan(totals.demandYuan, locale) }),
    },
    { id: "applications", cell: c.applications, format: "count" },
    {
      id: "responseWithinSla",
      cell: c.responseWithinSla,
      format: "permille",
      hint: interpolate(texts.cards.responses, { responded: totals.responded, due: totals.responseDue }),
    },
    { id: "avgResponseDays", cell: c.avgResponseDays, format: "days", unit: texts.cards.workingDays },
    {
      id: "approvalRate",
      cell: c.approvalRate,
      format: "permille",
      hint: interpolate(texts.cards.decisions, { approved: totals.approved, rejected: totals.rejected }),
    },
    {
      id: "disbursed",
      cell: c.disbursedYuan,
      format: "yuan",
      hint: interpolate(texts.cards.loans, { count: totals.disbursedCount }),
    },
    { id: "creditShare", cell: c.creditShare, format: "permille" },
    { id: "firstTimeBorrowers", cell: c.firstTimeBorrowers, format: "count", hint: texts.cards.firstTime },
    {
      id: "weightedRate",
      cell: c.weightedRate,
      format: "bp",
      hint:
        totals.spreadBp === null
          ? undefined
          : interpolate(texts.cards.spread, { spread: formatBp(totals.spreadBp) }),
    },
    {
      id: "timeToMoney",
      cell: c.timeToMoneyMedian,
      format: "days",
      unit: texts.cards.days,
      hint:
        totals.timeToMoney.calendarMedian === null
          ? undefined
          : interpolate(texts.cards.timeToMoney, {
              median: days(totals.timeToMoney.calendarMedian),
              p90: days(totals.timeToMoney.calendarP90),
              workingMedian: days(totals.timeToMoney.workingMedian),
              workingP90: days(totals.timeToMoney.workingP90),
            }),
    },
    {
      id: "whitelistConversion",
      cell: c.whitelistConversion,
      format: "permille",
      hint:
        totals.whitelistedFirms === null || totals.convertedFirms === null
          ? undefined
          : interpolate(texts.cards.conversion, {
              converted: totals.convertedFirms,
              whitelisted: totals.whitelistedFirms,
            }),
    },
    {
      id: "rejectionReasons",
      cell: c.rejected,
      format: "count",
      hint: interpolate(texts.cards.rejections, { count: reasonsTotal }),
    },
    {
      id: "inclusiveShare",
      cell: c.inclusiveShare,
      format: "permille",
      hint: interpolate(texts.cards.inclusive, { amount: formatYuanAsWan(totals.inclusiveYuan, locale) }),
    },
    {
      id: "outstanding",
      cell: c.outstandingYuan,
      format: "yuan",
      hint:
        totals.activeLoans === null
          ? undefined
          : interpolate(texts.cards.outstanding, { count: totals.activeLoans }),
    },
    {
      id: "overdueRatio",
      cell: c.overdueRatio,
      format: "permille",
      hint:
        totals.overdueYuan === null
          ? undefined
          : interpolate(texts.cards.overdue, { amount: formatYuanAsWan(totals.overdueYuan, locale) }),
    },
    {
      id: "nplRatio",
      cell: c.nplRatio,
      format: "permille",
      hint:
        totals.nplYuan === null
          ? undefined
          : interpolate(texts.cards.npl, { amount: formatYuanAsWan(totals.nplYuan, locale) }),
    },
    {
      id: "renewals",
      cell: c.renewals,
      format: "count",
      hint: interpolate(texts.cards.renewals, {
        count: totals.renewals,
        amount: formatYuanAsWan(totals.renewalYuan, locale),
        withoutCount: totals.withoutRepaymentRenewals,
        withoutAmount: formatYuanAsWan(totals.withoutRepaymentYuan, locale),
        newLending: formatYuanAsWan(totals.newLendingYuan, locale),
      }),
    },
  ];
}

function KpiCard({ kpi, texts, locale }: { kpi: Kpi; texts: DashboardTexts; locale: "zh-CN" | "en" }) {
  const name = texts.names[kpi.id];
  return (
    <div className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" data-indicator={kpi.id}>
      <dt className="flex items-center gap-2 text-sm text-slate-600">
        <span>{name}</span>
        <InfoPopover
          name={name}
          definition={texts.definitions[kpi.id]}
          openLabel={interpolate(texts.info.open, { name })}
          closeLabel={texts.info.close}
        />
      </dt>
      <dd className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums">
        <CellText cell={kpi.cell} format={kpi.format} locale={locale} texts={texts} />
        {kpi.unit && kpi.cell.value !== null && (
          <span className="ml-1 text-sm font-normal text-slate-600">{kpi.unit}</span>
        )}
      </dd>
      {kpi.hint && <dd className="mt-1 text-xs text-slate-500">{kpi.hint}</dd>}
    </div>
  );
}

function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3">
      <h2 id={id} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * The indicators dashboard shared by the government and bank pages: filters in the URL, the
 * headline figures with their definitions, charts (browser only), and the same figures as
 * tables, with exports of the view.
 */
export function IndicatorDashboard({
  data,
  nav,
  exportPath,
  leagueNote,
  children,
}: {
  data: DashboardData;
  nav: ReactNode;
  exportPath: string;
  /** an extra column of the breakdown by bank or by sub-district (last training dates) */
  leagueNote?: { header: string; byKey: Record<string, string> };
  /** more indicators of the page (the invitation funnel), after the tables */
  children?: ReactNode;
}) {
  const locale = useLocale();
  const location = useLocation();
  const navigation = useNavigation();
  const pending = navigation.state === "loading" && navigation.location.pathname === location.pathname;
  const { texts, breakdown } = data;
  const dimensionName = texts.filters.dimensions[breakdown.dimension];
  const isLeague = breakdown.dimension === "bank";
  const breakdownTitle = isLeague
    ? texts.tables.league
    : interpolate(texts.tables.breakdown, { dimension: dimensionName });
  const pageRows = breakdown.rows.slice(
    (breakdown.page - 1) * breakdown.pageSize,
    breakdown.page * breakdown.pageSize,
  );
  const exportQuery = (extra: Record<string, string>) => {
    const params = new URLSearchParams(location.search);
    params.delete("page");
    for (const [name, value] of Object.entries(extra)) params.set(name, value);
    return `${exportPath}?${params}`;
  };

  return (
    <div className="flex flex-col gap-6">
      <div>
        {nav}
        <PageHeader
          title={texts.title}
          description={texts.intro[data.role]}
          actions={
            <div className="flex flex-wrap items-center gap-2" role="group" aria-label={texts.export.label}>
              <a href={exportQuery({ format: "csv" })} download className={buttonClass("secondary")}>
                {texts.export.csv}
              </a>
              <a
                href={exportQuery({ format: "csv", table: "monthly" })}
                download
                className={buttonClass("secondary")}
              >
                {texts.export.monthlyCsv}
              </a>
              <a href={exportQuery({ format: "xlsx" })} download className={buttonClass("secondary")}>
                {texts.export.xlsx}
              </a>
            </div>
          }
        />
        <p className="text-sm text-slate-600">
          {data.scope} ·{" "}
          {interpolate(texts.period, {
            from: formatDay(data.form.from, locale),
            to: formatDay(data.form.to, locale),
          })}
        </p>
      </div>
      <IndicatorFilters key={location.search} data={data} />
      <div aria-live="polite" className="min-h-5 text-sm text-slate-600">
        {pending ? (
          <span className="flex items-center gap-2" role="status">
            <Spinner /> {texts.updating}
          </span>
        ) : (
          interpolate(texts.generatedAt, { time: formatDateTime(data.generatedAt, locale) })
        )}
      </div>
      <div
        aria-busy={pending}
        className={cx("flex flex-col gap-8 transition-opacity", pending && "opacity-60")}
      >
        <dl
          aria-label={texts.cards.label}
          className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-5"
        >
          {kpisOf(data, locale).map((kpi) => (
            <KpiCard key={kpi.id} kpi={kpi} texts={texts} locale={locale} />
          ))}
        </dl>
        <div className="flex flex-col gap-2">
          <ChartsSlot
            monthly={data.monthly}
            breakdown={breakdown.rows}
            reasons={data.reasons}
            texts={texts}
            dimensionName={dimensionName}
          />
          <p className="text-xs text-slate-500">{texts.charts.tableNote}</p>
        </div>
        <Section id="breakdown-heading" title={breakdownTitle}>
          {breakdown.rows.length === 0 ? (
            <p className="text-sm text-slate-600">{texts.tables.empty}</p>
          ) : (
            <>
              <FigureTable
                caption={breakdownTitle}
                firstHeader={texts.filters.dimensionLabels[breakdown.dimension]}
                rows={pageRows}
                total={data.total}
                columns={visibleColumns(breakdown.rows)}
                locale={locale}
                texts={texts}
                sort={breakdown.sort}
                note={
                  breakdown.dimension === "bank" || breakdown.dimension === "subDistrict"
                    ? leagueNote
                    : undefined
                }
              />
              {breakdown.rows.length > breakdown.pageSize && (
                <Pagination
                  page={breakdown.page}
                  pageSize={breakdown.pageSize}
                  total={breakdown.rows.length}
                />
              )}
            </>
          )}
        </Section>
        <Section id="monthly-heading" title={texts.tables.monthly}>
          <FigureTable
            caption={texts.tables.monthly}
            firstHeader={texts.tables.month}
            rows={data.monthly}
            columns={visibleColumns(data.monthly)}
            locale={locale}
            texts={texts}
          />
        </Section>
        <Section id="reasons-heading" title={texts.tables.reasons}>
          <div className="relative overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="sr-only">{texts.tables.reasons}</caption>
              <thead className="bg-slate-50 text-left text-xs text-slate-600">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {texts.tables.reason}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    {texts.tables.count}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    {texts.tables.share}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {data.reasons.map((row) => (
                  <tr key={row.reason}>
                    <th scope="row" className="px-3 py-2 text-left font-medium">
                      {row.label}
                    </th>
                    <td className="px-3 py-2 text-right tabular-nums">
                      {formatCell(row.count, "count", locale)}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">
                      {row.sharePermille === null ? (
                        <CellText
                          cell={{ value: null, reason: "noBase" }}
                          format="permille"
                          locale={locale}
                          texts={texts}
                        />
                      ) : (
                        formatPermille(row.sharePermille)
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Section>
        {children}
        <p className="text-xs text-slate-500">
          {texts.nulls.legend} {texts.tables.scroll}
        </p>
      </div>
    </div>
  );
}
