/**
 * 事件 (the outbox): events for bank systems, written in the transaction of the change that causes
 * them, and the feed that serves them (GET /api/v1/events). Delivery to webhooks is
 * ./webhook-delivery.server.ts; why an outbox: docs/decisions/017-outbox-and-webhooks.md.
 */
import { randomBytes } from "node:crypto";

import type { Prisma } from "@prisma/client";

import { db } from "~/db.server";
import { eventBody, type WebhookEventType } from "~/domain/webhook-events";

import type { BankActor } from "./actor";

type Tx = Prisma.TransactionClient;

/** JSON that can be stored as an event's `data`. */
export type EventData = { [key: string]: Json };
type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export type RecordEventInput = {
  type: WebhookEventType;
  data: EventData;
  /**
   * Events of one bank with the same key are delivered in the order they were recorded: a later
   * one waits while an earlier one is undelivered. Use "application:<id>" for an application's
   * events and "enterprise:<id>" for a firm's; omit when the order does not matter.
   */
  orderingKey?: string;
  now?: Date;
} & (
  | {
      /** the banks that receive the event (deduplicated; unknown ids are the caller's bug) */
      bankIds: readonly string[];
      audience?: never;
    }
  | {
      /** every bank that may see this firm now (SPEC access rules), see banksSeeingFirms */
      audience: { banksSeeing: string };
      bankIds?: never;
    }
);

function newEventId() {
  return `evt_${randomBytes(12).toString("hex")}`;
}

/**
 * For each firm, the banks that may see it now: with a live grant to all banks every active
 * bank, else the banks of its live grants; and its lenders with an outstanding loan (they keep
 * access until the loan is settled). It is the rule of visibleEnterprisesWhere
 * (./enterprise.server.ts) turned around, for recipients — tests/integration/webhook-events.test.ts
 * holds the two together; change both or neither.
 */
export async function banksSeeingFirms(
  tx: Tx,
  enterpriseIds: readonly string[],
  now = new Date(),
): Promise<Map<string, Set<string>>> {
  const result = new Map<string, Set<string>>(enterpriseIds.map((id) => [id, new Set<string>()]));
  if (!enterpriseIds.length) return result;
  const [grants, loans] = await Promise.all([
    tx.authorization.findMany({
      where: { enterpriseId: { in: [...enterpriseIds] }, revokedAt: null, expiresAt: { gt: now } },
      select: { enterpriseId: true, bankId: true },
    }),
    tx.loan.findMany({
      where: { enterpriseId: { in: [...enterpriseIds] }, status: "ACTIVE" },
      select: { enterpriseId: true, bankId: true },
    }),
  ]);
  for (const loan of loans) result.get(loan.enterpriseId)!.add(loan.bankId);
  const toAll = grants.some((grant) => grant.bankId === null);
  const allBanks = toAll
    ? (await tx.bank.findMany({ where: { active: true }, select: { id: true } })).map((b) => b.id)
    : [];
  for (const grant of grants) {
    const banks = result.get(grant.enterpriseId)!;
    for (const bankId of grant.bankId === null ? allBanks : [grant.bankId]) banks.add(bankId);
  }
  return result;
}

/**
 * Records one event for each receiving bank, inside the caller's transaction (the outbox: the
 * event exists exactly when the change that causes it does), and queues its delivery to the
 * bank's webhook endpoint when that endpoint subscribes to the type. Returns the event ids
 * (none when no bank receives it).
 *
 * Call it after the transaction's own updates: it takes the lock of the feed's one counter row
 * (WebhookSequence) until the commit, which is what makes the feed's numbers follow commit order.
 */
export async function recordEvent(tx: Tx, input: RecordEventInput): Promise<string[]> {
  const now = input.now ?? new Date();
  const bankIds = input.audience
    ? [
        ...((await banksSeeingFirms(tx, [input.audience.banksSeeing], now)).get(input.audience.banksSeeing) ??
          []),
      ]
    : [...new Set(input.bankIds)];
  if (!bankIds.length) return [];
  bankIds.sort();

  const { value: last } = await tx.webhookSequence.update({
    where: { id: 1 },
    data: { value: { increment: bankIds.length } },
    select: { value: true },
  });
  const data = JSON.stringify(input.data);
  const events = bankIds.map((bankId, i) => {
    const eventId = newEventId();
    return {
      seq: last - bankIds.length + 1 + i,
      eventId,
      bankId,
      type: input.type,
      orderingKey: input.orderingKey ?? eventId,
      data,
      createdAt: now,
    };
  });
  await tx.webhookEvent.createMany({ data: events });

  const endpoints = await tx.webhookEndpoint.findMany({
    where: { bankId: { in: bankIds } },
    select: { id: true, bankId: true, events: true },
  });
  const subscribed = new Map(
    endpoints
      .filter((endpoint) => endpoint.events.split(",").includes(input.type))
      .map((endpoint) => [endpoint.bankId, endpoint.id]),
  );
  const deliveries = events.flatMap((event) => {
    const endpointId = subscribed.get(event.bankId);
    return endpointId
      ? [
          {
            eventSeq: event.seq,
            endpointId,
            bankId: event.bankId,
            type: event.type,
            orderingKey: event.orderingKey,
            nextAttemptAt: now,
            windowStartsAt: now,
            createdAt: now,
          },
        ]
      : [];
  });
  if (deliveries.length) await tx.webhookDelivery.createMany({ data: deliveries });
  return events.map((event) => event.eventId);
}

export const EVENTS_PAGE_MAX = 100;

export type FeedItem = { id: string; type: string; createdAt: string; data: unknown };
export type ListEventsResult =
  { ok: true; data: FeedItem[]; next: string | null } | { ok: false; error: "INVALID_CURSOR" };

/**
 * The bank's events after the cursor, oldest first: the same ids and bodies as its webhooks.
 * The cursor is an event id of this bank (the last one the bank processed); `next` is the last
 * id of a full page (more may follow), null when the bank has caught up — then it asks again
 * later with the id of the last event it got. An id of another bank is an invalid cursor.
 */
export async function listEvents(
  actor: BankActor,
  { after, limit }: { after?: string | null; limit: number },
): Promise<ListEventsResult> {
  const take = Math.min(Math.max(1, Math.trunc(limit)), EVENTS_PAGE_MAX);
  let afterSeq = 0;
  if (after) {
    const cursor = await db.webhookEvent.findFirst({
      where: { eventId: after, bankId: actor.bankId },
      select: { seq: true },
    });
    if (!cursor) return { ok: false, error: "INVALID_CURSOR" };
    afterSeq = cursor.seq;
  }
  const rows = await db.webhookEvent.findMany({
    where: { bankId: actor.bankId, seq: { gt: afterSeq } },
    select: { eventId: true, type: true, createdAt: true, data: true },
    orderBy: { seq: "asc" },
    take,
  });
  const data = rows.map(
    (row) =>
      JSON.parse(
        eventBody({ id: row.eventId, type: row.type, createdAt: row.createdAt, data: row.data }),
      ) as FeedItem,
  );
  return { ok: true, data, next: rows.length === take ? rows[rows.length - 1].eventId : null };
}
