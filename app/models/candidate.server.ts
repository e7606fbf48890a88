import type { Prisma } from "@prisma/client";

import { db } from "~/db.server";
import { CANDIDATES_PAGE_SIZE, type CandidateSort } from "~/domain/decision-rules";
import { startOfShanghaiDay, shanghaiDate } from "~/domain/shanghai-time";

import type { BankActor } from "./actor";
import { enterpriseBasicSelect, visibleEnterprisesWhere } from "./enterprise.server";

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

const TAX_ORDER = ["A", "B", "M", "C", "D"];
const RATING_ORDER = ["A", "B", "C", "D"];

function atLeast(order: string[], grade: string): string[] {
  const index = order.indexOf(grade);
  return index < 0 ? [] : order.slice(0, index + 1);
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

function candidateWhere(actor: BankActor, filters: CandidateFilters, now: Date): Prisma.EnterpriseWhereInput {
  const and: Prisma.EnterpriseWhereInput[] = [visibleEnterprisesWhere(actor, now)];
  if (filters.section) and.push({ sectionCode: filters.section });
  if (filters.size) and.push({ size: filters.size });
  if (filters.subDistrictId) and.push({ subDistrictId: filters.subDistrictId });
  if (filters.whitelisted === true) and.push({ whitelistedUntil: { gt: now } });
  if (filters.whitelisted === false)
    and.push({ OR: [{ whitelistedUntil: null }, { whitelistedUntil: { lte: now } }] });
  if (filters.minTaxGrade || filters.minPublicRating) {
    and.push({ authorizations: { some: { ...liveAuthorization(actor, now), scope: "FULL" } } });
    if (filters.minTaxGrade) and.push({ taxGrade: { in: atLeast(TAX_ORDER, filters.minTaxGrade) } });
    if (filters.minPublicRating)
      and.push({ publicRating: { in: atLeast(RATING_ORDER, filters.minPublicRating) } });
  }
  if (filters.minDemandYuan !== undefined) {
    and.push({ demands: { some: { ...openDemandWhere(now), amountYuan: { gte: filters.minDemandYuan } } } });
  }
  if (filters.q)
    and.push({ OR: [{ name: { contains: filters.q } }, { uscc: { startsWith: filters.q.toUpperCase() } }] });
  return { AND: and };
}

const ORDER: Record<CandidateSort, Prisma.EnterpriseOrderByWithRelationInput[]> = {
  newest: [{ createdAt: "desc" }, { id: "asc" }],
  oldest: [{ createdAt: "asc" }, { id: "asc" }],
  name: [{ name: "asc" }, { id: "asc" }],
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
  const where = candidateWhere(actor, filters, now);
  const lastPage = Math.max(1, Math.ceil(CANDIDATE_COUNT_CAP / pageSize));
  const safePage = Math.min(Math.max(1, page), lastPage);
  const [upToCap, firms] = await Promise.all([
    db.enterprise.findMany({ where, select: { id: true }, take: CANDIDATE_COUNT_CAP + 1 }),
    db.enterprise.findMany({
      where,
      select: enterpriseBasicSelect,
      orderBy: ORDER[sort],
      skip: (safePage - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  const capped = upToCap.length > CANDIDATE_COUNT_CAP;
  const total = capped ? CANDIDATE_COUNT_CAP : upToCap.length;
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
