import { createCookie } from "@remix-run/node";

import { db } from "./db.server";
import { getEnv } from "./env.server";
import { recordAudit } from "./models/audit.server";

/** Absolute lifetime of a session, and how long it may stay unused (等保2.0 L3). */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** lastSeenAt is written at most this often, so that reading pages is not a write each time. */
const TOUCH_INTERVAL_MS = 60 * 1000;

function cookieOptions(secure: boolean) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    path: "/",
    secure,
    secrets: [getEnv().SESSION_SECRET],
    maxAge: SESSION_ABSOLUTE_MS / 1000,
  };
}

/**
 * "__Host-" cookies must be Secure, so plain-http development uses a plain name. server.js
 * knows them too (server/http-guards.js: a request carrying one gets `private, no-store`).
 */
export const SESSION_COOKIE_NAMES = { secure: "__Host-xyd_session", plain: "xyd_session" } as const;

let cookies: { secure: ReturnType<typeof createCookie>; plain: ReturnType<typeof createCookie> } | undefined;

function sessionCookie(request: Request) {
  cookies ??= {
    secure: createCookie(SESSION_COOKIE_NAMES.secure, cookieOptions(true)),
    plain: createCookie(SESSION_COOKIE_NAMES.plain, cookieOptions(false)),
  };
  return new URL(request.url).protocol === "https:" ? cookies.secure : cookies.plain;
}

async function readSessionId(request: Request): Promise<string | null> {
  const value = await sessionCookie(request).parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 && value.length < 64 ? value : null;
}

export type SessionRecord = { id: string; userId: string };

/**
 * The live session of a request, or null. Expired (absolute or idle) sessions and
 * sessions of disabled users are deleted on sight.
 */
export async function getSession(request: Request, now = new Date()): Promise<SessionRecord | null> {
  const id = await readSessionId(request);
  if (!id) return null;
  const session = await db.session.findUnique({
    where: { id },
    select: {
      id: true,
      userId: true,
      expiresAt: true,
      lastSeenAt: true,
      user: { select: { disabledAt: true } },
    },
  });
  if (!session) return null;
  const idle = now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS;
  if (session.expiresAt <= now || idle || session.user.disabledAt) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.session.updateMany({ where: { id }, data: { lastSeenAt: now } });
  }
  return { id: session.id, userId: session.userId };
}

/** Starts a session for a user and returns the Set-Cookie header value. */
export async function createSession(
  request: Request,
  userId: string,
  { ip = null, now = new Date() }: { ip?: string | null; now?: Date } = {},
) {
  const session = await db.session.create({
    data: {
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      ip,
      userAgent: request.headers.get("User-Agent")?.slice(0, 300) ?? null,
    },
    select: { id: true },
  });
  return sessionCookie(request).serialize(session.id);
}

/** Ends the request's session (if any), audited, and returns the Set-Cookie header that clears it. */
export async function destroySession(request: Request, { ip = null }: { ip?: string | null } = {}) {
  const id = await readSessionId(request);
  const session = id ? await db.session.findUnique({ where: { id }, select: { userId: true } }) : null;
  if (id && session) {
    await db.session.deleteMany({ where: { id } });
    await recordAudit({
      actorId: session.userId,
      action: "logout",
      targetType: "User",
      targetId: session.userId,
      ip,
    });
  }
  return sessionCookie(request).serialize("", { maxAge: 0 });
}

/** Ends every session of a user (logout everywhere, disabled account, password change), or all but one. */
export async function destroyUserSessions(userId: string, { except }: { except?: string } = {}) {
  const result = await db.session.deleteMany({
    where: { userId, ...(except ? { id: { not: except } } : {}) },
  });
  return result.count;
}
