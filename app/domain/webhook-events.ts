/**
 * The events a bank system receives (webhooks and GET /api/v1/events) and the rules of their
 * delivery, as SPEC "Bank systems: the API and webhooks" writes them. Pure: no I/O (the signature,
 * which needs node:crypto, is in app/services/webhook-sender.server.ts).
 */
import { SHANGHAI_OFFSET_MS } from "./shanghai-time";

/**
 * Every event type. A new producer adds its type here (the endpoint's `events` are validated
 * against this list, and recordEvent only takes these).
 */
export const WEBHOOK_EVENT_TYPES = [
  "application.submitted",
  "application.accepted",
  "application.approved",
  "application.rejected",
  "application.disbursed",
  "application.cancelled",
  "application.withdrawn",
  "offer.accepted",
  "offer.declined",
  "authorization.granted",
  "authorization.revoked",
  "demand.posted",
  "demand.updated",
  "demand.closed",
  "whitelist.published",
  "whitelist.suspended",
  "whitelist.revoked",
  "whitelist.restored",
  "credit.alert",
  "loan.renewal_due",
  "claim.decided",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export function isWebhookEventType(value: unknown): value is WebhookEventType {
  return typeof value === "string" && (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}

export const DELIVERY_STATES = ["PENDING", "DELIVERED", "FAILED"] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A POST that has not answered 2xx within this is a failed attempt. */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** After the n-th failed attempt the next waits RETRY_DELAYS_MS[n - 1], then 6 h each. */
export const RETRY_DELAYS_MS = [1 * MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 6 * HOUR] as const;
const LATER_RETRY_DELAY_MS = 6 * HOUR;
/** No attempt is scheduled later than this after the window starts: the delivery is FAILED. */
export const RETRY_WINDOW_MS = 72 * HOUR;

/**
 * When to try again after a failed attempt, or null when the 72-hour window is over (FAILED).
 * `failedAttempts` counts this one. With attempts on time the schedule is +0, 1 min, 6 min,
 * 36 min, 2 h 36 min, 8 h 36 min, then every 6 h up to 68 h 36 min: 16 attempts.
 */
export function nextAttemptAfterFailure({
  windowStartsAt,
  attemptedAt,
  failedAttempts,
}: {
  windowStartsAt: Date;
  attemptedAt: Date;
  failedAttempts: number;
}): Date | null {
  const delay = RETRY_DELAYS_MS[failedAttempts - 1] ?? LATER_RETRY_DELAY_MS;
  const next = attemptedAt.getTime() + delay;
  return next > windowStartsAt.getTime() + RETRY_WINDOW_MS ? null : new Date(next);
}

/** A 2xx answer delivers; anything else (3xx included: redirects are not followed) retries. */
export function isDeliveredStatus(status: number | null): boolean {
  return status !== null && status >= 200 && status < 300;
}

/** "2026-12-06T15:13:32.000+08:00": an instant as the API writes times (ISO 8601, Shanghai offset). */
export function shanghaiIsoTime(instant: Date): string {
  const shifted = new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString();
  return `${shifted.slice(0, -1)}+08:00`;
}

/** Money as the API writes it: 元 with exactly two decimals ("1500000.00"). */
export function yuanString(yuan: number): string {
  if (!Number.isSafeInteger(yuan)) throw new RangeError(`not a whole number of 元: ${yuan}`);
  return `${yuan}.00`;
}

export type EventEnvelope = { id: string; type: string; createdAt: Date; data: string };

/**
 * The webhook body and the feed item: {"id","type","createdAt","data"}. `data` is stored as JSON
 * text and spliced in as it is, so the bytes signed are the bytes stored.
 */
export function eventBody(event: EventEnvelope): string {
  return `{"id":${JSON.stringify(event.id)},"type":${JSON.stringify(event.type)},"createdAt":${JSON.stringify(
    shanghaiIsoTime(event.createdAt),
  )},"data":${event.data}}`;
}
