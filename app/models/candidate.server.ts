import { Prisma } from "@prisma/client";

import { sqlBoolean, sqlDialect } from "~/db/dialect.server";
import { db } from "~/db.server";
import { PUBLIC_RATINGS, TAX_GRADES, gradesAtLeast } from "~/domain/credit-grades";
import { CANDIDATES_PAGE_SIZE, type CandidateSort } from "~/domain/bank-choices";
import { startOfShanghaiDay, shanghaiDate } from "~/domain/shanghai-time";

import type { BankActor } from "./actor";

/**
 * 企业库: the firms a bank may see — a live authorisation for this bank or for all banks
 * (visibleEnterprisesWhere). Basic information for every candidate; the credit summary
 * (tax grade, public rating) only for firms whose live authorisation is FULL, and filtering on
 * it narrows the list to those firms, so a BASIC firm's grade cannot be inferred from a filter.
 *
 * Pagination is an offset over indexed orderings (Enterprise.createdAt, Enterprise.name, with
 * the id as tie-break); the visibility test is an EXISTS on Authorization(enterpriseId, expiresAt).
 */

export interface CandidateFilters {
  section?: string;
  size?: string;
  subDistrictId?: string;
  whitelisted?: boolean;
  /** at least this 纳税信用等级 (A > B > M > C > D) */
  minTaxGrade?: string;
  /** at least this 公共信用综合评价 (A > B > C > D) */
  minPublicRating?: string;
  /** has an open demand of at least this many 元 */
  minDemandYuan?: number;
  q?: string;
}

export function liveAuthorization(actor: BankActor, now: Date): Prisma.AuthorizationWhereInput {
  return {
    revokedAt: null,
    expiresAt: { gt: now },
    OR: [{ bankId: actor.bankId }, { bankId: null }],
  };
}

/** Open demands a bank may answer: OPEN and still valid today. */
export function openDemandWhere(now: Date): Prisma.DemandWhereInput {
  return { status: "OPEN", validUntil: { gte: startOfShanghaiDay(shanghaiDate(now)) } };
}

const dialect = sqlDialect();
/** DateTime as the database stores it, for raw comparisons. */
const storedInstant = dialect.instant;

/** LIKE pattern with the user's % and _ taken literally. */
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A live authorisation of the firm `firmId` (an SQL column) for this bank or for every bank, as a
 * correlated EXISTS on the covering index Authorization(enterpriseId, revokedAt, expiresAt,
 * bankId): liveAuthorization's rule in SQL. `scope` narrows it to FULL grants.
 */
export function liveAuthorizationSql(actor: BankActor, now: Date, firmId: Prisma.Sql, scope?: "FULL") {
  return Prisma.sql`EXISTS (SELECT 1 FROM "Authorization" a WHERE a."enterpriseId" = ${firmId}
    AND a."revokedAt" IS NULL AND a."expiresAt" > ${storedInstant(now)} AND (a."bankId" = ${actor.bankId} OR a."bankId" IS NULL)
    ${scope ? Prisma.sql`AND a."scope" = ${scope}` : Prisma.empty})`;
}

/**
 * The candidate filter as SQL. Prisma compiles a relation filter (`authorizations: { some }`)
 * to `id IN (SELECT …)`, which SQLite materialises for every query — 60 ms at city scale on its
 * own. The same rule as visibleEnterprisesWhere, written as a correlated EXISTS on the covering
 * index Authorization(enterpriseId, revokedAt, expiresAt, bankId), costs microseconds per firm.
 */
export function candidateSql(actor: BankActor, filters: CandidateFilters, now: Date) {
  const at = storedInstant(now);
  const live = (scope?: "FULL") => liveAuthorizationSql(actor, now, Prisma.sql`e."id"`, scope);
  const conditions: Prisma.Sql[] = [live()];
  if (filters.section) conditions.push(Prisma.sql`e."sectionCode" = ${filters.section}`);
  if (filters.size) conditions.push(Prisma.sql`e."size" = ${filters.size}`);
  if (filters.subDistrictId) conditions.push(Prisma.sql`e."subDistrictId" = ${filters.subDistrictId}`);
  if (filters.whitelisted === true) conditions.push(Prisma.sql`e."whitelistedUntil" > ${at}`);
  if (filters.whitelisted === false)
    conditions.push(Prisma.sql`(e."whitelistedUntil" IS NULL OR e."whitelistedUntil" <= ${at})`);
  if (filters.minTaxGrade || filters.minPublicRating) {
    conditions.push(live("FULL"));
    if (filters.minTaxGrade)
      conditions.push(
        Prisma.sql`e."taxGrade" IN (${Prisma.join(gradesAtLeast(TAX_GRADES, filters.minTaxGrade).concat("-"))})`,
      );
    if (filters.minPublicRating)
      conditions.push(
        Prisma.sql`e."publicRating" IN (${Prisma.join(gradesAtLeast(PUBLIC_RATINGS, filters.minPublicRating).concat("-"))})`,
      );
  }
  if (filters.minDemandYuan !== undefined) {
    const today = storedInstant(startOfShanghaiDay(shanghaiDate(now)));
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "Demand" d WHERE d."enterpriseId" = e."id" AND d."status" = 'OPEN'
      AND d."validUntil" >= ${today} AND d."amountYuan" >= ${filters.minDemandYuan})`);
  }
  if (filters.q) {
    const q = likeEscape(filters.q);
    conditions.push(
      Prisma.sql`(e."name" ${dialect.like} ${`%${q}%`} ESCAPE '\\' OR e."uscc" LIKE ${`${q.toUpperCase()}%`} ESCAPE '\\')`,
    );
  }
  return Prisma.join(conditions, " AND ");
}

export const ORDER_SQL: Record<CandidateSort, Prisma.Sql> = {
  newest: Prisma.sql`e."createdAt" DESC, e."id" ASC`,
  oldest: Prisma.sql`e."createdAt" ASC, e."id" ASC`,
  name: Prisma.sql`e."name" ASC, e."id" ASC`,
};

/**
 * Counting every visible firm of a city (100k firms, each an EXISTS on its authorisations)
 * costs ~0.7 s; an officer needs "how many" only while it is small enough to page through.
 * So the count stops at this cap (the page says "more than 1,000 — narrow it with filters")
 * and pages go no deeper than the cap. Measured in docs/performance.md.
 */
export const CANDIDATE_COUNT_CAP = 1000;

/**
 * One page of candidates in two statements, run side by side: the capped count, and the page
 * with everything it shows — the firm's columns, its sub-district, its live grants (the latest
 * expiry, whether one is FULL), its open demands (largest, how many) — as correlated subqueries
 * evaluated for the page's rows only (the inner query pages first). Each Prisma round trip costs
 * the WASM engine's per-query overhead, serialised on SQLite's one connection: seven of them made
 * page 1 4–6× its hand-written SQL (docs/performance.md).
 */
export async function listCandidates(
  actor: BankActor,
  {
    filters,
    sort,
    page,
    pageSize = CANDIDATES_PAGE_SIZE,
    now = new Date(),
  }: { filters: CandidateFilters; sort: CandidateSort; page: number; pageSize?: number; now?: Date },
) {
  const where = candidateSql(actor, filters, now);
  const lastPage = Math.max(1, Math.ceil(CANDIDATE_COUNT_CAP / pageSize));
  const safePage = Math.min(Math.max(1, page), lastPage);
  const at = storedInstant(now);
  const today = storedInstant(startOfShanghaiDay(shanghaiDate(now)));
  const live = Prisma.sql`"a"."enterpriseId" = "p"."id" AND "a"."revokedAt" IS NULL AND "a"."expiresAt" > ${at}
    AND ("a"."bankId" = ${actor.bankId} OR "a"."bankId" IS NULL)`;
  const open = Prisma.sql`"d"."enterpriseId" = "p"."id" AND "d"."status" = 'OPEN' AND "d"."validUntil" >= ${today}`;
  const [[counted], rows] = await Promise.all([
    db.$queryRaw<
      { n: number | bigint }[]
    >`SELECT COUNT(*) AS n FROM (SELECT 1 FROM "Enterprise" e WHERE ${where} LIMIT ${CANDIDATE_COUNT_CAP + 1}) AS capped`,
    db.$queryRaw<CandidateRow[]>`
      SELECT "p".*,
             "s"."name" AS "subDistrictName", "s"."nameEn" AS "subDistrictNameEn",
             (SELECT MAX("a"."expiresAt") FROM "Authorization" "a" WHERE ${live}) AS "authorizedUntil",
             (SELECT COUNT(*) FROM "Authorization" "a" WHERE ${live} AND "a"."scope" = 'FULL') AS "fullGrants",
             (SELECT MAX("d"."amountYuan") FROM "Demand" "d" WHERE ${open}) AS "demandMax",
             (SELECT COUNT(*) FROM "Demand" "d" WHERE ${open}) AS "demandCount"
        FROM (SELECT e."id", e."uscc", e."name", e."sectionCode", e."divisionCode", e."size",
                     e."whitelistedUntil", e."subDistrictId", e."taxGrade", e."publicRating",
                     e."onRedList", e."onDishonestyList", e."createdAt"
                FROM "Enterprise" e WHERE ${where}
               ORDER BY ${ORDER_SQL[sort]} LIMIT ${pageSize} OFFSET ${(safePage - 1) * pageSize}) "p"
        JOIN "SubDistrict" "s" ON "s"."id" = "p"."subDistrictId"
       ORDER BY ${PAGE_ORDER_SQL[sort]}`,
  ]);
  const matching = Number(counted?.n ?? 0);
  const capped = matching > CANDIDATE_COUNT_CAP;
  const total = capped ? CANDIDATE_COUNT_CAP : matching;
  return {
    total,
    capped,
    page: safePage,
    candidates: rows.map((row) => {
      const whitelistedUntil = dateOf(row.whitelistedUntil);
      const full = Number(row.fullGrants) > 0;
      const demands = Number(row.demandCount);
      return {
        id: row.id,
        uscc: row.uscc,
        name: row.name,
        sectionCode: row.sectionCode,
        divisionCode: row.divisionCode,
        size: row.size,
        whitelistedUntil,
        subDistrict: { id: row.subDistrictId, name: row.subDistrictName, nameEn: row.subDistrictNameEn },
        whitelisted: whitelistedUntil !== null && whitelistedUntil > now,
        scope: full ? ("FULL" as const) : ("BASIC" as const),
        authorizedUntil: dateOf(row.authorizedUntil),
        // The credit summary only for the firms whose authorisation covers it.
        credit: full
          ? {
              taxGrade: row.taxGrade,
              publicRating: row.publicRating,
              onRedList: sqlBoolean(row.onRedList),
              onDishonestyList: sqlBoolean(row.onDishonestyList),
            }
          : null,
        openDemand: demands > 0 ? { maxYuan: Number(row.demandMax ?? 0), count: demands } : null,
      };
    }),
  };
}

type CandidateRow = {
  id: string;
  uscc: string;
  name: string;
  sectionCode: string;
  divisionCode: string | null;
  size: string;
  whitelistedUntil: Date | string | null;
  subDistrictId: string;
  subDistrictName: string;
  subDistrictNameEn: string;
  taxGrade: string | null;
  publicRating: string | null;
  onRedList: unknown;
  onDishonestyList: unknown;
  authorizedUntil: Date | string | null;
  fullGrants: number | bigint;
  demandMax: number | bigint | null;
  demandCount: number | bigint;
};

/** A DateTime of a raw row: a Date on PostgreSQL, the stored ISO text on SQLite. */
const dateOf = (value: Date | string | null): Date | null =>
  value === null ? null : value instanceof Date ? value : new Date(value);

/** The page's order again over the paged rows (alias p). */
const PAGE_ORDER_SQL: Record<CandidateSort, Prisma.Sql> = {
  newest: Prisma.sql`"p"."createdAt" DESC, "p"."id" ASC`,
  oldest: Prisma.sql`"p"."createdAt" ASC, "p"."id" ASC`,
  name: Prisma.sql`"p"."name" ASC, "p"."id" ASC`,
};

export async function listSubDistricts() {
  return db.subDistrict.findMany({
    where: { active: true },
    select: { id: true, name: true, nameEn: true },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
  });
}
