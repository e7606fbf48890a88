/**
 * The indicator tables behind the dashboard and its exports: which columns a row of figures
 * has, why a figure is missing, sorting and paging a breakdown (the league table), cell
 * formatting for the page and plain values for a spreadsheet, and CSV text. Pure: the page,
 * the CSV and the XLSX export all build their rows here, so they show the same numbers.
 */
import { REJECT_REASONS, type RejectReason } from "./application-machine";
import type { IndicatorId, IndicatorValues } from "./indicators";
import { formatBp, formatYuanAsWan } from "./money";

export type CellFormat = "count" | "yuan" | "permille" | "bp" | "days";

/** Why a figure is "—": not kept for this group (a bank row, a monthly stock) or nothing to divide by. */
export type NullReason = "notApplicable" | "noBase";

export const COLUMN_IDS = [
  "registeredFirms",
  "newFirms",
  "authorisingFirms",
  "demands",
  "demandYuan",
  "applications",
  "responseWithinSla",
  "lateResponses",
  "avgResponseDays",
  "approved",
  "rejected",
  "approvalRate",
  "disbursedCount",
  "disbursedYuan",
  "creditShare",
  "firstTimeBorrowers",
  "weightedRate",
  "spread",
  "timeToMoneyMedian",
  "timeToMoneyP90",
  "workingTimeToMoneyMedian",
  "workingTimeToMoneyP90",
  "whitelistConversion",
  "inclusiveShare",
  "activeLoans",
  "outstandingYuan",
  "overdueYuan",
  "overdueRatio",
  "nplYuan",
  "nplRatio",
  "renewals",
  "renewalYuan",
  "withoutRepaymentRenewals",
  "newLendingYuan",
  "lateAlertAcks",
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export interface IndicatorColumn {
  id: ColumnId;
  /** the indicator whose definition explains this column */
  indicator: IndicatorId;
  format: CellFormat;
  value: (values: IndicatorValues) => number | null;
  /** a firm figure: null means it is not kept for the group */
  firm?: boolean;
  /** a loan-book figure (stock at the period's end): null on a monthly point means not kept */
  book?: boolean;
}

export const INDICATOR_COLUMNS: readonly IndicatorColumn[] = [
  {
    id: "registeredFirms",
    indicator: "registeredFirms",
    format: "count",
    firm: true,
    value: (v) => v.registeredFirms,
  },
  { id: "newFirms", indicator: "registeredFirms", format: "count", firm: true, value: (v) => v.newFirms },
  {
    id: "authorisingFirms",
    indicator: "authorisingFirms",
    format: "count",
    firm: true,
    value: (v) => v.authorisingFirms,
  },
  { id: "demands", indicator: "demands", format: "count", firm: true, value: (v) => v.demands },
  { id: "demandYuan", indicator: "demands", format: "yuan", firm: true, value: (v) => v.demandYuan },
  { id: "applications", indicator: "applications", format: "count", value: (v) => v.applications },
  {
    id: "responseWithinSla",
    indicator: "responseWithinSla",
    format: "permille",
    value: (v) => v.responseWithinSlaPermille,
  },
  {
    id: "lateResponses",
    indicator: "responseWithinSla",
    format: "count",
    value: (v) => v.responseDue - v.responseWithinSla,
  },
  { id: "avgResponseDays", indicator: "avgResponseDays", format: "days", value: (v) => v.avgResponseDays },
  { id: "approved", indicator: "approvalRate", format: "count", value: (v) => v.approved },
  { id: "rejected", indicator: "approvalRate", format: "count", value: (v) => v.rejected },
  { id: "approvalRate", indicator: "approvalRate", format: "permille", value: (v) => v.approvalRatePermille },
  { id: "disbursedCount", indicator: "disbursed", format: "count", value: (v) => v.disbursedCount },
  { id: "disbursedYuan", indicator: "disbursed", format: "yuan", value: (v) => v.disbursedYuan },
  { id: "creditShare", indicator: "creditShare", format: "permille", value: (v) => v.creditSharePermille },
  {
    id: "firstTimeBorrowers",
    indicator: "firstTimeBorrowers",
    format: "count",
    value: (v) => v.firstTimeBorrowers,
  },
  { id: "weightedRate", indicator: "weightedRate", format: "bp", value: (v) => v.weightedRateBp },
  { id: "spread", indicator: "weightedRate", format: "bp", value: (v) => v.spreadBp },
  {
    id: "timeToMoneyMedian",
    indicator: "timeToMoney",
    format: "days",
    value: (v) => v.timeToMoney.calendarMedian,
  },
  { id: "timeToMoneyP90", indicator: "timeToMoney", format: "days", value: (v) => v.timeToMoney.calendarP90 },
  {
    id: "workingTimeToMoneyMedian",
    indicator: "timeToMoney",
    format: "days",
    value: (v) => v.timeToMoney.workingMedian,
  },
  {
    id: "workingTimeToMoneyP90",
    indicator: "timeToMoney",
    format: "days",
    value: (v) => v.timeToMoney.workingP90,
  },
  {
    id: "whitelistConversion",
    indicator: "whitelistConversion",
    format: "permille",
    firm: true,
    value: (v) => v.whitelistConversionPermille,
  },
  {
    id: "inclusiveShare",
    indicator: "inclusiveShare",
    format: "permille",
    value: (v) => v.inclusiveSharePermille,
  },
  { id: "activeLoans", indicator: "outstanding", format: "count", book: true, value: (v) => v.activeLoans },
  {
    id: "outstandingYuan",
    indicator: "outstanding",
    format: "yuan",
    book: true,
    value: (v) => v.outstandingYuan,
  },
  { id: "overdueYuan", indicator: "overdueRatio", format: "yuan", book: true, value: (v) => v.overdueYuan },
  {
    id: "overdueRatio",
    indicator: "overdueRatio",
    format: "permille",
    book: true,
    value: (v) => v.overdueRatioPermille,
  },
  { id: "nplYuan", indicator: "nplRatio", format: "yuan", book: true, value: (v) => v.nplYuan },
  { id: "nplRatio", indicator: "nplRatio", format: "permille", book: true, value: (v) => v.nplRatioPermille },
  { id: "renewals", indicator: "renewals", format: "count", value: (v) => v.renewals },
  { id: "renewalYuan", indicator: "renewals", format: "yuan", value: (v) => v.renewalYuan },
  {
    id: "withoutRepaymentRenewals",
    indicator: "renewals",
    format: "count",
    value: (v) => v.withoutRepaymentRenewals,
  },
  { id: "newLendingYuan", indicator: "renewals", format: "yuan", value: (v) => v.newLendingYuan },
  {
    id: "lateAlertAcks",
    indicator: "alertAcknowledgement",
    format: "count",
    value: (v) => v.lateAlertAcks,
  },
];

export interface Cell {
  value: number | null;
  /** set when value is null */
  reason?: NullReason;
}

export interface TableRow {
  key: string;
  label: string;
  cells: Record<ColumnId, Cell>;
}

function nullReason(column: IndicatorColumn, values: IndicatorValues): NullReason {
  if (column.id === "whitelistConversion")
    return values.whitelistedFirms === null ? "notApplicable" : "noBase";
  if (column.book) return values.activeLoans === null ? "notApplicable" : "noBase";
  return column.firm ? "notApplicable" : "noBase";
}

/** One table row of a group's figures, every column with its value or the reason it has none. */
export function tableRow(key: string, label: string, values: IndicatorValues): TableRow {
  const cells = {} as Record<ColumnId, Cell>;
  for (const column of INDICATOR_COLUMNS) {
    const value = column.value(values);
    cells[column.id] = value === null ? { value, reason: nullReason(column, values) } : { value };
  }
  return { key, label, cells };
}

export type SortDir = "asc" | "desc";
export type TableSort = { key: ColumnId | "label"; dir: SortDir };

/** A sort from the query string; unknown values fall back to `fallback`. */
export function parseTableSort(
  params: URLSearchParams,
  allowed: readonly ColumnId[],
  fallback: TableSort,
): TableSort {
  const key = params.get("sort");
  const dir = params.get("dir");
  const validKey = key === "label" || (allowed as readonly string[]).includes(key ?? "");
  return {
    key: validKey ? (key as TableSort["key"]) : fallback.key,
    dir: dir === "asc" || dir === "desc" ? dir : validKey ? "desc" : fallback.dir,
  };
}

/** Rows sorted by a column; rows without a figure go last whatever the direction, ties by label. */
export function sortRows(
  rows: readonly TableRow[],
  sort: TableSort,
  compareLabels = defaultCompare,
): TableRow[] {
  const direction = sort.dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (sort.key === "label") return compareLabels(a.label, b.label) * direction;
    const x = a.cells[sort.key].value;
    const y = b.cells[sort.key].value;
    if (x === null && y === null) return compareLabels(a.label, b.label);
    if (x === null) return 1;
    if (y === null) return -1;
    return (x - y) * direction || compareLabels(a.label, b.label);
  });
}

function defaultCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One page of rows (1-based; a page past the end shows the last one). */
export function pageOf<T>(rows: readonly T[], page: number, pageSize: number) {
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  return { rows: rows.slice((current - 1) * pageSize, current * pageSize), page: current, pages };
}

/** The rejection reasons as rows: count and share of all rejections (‰), every reason listed. */
export function reasonRows(reasons: Record<RejectReason, number>) {
  const total = REJECT_REASONS.reduce((sum, reason) => sum + reasons[reason], 0);
  return REJECT_REASONS.map((reason) => ({
    reason,
    count: reasons[reason],
    sharePermille: total > 0 ? Math.floor((reasons[reason] * 1000) / total + 0.5) : null,
  }));
}

// ---------------------------------------------------------------------------------------------
// Formatting

/** 667 → "66.7%" (integer arithmetic, no float rounding). */
export function formatPermille(permille: number): string {
  const sign = permille < 0 ? "-" : "";
  const abs = Math.abs(permille);
  return `${sign}${Math.floor(abs / 10)}.${abs % 10}%`;
}

const counts: Record<string, Intl.NumberFormat> = {};
function countFormat(locale: string) {
  return (counts[locale] ??= new Intl.NumberFormat(locale === "en" ? "en-US" : "zh-CN"));
}

/** A figure as the page shows it (null is the caller's "—"). */
export function formatCell(value: number, format: CellFormat, locale: string): string {
  switch (format) {
    case "count":
      return countFormat(locale).format(value);
    case "yuan":
      return formatYuanAsWan(value, locale);
    case "permille":
      return formatPermille(value);
    case "bp":
      return formatBp(value);
    case "days":
      return countFormat(locale).format(value);
  }
}

/**
 * A figure as a spreadsheet cell: amounts in whole 元, shares and rates in percent (a number,
 * so it can be summed), days as they are; null stays empty.
 */
export function exportValue(value: number | null, format: CellFormat): number | null {
  if (value === null) return null;
  switch (format) {
    case "permille":
      return Number(formatPermille(value).slice(0, -1));
    case "bp":
      return Number(formatBp(value).slice(0, -1));
    default:
      return value;
  }
}

// ---------------------------------------------------------------------------------------------
// CSV

/**
 * A text cell a spreadsheet would run as a formula (=, +, -, @, or a leading tab / carriage
 * return) gets a leading apostrophe, the OWASP recommendation: Excel shows the text as typed.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV field (RFC 4180): numbers as they are, text neutralised and quoted when needed. */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = neutraliseFormula(value);
  return /[",\r\n]|^\s|\s$/.test(text) || text !== value ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: a UTF-8 byte-order mark (Excel then reads Chinese right), CRLF line ends. */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}
