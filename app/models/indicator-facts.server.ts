import { Prisma } from "@prisma/client";

import { reportRows } from "~/db/report-rows.server";
import type { RejectReason } from "~/domain/application-machine";
import type {
  AlertAckFact,
  DecisionFact,
  FirmFacts,
  IndicatorDimension,
  IndicatorFilter,
  LoanBookFact,
  LoanFact,
  RenewalFact,
  ResponseFact,
} from "~/domain/indicators";
import {
  addDecisionSums,
  addLoanSums,
  addResponseSums,
  cellTable,
  monthsOf,
  type FactCell,
} from "~/domain/indicators";
import { addMonthsClamped } from "~/domain/loan-schedule";
import { addDays, startOfShanghaiDay } from "~/domain/shanghai-time";
import { sqlDialect, shanghaiDayOfKey } from "~/db/dialect.server";
import { loanStandingSql } from "~/models/loan-view.server";
import { cubeFor, slotRange, type RollupDimension, type RollupKind } from "~/domain/indicator-rollup";

/**
 * The SQL behind the indicators: aggregates only, never one row per application. The base-table
 * queries (the definition, which the property tests compare the rollups with) group by the
 * Shanghai day(s) of their facts, so that the working-day arithmetic (holidays, 调休) and the
 * percentiles happen exactly, in app/domain/indicators.ts, on (day, count) pairs. The rollups'
 * read (rollupCells) does the same arithmetic in SQL, against the table of days (decision 026),
 * and returns sums by breakdown key and month. With a dimension a query also groups by the
 * breakdown key.
 *
 * The SQL is the same on SQLite and PostgreSQL except for the pieces of `dialect`
 * (app/db/dialect.server.ts): date keys, instants, Boolean literals.
 */

const dialect = sqlDialect();
const readDay = shanghaiDayOfKey;

const col = (table: string, column: string) => Prisma.raw(`"${table}"."${column}"`);

/** The resolved filter: the period as instants, the actor's scope already merged in. */
export interface FactQuery {
  filter: IndicatorFilter;
  /** start of fromDay, Shanghai */
  from: Date;
  /** start of the day after toDay, Shanghai */
  to: Date;
  /** the stock instant for firm counts: the end of the period, or now if earlier */
  stockAt: Date;
  now: Date;
}

export function factQuery(filter: IndicatorFilter, now: Date): FactQuery {
  const from = startOfShanghaiDay(filter.fromDay);
  const to = startOfShanghaiDay(addDays(filter.toDay, 1));
  return { filter, from, to, stockAt: to < now ? to : now, now };
}

/**
 * A firm without a bank loan before `at` (首贷 candidate): it declared none at registration and
 * none of its applications was disbursed before then.
 */
function firstBorrowerBefore(at: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`("e"."hadBankLoan" = ${dialect.false} AND NOT EXISTS (
      SELECT 1 FROM "Application" "b"
       WHERE "b"."enterpriseId" = "e"."id" AND "b"."state" = 'DISBURSED' AND "b"."disbursedAt" < ${at}))`;
}

/**
 * The breakdown key of a dimension, over the aliases a (Application), e (Enterprise) and p
 * (Product). Borrower: a disbursed loan is first when the application was the firm's first
 * loan; an application is first when its firm had no loan when it applied.
 */
function dimensionKey(dimension: IndicatorDimension | null, borrower?: Prisma.Sql): Prisma.Sql {
  switch (dimension) {
    case null:
      return Prisma.sql`''`;
    case "subDistrict":
      return col("e", "subDistrictId");
    case "bank":
      return col("a", "bankId");
    case "section":
      return col("e", "sectionCode");
    case "size":
      return col("e", "size");
    case "productType":
      return col("p", "type");
    case "borrower":
      return Prisma.sql`CASE WHEN ${borrower ?? firstBorrowerBefore(col("a", "submittedAt"))} THEN 'FIRST' ELSE 'REPEAT' END`;
  }
}

/** The product join a product-type breakdown needs (loanFacts joins the product anyway). */
function productJoin(dimension: IndicatorDimension | null): Prisma.Sql {
  return dimension === "productType"
    ? Prisma.sql`JOIN "Product" "p" ON "p"."id" = "a"."productId"`
    : Prisma.empty;
}

/** Conditions on the firm (alias e). The whitelist filter reads the firm's state at `now`. */
function firmConditions(
  { filter, now }: FactQuery,
  options: { whitelist: boolean; unindexed?: boolean },
): Prisma.Sql[] {
  // unindexed: on SQLite the section, size and whitelist terms are written so that no index of
  // theirs can serve them (a unary +), for a statement that must read a range of another index
  const term = (column: string) =>
    options.unindexed && dialect.provider === "sqlite" ? Prisma.raw(`+"e"."${column}"`) : col("e", column);
  const where: Prisma.Sql[] = [];
  if (filter.subDistrictId) where.push(Prisma.sql`"e"."subDistrictId" = ${filter.subDistrictId}`);
  if (filter.sectionCode) where.push(Prisma.sql`${term("sectionCode")} = ${filter.sectionCode}`);
  if (filter.size) where.push(Prisma.sql`${term("size")} = ${filter.size}`);
  if (options.whitelist && filter.whitelist) {
    const until = term("whitelistedUntil");
    const whitelisted = Prisma.sql`(${until} IS NOT NULL AND ${until} > ${dialect.instant(now)})`;
    where.push(filter.whitelist === "yes" ? whitelisted : Prisma.sql`NOT ${whitelisted}`);
  }
  return where;
}

/** Conditions on the application (alias a) and its firm. The whitelist filter reads the application's flag. */
function applicationConditions(query: FactQuery): Prisma.Sql[] {
  const where = firmConditions(query, { whitelist: false });
  const { filter } = query;
  if (filter.bankId) where.push(Prisma.sql`"a"."bankId" = ${filter.bankId}`);
  if (filter.whitelist) {
    where.push(Prisma.sql`"a"."whitelisted" = ${filter.whitelist === "yes" ? dialect.true : dialect.false}`);
  }
  return where;
}

/**
 * The join to the firm, only when a firm filter or a firm dimension needs it: the district-wide
 * figures then read the Application index alone (a join costs a row lookup per application).
 */
function firmJoin({ filter }: FactQuery, dimension: IndicatorDimension | null): Prisma.Sql {
  const needed =
    Boolean(filter.subDistrictId || filter.sectionCode || filter.size) ||
    dimension === "subDistrict" ||
    dimension === "section" ||
    dimension === "size" ||
    dimension === "borrower";
  return needed ? Prisma.sql`JOIN "Enterprise" "e" ON "e"."id" = "a"."enterpriseId"` : Prisma.empty;
}

function inPeriod(column: Prisma.Sql, { from, to }: FactQuery): Prisma.Sql {
  return Prisma.sql`${column} >= ${dialect.instant(from)} AND ${column} < ${dialect.instant(to)}`;
}

const and = (conditions: Prisma.Sql[]) =>
  conditions.length ? Prisma.sql` AND ${Prisma.join(conditions, " AND ")}` : Prisma.empty;

const num = (value: unknown) => Number(value ?? 0);

export type Keyed<T> = T & { key: string };

/** Submissions of the period by (key, submission day, first-response day). */
export async function responseFacts(
  query: FactQuery,
  dimension: IndicatorDimension | null,
): Promise<Keyed<ResponseFact>[]> {
  const key = dimensionKey(dimension);
  const rows = await reportRows<
    { key: string; sd: string; rd: string | null; pending: number; fromOffer: number; n: number }[]
  >(Prisma.sql`
    SELECT ${key} AS "key",
           ${dialect.day(col("a", "submittedAt"))} AS "sd",
           ${dialect.day(col("a", "firstResponseAt"))} AS "rd",
           CASE WHEN "a"."state" = 'SUBMITTED' THEN 1 ELSE 0 END AS "pending",
           CASE WHEN "a"."offerId" IS NULL THEN 0 ELSE 1 END AS "fromOffer",
           COUNT(*) AS "n"
      FROM "Application" "a" ${firmJoin(query, dimension)} ${productJoin(dimension)}
     WHERE ${inPeriod(col("a", "submittedAt"), query)}${and(applicationConditions(query))}
     GROUP BY 1, 2, 3, 4, 5`);
  return rows.map((row) => ({
    key: row.key ?? "",
    submitDay: readDay(row.sd),
    responseDay: readDay(row.rd),
    pending: num(row.pending) === 1,
    fromOffer: num(row.fromOffer) === 1,
    count: num(row.n),
  }));
}

/** Decisions (approve or reject) made in the period by (key, decision day, outcome). */
export async function decisionFacts(
  query: FactQuery,
  dimension: IndicatorDimension | null,
): Promise<Keyed<DecisionFact & { day: string }>[]> {
  const key = dimensionKey(dimension);
  const rows = await reportRows<{ key: string; day: string; outcome: string; n: number }[]>(Prisma.sql`
    SELECT ${key} AS "key",
           ${dialect.day(col("a", "decidedAt"))} AS "day",
           CASE WHEN "a"."approvedAmountYuan" IS NOT NULL THEN 'APPROVED' ELSE COALESCE("a"."rejectReason", 'OTHER') END AS "outcome",
           COUNT(*) AS "n"
      FROM "Application" "a" ${firmJoin(query, dimension)} ${productJoin(dimension)}
     WHERE ${inPeriod(col("a", "decidedAt"), query)}
       AND ("a"."approvedAmountYuan" IS NOT NULL OR "a"."state" = 'REJECTED')${and(applicationConditions(query))}
     GROUP BY 1, 2, 3`);
  return rows.map((row) => ({
    key: row.key ?? "",
    day: readDay(row.day),
    outcome: row.outcome as "APPROVED" | RejectReason,
    count: num(row.n),
  }));
}

/** The summed columns of a loan fact, read live or from the rollups. */
type LoanSumsRow = {
  n: unknown;
  amount: unknown;
  amountRate: unknown;
  credit: unknown;
  inclusive: unknown;
  firsts: unknown;
};

function loanSumsOf(row: LoanSumsRow) {
  return {
    count: num(row.n),
    amountYuan: num(row.amount),
    // SQLite's reader gives a bigint; PostgreSQL sends a BIGINT or its NUMERIC sum as digits
    amountRate: typeof row.amountRate === "bigint" ? row.amountRate : BigInt(String(row.amountRate ?? 0)),
    creditYuan: num(row.credit),
    inclusiveYuan: num(row.inclusive),
    firstLoans: num(row.firsts),
  };
}

/**
 * Loans disbursed in the period by (key, submission day, disbursement day). A loan is a firm's
 * first (首贷) when the firm declared no earlier bank loan and no other disbursed application
 * of it came before (same instant: the smaller id first).
 */
export async function loanFacts(
  query: FactQuery,
  dimension: IndicatorDimension | null,
): Promise<Keyed<LoanFact>[]> {
  const key = dimensionKey(dimension, Prisma.sql`"a"."firstLoan" = ${dialect.true}`);
  const rows = await reportRows<(LoanSumsRow & { key: string; sd: string; dd: string })[]>(Prisma.sql`
    SELECT ${key} AS "key",
           ${dialect.day(col("a", "submittedAt"))} AS "sd",
           ${dialect.day(col("a", "disbursedAt"))} AS "dd",
           COUNT(*) AS "n",
           SUM("a"."disbursedAmountYuan") AS "amount",
           SUM(CAST("a"."disbursedAmountYuan" AS BIGINT) * "a"."disbursedRateBp") AS "amountRate",
           SUM(CASE WHEN "p"."guaranteeType" = 'CREDIT' THEN "a"."disbursedAmountYuan" ELSE 0 END) AS "credit",
           SUM(CASE WHEN "e"."size" IN ('MICRO', 'SMALL') THEN "a"."disbursedAmountYuan" ELSE 0 END) AS "inclusive",
           SUM(CASE WHEN "e"."hadBankLoan" = ${dialect.false} AND NOT EXISTS (
                 SELECT 1 FROM "Application" "b"
                  WHERE "b"."enterpriseId" = "a"."enterpriseId" AND "b"."state" = 'DISBURSED'
                    AND ("b"."disbursedAt" < "a"."disbursedAt"
                         OR ("b"."disbursedAt" = "a"."disbursedAt" AND "b"."id" < "a"."id")))
               THEN 1 ELSE 0 END) AS "firsts"
      FROM "Application" "a"
      JOIN "Enterprise" "e" ON "e"."id" = "a"."enterpriseId"
      JOIN "Product" "p" ON "p"."id" = "a"."productId"
     WHERE "a"."state" = 'DISBURSED' AND ${inPeriod(col("a", "disbursedAt"), query)}${and(applicationConditions(query))}
     GROUP BY 1, 2, 3`);
  return rows.map((row) => ({
    key: row.key ?? "",
    submitDay: readDay(row.sd),
    disburseDay: readDay(row.dd),
    ...loanSumsOf(row),
  }));
}

type FirmDimension = Exclude<IndicatorDimension, "bank" | "productType" | "borrower"> | "month" | null;

/** The key of a firm-level dimension; "month" groups by the Shanghai month of `dated`. */
function firmKey(dimension: FirmDimension, dated: Prisma.Sql): Prisma.Sql {
  if (dimension === "month") return dialect.month(dated);
  if (dimension === null) return Prisma.sql`''`;
  return dimensionKey(dimension);
}

/**
 * Firm figures by key: registered (stock at stockAt — by month: new firms of the month only,
 * the caller accumulates), new in period, authorising (not by month), demands, whitelist
 * conversion. Not called under a bank filter except for authorising firms.
 */
export interface FirmFactsByKey {
  /** the facts of a key; a key without any firm row gets zeros (or nulls where not applicable) */
  get(key: string): FirmFacts;
  keys(): Iterable<string>;
  /**
   * The sum over every key — exact only when the keys partition the firms (a sub-district,
   * section or size dimension: each firm has one), so that no firm is counted twice.
   */
  total(): FirmFacts;
}

export async function firmFacts(
  query: FactQuery,
  dimension: FirmDimension,
  options: { bankOnly: boolean },
): Promise<FirmFactsByKey> {
  const firmTerms = firmConditions(query, { whitelist: true });
  const firmWhere = and(firmTerms);
  const facts = new Map<string, FirmFacts>();
  const noWhitelist = query.filter.whitelist === "no";
  const blank = (): FirmFacts =>
    options.bankOnly
      ? {
          registered: null,
          newFirms: null,
          authorising: 0,
          demands: null,
          demandYuan: null,
          whitelisted: null,
          converted: null,
        }
      : {
          registered: 0,
          newFirms: 0,
          authorising: dimension === "month" ? null : 0,
          demands: 0,
          demandYuan: 0,
          whitelisted: noWhitelist ? null : 0,
          converted: noWhitelist ? null : 0,
        };
  const entry = (key: string | null) => {
    const k = key ?? "";
    let found = facts.get(k);
    if (!found) {
      found = blank();
      facts.set(k, found);
    }
    return found;
  };
  const result: FirmFactsByKey = {
    get: (key) => facts.get(key) ?? blank(),
    keys: () => facts.keys(),
    total() {
      const sum = blank();
      for (const found of facts.values()) {
        for (const field of Object.keys(sum) as (keyof FirmFacts)[]) {
          const value = sum[field];
          if (value !== null) sum[field] = value + (found[field] ?? 0);
        }
      }
      return sum;
    },
  };

  const authorising =
    dimension === "month" ? Promise.resolve([]) : authorisingFirms(query, dimension, firmWhere);
  if (options.bankOnly) {
    for (const row of await authorising) entry(row.key).authorising = num(row.n);
    return result;
  }

  const monthly = dimension === "month";
  // A demand needs its firm only for a firm condition or a firm key (not for months or totals).
  const demandFirm =
    firmTerms.length > 0 || (dimension !== null && !monthly)
      ? Prisma.sql`JOIN "Enterprise" "e" ON "e"."id" = "d"."enterpriseId"`
      : Prisma.empty;
  const [registered, demands, whitelist, authorisingRows] = await Promise.all([
    monthly
      ? reportRows<{ key: string; stock: number; fresh: number }[]>(verifiedByMonthSql(query))
      : reportRows<{ key: string; stock: number; fresh: number }[]>(Prisma.sql`
      SELECT ${firmKey(dimension, col("e", "verifiedAt"))} AS "key",
             COUNT(*) AS "stock",
             SUM(CASE WHEN "e"."verifiedAt" >= ${dialect.instant(query.from)} THEN 1 ELSE 0 END) AS "fresh"
        FROM "Enterprise" "e"
       WHERE "e"."verifiedAt" < ${dialect.instant(query.stockAt)}${firmWhere}
       GROUP BY 1`),
    reportRows<{ key: string; n: number; amount: number | bigint }[]>(Prisma.sql`
      SELECT ${firmKey(dimension, col("d", "createdAt"))} AS "key", COUNT(*) AS "n", SUM("d"."amountYuan") AS "amount"
        FROM "Demand" "d" ${demandFirm}
       WHERE ${inPeriod(col("d", "createdAt"), query)}${firmWhere}
       GROUP BY 1`),
    noWhitelist
      ? Promise.resolve([])
      : reportRows<{ key: string; whitelisted: number; converted: number }[]>(Prisma.sql`
      SELECT ${firmKey(dimension, col("w", "approvedAt"))} AS "key",
             COUNT(DISTINCT "w"."enterpriseId") AS "whitelisted",
             COUNT(DISTINCT CASE WHEN EXISTS (
                 SELECT 1 FROM "Application" "a"
                  WHERE "a"."enterpriseId" = "w"."enterpriseId" AND "a"."state" = 'DISBURSED'
                    AND "a"."disbursedAt" >= "w"."approvedAt"
                    AND "a"."disbursedAt" <= ${dialect.plusDays(col("w", "approvedAt"), 90)})
               THEN "w"."enterpriseId" END) AS "converted"
        FROM "WhitelistEntry" "w" JOIN "Enterprise" "e" ON "e"."id" = "w"."enterpriseId"
       WHERE ${inPeriod(col("w", "approvedAt"), query)}${and(firmConditions(query, { whitelist: false }))}
       GROUP BY 1`),
    authorising,
  ]);
  for (const row of registered) {
    const found = entry(row.key);
    found.registered = num(row.stock);
    found.newFirms = num(row.fresh);
  }
  for (const row of demands) {
    const found = entry(row.key);
    found.demands = num(row.n);
    found.demandYuan = num(row.amount);
  }
  for (const row of whitelist) {
    const found = entry(row.key);
    found.whitelisted = num(row.whitelisted);
    found.converted = num(row.converted);
  }
  for (const row of authorisingRows) entry(row.key).authorising = num(row.n);
  return result;
}

/**
 * The firms verified in each month of the period (key: the month), under the filter: a count of
 * one index range per month, not a sort of every firm of the period into months (city scale, two
 * years: 57 → 8 ms on SQLite). The range is read from an index that begins with verifiedAt (or
 * the sub-district's): on SQLite the section, size and whitelist terms are kept off their own
 * indexes. With the statistics the portal's PRAGMA optimize samples (analysis_limit 400), the
 * planner took the section's index and read every firm of section C and micro size again for
 * each month: 1,237 ms for two years at city scale, 47 ms as ranges.
 */
export function verifiedByMonthSql(query: FactQuery): Prisma.Sql {
  const firmWhere = and(firmConditions(query, { whitelist: true, unindexed: true }));
  return Prisma.join(
    monthRanges(query).map(
      ({ month, from, to }) => Prisma.sql`
      SELECT CAST(${month} AS TEXT) AS "key", "c"."n" AS "stock", "c"."n" AS "fresh"
        FROM (SELECT COUNT(*) AS "n" FROM "Enterprise" "e"
               WHERE "e"."verifiedAt" >= ${dialect.instant(from)} AND "e"."verifiedAt" < ${dialect.instant(to)}${firmWhere}) "c"`,
    ),
    " UNION ALL ",
  );
}

/**
 * The firms with a live authorisation at stockAt, by key. At the present (no grant at or after
 * stockAt, no revocation after it) a firm is live exactly when its stored authorisedUntil is after
 * stockAt: one range of an Enterprise index (docs/decisions/027-authorised-until.md). At a past instant,
 * or for one bank (its grants and the all-bank ones), the distinct firms of the grants live then,
 * read from the covering index Authorization(enterpriseId, revokedAt, expiresAt, bankId, grantedAt)
 * in its order, then their keys — not an EXISTS per firm of the city (365 → 97 ms at T2).
 */
async function authorisingFirms(
  query: FactQuery,
  dimension: Exclude<FirmDimension, "month">,
  firmWhere: Prisma.Sql,
): Promise<{ key: string; n: number }[]> {
  const stockAt = dialect.instant(query.stockAt);
  const key = firmKey(dimension, col("e", "verifiedAt"));
  const bankId = query.filter.bankId;
  if (!bankId) {
    const [present] = await reportRows<{ stored: number }[]>(Prisma.sql`
      SELECT CASE WHEN EXISTS (SELECT 1 FROM "Authorization" WHERE "grantedAt" >= ${stockAt})
                    OR EXISTS (SELECT 1 FROM "Authorization" WHERE "revokedAt" > ${stockAt})
                  THEN 0 ELSE 1 END AS "stored"`);
    if (num(present?.stored) === 1) {
      return reportRows<{ key: string; n: number }[]>(Prisma.sql`
        SELECT ${key} AS "key", COUNT(*) AS "n" FROM "Enterprise" "e"
         WHERE "e"."authorisedUntil" > ${stockAt}${firmWhere}
         GROUP BY 1`);
    }
  }
  return reportRows<{ key: string; n: number }[]>(Prisma.sql`
    SELECT ${key} AS "key", COUNT(*) AS "n"
      FROM (SELECT DISTINCT "z"."enterpriseId" AS "id" FROM "Authorization" "z"
             WHERE "z"."grantedAt" < ${stockAt} AND "z"."expiresAt" > ${stockAt}
               AND ("z"."revokedAt" IS NULL OR "z"."revokedAt" > ${stockAt})
               ${bankId ? Prisma.sql`AND ("z"."bankId" = ${bankId} OR "z"."bankId" IS NULL)` : Prisma.empty}) "live"
      JOIN "Enterprise" "e" ON "e"."id" = "live"."id"
     WHERE 1 = 1${firmWhere}
     GROUP BY 1`);
}

/** Each month the period touches, "YYYY-MM", with its part of the period as instants. */
function monthRanges({ filter, from, to }: FactQuery) {
  return monthsOf(filter.fromDay, filter.toDay).map((month) => {
    const start = startOfShanghaiDay(`${month}-01`);
    const next = startOfShanghaiDay(addMonthsClamped(`${month}-01`, 1));
    return { month, from: start < from ? from : start, to: next > to ? to : next };
  });
}

/** Registered firms verified before `before` (the stock a monthly series starts from). */
export async function registeredBefore(query: FactQuery, before: Date): Promise<number> {
  const rows = await reportRows<{ n: number }[]>(Prisma.sql`
    SELECT COUNT(*) AS "n" FROM "Enterprise" "e"
     WHERE "e"."verifiedAt" < ${dialect.instant(before)}${and(firmConditions(query, { whitelist: true }))}`);
  return num(rows[0]?.n);
}

// ---------------------------------------------------------------------------------------------
// The loan book (贷后): balances at the period's end and the renewals of the period

/**
 * The column a breakdown dimension's key is read from: the same name on the rollups (alias r)
 * and on the loans (alias l), which carry their firm's sub-district, section and size, their
 * application's whitelist flag and their product's type (schema: Loan). A loan's borrower kind
 * is its firstLoan flag instead.
 */
const DIMENSION_COLUMN: Record<IndicatorDimension, RollupDimension> = {
  subDistrict: "subDistrictId",
  bank: "bankId",
  section: "sectionCode",
  size: "size",
  productType: "productType",
  borrower: "borrower",
};

/** The filter's equality terms on those columns, the whitelist flag apart (stored differently). */
function filterColumns(filter: IndicatorFilter): [RollupDimension, string][] {
  const terms: [RollupDimension, string | null | undefined][] = [
    ["subDistrictId", filter.subDistrictId],
    ["bankId", filter.bankId],
    ["sectionCode", filter.sectionCode],
    ["size", filter.size],
  ];
  return terms.filter((term): term is [RollupDimension, string] => Boolean(term[1]));
}

/**
 * The breakdown key of a loan (alias l), read from the loan's covering index alone: joining each
 * loan's firm, application or product made a city's loan book by size or whitelist 0.5–0.6 s
 * instead of 20–40 ms.
 */
function loanKey(dimension: IndicatorDimension | null): Prisma.Sql {
  if (dimension === null) return Prisma.sql`''`;
  if (dimension === "borrower")
    return Prisma.sql`CASE WHEN "l"."firstLoan" = ${dialect.true} THEN 'FIRST' ELSE 'REPEAT' END`;
  return col("l", DIMENSION_COLUMN[dimension]);
}

/** The filter on loans (alias l): the columns it shares with the rollups, and the whitelist flag. */
function loanConditions({ filter }: FactQuery): Prisma.Sql[] {
  const where = filterColumns(filter).map(([column, value]) => Prisma.sql`${col("l", column)} = ${value}`);
  if (filter.whitelist) {
    where.push(Prisma.sql`"l"."whitelisted" = ${filter.whitelist === "yes" ? dialect.true : dialect.false}`);
  }
  return where;
}

const NON_PERFORMING_CLASSES = Prisma.sql`('SUBSTANDARD', 'DOUBTFUL', 'LOSS')`;

const fen = (value: unknown) => BigInt(String(value ?? 0));

/**
 * The loan book by key at the stock day (the period's last day, or today): loans with principal
 * outstanding, the outstanding principal, and the balances of the overdue and the
 * non-performing ones (SPEC; app/domain/indicators.ts). When the stock day is today the loan
 * rows carry the answer (outstanding principal, oldest unpaid due date); for a past day it is
 * rebuilt from the repayments and the schedule periods dated up to it.
 */
export async function loanBookFacts(
  query: FactQuery,
  dimension: IndicatorDimension | null,
  today: string,
): Promise<Keyed<LoanBookFact>[]> {
  const key = loanKey(dimension);
  const day = query.filter.toDay < today ? query.filter.toDay : today;
  const dayStart = dialect.instant(startOfShanghaiDay(day));
  const dayEnd = dialect.instant(startOfShanghaiDay(addDays(day, 1)));
  // 91+ days past due on `day`: the oldest unpaid due date on or before day − 91
  const nplDue = dialect.instant(startOfShanghaiDay(addDays(day, -91)));
  // on the stock day today the loan rows carry the standing: loan-view's definitions, in SQL
  const current = loanStandingSql("l", day);
  type Row = { key: string; n: number; outstanding: unknown; overdue: unknown; npl: unknown };
  const rows =
    day >= today
      ? await reportRows<Row[]>(Prisma.sql`
    SELECT ${key} AS "key",
           COUNT(*) AS "n",
           SUM("l"."outstandingPrincipalFen") AS "outstanding",
           SUM(CASE WHEN ${current.overdue} THEN "l"."outstandingPrincipalFen" ELSE 0 END) AS "overdue",
           SUM(CASE WHEN ${current.nonPerforming} THEN "l"."outstandingPrincipalFen" ELSE 0 END) AS "npl"
      FROM "Loan" "l"
     WHERE "l"."status" = 'ACTIVE' AND "l"."outstandingPrincipalFen" > 0${and(loanConditions(query))}
     GROUP BY 1`)
      : // MATERIALIZED: each loan's two subqueries run once. As a plain subquery in FROM both
        // databases copied the outstanding principal's sum into every place the outer query
        // names it (three), and PostgreSQL ran it that many times per loan (city scale, a year
        // ago: SQLite 580 → 430 ms, PostgreSQL 626 → 410 ms).
        // A loan settled on or before the day has nothing outstanding on it (repayments are
        // never dated before the last one, so none comes after the settling one): it is left
        // out before its subqueries run. On SQLite the loans are put in id order first ("o"),
        // then their subqueries run: those seek the repayments' and the periods' (loanId, …)
        // indexes, and loans taken in id order walk those indexes in order too. Taken in the
        // order of another index (the disbursement day's, a sub-district's) each seek landed
        // somewhere else in 2.5 million periods; ORDER BY in the select that runs the
        // subqueries sorts after they ran (city scale, the bureau's book eleven days back:
        // 2,468 → 545 ms; an office's 430 → 260 ms). PostgreSQL gains nothing from the order
        // and pays for the sort (docs/performance.md, seventh session).
        await reportRows<Row[]>(Prisma.sql`
    WITH "o" AS MATERIALIZED (
        SELECT "l"."id" AS "id", ${key} AS "key", "l"."reportedRiskClass" AS "reported",
               "l"."principalFen" AS "principal"
          FROM "Loan" "l"
         WHERE "l"."disbursedOn" < ${dayEnd} AND ("l"."settledOn" IS NULL OR "l"."settledOn" >= ${dayEnd})${and(loanConditions(query))}
         ${dialect.provider === "sqlite" ? Prisma.sql`ORDER BY "l"."id"` : Prisma.empty}),
    "x" AS MATERIALIZED (
        SELECT "o"."key" AS "key",
               "o"."reported" AS "reported",
               "o"."principal" - COALESCE((SELECT SUM("r"."principalFen") FROM "Repayment" "r"
                                            WHERE "r"."loanId" = "o"."id" AND "r"."paidOn" < ${dayEnd}), 0) AS "outstanding",
               (SELECT MIN("q"."dueOn") FROM "LoanPeriod" "q"
                 WHERE "q"."loanId" = "o"."id" AND "q"."dueOn" < ${dayStart}
                   AND ("q"."paidOffOn" IS NULL OR "q"."paidOffOn" >= ${dayEnd})) AS "oldest"
          FROM "o")
    SELECT "x"."key" AS "key",
           COUNT(*) AS "n",
           SUM("x"."outstanding") AS "outstanding",
           SUM(CASE WHEN "x"."oldest" IS NOT NULL THEN "x"."outstanding" ELSE 0 END) AS "overdue",
           SUM(CASE WHEN "x"."oldest" <= ${nplDue} OR "x"."reported" IN ${NON_PERFORMING_CLASSES}
                    THEN "x"."outstanding" ELSE 0 END) AS "npl"
      FROM "x"
     WHERE "x"."outstanding" > 0
     GROUP BY 1`);
  return rows.map((row) => ({
    key: row.key ?? "",
    loans: num(row.n),
    outstandingFen: fen(row.outstanding),
    overdueFen: fen(row.overdue),
    nplFen: fen(row.npl),
  }));
}

/** Renewal loans disbursed in the period by (key, disbursement day, kind). */
export async function renewalFacts(
  query: FactQuery,
  dimension: IndicatorDimension | null,
): Promise<Keyed<RenewalFact & { day: string }>[]> {
  const key = loanKey(dimension);
  const rows = await reportRows<
    { key: string; day: string; kind: string; n: number; amount: unknown }[]
  >(Prisma.sql`
    SELECT ${key} AS "key",
           ${dialect.day(col("l", "disbursedOn"))} AS "day",
           COALESCE("l"."renewalKind", 'STANDARD') AS "kind",
           COUNT(*) AS "n",
           SUM("l"."principalFen") AS "amount"
      FROM "Loan" "l"
     WHERE "l"."renewsLoanId" IS NOT NULL AND ${inPeriod(col("l", "disbursedOn"), query)}${and(loanConditions(query))}
     GROUP BY 1, 2, 3`);
  return rows.map((row) => ({
    key: row.key ?? "",
    day: readDay(row.day),
    kind: row.kind === "WITHOUT_PRINCIPAL_REPAYMENT" ? "WITHOUT_PRINCIPAL_REPAYMENT" : "STANDARD",
    count: num(row.n),
    amountFen: fen(row.amount),
  }));
}

// ---------------------------------------------------------------------------------------------
// The same facts read from the rollups (IndicatorRollup; docs/decisions/020-indicator-rollups.md):
// a sum over the slots of the smallest cube that keeps the filter's and the breakdown's
// dimensions — a few rows per day — instead of a scan of the applications.

function rollupScope(query: FactQuery, kind: RollupKind, dimension: IndicatorDimension | null) {
  const { filter } = query;
  // a rollup slot keeps the whitelist flag as Y or N
  const conditions = filterColumns(filter);
  if (filter.whitelist) conditions.push(["whitelisted", filter.whitelist === "yes" ? "Y" : "N"]);
  const needed = conditions.map(([dim]) => dim);
  if (dimension) needed.push(DIMENSION_COLUMN[dimension]);
  const cube = cubeFor(needed);
  // On SQLite the table is clustered on the slot key, which begins kind|cube|day| (decision 020):
  // without a bank or sub-district filter (whose indexes narrow the read to that bank's or
  // sub-district's slots) the period is read as one stretch of the table by the key's range,
  // half the time of the (kind, cube, day) index and a row lookup per slot. The unary + keeps
  // SQLite from choosing that index for the same terms. Text compares byte by byte there.
  const byKey = dialect.provider === "sqlite" && !filter.bankId && !filter.subDistrictId;
  const term = (column: string) => (byKey ? Prisma.raw(`+"r"."${column}"`) : col("r", column));
  const where = [
    Prisma.sql`${term("kind")} = ${kind}`,
    Prisma.sql`${term("cube")} = ${cube}`,
    Prisma.sql`${term("day")} >= ${filter.fromDay}`,
    Prisma.sql`${term("day")} <= ${filter.toDay}`,
    ...conditions.map(([dim, value]) => Prisma.sql`${col("r", dim)} = ${value}`),
  ];
  if (byKey) {
    const { lower, upper } = slotRange(kind, cube, filter.fromDay, filter.toDay);
    where.push(Prisma.sql`"r"."slot" >= ${lower}`, Prisma.sql`"r"."slot" < ${upper}`);
  }
  return {
    key: dimension ? col("r", DIMENSION_COLUMN[dimension]) : Prisma.sql`''`,
    where: Prisma.join(where, " AND "),
  };
}

/**
 * The responses, decisions and loans of the period from the rollups, added up by breakdown key
 * and month in SQL: each slot's day and its other day (day ± lag) are looked up in IndicatorDay
 * (ensureIndicatorDays first), which gives the working days, the response deadline and the LPR
 * — so a two-year report reads a few thousand groups, not every day slot (decision 026).
 */
export async function rollupCells(
  query: FactQuery,
  dimension: IndicatorDimension | null,
  today: string,
): Promise<Iterable<FactCell>> {
  const table = cellTable();
  const [responses, decisions, loans] = await Promise.all([
    rollupResponseSums(query, dimension, today),
    rollupDecisionSums(query, dimension),
    rollupLoanSums(query, dimension),
  ]);
  for (const row of responses) addResponseSums(table.at(row.key ?? "", row.month), row);
  for (const row of decisions) addDecisionSums(table.at(row.key ?? "", row.month), row);
  for (const row of loans) addLoanSums(table.at(row.key ?? "", row.month), row);
  return table.cells();
}

const month = (column: Prisma.Sql) => Prisma.sql`SUBSTR(${column}, 1, 7)`;

/** The slot's own day in IndicatorDay (alias c). */
const slotDay = Prisma.sql`JOIN "IndicatorDay" "c" ON "c"."day" = "r"."day"`;

async function rollupResponseSums(query: FactQuery, dimension: IndicatorDimension | null, today: string) {
  const { key, where } = rollupScope(query, "RESPONSE", dimension);
  // a RESPONSE slot's day is the submission's (c), its lag the calendar days to the first
  // response (a: that day); only answered slots have one
  const answered = Prisma.sql`"r"."fromOffer" = ${dialect.false} AND "r"."outcome" = 'ANSWERED'`;
  const rows = await reportRows<
    {
      key: string;
      month: string;
      n: unknown;
      responded: unknown;
      days: unknown;
      sla: unknown;
      overdue: unknown;
    }[]
  >(Prisma.sql`
    SELECT ${key} AS "key", ${month(col("r", "day"))} AS "month", SUM("r"."n") AS "n",
           SUM(CASE WHEN ${answered} THEN "r"."n" ELSE 0 END) AS "responded",
           SUM(CASE WHEN ${answered} THEN CAST("r"."n" AS BIGINT) * ("a"."workIndex" - "c"."workIndex") ELSE 0 END) AS "days",
           SUM(CASE WHEN ${answered} AND "a"."day" <= "c"."deadline" THEN "r"."n" ELSE 0 END) AS "sla",
           SUM(CASE WHEN "r"."fromOffer" = ${dialect.false} AND "r"."outcome" <> 'ANSWERED'
                     AND "r"."pending" = ${dialect.true} AND "c"."deadline" < ${today}
                    THEN "r"."n" ELSE 0 END) AS "overdue"
      FROM "IndicatorRollup" "r" ${slotDay}
      JOIN "IndicatorDay" "a" ON "a"."ordinal" = "c"."ordinal" + "r"."lagDays"
     WHERE ${where}
     GROUP BY 1, 2`);
  return rows
    .filter((row) => num(row.n) !== 0)
    .map((row) => ({
      key: row.key,
      month: row.month,
      applications: num(row.n),
      responded: num(row.responded),
      responseDays: num(row.days),
      withinSla: num(row.sla),
      overdue: num(row.overdue),
    }));
}

async function rollupDecisionSums(query: FactQuery, dimension: IndicatorDimension | null) {
  const { key, where } = rollupScope(query, "DECISION", dimension);
  const rows = await reportRows<{ key: string; month: string; outcome: string; n: unknown }[]>(Prisma.sql`
    SELECT ${key} AS "key", ${month(col("r", "day"))} AS "month", "r"."outcome" AS "outcome", SUM("r"."n") AS "n"
      FROM "IndicatorRollup" "r" WHERE ${where}
     GROUP BY 1, 2, 3`);
  return rows
    .filter((row) => num(row.n) !== 0)
    .map((row) => ({
      key: row.key,
      month: row.month,
      outcome: row.outcome as "APPROVED" | RejectReason,
      count: num(row.n),
    }));
}

async function rollupLoanSums(query: FactQuery, dimension: IndicatorDimension | null) {
  const { key, where } = rollupScope(query, "LOAN", dimension);
  // a LOAN slot's day is the disbursement's (c), its lag the calendar days since the submission
  // (s: that day)
  const rows = await reportRows<
    (LoanSumsRow & {
      key: string;
      month: string;
      lag: unknown;
      work: unknown;
      spread: unknown;
      weight: unknown;
    })[]
  >(Prisma.sql`
    SELECT ${key} AS "key", ${month(col("r", "day"))} AS "month", "r"."lagDays" AS "lag",
           "c"."workIndex" - "s"."workIndex" AS "work",
           SUM("r"."n") AS "n", SUM("r"."amountYuan") AS "amount", SUM("r"."amountRate") AS "amountRate",
           SUM(CASE WHEN "c"."lprBp" IS NULL THEN 0 ELSE "r"."amountRate" - "r"."amountYuan" * "c"."lprBp" END) AS "spread",
           SUM(CASE WHEN "c"."lprBp" IS NULL THEN 0 ELSE "r"."amountYuan" END) AS "weight",
           SUM("r"."creditYuan") AS "credit", SUM("r"."inclusiveYuan") AS "inclusive",
           SUM("r"."firstLoans") AS "firsts"
      FROM "IndicatorRollup" "r" ${slotDay}
      JOIN "IndicatorDay" "s" ON "s"."ordinal" = "c"."ordinal" - "r"."lagDays"
     WHERE ${where}
     GROUP BY 1, 2, 3, 4`);
  return rows
    .filter((row) => num(row.n) !== 0)
    .map((row) => {
      const sums = loanSumsOf(row);
      return {
        key: row.key,
        month: row.month,
        count: sums.count,
        calendarDays: num(row.lag),
        workingDays: num(row.work),
        amountYuan: BigInt(String(row.amount ?? 0)),
        amountRate: sums.amountRate,
        amountSpread: BigInt(String(row.spread ?? 0)),
        spreadWeight: BigInt(String(row.weight ?? 0)),
        creditYuan: sums.creditYuan,
        inclusiveYuan: sums.inclusiveYuan,
        firstLoans: sums.firstLoans,
      };
    });
}

// ---------------------------------------------------------------------------------------------
// 贷后预警: acknowledgements that fell due in the period (the league table's late ones)

/** The breakdown key of a credit alert (alias c, with its firm e); "" where the dimension has no alert key. */
function alertKey(dimension: IndicatorDimension | null): Prisma.Sql {
  switch (dimension) {
    case "bank":
      return col("c", "bankId");
    case "subDistrict":
    case "section":
    case "size":
      return dimensionKey(dimension);
    default:
      return Prisma.sql`''`;
  }
}

/**
 * Credit alerts whose acknowledgement deadline fell in the period and that are acknowledged or
 * past the deadline at `now`, by (key, deadline day): how many, and how many were acknowledged
 * late or not at all (app/domain/indicators.ts, alertAcknowledgement).
 */
export async function alertAckFacts(
  query: FactQuery,
  dimension: IndicatorDimension | null,
): Promise<Keyed<AlertAckFact & { day: string }>[]> {
  const key = alertKey(dimension);
  const now = dialect.instant(query.now);
  const where = firmConditions(query, { whitelist: true });
  if (query.filter.bankId) where.push(Prisma.sql`"c"."bankId" = ${query.filter.bankId}`);
  const rows = await reportRows<{ key: string; day: string; n: number; late: number }[]>(Prisma.sql`
    SELECT ${key} AS "key",
           ${dialect.day(col("c", "dueAt"))} AS "day",
           COUNT(*) AS "n",
           SUM(CASE WHEN "c"."acknowledgedAt" IS NULL OR "c"."acknowledgedAt" > "c"."dueAt" THEN 1 ELSE 0 END) AS "late"
      FROM "CreditAlert" "c" JOIN "Enterprise" "e" ON "e"."id" = "c"."enterpriseId"
     WHERE ${inPeriod(col("c", "dueAt"), query)}
       AND ("c"."acknowledgedAt" IS NOT NULL OR "c"."dueAt" < ${now})${and(where)}
     GROUP BY 1, 2`);
  return rows.map((row) => ({
    key: row.key ?? "",
    day: readDay(row.day),
    due: num(row.n),
    late: num(row.late),
  }));
}
