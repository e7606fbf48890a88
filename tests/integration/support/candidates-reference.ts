/**
 * The candidate list as it was before issue 15 (seven Prisma round trips: count, page ids, firms
 * by id, grants, demands, credit summaries): the reference the two-statement listCandidates is
 * checked against (tests/integration/candidates-statements.test.ts).
 */
import { db } from "~/db.server";
import { CANDIDATES_PAGE_SIZE, type CandidateSort } from "~/domain/bank-choices";
import type { BankActor } from "~/models/actor";
import {
  CANDIDATE_COUNT_CAP,
  ORDER_SQL,
  candidateSql,
  liveAuthorization,
  openDemandWhere,
  type CandidateFilters,
} from "~/models/candidate.server";
import { enterpriseBasicSelect } from "~/models/enterprise.server";

export async function listCandidatesReference(
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
