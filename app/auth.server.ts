import { Authenticator } from "remix-auth";
import { FormStrategy } from "remix-auth-form";
import { z } from "zod";

import { db } from "./db.server";
import { recordAudit } from "./models/audit.server";
import { countFailedSignIn, unknownNameLockedUntil } from "./models/login-lockout.server";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "./models/user.server";
import { hasControlCharacters } from "./domain/control-characters";

/** 5 failed sign-ins lock a name for 15 minutes (等保2.0 L3); an IP gets 30 failures per 15 minutes. */
export { LOCKOUT_MS, LOCKOUT_THRESHOLD } from "./models/login-lockout.server";
export const IP_FAILURE_LIMIT = 30;
export const IP_WINDOW_MS = 15 * 60 * 1000;

export type LoginFailure = "invalid" | "disabled" | "locked" | "throttled";

export class LoginError extends Error {
  constructor(
    readonly reason: LoginFailure,
    readonly lockedUntil?: Date,
  ) {
    super(reason);
    this.name = "LoginError";
  }
}

// Control characters are in no username or password, so such an attempt is not even recorded.
const credentials = z.object({
  username: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .refine((v) => !hasControlCharacters(v)),
  password: z
    .string()
    .min(1)
    .max(256)
    .refine((v) => !hasControlCharacters(v)),
});

async function recordAttempt(username: string, ip: string, success: boolean, userId?: string) {
  await db.loginAttempt.create({ data: { username, ip, success } });
  await recordAudit({
    actorId: userId ?? null,
    action: success ? "login.success" : "login.failure",
    targetType: "User",
    targetId: userId ?? null,
    ip,
    detail: { username },
  });
}

/**
 * Checks a username and password; returns the user id or throws a LoginError. `ip` is the
 * client's address from server.js (app/client-ip.server.ts), never a request header.
 */
export async function verifyLogin(form: FormData, ip: string, now = new Date()): Promise<string> {
  const parsed = credentials.safeParse({ username: form.get("username"), password: form.get("password") });
  if (!parsed.success) throw new LoginError("invalid");
  const { username, password } = parsed.data;

  const ipFailures = await db.loginAttempt.count({
    where: { ip, success: false, createdAt: { gt: new Date(now.getTime() - IP_WINDOW_MS) } },
  });
  if (ipFailures >= IP_FAILURE_LIMIT) throw new LoginError("throttled");

  const user = await db.user.findUnique({
    where: { username },
    select: { id: true, disabledAt: true, lockedUntil: true, password: { select: { hash: true } } },
  });
  // A name with an account and one without take the same path from here: one argon2
  // verification (against a dummy hash when there is no account), the same writes, the same
  // answers — so neither the time taken nor "locked" tells which names exist (decision 012).
  const lockedUntil = user ? user.lockedUntil : await unknownNameLockedUntil(username);
  const matches = await verifyPassword(user?.password?.hash ?? DUMMY_PASSWORD_HASH, password);
  if (lockedUntil && lockedUntil > now) {
    await recordAttempt(username, ip, false, user?.id);
    throw new LoginError("locked", lockedUntil);
  }
  if (!user?.password || !matches) {
    await recordAttempt(username, ip, false, user?.id);
    const lockout = await countFailedSignIn(user ? { userId: user.id } : { username }, now);
    if (lockout) {
      await recordAudit({
        actorId: user?.id ?? null,
        action: "login.lockout",
        targetType: "User",
        targetId: user?.id ?? null,
        ip,
        detail: { username },
      });
    }
    throw new LoginError("invalid");
  }
  if (user.disabledAt) {
    await recordAttempt(username, ip, false, user.id);
    throw new LoginError("disabled");
  }
  await db.user.update({
    where: { id: user.id },
    data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now },
  });
  await recordAttempt(username, ip, true, user.id);
  return user.id;
}

/**
 * Signs in through remix-auth's form strategy (the seam for other strategies, e.g. the
 * government's single sign-on); returns the user id or throws a LoginError. `ip` is the client's
 * address from server.js's load context (never a header). The request's body must be unread:
 * read the form from a clone.
 */
export function signIn(request: Request, ip: string): Promise<string> {
  const authenticator = new Authenticator<string>();
  authenticator.use(new FormStrategy(({ form }) => verifyLogin(form, ip)), "form");
  return authenticator.authenticate("form", request);
}
