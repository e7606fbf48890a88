import type { AppLoadContext } from "@remix-run/node";

import type { Actor, AuditedActor } from "./models/actor";

/**
 * The client's address as server.js determined it: Express's req.ip, which is the socket's peer
 * unless TRUST_PROXY says which proxies may speak for it through X-Forwarded-For. Request
 * headers are never read here, so a client cannot pick its own address (and with it escape the
 * per-IP login throttle). Without server.js (tests calling loaders directly) it is "unknown".
 */
export function clientIpOf(context: AppLoadContext | undefined): string {
  const ip = context?.clientIp;
  return typeof ip === "string" && ip.length > 0 ? ip.slice(0, 64) : "unknown";
}

/** The actor with the client's address, for model functions that write the audit trail. */
export function withClientIp<A extends Actor>(
  actor: A,
  context: AppLoadContext | undefined,
): AuditedActor<A> {
  return { ...actor, ip: clientIpOf(context) };
}
