import type { Prisma } from "@prisma/client";

import { db } from "~/db.server";
import {
  APPLICATION_STATES,
  slaStatus,
  type ApplicationState,
  type SlaSettings,
  type SlaStatus,
} from "~/domain/application-machine";
import { type DecisionContext } from "~/domain/decision-rules";
import { INBOX_PAGE_SIZE } from "~/domain/bank-choices";
import { shanghaiDate } from "~/domain/shanghai-time";
import type { WorkingDayCalendar } from "~/domain/working-days";

import type { BankActor, RowOfActor } from "./actor";
import { getCalendar, getSettings, slaSettingsOf } from "./settings.server";
import { timelineEventsSelect, toTimeline } from "./application-timeline.server";
import { changedAfterWhere, type ChangeWindow } from "./change-feed.server";
import {
  applicationRecordSelect,
  applicationRowSelect,
  productRangesSelect,
  productTermsSelect,
} from "./selects.server";

/**
 * The bank's applications inbox (申请处理). Every query carries `bankId: actor.bankId`.
 *
 * Order: the open files whose SLA clock is running (SUBMITTED, ACCEPTED) first, by deadline —
 * so overdue ones lead — then everything else, newest first. The SLA deadline is in working
 * days and cannot be sorted in SQL, so the open part is ordered in memory from a narrow
 * select (id and the clock's inputs), and only the page's rows are read in full.
 */

const CLOCK_STATES: ApplicationState[] = ["SUBMITTED", "ACCEPTED"];

export interface InboxFilters {
  state?: ApplicationState;
  productId?: string;
}

const inboxSelect = {
  ...applicationRowSelect,
  acceptedAt: true,
  whitelisted: true,
  version: true,
  product: { select: { id: true, name: true, version: true } },
  enterprise: { select: { id: true, name: true } },
} satisfies Prisma.ApplicationSelect;

type Clocked = {
  id: string;
  state: string;
  submittedAt: Date;
  acceptedAt: Date | null;
  whitelisted: boolean;
};

function clockOf(row: Clocked, now: Date, calendar: WorkingDayCalendar, sla: SlaSettings): SlaStatus | null {
  return slaStatus(
    {
      state: row.state as ApplicationState,
      submittedAt: row.submittedAt,
      acceptedAt: row.acceptedAt,
      whitelisted: row.whitelisted,
    },
    now,
    calendar,
    sla,
  );
}

async function slaContext() {
  const [settings, calendar] = await Promise.all([getSettings(), getCalendar()]);
  return { calendar, sla: slaSettingsOf(settings) };
}

/** The open files of the bank with their running clocks, most urgent first. */
async function openByUrgency(actor: BankActor, filters: InboxFilters, now: Date) {
  const states = filters.state ? CLOCK_STATES.filter((s) => s === filters.state) : CLOCK_STATES;
  if (states.length === 0) return [];
  const rows = await db.application.findMany({
    where: {
      bankId: actor.bankId,
      state: { in: states },
      ...(filters.productId ? { productId: filters.productId } : {}),
    },
    select: { id: true, state: true, submittedAt: true, acceptedAt: true, whitelisted: true },
  });
  const { calendar, sla } = await slaContext();
  return rows
    .map((row) => ({ id: row.id, sla: clockOf(row, now, calendar, sla) }))
    .sort(
      (a, b) =>
        (a.sla?.deadline.getTime() ?? Infinity) - (b.sla?.deadline.getTime() ?? Infinity) ||
        (a.id < b.id ? -1 : 1),
    );
}

export async function listInbox(
  actor: BankActor,
  {
    filters,
    page,
    pageSize = INBOX_PAGE_SIZE,
    now = new Date(),
  }: { filters: InboxFilters; page: number; pageSize?: number; now?: Date },
) {
  const open = await openByUrgency(actor, filters, now);
  const restWhere: Prisma.ApplicationWhereInput = {
    bankId: actor.bankId,
    state: filters.state
      ? CLOCK_STATES.includes(filters.state)
        ? "__none__"
        : filters.state
      : { notIn: CLOCK_STATES },
    ...(filters.productId ? { productId: filters.productId } : {}),
  };
  const restTotal = await db.application.count({ where: restWhere });
  const start = (page - 1) * pageSize;
  const openSlice = open.slice(start, start + pageSize);
  const restSkip = Math.max(0, start - open.length);
  const restTake = pageSize - openSlice.length;
  const [openRows, restRows] = await Promise.all([
    openSlice.length
      ? db.application.findMany({
          where: { bankId: actor.bankId, id: { in: openSlice.map((o) => o.id) } },
          select: inboxSelect,
        })
      : [],
    restTake > 0
      ? db.application.findMany({
          where: restWhere,
          select: inboxSelect,
          orderBy: [{ submittedAt: "desc" }, { id: "asc" }],
          skip: restSkip,
          take: restTake,
        })
      : [],
  ]);
  const byId = new Map(openRows.map((r) => [r.id, r]));
  const items = [
    ...openSlice.flatMap((o) => {
      const row = byId.get(o.id);
      return row ? [{ ...row, sla: o.sla }] : [];
    }),
    ...restRows.map((row) => ({ ...row, sla: null as SlaStatus | null })),
  ];
  return { total: open.length + restTotal, overdue: open.filter((o) => o.sla?.overdue).length, items };
}

/** The most urgent open files (the bank's home). */
export async function listMostUrgent(actor: BankActor, take = 10, now = new Date()) {
  const { items } = await listInbox(actor, { filters: {}, page: 1, pageSize: take, now });
  return items.filter((item) => item.sla !== null);
}

/** Open files past their SLA right now. */
export async function countOverdue(actor: BankActor, now = new Date()) {
  const open = await openByUrgency(actor, {}, now);
  return open.filter((o) => o.sla?.overdue).length;
}

export function isApplicationState(value: string): value is ApplicationState {
  return (APPLICATION_STATES as readonly string[]).includes(value);
}

/** One application of the bank with its product terms, the applicant's basics and its timeline. */
export async function getBankApplication({ id, actor, now = new Date() }: RowOfActor<BankActor>) {
  const application = await db.application.findFirst({
    where: { id, bankId: actor.bankId },
    select: {
      ...applicationRecordSelect,
      firstResponseAt: true,
      updatedAt: true,
      offerId: true,
      enterpriseId: true,
      renewalRequest: {
        select: {
          requestedKind: true,
          kind: true,
          loan: { select: { id: true, status: true, application: { select: { number: true } } } },
        },
      },
      product: {
        select: {
          id: true,
          name: true,
          version: true,
          status: true,
          ...productTermsSelect,
          defaultRepaymentMethod: true,
        },
      },
      loan: { select: { id: true } },
      // The applicant's basics: the firm addressed this application to this bank.
      enterprise: { select: { id: true, name: true, uscc: true, sectionCode: true, size: true } },
      events: timelineEventsSelect,
    },
  });
  if (!application) return null;
  const { calendar, sla } = await slaContext();
  return {
    ...application,
    events: toTimeline(application.events),
    sla: clockOf(application, now, calendar, sla),
  };
}

/** What the decision rules need, read fresh for the action (scoped to the bank). */
export async function getDecisionContext({ id, actor, now = new Date() }: RowOfActor<BankActor>) {
  const application = await db.application.findFirst({
    where: { id, bankId: actor.bankId },
    select: {
      number: true,
      state: true,
      version: true,
      amountYuan: true,
      approvedAmountYuan: true,
      approvedTermMonths: true,
      decidedAt: true,
      renewalRequest: { select: { loanId: true, requestedKind: true } },
      product: { select: productRangesSelect },
    },
  });
  if (!application) return null;
  const context: DecisionContext = {
    product: application.product,
    amountYuan: application.amountYuan,
    approvedAmountYuan: application.approvedAmountYuan,
    approvedTermMonths: application.approvedTermMonths,
    decidedAt: application.decidedAt,
    today: shanghaiDate(now),
    now,
    renewal: application.renewalRequest,
  };
  return { number: application.number, state: application.state, version: application.version, context };
}

/** The columns a bank system reads of an application (the API's Application). */
export const bankApplicationSyncSelect = {
  ...applicationRecordSelect,
  updatedAt: true,
  product: { select: { id: true, name: true, version: true } },
  enterprise: { select: { uscc: true, name: true } },
} satisfies Prisma.ApplicationSelect;

/**
 * The bank's applications in the order they last changed (updatedAt, then id), after a position
 * — how a bank system pulls what is new since its last run. Scoped to the bank like the inbox.
 */
export async function listBankApplicationsByChange(
  actor: BankActor,
  { state, limit, ...window }: ChangeWindow & { state?: ApplicationState },
) {
  const where: Prisma.ApplicationWhereInput = {
    bankId: actor.bankId,
    ...(state ? { state } : {}),
    AND: changedAfterWhere(window),
  };
  return db.application.findMany({
    where,
    select: bankApplicationSyncSelect,
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    take: limit,
  });
}

/** The id of the bank's application with this number, or null (another bank's is not found). */
export async function findBankApplicationId(actor: BankActor, number: string): Promise<string | null> {
  const row = await db.application.findFirst({
    where: { number, bankId: actor.bankId },
    select: { id: true },
  });
  return row?.id ?? null;
}
