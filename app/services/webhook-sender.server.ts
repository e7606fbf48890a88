/**
 * The HTTP side of webhooks: the URL rule with its DNS lookup, the signature, and one POST.
 *
 * The address is checked and then connected to through the same lookup (a `lookup` function
 * handed to the request that answers only the addresses already checked), so a name that
 * resolves to a public address for the check and to 127.0.0.1 a moment later (DNS rebinding)
 * still reaches only the public one. Redirects are not followed: a 3xx is a failed attempt.
 */
import { createHmac } from "node:crypto";
import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";

import { DELIVERY_TIMEOUT_MS } from "~/domain/webhook-events";
import { isPublicAddress, parseWebhookUrl, type WebhookUrlProblem } from "~/domain/webhook-url";
import { getEnv } from "~/env.server";

export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;

const systemResolver: Resolver = (host) => dnsLookup(host, { all: true, verbatim: true });

export type CheckedTarget =
  | { ok: true; url: URL; addresses: { address: string; family: number }[] }
  | { ok: false; problem: WebhookUrlProblem };

/**
 * The URL rule, lookup included: every address the name resolves to must be public (one private
 * answer among public ones is refused too, or a resolver could alternate).
 */
export async function checkWebhookTarget(
  input: string,
  {
    allowPrivate = getEnv().WEBHOOK_ALLOW_PRIVATE,
    resolve = systemResolver,
  }: { allowPrivate?: boolean; resolve?: Resolver } = {},
): Promise<CheckedTarget> {
  const parsed = parseWebhookUrl(input, { allowPrivate });
  if (!parsed.ok) return parsed;
  if (parsed.literal) {
    return {
      ok: true,
      url: parsed.url,
      addresses: [{ address: parsed.literal, family: parsed.literal.includes(":") ? 6 : 4 }],
    };
  }
  let addresses: { address: string; family: number }[];
  try {
    addresses = await resolve(parsed.host);
  } catch {
    return { ok: false, problem: "UNRESOLVED" };
  }
  if (!addresses.length) return { ok: false, problem: "UNRESOLVED" };
  if (!allowPrivate && addresses.some((a) => !isPublicAddress(a.address)))
    return { ok: false, problem: "PRIVATE_ADDRESS" };
  return { ok: true, url: parsed.url, addresses };
}

/** X-Xyd-Signature: "v1=" + hex HMAC-SHA256(secret, timestamp + "." + raw body). */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** The headers of one POST; the timestamp is Unix seconds. */
export function webhookHeaders(eventId: string, secret: string, timestamp: number, body: string) {
  return {
    "Content-Type": "application/json; charset=utf-8",
    "User-Agent": "xinyidai-webhooks/1",
    "X-Xyd-Event-Id": eventId,
    "X-Xyd-Timestamp": String(timestamp),
    "X-Xyd-Signature": webhookSignature(secret, timestamp, body),
  };
}

export type SendResult = { status: number | null; error: string | null; durationMs: number };

export type Sender = (request: {
  url: string;
  body: string;
  headers: Record<string, string>;
}) => Promise<SendResult>;

/** A lookup that answers only the checked addresses, in the shape the caller asked for. */
function pinnedLookup(addresses: { address: string; family: number }[]): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0].address, addresses[0].family);
  };
}

/**
 * POSTs one webhook: the URL rule checked again (DNS rebinding), the connection pinned to the
 * checked address, DELIVERY_TIMEOUT_MS for the whole exchange. Never throws: a refusal, a
 * connection error or a timeout is a result with status null and the reason.
 */
export function createSender({
  allowPrivate,
  resolve,
  timeoutMs = DELIVERY_TIMEOUT_MS,
}: { allowPrivate?: boolean; resolve?: Resolver; timeoutMs?: number } = {}): Sender {
  return async ({ url, body, headers }) => {
    const started = Date.now();
    const took = () => Date.now() - started;
    const target = await checkWebhookTarget(url, { allowPrivate, resolve });
    if (!target.ok) return { status: null, error: `url refused: ${target.problem}`, durationMs: took() };
    const client = target.url.protocol === "https:" ? https : http;
    return new Promise<SendResult>((settle) => {
      let done = false;
      const finish = (status: number | null, error: string | null) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        request.destroy();
        settle({ status, error, durationMs: took() });
      };
      const request = client.request(target.url, {
        method: "POST",
        headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) },
        lookup: pinnedLookup(target.addresses),
        agent: false,
      });
      const timer = setTimeout(() => finish(null, `timeout after ${timeoutMs / 1000} s`), timeoutMs);
      request.on("response", (response) => {
        const status = response.statusCode ?? null;
        // The answer's body is not needed: a 2xx is enough. Drain a little, then hang up.
        response.resume();
        const ok = status !== null && status >= 200 && status < 300;
        finish(status, ok ? null : `HTTP ${status}`);
      });
      request.on("error", (error) => finish(null, error.message.slice(0, 200)));
      request.end(body);
    });
  };
}
