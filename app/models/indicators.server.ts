import { db } from "~/db.server";
import { ENTERPRISE_SIZES } from "~/domain/enterprise-size";
import {
  INDICATOR_DIMENSIONS,
  INDICATOR_PERIODS,
  NO_FIRM_FACTS,
  NO_LOAN_BOOK,
  WHITELIST_FILTERS,
  cellTable,
  emptyTotals,
  factAdder,
  indicatorValues,
  isValidPeriod,
  mergeTotals,
  monthsOf,
  type FactCell,
  type FactTotals,
  type GroupExtras,
  type FirmFacts,
  type GroupFacts,
  type IndicatorDimension,
  type IndicatorFilter,
  type IndicatorPeriod,
  type IndicatorReport,
  type AlertAckFact,
  type LoanBookFact,
  type ReduceContext,
} from "~/domain/indicators";
import { PRODUCT_TYPES } from "~/domain/product-terms";
import { SECTIONS, isSectionCode } from "~/domain/industry";
import { shanghaiDate } from "~/domain/shanghai-time";
import { createTtlCache } from "~/utils/ttl-cache";
import { domain as domainEn } from "~/i18n/en/domain";
import { domain as domainZh } from "~/i18n/zh-CN/domain";
import { loans as loansEn } from "~/i18n/en/loans";
import { loans as loansZh } from "~/i18n/zh-CN/loans";

import type { BankActor, GovActor } from "./actor";
import {
  decisionFacts,
  factQuery,
  firmFacts,
  loanBookFacts,
  loanFacts,
  registeredBefore,
  renewalFacts,
  alertAckFacts,
  responseFacts,
  rollupCells,
  type FactQuery,
  type Keyed,
} from "./indicator-facts.server";
import { ensureIndicatorDays, loadReportCalendar } from "./indicator-days.server";

export type IndicatorActor = GovActor | BankActor;

export type Label = { zh: string; en: string };

export type IndicatorReportWithLabels = IndicatorReport & { labels: Record<string, Label> };

/**
 * The actor's scope merged into a requested filter: an office sees its own sub-district only,
 * a bank its own applications only, whatever the URL asks; the bureau sees everything.
 */
export function scopedFilter(actor: IndicatorActor, requested: IndicatorFilter): IndicatorFilter {
  switch (actor.role) {
    case "GOV_BUREAU":
      return requested;
    case "GOV_OFFICE":
      return { ...requested, subDistrictId: actor.subDistrictId };
    case "BANK":
      return { ...requested, bankId: actor.bankId };
  }
}

/** The dimensions a role may break down by (an office has one sub-district, a bank one bank). */
export function dimensionsFor(actor: IndicatorActor): IndicatorDimension[] {
  return INDICATOR_DIMENSIONS.filter(
    (dimension) =>
      !(actor.role === "GOV_OFFICE" && dimension === "subDistrict") &&
      !(actor.role === "BANK" && dimension === "bank"),
  );
}

type FieldError = { key: string };

/**
 * The filter of a dashboard URL. Unknown or malformed values fall back to their default with an
 * error key (shown next to the control), never an error page.
 */
export function parseIndicatorQuery(params: URLSearchParams, now = new Date()) {
  const errors: Record<string, FieldError> = {};
  const today = shanghaiDate(now);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const pad = (n: number) => String(n).padStart(2, "0");

  const requestedPeriod = params.get("period") ?? "year";
  let period: IndicatorPeriod = (INDICATOR_PERIODS as readonly string[]).includes(requestedPeriod)
    ? (requestedPeriod as IndicatorPeriod)
    : "year";
  if (period !== requestedPeriod) errors.period = { key: "indicators.errors.period" };

  let fromDay = `${year}-01-01`;
  let toDay = today;
  switch (period) {
    case "lastYear":
      fromDay = `${year - 1}-01-01`;
      toDay = `${year - 1}-12-31`;
      break;
    case "quarter":
      fromDay = `${year}-${pad(Math.floor((month - 1) / 3) * 3 + 1)}-01`;
      break;
    case "month":
      fromDay = `${year}-${pad(month)}-01`;
      break;
    case "custom": {
      const from = params.get("from") ?? "";
      const to = params.get("to") ?? "";
      if (isValidPeriod(from, to)) {
        fromDay = from;
        toDay = to;
      } else {
        errors.from = { key: "indicators.errors.range" };
        period = "year";
      }
      break;
    }
    case "year":
      break;
  }

  const text = (name: string, max = 40) => {
    const value = params.get(name)?.trim() ?? "";
    if (!value) return null;
    if (value.length > max || !/^[A-Za-z0-9_-]+$/.test(value)) {
      errors[name] = { key: "indicators.errors.value" };
      return null;
    }
    return value;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[]): T | null => {
    const value = params.get(name);
    if (!value) return null;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    errors[name] = { key: "indicators.errors.value" };
    return null;
  };

  const section = text("section", 1);
  if (section && !isSectionCode(section)) errors.section = { key: "indicators.errors.value" };
  const filter: IndicatorFilter = {
    fromDay,
    toDay,
    subDistrictId: text("subDistrict"),
    bankId: text("bank"),
    sectionCode: section && isSectionCode(section) ? section : null,
    size: oneOf("size", ENTERPRISE_SIZES),
    whitelist: oneOf("whitelist", WHITELIST_FILTERS),
  };
  const dimension = oneOf("by", INDICATOR_DIMENSIONS) ?? "subDistrict";
  return { filter, dimension, period, errors };
}

/**
 * The report's calendar, SLA days and LPR; for a read from the rollups, IndicatorDay made equal
 * to them first (the rollups' SQL reads the working days and the LPR from it).
 */
async function reduceContext(now: Date, source: FactSource): Promise<ReduceContext> {
  const { context, fingerprint } = await loadReportCalendar(now);
  if (source === "rollup") await ensureIndicatorDays(fingerprint);
  return context;
}

function groupBy<T>(rows: T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

type OtherFacts = {
  renewals: Keyed<GroupFacts["renewals"][number] & { day: string }>[];
  book: Keyed<LoanBookFact>[];
  alertAcks: Keyed<AlertAckFact & { day: string }>[];
};

/**
 * Where the application facts come from: the rollups (what the pages use), or the base tables
 * (the definition; the property tests and the bench compare the two).
 */
export type FactSource = "rollup" | "base";

/** The responses, decisions and loans of the period by breakdown key and month. */
async function factCells(
  query: FactQuery,
  dimension: IndicatorDimension | null,
  context: ReduceContext,
  source: FactSource,
): Promise<Iterable<FactCell>> {
  if (source === "rollup") return rollupCells(query, dimension, context.today);
  const [responses, decisions, loans] = await Promise.all([
    responseFacts(query, dimension),
    decisionFacts(query, dimension),
    loanFacts(query, dimension),
  ]);
  // each fact added once, into the cell of its breakdown key and month
  const add = factAdder(context);
  const table = cellTable();
  for (const fact of responses) add.response(table.at(fact.key, month(fact.submitDay)), fact);
  for (const fact of decisions) add.decision(table.at(fact.key, month(fact.day)), fact);
  for (const fact of loans) add.loan(table.at(fact.key, month(fact.disburseDay)), fact);
  return table.cells();
}

async function otherFacts(
  query: FactQuery,
  dimension: IndicatorDimension | null,
  today: string,
): Promise<OtherFacts> {
  const [renewals, book, alertAcks] = await Promise.all([
    renewalFacts(query, dimension),
    loanBookFacts(query, dimension, today),
    alertAckFacts(query, dimension),
  ]);
  return { renewals, book, alertAcks };
}

/**
 * The small facts (renewals, alert acknowledgements, the loan book) split into groups by `keyOf`
 * (a month, the breakdown key, or "" for the whole period).
 */
function splitExtras(
  facts: OtherFacts,
  keyOf: {
    renewal: (r: OtherFacts["renewals"][number]) => string;
    alertAck: (a: OtherFacts["alertAcks"][number]) => string;
    /** null: the loan book is not kept for these groups (months) */
    book: ((b: Keyed<LoanBookFact>) => string) | null;
  },
) {
  return {
    renewals: groupBy(facts.renewals, keyOf.renewal),
    alertAcks: groupBy(facts.alertAcks, keyOf.alertAck),
    book: keyOf.book ? groupBy(facts.book, keyOf.book) : null,
  };
}

function sumBook(facts: readonly LoanBookFact[]): LoanBookFact {
  return facts.reduce(
    (sum, fact) => ({
      loans: sum.loans + fact.loans,
      outstandingFen: sum.outstandingFen + fact.outstandingFen,
      overdueFen: sum.overdueFen + fact.overdueFen,
      nplFen: sum.nplFen + fact.nplFen,
    }),
    NO_LOAN_BOOK,
  );
}

function groupExtras(split: ReturnType<typeof splitExtras>, key: string, firms: FirmFacts): GroupExtras {
  return {
    firms,
    renewals: split.renewals.get(key) ?? [],
    alertAcks: split.alertAcks.get(key) ?? [],
    book: split.book ? sumBook(split.book.get(key) ?? []) : null,
  };
}

/** The totals, the months and the breakdown rows, merged from the cells of (key, month). */
function mergeCells(cells: Iterable<FactCell>) {
  const totalsOf = (map: Map<string, FactTotals>, key: string) => {
    let found = map.get(key);
    if (!found) map.set(key, (found = emptyTotals()));
    return found;
  };
  const whole = emptyTotals();
  const byMonth = new Map<string, FactTotals>();
  const byKey = new Map<string, FactTotals>();
  for (const { key, month: monthKey, totals } of cells) {
    mergeTotals(whole, totals);
    mergeTotals(totalsOf(byKey, key), totals);
    mergeTotals(totalsOf(byMonth, monthKey), totals);
  }
  return { whole, byMonth, byKey };
}

const month = (day: string) => day.slice(0, 7);

/**
 * Every indicator for the actor's scope and the filter: totals, one point per month, and a
 * breakdown by `dimension`, with the names of the breakdown keys.
 */
export async function getIndicatorReport(
  actor: IndicatorActor,
  requested: IndicatorFilter,
  {
    dimension,
    now = new Date(),
    withBreakdown = true,
    source = "rollup",
  }: {
    dimension: IndicatorDimension;
    now?: Date;
    /** false: totals and months only */ withBreakdown?: boolean;
    source?: FactSource;
  },
): Promise<IndicatorReportWithLabels> {
  const filter = scopedFilter(actor, requested);
  const query = factQuery(filter, now);
  const bankScoped = Boolean(filter.bankId);
  // One scan per kind of fact: grouped by the breakdown key (when there is one) and by day; the
  // totals and the months are sums over the keys.
  const breakdown = withBreakdown ? dimension : null;
  // Firm figures have no bank, product type or borrower kind: those rows show loan figures only.
  const firmBreakdown =
    breakdown === "bank" || breakdown === "productType" || breakdown === "borrower" ? null : breakdown;

  const context = await reduceContext(now, source);
  const [factsByCell, all, firmsByKey, firmsMonthly, stockAtStart] = await Promise.all([
    factCells(query, breakdown, context, source),
    otherFacts(query, breakdown, context.today),
    firmFacts(query, firmBreakdown, { bankOnly: bankScoped }),
    bankScoped ? null : firmFacts(query, "month", { bankOnly: false }),
    bankScoped ? 0 : registeredBefore(query, query.from),
  ]);
  // A firm dimension partitions the firms, so its keys add up to the total.
  const firmsTotal = firmBreakdown ? firmsByKey.total() : firmsByKey.get("");

  const cells = mergeCells(factsByCell);
  const byMonth = splitExtras(all, {
    renewal: (fact) => month(fact.day),
    alertAck: (fact) => month(fact.day),
    book: null,
  });
  const whole = splitExtras(all, { renewal: () => "", alertAck: () => "", book: () => "" });
  const byBreakdown = splitExtras(all, {
    renewal: (f) => f.key,
    alertAck: (f) => f.key,
    book: (f) => f.key,
  });

  const totals = indicatorValues(cells.whole, groupExtras(whole, "", firmsTotal));

  let stock = stockAtStart;
  const monthly = monthsOf(filter.fromDay, filter.toDay).map((key) => {
    let firms = NO_FIRM_FACTS;
    if (firmsMonthly) {
      const found = firmsMonthly.get(key);
      stock += found.newFirms ?? 0;
      firms = { ...found, registered: stock };
    }
    return {
      month: key,
      values: indicatorValues(cells.byMonth.get(key) ?? emptyTotals(), groupExtras(byMonth, key, firms)),
    };
  });

  const keys = new Set<string>([
    ...cells.byKey.keys(),
    ...byBreakdown.renewals.keys(),
    ...byBreakdown.alertAcks.keys(),
    ...(byBreakdown.book?.keys() ?? []),
    ...(firmBreakdown ? [...firmsByKey.keys()] : []),
  ]);
  const rows = [...keys]
    .filter((key) => key !== "")
    .map((key) => ({
      key,
      values: indicatorValues(
        cells.byKey.get(key) ?? emptyTotals(),
        groupExtras(byBreakdown, key, firmBreakdown ? firmsByKey.get(key) : NO_FIRM_FACTS),
      ),
    }))
    .sort((a, b) => b.values.applications - a.values.applications || a.key.localeCompare(b.key));

  return {
    filter,
    generatedAt: now.toISOString(),
    totals,
    monthly,
    breakdown: { dimension, rows },
    labels: await labelsFor(
      dimension,
      rows.map((row) => row.key),
    ),
  };
}

/**
 * The application figures alone (responses, decisions, loans) of the actor's scope over the
 * period, as totals — what a bank's home shows. The same facts and reduction as the dashboard's
 * totals, without the firm figures, the loan book, renewals and alerts the dashboard adds (those
 * fields come out empty).
 */
export async function getApplicationTotals(
  actor: IndicatorActor,
  requested: IndicatorFilter,
  now = new Date(),
) {
  const query = factQuery(scopedFilter(actor, requested), now);
  const context = await reduceContext(now, "rollup");
  const { whole } = mergeCells(await factCells(query, null, context, "rollup"));
  return indicatorValues(whole, { firms: NO_FIRM_FACTS, renewals: [], alertAcks: [], book: null });
}

async function labelsFor(dimension: IndicatorDimension, keys: string[]): Promise<Record<string, Label>> {
  switch (dimension) {
    case "subDistrict": {
      const rows = await db.subDistrict.findMany({
        where: { id: { in: keys } },
        select: { id: true, name: true, nameEn: true },
      });
      return Object.fromEntries(rows.map((row) => [row.id, { zh: row.name, en: row.nameEn }]));
    }
    case "bank": {
      const rows = await db.bank.findMany({
        where: { id: { in: keys } },
        select: { id: true, name: true, nameEn: true },
      });
      return Object.fromEntries(rows.map((row) => [row.id, { zh: row.name, en: row.nameEn }]));
    }
    case "section":
      return Object.fromEntries(
        SECTIONS.filter((s) => keys.includes(s.code)).map((s) => [s.code, { zh: s.zh, en: s.en }]),
      );
    case "size":
      return Object.fromEntries(
        ENTERPRISE_SIZES.filter((size) => keys.includes(size)).map((size) => [
          size,
          { zh: domainZh.size[size], en: domainEn.size[size] },
        ]),
      );
    case "productType":
      return Object.fromEntries(
        PRODUCT_TYPES.filter((type) => keys.includes(type)).map((type) => [
          type,
          { zh: domainZh.productType[type], en: domainEn.productType[type] },
        ]),
      );
    case "borrower":
      return {
        FIRST: { zh: loansZh.borrower.FIRST, en: loansEn.borrower.FIRST },
        REPEAT: { zh: loansZh.borrower.REPEAT, en: loansEn.borrower.REPEAT },
      };
  }
}

/** What the actor may filter by: sub-districts (bureau), banks (government), sections, sizes. */
export async function getIndicatorFilterOptions(actor: IndicatorActor) {
  const [subDistricts, banks] = await Promise.all([
    actor.role === "GOV_BUREAU"
      ? db.subDistrict.findMany({
          select: { id: true, name: true, nameEn: true },
          orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
        })
      : [],
    actor.role === "BANK"
      ? []
      : db.bank.findMany({ select: { id: true, name: true, nameEn: true }, orderBy: { code: "asc" } }),
  ]);
  return {
    subDistricts,
    banks,
    sections: SECTIONS.map((s) => ({ code: s.code, zh: s.zh, en: s.en })),
    sizes: ENTERPRISE_SIZES.filter((size) => size !== "LARGE"),
    dimensions: dimensionsFor(actor),
  };
}

/**
 * Seconds a computed report is reused (INDICATOR_CACHE_SECONDS, default 120; 0 turns it off,
 * as the tests do). A year of a city's figures takes a second or more of aggregate SQL
 * (docs/performance.md); the dashboard says when its figures were computed.
 */
const cacheSeconds = Number(
  process.env.INDICATOR_CACHE_SECONDS ?? (process.env.NODE_ENV === "test" ? 0 : 120),
);
const reportCache = createTtlCache<IndicatorReportWithLabels>({
  ttlMs: Math.max(0, cacheSeconds) * 1000,
  max: 200,
});

/**
 * getIndicatorReport for the dashboard pages, through the cache. The key is the filter after
 * the actor's scope was merged in, so one bank's or office's figures never answer another.
 */
export function getCachedIndicatorReport(
  actor: IndicatorActor,
  requested: IndicatorFilter,
  options: { dimension: IndicatorDimension },
): Promise<IndicatorReportWithLabels> {
  const key = JSON.stringify([scopedFilter(actor, requested), options.dimension]);
  return reportCache.get(key, () => getIndicatorReport(actor, requested, options));
}
