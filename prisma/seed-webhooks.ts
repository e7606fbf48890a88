/**
 * Demo webhooks for the demo bank (郑州银行, login `bank`): an endpoint pointing at the local
 * receiver (`npm run webhook:receiver`, scripts/webhook-receiver.ts) with a published demo secret,
 * and the events of the latest transitions of its applications — delivered, one FAILED — so
 * /bank/webhooks and /gov/admin/webhooks show a log. The events are written by the portal's own
 * code (emitApplicationEvent).
 */
import type { Prisma } from "@prisma/client";

import type { ApplicationState } from "../app/domain/application-machine";
import { nextAttemptAfterFailure, WEBHOOK_EVENT_TYPES } from "../app/domain/webhook-events";
import { emitApplicationEvent } from "../app/models/bank-events.server";
import { WEBHOOK_SECRET_PURPOSE } from "../app/models/webhook-delivery.server";
import { sealSecret } from "../app/utils/secret-box.server";

import type { createPrismaClient } from "../app/db.server";

/** Demo data only, like the API demo key: listed in the README for the local receiver. */
export const DEMO_WEBHOOK_SECRET = "whsec_demo-zzbank-webhook-secret-2026";
export const DEMO_WEBHOOK_URL = "http://127.0.0.1:4010/webhooks";

type Db = ReturnType<typeof createPrismaClient>;
type Tx = Prisma.TransactionClient;

async function logAttempts(
  tx: Tx,
  delivery: { id: string; createdAt: Date },
  outcomes: { status: number | null; error: string | null }[],
) {
  let at = delivery.createdAt;
  for (const [i, outcome] of outcomes.entries()) {
    await tx.webhookAttempt.create({
      data: {
        deliveryId: delivery.id,
        at,
        url: DEMO_WEBHOOK_URL,
        status: outcome.status,
        error: outcome.error,
        durationMs: outcome.status === null ? 10_000 : 80 + ((i * 37) % 200),
      },
    });
    at =
      nextAttemptAfterFailure({
        windowStartsAt: delivery.createdAt,
        attemptedAt: at,
        failedAttempts: i + 1,
      }) ?? at;
  }
  return at;
}

/** Returns a one-line summary for the seed's progress output. */
export async function seedWebhooks(db: Db, { bankId }: { bankId: string }) {
  return db.$transaction(
    async (tx) => {
      const latest = await tx.application.findMany({
        where: { bankId },
        orderBy: [{ submittedAt: "desc" }, { id: "asc" }],
        take: 6,
        select: {
          id: true,
          state: true,
          submittedAt: true,
          events: {
            orderBy: [{ at: "desc" }, { id: "asc" }],
            take: 1,
            select: { fromState: true, at: true },
          },
        },
      });
      const timeOf = (a: (typeof latest)[number]) => (a.events[0]?.at ?? a.submittedAt).getTime();
      const oldestFirst = latest.sort((a, b) => timeOf(a) - timeOf(b));
      const endpoint = await tx.webhookEndpoint.create({
        data: {
          bankId,
          url: DEMO_WEBHOOK_URL,
          events: WEBHOOK_EVENT_TYPES.join(","),
          secretSealed: sealSecret(DEMO_WEBHOOK_SECRET, WEBHOOK_SECRET_PURPOSE),
          secretHint: `${DEMO_WEBHOOK_SECRET.slice(0, 10)}…`,
          createdAt: oldestFirst[0]?.submittedAt,
        },
        select: { id: true },
      });
      // each application's latest transition, as the bank's system would have heard of it
      for (const application of oldestFirst) {
        const last = application.events[0];
        const from = last?.fromState ?? null;
        await emitApplicationEvent(tx, {
          applicationId: application.id,
          from,
          to: application.state as ApplicationState,
          by: from === null || application.state === "WITHDRAWN" ? "ENTERPRISE" : "BANK",
          now: last?.at ?? application.submittedAt,
        });
      }
      const deliveries = await tx.webhookDelivery.findMany({
        where: { endpointId: endpoint.id },
        orderBy: { eventSeq: "asc" },
        select: { id: true, createdAt: true },
      });
      for (const [i, delivery] of deliveries.entries()) {
        // the second one never got through: the bank's receiver was down for three days
        if (i === 1) {
          const outcomes = Array.from({ length: 16 }, (_, k) =>
            k % 3 === 2 ? { status: null, error: "timeout after 10 s" } : { status: 503, error: "HTTP 503" },
          );
          const last = await logAttempts(tx, delivery, outcomes);
          await tx.webhookDelivery.update({
            where: { id: delivery.id },
            data: {
              state: "FAILED",
              attempts: 16,
              lastAttemptAt: last,
              lastStatus: 503,
              lastError: "HTTP 503",
              failedAt: last,
            },
          });
        } else {
          const outcomes =
            i === 0
              ? [
                  { status: 502, error: "HTTP 502" },
                  { status: 200, error: null },
                ]
              : [{ status: 200, error: null }];
          const last = await logAttempts(tx, delivery, outcomes);
          await tx.webhookDelivery.update({
            where: { id: delivery.id },
            data: {
              state: "DELIVERED",
              attempts: outcomes.length,
              lastAttemptAt: last,
              lastStatus: 200,
              lastError: null,
              deliveredAt: last,
            },
          });
        }
      }
      return `1 endpoint, ${deliveries.length} events (${deliveries.length - 1} delivered, 1 failed)`;
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}
