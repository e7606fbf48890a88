import { Prisma } from "@prisma/client";

import { sqlDialect } from "~/db/dialect.server";
import { db } from "~/db.server";
import { PUBLIC_RATINGS, TAX_GRADES, gradesAtLeast } from "~/domain/credit-grades";
import { CANDIDATES_PAGE_SIZE, type CandidateSort } from "~/domain/bank-choices";
import { startOfShanghaiDay, shanghaiDate } from "~/domain/shanghai-time";

import type { BankActor } from "./actor";
import { enterpriseBasicSelect } from "./enterprise.server";

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

function liveAuthorization(actor: BankActor, now: Date): Prisma.AuthorizationWhereInput {
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
 * The candidate filter as SQL. Prisma compiles a relation filter (`authorizations: { some }`)
 * to `id IN (SELECT …)`, which SQLite materialises for every query — 60 ms at city scale on its
 * own. The same rule as visibleEnterprisesWhere, written as a correlated EXISTS on the covering
 * index Authorization(enterpriseId, revokedAt, expiresAt, bankId), costs microseconds per firm.
 */
function candidateSql(actor: BankActor, filters: CandidateFilters, now: Date) {
  const at = storedInstant(now);
  const live = (
    scope?: "FULL",
  ) => Prisma.sql`EXISTS (SELECT 1 FROM "Authorization" a WHERE a."enterpriseId" = e."id"
    AND a."revokedAt" IS NULL AND a."expiresAt" > ${at} AND (a."bankId" = ${actor.bankId} OR a."bankId" IS NULL)
    ${scope ? Prisma.sql`AND a."scope" = ${scope}` : Prisma.empty})`;
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

const ORDER_SQL: Record<CandidateSort, Prisma.Sql> = {
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
  const [[counted], pageIds] = await Promise.all([
    db.$queryRaw<
      { n: number | bigint }[]
    >`SELECT COUNT(*) AS n FROM (SELECT 1 FROM "Enterprise" e WHERE ${where} LIMIT ${CANDIDATE_COUNT_CAP + 1}) AS capped`,
    db.$queryRaw<{ id: string }[]>`SELECT e."id" AS id FROM "Enterprise" e WHERE ${where}
      ORDER BY ${ORDER_SQL[sort]} LIMIT ${pageSize} OFFSET ${(safePage - 1) * pageSize}`,
  ]);
  const matching = Number(counted?.n ?? 0);
  const capped = matching > CANDIDATE_COUNT_CAP;
  const total = capped ? CANDIDATE_COUNT_CAP : matching;
  const rows = await db.enterprise.findMany({
    where: { id: { in: pageIds.map((row) => row.id) } },
    select: enterpriseBasicSelect,
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const firms = pageIds.flatMap((row) => byId.get(row.id) ?? []);
  const ids = firms.map((f) => f.id);
  const [grants, demands] = await Promise.all([
    db.authorization.findMany({
      where: { enterpriseId: { in: ids }, ...liveAuthorization(actor, now) },
      select: { enterpriseId: true, scope: true, expiresAt: true },
    }),
    db.demand.groupBy({
      by: ["enterpriseId"],
      where: { enterpriseId: { in: ids }, ...openDemandWhere(now) },
      _max: { amountYuan: true },
      _count: true,
    }),
  ]);
  const fullIds = new Set(grants.filter((g) => g.scope === "FULL").map((g) => g.enterpriseId));
  // The credit summary is read only for the firms whose authorisation covers it.
  const summaries = fullIds.size
    ? await db.enterprise.findMany({
        where: { id: { in: [...fullIds] } },
        select: { id: true, taxGrade: true, publicRating: true, onRedList: true, onDishonestyList: true },
      })
    : [];
  const summaryOf = new Map(summaries.map((s) => [s.id, s]));
  const demandOf = new Map(
    demands.map((d) => [d.enterpriseId, { maxYuan: d._max.amountYuan ?? 0, count: d._count }]),
  );
  const expiryOf = new Map<string, Date>();
  for (const g of grants) {
    const known = expiryOf.get(g.enterpriseId);
    if (!known || g.expiresAt > known) expiryOf.set(g.enterpriseId, g.expiresAt);
  }
  return {
    total,
    capped,
    page: safePage,
    candidates: firms.map((firm) => {
      const summary = summaryOf.get(firm.id);
      return {
        ...firm,
        whitelisted: firm.whitelistedUntil !== null && firm.whitelistedUntil > now,
        scope: fullIds.has(firm.id) ? ("FULL" as const) : ("BASIC" as const),
        authorizedUntil: expiryOf.get(firm.id) ?? null,
        credit: summary
          ? {
              taxGrade: summary.taxGrade,
              publicRating: summary.publicRating,
              onRedList: summary.onRedList,
              onDishonestyList: summary.onDishonestyList,
            }
          : null,
        openDemand: demandOf.get(firm.id) ?? null,
      };
    }),
  };
}

export async function listSubDistricts() {
  return db.subDistrict.findMany({
    where: { active: true },
    select: { id: true, name: true, nameEn: true },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
  });
}
