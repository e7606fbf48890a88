/**
 * The webhook worker and the delivery log. Deliveries are queued by recordEvent
 * (./webhook-event.server.ts) in the transaction of the change; this module sends them later,
 * outside any transaction. docs/decisions/017-outbox-and-webhooks.md.
 */
import { pageWindow } from "~/domain/list-query";
import { randomBytes } from "node:crypto";

import type { Prisma } from "@prisma/client";

import { sqlDialect } from "~/db/dialect.server";
import { db } from "~/db.server";
import {
  eventBody,
  isDeliveredStatus,
  nextAttemptAfterFailure,
  type DeliveryState,
} from "~/domain/webhook-events";
import { createSender, webhookHeaders, type Sender } from "~/services/webhook-sender.server";
import { openSecret } from "~/utils/secret-box.server";

import type { BankActor, BureauActor } from "./actor";
import { recordAudit } from "./audit.server";
import { notify } from "./notification.server";

/** Longer than the POST's 10 s timeout: a live worker never loses its claim mid-request. */
export const LEASE_MS = 60_000;
/** POSTs in flight at once in one run. */
const PARALLEL = 8;

export const WEBHOOK_SECRET_PURPOSE = "webhook-endpoint";

export type DeliveryRun = { attempted: number; delivered: number; retrying: number; failed: number };

/**
 * Due deliveries whose application (or firm) has no earlier one still pending: a later event of
 * an application waits while an earlier one is undelivered. Not yet claimed, or claimed by a
 * worker whose lease ran out (a server killed mid-POST).
 */
async function dueDeliveryIds(now: Date, take: number) {
  const at = sqlDialect().instant(now);
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT d."id" FROM "WebhookDelivery" d
    WHERE d."state" = 'PENDING' AND d."nextAttemptAt" <= ${at}
      AND (d."leaseUntil" IS NULL OR d."leaseUntil" < ${at})
      AND NOT EXISTS (
        SELECT 1 FROM "WebhookDelivery" e
        WHERE e."endpointId" = d."endpointId" AND e."orderingKey" = d."orderingKey"
          AND e."state" = 'PENDING' AND e."eventSeq" < d."eventSeq")
    ORDER BY d."nextAttemptAt" ASC, d."eventSeq" ASC
    LIMIT ${take}`;
  return rows.map((row) => row.id);
}

/**
 * Claims deliveries one conditional update each. On PostgreSQL a second server racing for the
 * same row waits for the first's update and then matches nothing: each delivery is sent by one.
 */
async function claim(ids: string[], now: Date, token: string) {
  let claimed = 0;
  for (const id of ids) {
    const { count } = await db.webhookDelivery.updateMany({
      where: { id, state: "PENDING", OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
      data: { leaseUntil: new Date(now.getTime() + LEASE_MS), leaseToken: token },
    });
    claimed += count;
  }
  return claimed;
}

const claimedSelect = {
  id: true,
  attempts: true,
  windowStartsAt: true,
  bankId: true,
  type: true,
  event: { select: { eventId: true, type: true, createdAt: true, data: true } },
  endpoint: { select: { url: true, secretSealed: true } },
} satisfies Prisma.WebhookDeliverySelect;
type Claimed = Prisma.WebhookDeliveryGetPayload<{ select: typeof claimedSelect }>;

async function attempt(delivery: Claimed, send: Sender, now: Date) {
  const url = delivery.endpoint.url;
  const secret = openSecret(delivery.endpoint.secretSealed, WEBHOOK_SECRET_PURPOSE);
  if (secret === null) {
    return { url, status: null, error: "secret unreadable: set the endpoint again", durationMs: 0 };
  }
  const body = eventBody({
    id: delivery.event.eventId,
    type: delivery.event.type,
    createdAt: delivery.event.createdAt,
    data: delivery.event.data,
  });
  const timestamp = Math.floor(now.getTime() / 1000);
  const result = await send({
    url,
    body,
    headers: webhookHeaders(delivery.event.eventId, secret, timestamp, body),
  });
  return { url, ...result };
}

/** Writes the attempt and the delivery's next state, if the claim is still this worker's. */
async function settle(
  delivery: Claimed,
  result: { url: string; status: number | null; error: string | null; durationMs: number },
  token: string,
  now: Date,
): Promise<DeliveryState | null> {
  const attempts = delivery.attempts + 1;
  const delivered = isDeliveredStatus(result.status);
  const next = delivered
    ? null
    : nextAttemptAfterFailure({
        windowStartsAt: delivery.windowStartsAt,
        attemptedAt: now,
        failedAttempts: attempts,
      });
  const state: DeliveryState = delivered ? "DELIVERED" : next ? "PENDING" : "FAILED";
  return db.$transaction(async (tx) => {
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id: delivery.id, leaseToken: token, state: "PENDING" },
      data: {
        state,
        attempts,
        lastAttemptAt: now,
        lastStatus: result.status,
        lastError: result.error,
        leaseUntil: null,
        leaseToken: null,
        ...(next ? { nextAttemptAt: next } : {}),
        ...(delivered ? { deliveredAt: now } : {}),
        ...(state === "FAILED" ? { failedAt: now } : {}),
      },
    });
    if (count !== 1) return null;
    await tx.webhookAttempt.create({
      data: {
        deliveryId: delivery.id,
        at: now,
        url: result.url,
        status: result.status,
        error: result.error,
        durationMs: result.durationMs,
      },
    });
    if (state === "FAILED") {
      await notify.bank(tx, delivery.bankId, {
        kind: "webhook.FAILED",
        params: { type: delivery.type },
        link: "/bank/webhooks?state=FAILED",
      });
    }
    return state;
  });
}

/**
 * Sends the webhooks that are due (SPEC: a 2xx within 10 s delivers; retries after 1 min, 5 min,
 * 30 min, 2 h, 6 h, then every 6 h up to 72 h, then FAILED), at most `limit` POSTs in this run.
 * At least once: the attempt is written after the POST, so a crash in between sends it again
 * when the lease runs out. Runs rounds until nothing is due, so an application's next event goes
 * out in the same run once the one before it is delivered. `now` is a fixed time (tests) or a
 * clock read at each round (a long run's leases and retry times follow the real time).
 */
export async function deliverDueWebhooks({
  now: clock = () => new Date(),
  limit = 100,
  send = createSender(),
  signal,
}: {
  now?: Date | (() => Date);
  limit?: number;
  send?: Sender;
  signal?: AbortSignal;
} = {}): Promise<DeliveryRun> {
  const run: DeliveryRun = { attempted: 0, delivered: 0, retrying: 0, failed: 0 };
  const token = randomBytes(12).toString("hex");
  while (run.attempted < limit && !signal?.aborted) {
    const now = typeof clock === "function" ? clock() : clock;
    const ids = await dueDeliveryIds(now, Math.min(PARALLEL, limit - run.attempted));
    if (!ids.length || (await claim(ids, now, token)) === 0) break;
    const claimed = await db.webhookDelivery.findMany({
      where: { id: { in: ids }, leaseToken: token, state: "PENDING" },
      select: claimedSelect,
    });
    const states = await Promise.all(
      claimed.map(async (delivery) => settle(delivery, await attempt(delivery, send, now), token, now)),
    );
    run.attempted += claimed.length;
    for (const state of states) {
      if (state === "DELIVERED") run.delivered++;
      else if (state === "PENDING") run.retrying++;
      else if (state === "FAILED") run.failed++;
    }
  }
  return run;
}

type DeliveryActor = BankActor | BureauActor;

function scope(actor: DeliveryActor): Prisma.WebhookDeliveryWhereInput {
  return actor.role === "BANK" ? { bankId: actor.bankId } : {};
}

export type RedeliverResult = { ok: true } | { ok: false; error: "NOT_FOUND" | "NOT_FAILED" };

/**
 * Sends a FAILED delivery again: PENDING at once, with a new 72-hour window. The bank redelivers
 * its own; the bureau any (audited). Conditional on FAILED, so a double click queues it once.
 */
export async function redeliverWebhook(
  actor: DeliveryActor,
  id: string,
  { now = new Date(), ip = null }: { now?: Date; ip?: string | null } = {},
): Promise<RedeliverResult> {
  const where = { id, ...scope(actor) };
  const done = await db.$transaction(async (tx) => {
    const { count } = await tx.webhookDelivery.updateMany({
      where: { ...where, state: "FAILED" },
      data: {
        state: "PENDING",
        attempts: 0,
        nextAttemptAt: now,
        windowStartsAt: now,
        failedAt: null,
        leaseUntil: null,
        leaseToken: null,
      },
    });
    if (count !== 1) return false;
    await recordAudit(
      { actorId: actor.id, action: "webhook.redeliver", targetType: "WebhookDelivery", targetId: id, ip },
      tx,
    );
    return true;
  });
  if (done) return { ok: true };
  const exists = await db.webhookDelivery.findFirst({ where, select: { id: true } });
  return { ok: false, error: exists ? "NOT_FAILED" : "NOT_FOUND" };
}

export type DeliveryQuery = { state: DeliveryState | null; bankId: string | null; page: number };

/** The delivery log, newest first: the bank its own, the bureau every bank's (filter by bank). */
export async function listDeliveries(actor: DeliveryActor, query: DeliveryQuery) {
  const where: Prisma.WebhookDeliveryWhereInput = {
    ...scope(actor),
    ...(actor.role === "GOV_BUREAU" && query.bankId ? { bankId: query.bankId } : {}),
    ...(query.state ? { state: query.state } : {}),
  };
  const countWhere: Prisma.WebhookDeliveryWhereInput = {
    ...scope(actor),
    ...(actor.role === "GOV_BUREAU" && query.bankId ? { bankId: query.bankId } : {}),
  };
  const [total, items, counts] = await Promise.all([
    db.webhookDelivery.count({ where }),
    db.webhookDelivery.findMany({
      where,
      select: {
        id: true,
        type: true,
        state: true,
        attempts: true,
        nextAttemptAt: true,
        lastAttemptAt: true,
        lastStatus: true,
        lastError: true,
        deliveredAt: true,
        failedAt: true,
        createdAt: true,
        event: { select: { eventId: true } },
        bank: { select: { name: true, nameEn: true } },
        attemptLog: {
          select: { id: true, at: true, status: true, error: true, durationMs: true },
          orderBy: [{ at: "desc" }, { id: "asc" }],
          take: 20,
        },
      },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      ...pageWindow(query.page),
    }),
    db.webhookDelivery.groupBy({ by: ["state"], where: countWhere, _count: { _all: true } }),
  ]);
  return {
    total,
    items,
    counts: Object.fromEntries(counts.map((c) => [c.state, c._count._all])) as Partial<
      Record<DeliveryState, number>
    >,
  };
}
