/**
 * A bank's webhook endpoint: where its events are POSTed and the secret they are signed with.
 * The same functions serve /bank/webhooks and PUT /api/v1/webhook-endpoint.
 */
import { randomBytes } from "node:crypto";

import { Prisma } from "@prisma/client";

import { db } from "~/db.server";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "~/domain/webhook-events";
import type { WebhookUrlProblem } from "~/domain/webhook-url";
import { checkWebhookTarget, type Resolver } from "~/services/webhook-sender.server";
import { sealSecret } from "~/utils/secret-box.server";

import type { BankActor } from "./actor";
import { recordAudit } from "./audit.server";
import { WEBHOOK_SECRET_PURPOSE } from "./webhook-delivery.server";

/** The endpoint as the bank sees it later: the secret only by its first characters. */
export async function getWebhookEndpoint(actor: BankActor) {
  const endpoint = await db.webhookEndpoint.findUnique({
    where: { bankId: actor.bankId },
    select: { url: true, events: true, secretHint: true, updatedAt: true },
  });
  return endpoint ? { ...endpoint, events: eventsOf(endpoint.events) } : null;
}

function eventsOf(stored: string): WebhookEventType[] {
  return WEBHOOK_EVENT_TYPES.filter((type) => stored.split(",").includes(type));
}

function newSecret() {
  return `whsec_${randomBytes(24).toString("base64url")}`;
}

export type SetEndpointResult =
  | { ok: true; endpoint: { url: string; events: WebhookEventType[]; secret: string } }
  | { ok: false; field: "url"; problem: WebhookUrlProblem };

/**
 * Sets the bank's endpoint (creating it the first time) with a NEW secret each time, returned
 * here once and stored only sealed. The URL rule is checked with a DNS lookup (and again at
 * every delivery). Pending deliveries go to the new URL with the new secret. An empty `events`
 * list pauses deliveries; the feed keeps every event either way.
 */
export async function setWebhookEndpoint(
  actor: BankActor,
  input: { url: string; events: readonly WebhookEventType[] },
  { ip = null, resolve, now = new Date() }: { ip?: string | null; resolve?: Resolver; now?: Date } = {},
): Promise<SetEndpointResult> {
  const target = await checkWebhookTarget(input.url, { resolve });
  if (!target.ok) return { ok: false, field: "url", problem: target.problem };
  const url = target.url.href;
  const events = WEBHOOK_EVENT_TYPES.filter((type) => input.events.includes(type));
  const secret = newSecret();
  const data = {
    url,
    events: events.join(","),
    secretSealed: sealSecret(secret, WEBHOOK_SECRET_PURPOSE),
    secretHint: `${secret.slice(0, 10)}…`,
    updatedAt: now,
  };
  const write = () =>
    db.$transaction(async (tx) => {
      await tx.webhookEndpoint.upsert({
        where: { bankId: actor.bankId },
        create: { bankId: actor.bankId, ...data, createdAt: now },
        update: data,
      });
      await recordAudit(
        {
          actorId: actor.id,
          action: "webhook.endpointSet",
          targetType: "Bank",
          targetId: actor.bankId,
          ip,
          detail: { url, events },
        },
        tx,
      );
    });
  try {
    await write();
  } catch (error) {
    // Two first settings at once on PostgreSQL: one creates, the other finds it and updates.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    await write();
  }
  return { ok: true, endpoint: { url, events, secret } };
}
