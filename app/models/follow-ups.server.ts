/**
 * 回访 queue: the firms an office (or the bureau) should call on again — a rejection in the last
 * 90 days with no visit logged since, an application past its SLA, or an OPEN demand with no
 * offer after 10 working days — the firm whose oldest reason is oldest first.
 *
 * Every reason is a stored, indexed field (gov-queues.server.ts), so the queue is one SQL
 * relation of (firm, when) rows: the count and the page's order are computed by the database,
 * and only the page's twenty firms are read with their reasons. A city has tens of thousands of
 * firms with a reason; reading them into the server to sort took 150–215 ms (issue 15).
 */
import { Prisma } from "@prisma/client";

import { db } from "~/db.server";
import { sqlDialect } from "~/db/dialect.server";

import type { GovActor } from "./actor";
import { visibleEnterprisesWhere } from "./enterprise.server";
import { overdueApplications } from "./gov-firms.server";

export type FollowUpReason =
  | {
      kind: "REJECTED";
      number: string;
      bank: { name: string; nameEn: string };
      at: Date;
      reason: string | null;
    }
  | { kind: "OVERDUE"; number: string; bank: { name: string; nameEn: string }; deadline: Date }
  | { kind: "NO_OFFER"; amountYuan: number; since: Date };

/** Rejections older than this are no longer followed up. */
export const REJECTION_LOOKBACK_DAYS = 90;

export const FOLLOW_UPS_PAGE_SIZE = 20;

/** A firm's reasons in the queue's order of kinds: rejections, applications past SLA, demands. */
const KIND_ORDER: FollowUpReason["kind"][] = ["REJECTED", "OVERDUE", "NO_OFFER"];

const DAY_MS = 86_400_000;

function lookbackStart(now: Date) {
  return new Date(now.getTime() - REJECTION_LOOKBACK_DAYS * DAY_MS);
}

/**
 * The rejections still waiting for a 回访, as `FROM … WHERE …` over "a" (the application): of a
 * flagged firm, within the look-back, and not followed up by a visit on or after the rejection's
 * (Shanghai) day — visits are stored at the start of their day, so that is "the visit's day + 1 >
 * the decision". One definition for the queue's order and for the reasons a page shows.
 */
function unvisitedRejections(
  { office, firmIds }: { office: string | null; firmIds?: string[] },
  now: Date,
): Prisma.Sql {
  const { instant, plusDays } = sqlDialect();
  const since = instant(lookbackStart(now));
  return Prisma.sql`
      FROM "Enterprise" "f" JOIN "Application" "a" ON "a"."enterpriseId" = "f"."id"
     WHERE "f"."followUpRejectedAt" >= ${since}
           ${office === null ? Prisma.empty : Prisma.sql`AND "f"."subDistrictId" = ${office}`}
           ${firmIds ? Prisma.sql`AND "f"."id" IN (${Prisma.join(firmIds)})` : Prisma.empty}
       AND "a"."state" = 'REJECTED' AND "a"."decidedAt" >= ${since}
       AND NOT EXISTS (SELECT 1 FROM "Visit" "v" WHERE "v"."enterpriseId" = "f"."id"
                          AND ${plusDays(Prisma.sql`"v"."visitedOn"`, 1)} > "a"."decidedAt")`;
}

/**
 * Every active reason of the queue as a ("firm", "at") row, "at" being the time the queue orders
 * by: the rejection's decision, the missed SLA deadline, the demand's posting.
 */
function reasonRows(actor: GovActor, now: Date) {
  const at = sqlDialect().instant(now);
  const office = actor.role === "GOV_OFFICE" ? (actor.subDistrictId ?? "") : null;
  // the bureau sees every firm: its application and demand rows need no join to the firm
  const firmOf = (alias: string) =>
    office === null
      ? Prisma.empty
      : Prisma.sql`JOIN "Enterprise" "e" ON "e"."id" = ${Prisma.raw(`"${alias}"."enterpriseId"`)} AND "e"."subDistrictId" = ${office}`;
  return Prisma.sql`
    SELECT "a"."enterpriseId" AS "firm", "a"."decidedAt" AS "at" ${unvisitedRejections({ office }, now)}
    UNION ALL
    SELECT "a"."enterpriseId", "a"."slaDueAt" FROM "Application" "a" ${firmOf("a")}
     WHERE "a"."slaDueAt" < ${at} AND "a"."state" IN ('SUBMITTED', 'ACCEPTED')
    UNION ALL
    SELECT "d"."enterpriseId", "d"."createdAt" FROM "Demand" "d" ${firmOf("d")}
     WHERE "d"."noOfferDueAt" < ${at} AND "d"."status" = 'OPEN' AND "d"."validUntil" > ${at}`;
}

/** How many firms the 回访 queue holds (the home page's count): one statement, no rows read. */
export async function countFollowUps(actor: GovActor, now = new Date()): Promise<number> {
  const rows = await db.$queryRaw<{ n: number | bigint }[]>`
    SELECT COUNT(*) AS "n" FROM (SELECT DISTINCT "r"."firm" FROM (${reasonRows(actor, now)}) "r") "q"`;
  return Number(rows[0]?.n ?? 0);
}

/** One page of the queue's firms in its order, with the queue's size (one statement). */
async function queuePage(actor: GovActor, now: Date, page: number, pageSize: number) {
  const rows = await db.$queryRaw<{ firm: string; total: number | bigint }[]>`
    SELECT "q"."firm", COUNT(*) OVER () AS "total"
      FROM (SELECT "r"."firm", MIN("r"."at") AS "oldest" FROM (${reasonRows(actor, now)}) "r" GROUP BY "r"."firm") "q"
     ORDER BY "q"."oldest", "q"."firm"
     LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  return { ids: rows.map((row) => row.firm), total: rows.length > 0 ? Number(rows[0].total) : null };
}

/**
 * The page's firms' reasons, each firm's in the order of kinds. The ids come from reasonRows,
 * which applied the actor's scope: the reasons are read by firm id alone.
 */
async function reasonsOf(ids: string[], now: Date) {
  const [rejections, overdue, demands] = await Promise.all([
    db.$queryRaw<
      {
        number: string;
        enterpriseId: string;
        decidedAt: Date | string;
        rejectReason: string | null;
        bankName: string;
        bankNameEn: string;
      }[]
    >`
      SELECT "r".*, "b"."name" AS "bankName", "b"."nameEn" AS "bankNameEn"
        FROM (SELECT "a"."number", "a"."enterpriseId", "a"."decidedAt", "a"."rejectReason", "a"."bankId"
              ${unvisitedRejections({ office: null, firmIds: ids }, now)}) "r"
        JOIN "Bank" "b" ON "b"."id" = "r"."bankId"
       ORDER BY "r"."decidedAt"`,
    overdueApplications({ ids }, now, { storedDeadline: true }),
    db.demand.findMany({
      where: {
        enterpriseId: { in: ids },
        status: "OPEN",
        validUntil: { gt: now },
        noOfferDueAt: { lt: now },
      },
      select: { enterpriseId: true, amountYuan: true, createdAt: true },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const reasons = new Map<string, FollowUpReason[]>();
  const add = (enterpriseId: string, reason: FollowUpReason) =>
    reasons.set(enterpriseId, [...(reasons.get(enterpriseId) ?? []), reason]);
  for (const rejection of rejections)
    add(rejection.enterpriseId, {
      kind: "REJECTED",
      number: rejection.number,
      bank: { name: rejection.bankName, nameEn: rejection.bankNameEn },
      at: new Date(rejection.decidedAt),
      reason: rejection.rejectReason,
    });
  for (const application of overdue)
    add(application.enterpriseId, {
      kind: "OVERDUE",
      number: application.number,
      bank: application.bank,
      deadline: application.sla.deadline,
    });
  for (const demand of demands)
    add(demand.enterpriseId, { kind: "NO_OFFER", amountYuan: demand.amountYuan, since: demand.createdAt });
  const byKind = (r: FollowUpReason) => KIND_ORDER.indexOf(r.kind);
  for (const list of reasons.values()) list.sort((a, b) => byKind(a) - byKind(b));
  return reasons;
}

/** One page of the 回访 queue, firms with the oldest reason first, each with its reasons. */
export async function listFollowUps(
  actor: GovActor,
  {
    page = 1,
    pageSize = FOLLOW_UPS_PAGE_SIZE,
    now = new Date(),
  }: { page?: number; pageSize?: number; now?: Date } = {},
) {
  let safePage = Math.max(1, page);
  let { ids, total } = await queuePage(actor, now, safePage, pageSize);
  if (total === null) {
    // past the last page (or an empty queue): the last page
    total = await countFollowUps(actor, now);
    const lastPage = Math.max(1, Math.ceil(total / pageSize));
    if (safePage > lastPage) {
      safePage = lastPage;
      ({ ids } = await queuePage(actor, now, safePage, pageSize));
    }
  }
  if (ids.length === 0) return { total, page: safePage, pageSize, firms: [] };
  const [rows, reasons] = await Promise.all([
    db.enterprise.findMany({
      where: { AND: [visibleEnterprisesWhere(actor, now), { id: { in: ids } }] },
      select: {
        id: true,
        name: true,
        uscc: true,
        contactName: true,
        contactMobile: true,
        subDistrict: { select: { name: true, nameEn: true } },
        visits: { select: { visitedOn: true }, orderBy: { visitedOn: "desc" }, take: 1 },
      },
    }),
    reasonsOf(ids, now),
  ]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const firms = ids.flatMap((id) => {
    const firm = byId.get(id);
    if (!firm) return [];
    const { visits, ...rest } = firm;
    return [{ ...rest, lastVisitOn: visits[0]?.visitedOn ?? null, reasons: reasons.get(id) ?? [] }];
  });
  return { total, page: safePage, pageSize, firms };
}
