import { Prisma } from "@prisma/client";

import { db } from "~/db.server";
import { pageWindow } from "~/domain/list-query";
import { sqlDialect } from "~/db/dialect.server";
import { shanghaiDate, startOfShanghaiDay } from "~/domain/shanghai-time";

import type { GovActor, OfficeActor } from "./actor";
import { visibleEnterprisesWhere } from "./enterprise.server";
import { createOnce } from "./form-key.server";
import { overdueApplications } from "./gov-firms.server";
import { refreshFollowUpRejectedAt } from "./gov-queues.server";
import { visitRowSelect } from "./selects.server";

export type VisitInput = {
  enterpriseId: string;
  visitedOn: string;
  findings: string;
  needYuan: number | null;
  nextStep: string;
};

/**
 * 走访: an office logs a visit to a firm of its own sub-district. Null when the firm is not
 * the office's (the caller answers 403; nothing is written).
 */
export async function logVisit(actor: OfficeActor, input: VisitInput, formKey: string | null = null) {
  const firm = await db.enterprise.findFirst({
    where: { AND: [{ id: input.enterpriseId }, visibleEnterprisesWhere(actor)] },
    select: { id: true, subDistrictId: true },
  });
  if (!firm) return null;
  const select = { id: true, enterpriseId: true } as const;
  const visit = await createOnce(
    formKey,
    () =>
      db.visit.create({
        data: {
          enterpriseId: firm.id,
          subDistrictId: firm.subDistrictId,
          userId: actor.id,
          visitedOn: startOfShanghaiDay(input.visitedOn),
          findings: input.findings,
          needYuan: input.needYuan,
          nextStep: input.nextStep,
          formKey,
        },
        select,
      }),
    (key) => db.visit.findFirst({ where: { formKey: key, userId: actor.id }, select }),
  );
  // the visit may be the follow-up of a rejection (gov-queues.server.ts)
  await refreshFollowUpRejectedAt(db, firm.id);
  return visit;
}

/** Visits of the firms the actor may see (one firm when `enterpriseId` is given), newest first. */
export async function listVisits(
  actor: GovActor,
  { enterpriseId, page, pageSize }: { enterpriseId?: string | null; page: number; pageSize: number },
) {
  const where: Prisma.VisitWhereInput = {
    enterprise: visibleEnterprisesWhere(actor),
    ...(enterpriseId ? { enterpriseId } : {}),
  };
  const [total, visits] = await Promise.all([
    db.visit.count({ where }),
    db.visit.findMany({
      where,
      select: {
        ...visitRowSelect,
        createdAt: true,
        // the invitation the firm registered through (企业引导), for the link on the visit
        enterprise: { select: { id: true, name: true, invitations: { select: { id: true }, take: 1 } } },
        subDistrict: { select: { name: true, nameEn: true } },
      },
      orderBy: [{ visitedOn: "desc" }, { createdAt: "desc" }, { id: "asc" }],
      ...pageWindow(page, pageSize),
    }),
  ]);
  return { total, visits };
}

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

type FollowUpReasons = Map<string, { reasons: FollowUpReason[]; oldest: number }>;

function addReason(reasons: FollowUpReasons, enterpriseId: string, reason: FollowUpReason, at: Date) {
  const entry = reasons.get(enterpriseId) ?? { reasons: [], oldest: at.getTime() };
  entry.reasons.push(reason);
  entry.oldest = Math.min(entry.oldest, at.getTime());
  reasons.set(enterpriseId, entry);
}

/** A firm's reasons in the queue's order of kinds: rejections, applications past SLA, demands. */
const KIND_ORDER: FollowUpReason["kind"][] = ["REJECTED", "OVERDUE", "NO_OFFER"];

/**
 * 回访 queue: firms the actor may see with an application rejected in the last 90 days and
 * no visit logged since, an application past its SLA, or an OPEN demand with no offer after
 * 10 working days. Firms with the oldest reason first.
 */
async function followUpReasons(actor: GovActor, now: Date) {
  const visible = visibleEnterprisesWhere(actor, now);
  const since = new Date(now.getTime() - REJECTION_LOOKBACK_DAYS * 86_400_000);
  // Each source reads the stored, indexed field first (gov-queues.server.ts): the firms flagged
  // with an unvisited rejection, the demands due. The applications past their stored deadline
  // are many in a city: listFollowUps orders them in SQL and reads the page's only.
  const office = actor.role === "GOV_OFFICE" ? actor.subDistrictId : null;
  const at = sqlDialect().instant;
  const [rejected, demands] = await Promise.all([
    // one statement: the flagged firms' rejections of the window, each with its bank and the
    // firm's last visit (Prisma's nested read took four, and every visit of those firms)
    db.$queryRaw<
      {
        number: string;
        enterpriseId: string;
        decidedAt: Date | string;
        rejectReason: string | null;
        bankName: string;
        bankNameEn: string;
        lastVisit: Date | string | null;
      }[]
    >`
      SELECT a."number", a."enterpriseId", a."decidedAt", a."rejectReason",
             b."name" AS "bankName", b."nameEn" AS "bankNameEn",
             (SELECT MAX(v."visitedOn") FROM "Visit" v WHERE v."enterpriseId" = a."enterpriseId") AS "lastVisit"
        FROM "Enterprise" e
        JOIN "Application" a ON a."enterpriseId" = e."id"
        JOIN "Bank" b ON b."id" = a."bankId"
       WHERE e."followUpRejectedAt" >= ${at(since)} AND a."state" = 'REJECTED' AND a."decidedAt" >= ${at(since)}
             ${office ? Prisma.sql`AND e."subDistrictId" = ${office}` : Prisma.empty}`,
    db.demand.findMany({
      where: {
        enterprise: visible,
        status: "OPEN",
        validUntil: { gt: now },
        noOfferDueAt: { lt: now },
      },
      select: { enterpriseId: true, amountYuan: true, createdAt: true },
    }),
  ]);
  const reasons: FollowUpReasons = new Map();
  const add = (enterpriseId: string, reason: FollowUpReason, at: Date) =>
    addReason(reasons, enterpriseId, reason, at);
  for (const application of rejected) {
    const decidedAt = new Date(application.decidedAt);
    const lastVisit = application.lastVisit === null ? null : new Date(application.lastVisit);
    // A visit on or after the day of the rejection is the follow-up itself.
    if (lastVisit && lastVisit.getTime() >= startOfShanghaiDay(shanghaiDate(decidedAt)).getTime()) continue;
    add(
      application.enterpriseId,
      {
        kind: "REJECTED",
        number: application.number,
        bank: { name: application.bankName, nameEn: application.bankNameEn },
        at: decidedAt,
        reason: application.rejectReason,
      },
      decidedAt,
    );
  }
  for (const demand of demands) {
    add(
      demand.enterpriseId,
      { kind: "NO_OFFER", amountYuan: demand.amountYuan, since: demand.createdAt },
      demand.createdAt,
    );
  }
  return { visible, reasons };
}

/**
 * The firms with an application past its stored SLA deadline, each with its oldest deadline
 * (the order of the queue): one grouped, indexed query instead of every such application with
 * its bank — a city has thousands of them and a page shows 20 firms.
 */
async function oldestOverdueDeadlines(visible: Prisma.EnterpriseWhereInput, now: Date) {
  const rows = await db.application.groupBy({
    by: ["enterpriseId"],
    where: { enterprise: visible, state: { in: ["SUBMITTED", "ACCEPTED"] }, slaDueAt: { lt: now } },
    _min: { slaDueAt: true },
  });
  return rows.flatMap((row) =>
    row._min.slaDueAt ? [[row.enterpriseId, row._min.slaDueAt.getTime()] as const] : [],
  );
}

/**
 * How many firms the 回访 queue holds (the home page's count): one statement over the three
 * stored, indexed reasons — no application or firm rows are read into the server.
 */
export async function countFollowUps(actor: GovActor, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - REJECTION_LOOKBACK_DAYS * 86_400_000);
  const dialect = sqlDialect();
  const office = actor.role === "GOV_OFFICE" ? actor.subDistrictId : null;
  const inOffice = (alias: string) =>
    office ? Prisma.sql` AND ${Prisma.raw(`"${alias}"."subDistrictId"`)} = ${office}` : Prisma.empty;
  const rows = await db.$queryRaw<{ n: number | bigint }[]>`
    SELECT COUNT(*) AS "n" FROM (
      SELECT "e"."id" AS "firm" FROM "Enterprise" "e"
       WHERE "e"."followUpRejectedAt" >= ${dialect.instant(since)}${inOffice("e")}
      UNION
      SELECT "a"."enterpriseId" FROM "Application" "a" JOIN "Enterprise" "e" ON "e"."id" = "a"."enterpriseId"
       WHERE "a"."slaDueAt" < ${dialect.instant(now)} AND "a"."state" IN ('SUBMITTED', 'ACCEPTED')${inOffice("e")}
      UNION
      SELECT "d"."enterpriseId" FROM "Demand" "d" JOIN "Enterprise" "e" ON "e"."id" = "d"."enterpriseId"
       WHERE "d"."noOfferDueAt" < ${dialect.instant(now)} AND "d"."status" = 'OPEN'
         AND "d"."validUntil" > ${dialect.instant(now)}${inOffice("e")}
    ) "q"`;
  return Number(rows[0]?.n ?? 0);
}

export const FOLLOW_UPS_PAGE_SIZE = 20;

/**
 * One page of the 回访 queue, firms with the oldest reason first. The reasons of the whole
 * queue are gathered (they decide the order), but only the page's firms are read.
 */
export async function listFollowUps(
  actor: GovActor,
  {
    page = 1,
    pageSize = FOLLOW_UPS_PAGE_SIZE,
    now = new Date(),
  }: { page?: number; pageSize?: number; now?: Date } = {},
) {
  // the order: every firm's oldest reason (rejections and demands as rows — few —, the
  // applications past their deadline grouped in SQL); the overdue rows of the page's firms only
  const { visible, reasons } = await followUpReasons(actor, now);
  const oldest = new Map([...reasons].map(([id, entry]) => [id, entry.oldest]));
  for (const [id, deadline] of await oldestOverdueDeadlines(visible, now))
    oldest.set(id, Math.min(oldest.get(id) ?? deadline, deadline));
  const total = oldest.size;
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const safePage = Math.min(Math.max(1, page), lastPage);
  const pageIds = [...oldest]
    .sort(([idA, a], [idB, b]) => a - b || idA.localeCompare(idB))
    .slice((safePage - 1) * pageSize, safePage * pageSize)
    .map(([id]) => id);
  if (pageIds.length === 0) return { total, page: safePage, pageSize, firms: [] };
  const overdue = await overdueApplications({ AND: [visible, { id: { in: pageIds } }] }, now, {
    storedDeadline: true,
  });
  for (const application of overdue) {
    const { deadline } = application.sla;
    addReason(
      reasons,
      application.enterpriseId,
      { kind: "OVERDUE", number: application.number, bank: application.bank, deadline },
      deadline,
    );
  }
  const pageEntries = pageIds.flatMap((id) => {
    const entry = reasons.get(id);
    if (!entry) return [];
    const byKind = (r: FollowUpReason) => KIND_ORDER.indexOf(r.kind);
    return [[id, { ...entry, reasons: [...entry.reasons].sort((a, b) => byKind(a) - byKind(b)) }] as const];
  });
  const rows = await db.enterprise.findMany({
    where: { AND: [visible, { id: { in: pageIds } }] },
    select: {
      id: true,
      name: true,
      uscc: true,
      contactName: true,
      contactMobile: true,
      subDistrict: { select: { name: true, nameEn: true } },
      visits: { select: { visitedOn: true }, orderBy: { visitedOn: "desc" }, take: 1 },
    },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const firms = pageEntries.flatMap(([id, entry]) => {
    const firm = byId.get(id);
    if (!firm) return [];
    const { visits, ...rest } = firm;
    return [{ ...rest, lastVisitOn: visits[0]?.visitedOn ?? null, reasons: entry.reasons }];
  });
  return { total, page: safePage, pageSize, firms };
}
