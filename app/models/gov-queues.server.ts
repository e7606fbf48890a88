/**
 * What the government queues filter on, stored so that the home counts and the 回访 pages are
 * indexed queries (issue 15): the SLA deadline of an open application (Application.slaDueAt),
 * the firm's latest rejection not followed by a visit (Enterprise.followUpRejectedAt), and when
 * an OPEN demand without any offer becomes due for a 回访 (Demand.noOfferDueAt). Each is set in
 * the transaction of the event that changes it; `rebuildGovQueues` recomputes all of them (after
 * a raw load, and after the bureau changes the calendar or the SLA settings).
 */
import type { Prisma } from "@prisma/client";

import { db, type Db } from "~/db.server";
import { slaStatus, type ApplicationState, type SlaSettings } from "~/domain/application-machine";
import { shanghaiDate, startOfShanghaiDay } from "~/domain/shanghai-time";
import type { WorkingDayCalendar } from "~/domain/working-days";

import { NO_OFFER_WORKING_DAYS } from "./gov-codes";
import { getCalendar, getSettings, slaSettingsOf } from "./settings.server";

type Client = Db | Prisma.TransactionClient;

export interface QueueRules {
  calendar: WorkingDayCalendar;
  sla: SlaSettings;
}

/** The calendar and SLA settings, read through `client`. */
export async function queueRules(client: Client = db): Promise<QueueRules> {
  const [calendar, settings] = await Promise.all([getCalendar(client), getSettings(client)]);
  return {
    calendar,
    sla: slaSettingsOf(settings),
  };
}

type SlaFields = {
  state: string;
  submittedAt: Date;
  acceptedAt: Date | null;
  whitelisted: boolean;
};

/** The deadline of the open application's current SLA clock; null when no clock runs. */
export function slaDueAtOf(application: SlaFields, rules: QueueRules): Date | null {
  const status = slaStatus(
    { ...application, state: application.state as ApplicationState },
    application.submittedAt,
    rules.calendar,
    rules.sla,
  );
  return status?.deadline ?? null;
}

/** Stores the application's SLA deadline after a change of its state. */
export async function refreshSlaDueAt(tx: Client, applicationId: string, rules: QueueRules) {
  const application = await tx.application.findUnique({
    where: { id: applicationId },
    select: { state: true, submittedAt: true, acceptedAt: true, whitelisted: true, slaDueAt: true },
  });
  if (!application) return null;
  const due = slaDueAtOf(application, rules);
  if ((due?.getTime() ?? null) !== (application.slaDueAt?.getTime() ?? null))
    await tx.application.update({ where: { id: applicationId }, data: { slaDueAt: due } });
  return due;
}

/**
 * The firm's latest rejection when no visit was logged on or after its day (the visit is the
 * follow-up); null otherwise.
 */
export async function refreshFollowUpRejectedAt(tx: Client, enterpriseId: string) {
  const [latest, visit] = await Promise.all([
    tx.application.findFirst({
      where: { enterpriseId, state: "REJECTED", decidedAt: { not: null } },
      orderBy: { decidedAt: "desc" },
      select: { decidedAt: true },
    }),
    tx.visit.findFirst({
      where: { enterpriseId },
      orderBy: { visitedOn: "desc" },
      select: { visitedOn: true },
    }),
  ]);
  const rejectedAt = latest?.decidedAt ?? null;
  const followedUp =
    rejectedAt !== null &&
    visit !== null &&
    visit.visitedOn.getTime() >= startOfShanghaiDay(shanghaiDate(rejectedAt)).getTime();
  await tx.enterprise.update({
    where: { id: enterpriseId },
    data: { followUpRejectedAt: followedUp ? null : rejectedAt },
  });
}

/** When the demand is due for a 回访 if no offer comes: 10 working days after it was posted; null once it has an offer. */
export async function refreshNoOfferDueAt(tx: Client, demandId: string, rules: Pick<QueueRules, "calendar">) {
  const demand = await tx.demand.findUnique({
    where: { id: demandId },
    select: { createdAt: true, _count: { select: { offers: true } } },
  });
  if (!demand) return;
  await tx.demand.update({
    where: { id: demandId },
    data: {
      noOfferDueAt:
        demand._count.offers > 0
          ? null
          : rules.calendar.addWorkingDays(demand.createdAt, NO_OFFER_WORKING_DAYS),
    },
  });
}

async function inBatches<T>(
  client: Db,
  items: T[],
  write: (tx: Prisma.TransactionClient, item: T) => Promise<unknown>,
) {
  for (let i = 0; i < items.length; i += 500) {
    const slice = items.slice(i, i + 500);
    await client.$transaction(async (tx) => {
      for (const item of slice) await write(tx, item);
    });
  }
}

/** Recomputes every stored queue field (the open applications' deadlines, the firms', the demands'). */
export async function rebuildGovQueues(client: Db = db, rules?: QueueRules) {
  const deadlines = await refreshQueueDeadlines(client, rules);
  // firms: those with a rejection, and those flagged now
  const firms = await client.enterprise.findMany({
    where: {
      OR: [{ followUpRejectedAt: { not: null } }, { applications: { some: { state: "REJECTED" } } }],
    },
    select: { id: true },
  });
  await inBatches(client, firms, (tx, firm) => refreshFollowUpRejectedAt(tx, firm.id));
  return { ...deadlines, firms: firms.length };
}

/**
 * The stored deadlines that depend on the calendar and the SLA settings: every open
 * application's and every demand's (after the bureau changes either).
 */
export async function refreshQueueDeadlines(client: Db = db, rules?: QueueRules) {
  const used = rules ?? (await queueRules(client));
  const batch = <T>(items: T[], write: (tx: Prisma.TransactionClient, item: T) => Promise<unknown>) =>
    inBatches(client, items, write);
  // applications: a deadline for the open ones, none for the others
  await client.application.updateMany({
    where: { state: { notIn: ["SUBMITTED", "ACCEPTED"] }, slaDueAt: { not: null } },
    data: { slaDueAt: null },
  });
  const open = await client.application.findMany({
    where: { state: { in: ["SUBMITTED", "ACCEPTED"] } },
    select: { id: true, state: true, submittedAt: true, acceptedAt: true, whitelisted: true, slaDueAt: true },
  });
  const changed = open
    .map((a) => ({ id: a.id, before: a.slaDueAt, due: slaDueAtOf(a, used) }))
    .filter((a) => (a.due?.getTime() ?? null) !== (a.before?.getTime() ?? null));
  await batch(changed, (tx, a) => tx.application.update({ where: { id: a.id }, data: { slaDueAt: a.due } }));

  // demands: every one (an offer clears the field; the queue also reads status and validity)
  const demands = await client.demand.findMany({
    select: { id: true, createdAt: true, noOfferDueAt: true, _count: { select: { offers: true } } },
  });
  const dueChanges = demands
    .map((d) => ({
      id: d.id,
      before: d.noOfferDueAt,
      due: d._count.offers > 0 ? null : used.calendar.addWorkingDays(d.createdAt, NO_OFFER_WORKING_DAYS),
    }))
    .filter((d) => (d.due?.getTime() ?? null) !== (d.before?.getTime() ?? null));
  await batch(dueChanges, (tx, d) =>
    tx.demand.update({ where: { id: d.id }, data: { noOfferDueAt: d.due } }),
  );
  return { applications: changed.length, demands: dueChanges.length };
}
