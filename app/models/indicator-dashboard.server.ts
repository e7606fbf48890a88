/**
 * What the indicators dashboard (/gov/indicators, /bank/indicators) and its exports show: the
 * actor's scoped report (through the cache), turned into the tables of app/domain/indicator-
 * table.ts, with the texts of the page's language. The scope always comes from the actor
 * (scopedFilter), never from the URL.
 */
import { interpolate } from "~/i18n/translate.server";
import {
  COLUMN_IDS,
  pageOf,
  parseTableSort,
  reasonRows,
  sortRows,
  tableRow,
  type TableSort,
} from "~/domain/indicator-table";
import type { IndicatorDimension } from "~/domain/indicators";
import { indicators as textsEn } from "~/i18n/en/indicators.server";
import type { Locale } from "~/i18n/locales";
import { translate } from "~/i18n/translate.server";
import { indicators as textsZh, type IndicatorTexts } from "~/i18n/zh-CN/indicators.server";

import {
  dimensionsFor,
  getCachedIndicatorReport,
  getIndicatorFilterOptions,
  parseIndicatorQuery,
  type IndicatorActor,
  type Label,
} from "./indicators.server";

export const LEAGUE_PAGE_SIZE = 20;
const DEFAULT_SORT: TableSort = { key: "applications", dir: "desc" };

export function indicatorTexts(locale: Locale): IndicatorTexts {
  return locale === "en" ? textsEn : textsZh;
}

const pick = (label: Label | undefined, locale: Locale, fallback: string) =>
  label ? (locale === "en" ? label.en : label.zh) : fallback;

/** "2026-03" → "2026年3月" / "Mar 2026". */
export function monthLabel(month: string, locale: Locale): string {
  const [year, number] = month.split("-").map(Number);
  if (locale !== "en") return `${year}年${number}月`;
  const name = new Intl.DateTimeFormat("en-US", { month: "short", timeZone: "UTC" }).format(
    new Date(Date.UTC(year, number - 1, 1)),
  );
  return `${name} ${year}`;
}

/**
 * The request's filter and breakdown as the actor may have them: a dimension the role has no
 * use for (an office by sub-district, a bank by bank) falls back to the role's first one.
 */
export function parseDashboardQuery(actor: IndicatorActor, params: URLSearchParams, now = new Date()) {
  const query = parseIndicatorQuery(params, now);
  const dimensions = dimensionsFor(actor);
  const errors: Record<string, { key: string }> = { ...query.errors };
  let dimension: IndicatorDimension = query.dimension;
  if (!dimensions.includes(dimension)) {
    if (params.get("by")) errors.by = { key: "indicators.errors.value" };
    dimension = dimensions[0];
  }
  return { ...query, dimension, dimensions, errors };
}

/** The report and its tables for the actor, through the two-minute cache. */
export async function getIndicatorTables(
  actor: IndicatorActor,
  params: URLSearchParams,
  locale: Locale,
  now: Date,
) {
  const query = parseDashboardQuery(actor, params, now);
  const texts = indicatorTexts(locale);
  const report = await getCachedIndicatorReport(actor, query.filter, { dimension: query.dimension });
  const sort = parseTableSort(params, COLUMN_IDS, DEFAULT_SORT);
  const collator = new Intl.Collator(locale === "en" ? "en" : "zh-CN");
  const breakdownRows = sortRows(
    report.breakdown.rows.map((row) =>
      tableRow(row.key, pick(report.labels[row.key], locale, row.key), row.values),
    ),
    sort,
    collator.compare,
  );
  return {
    query,
    texts,
    report,
    sort,
    total: tableRow("total", texts.tables.total, report.totals),
    breakdownRows,
    monthlyRows: report.monthly.map((point) =>
      tableRow(point.month, monthLabel(point.month, locale), point.values),
    ),
    reasons: reasonRows(report.totals.rejectionReasons).map((row) => ({
      ...row,
      label: translate(locale, `domain.rejectReason.${row.reason}`),
    })),
  };
}

/** "Scope: the whole district" / "Scope: 如意湖街道办事处" in the page's language. */
export function scopeLabel(actor: IndicatorActor, texts: IndicatorTexts, locale: Locale) {
  const name = actor.organization ? (locale === "en" ? actor.organization.en : actor.organization.zh) : "";
  return interpolate(texts.scope[actor.role], { name });
}

/** Everything the dashboard page renders. */
export async function getIndicatorDashboard(
  actor: IndicatorActor,
  params: URLSearchParams,
  locale: Locale,
  now = new Date(),
) {
  const [tables, options] = await Promise.all([
    getIndicatorTables(actor, params, locale, now),
    getIndicatorFilterOptions(actor),
  ]);
  const { query, texts, report, sort } = tables;
  const page = pageOf(tables.breakdownRows, Number(params.get("page") ?? 1), LEAGUE_PAGE_SIZE);
  return {
    role: actor.role,
    texts,
    scope: scopeLabel(actor, texts, locale),
    generatedAt: report.generatedAt,
    /** the values in effect, for the filter form */
    form: {
      period: query.period,
      from: report.filter.fromDay,
      to: report.filter.toDay,
      subDistrict: actor.role === "GOV_BUREAU" ? (report.filter.subDistrictId ?? "") : "",
      bank: actor.role === "BANK" ? "" : (report.filter.bankId ?? ""),
      section: report.filter.sectionCode ?? "",
      size: report.filter.size ?? "",
      whitelist: report.filter.whitelist ?? "",
      by: query.dimension,
    },
    errors: Object.fromEntries(
      Object.entries(query.errors).map(([field, error]) => [
        field,
        texts.errors[error.key.replace("indicators.errors.", "") as keyof IndicatorTexts["errors"]] ??
          texts.errors.value,
      ]),
    ),
    options: {
      subDistricts: options.subDistricts.map((s) => ({
        value: s.id,
        label: locale === "en" ? s.nameEn : s.name,
      })),
      banks: options.banks.map((b) => ({ value: b.id, label: locale === "en" ? b.nameEn : b.name })),
      sections: options.sections.map((s) => ({
        value: s.code,
        label: `${s.code} ${locale === "en" ? s.en : s.zh}`,
      })),
      sizes: options.sizes.map((size) => ({ value: size, label: translate(locale, `domain.size.${size}`) })),
      dimensions: query.dimensions,
    },
    totals: report.totals,
    total: tables.total,
    monthly: tables.monthlyRows,
    breakdown: {
      dimension: query.dimension,
      rows: tables.breakdownRows,
      sort,
      page: page.page,
      pageSize: LEAGUE_PAGE_SIZE,
    },
    reasons: tables.reasons,
  };
}

export type IndicatorDashboard = Awaited<ReturnType<typeof getIndicatorDashboard>>;
