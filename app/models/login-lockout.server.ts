/**
 * Failed sign-ins and lockouts, counted by one rule for accounts (User.failedLoginCount,
 * User.lockedUntil) and for names that have no account (UnknownNameLockout): the fifth failure
 * in a row locks the name for 15 minutes and starts the count again. Because unknown names are
 * counted the same way, "locked" does not reveal which names exist
 * (docs/decisions/012-accounts-and-sign-in.md).
 */
import { db } from "~/db.server";

/** 5 failed sign-ins lock a name for 15 minutes (等保2.0 L3). */
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

/** Until when a name without an account is locked (null: it is not). */
export async function unknownNameLockedUntil(username: string): Promise<Date | null> {
  const row = await db.unknownNameLockout.findUnique({ where: { username }, select: { lockedUntil: true } });
  return row?.lockedUntil ?? null;
}

/**
 * Counts one failed sign-in of an account, or of a name without one; returns the end of the
 * lockout when this failure started one, else null.
 */
export async function countFailedSignIn(
  target: { userId: string } | { username: string },
  now: Date,
): Promise<Date | null> {
  const lockedUntil = new Date(now.getTime() + LOCKOUT_MS);
  if ("userId" in target) {
    const { failedLoginCount } = await db.user.update({
      where: { id: target.userId },
      data: { failedLoginCount: { increment: 1 } },
      select: { failedLoginCount: true },
    });
    if (failedLoginCount < LOCKOUT_THRESHOLD) return null;
    await db.user.update({ where: { id: target.userId }, data: { lockedUntil, failedLoginCount: 0 } });
    return lockedUntil;
  }
  const { failedLoginCount } = await db.unknownNameLockout.upsert({
    where: { username: target.username },
    create: { username: target.username, failedLoginCount: 1 },
    update: { failedLoginCount: { increment: 1 } },
    select: { failedLoginCount: true },
  });
  if (failedLoginCount < LOCKOUT_THRESHOLD) return null;
  await db.unknownNameLockout.update({
    where: { username: target.username },
    data: { lockedUntil, failedLoginCount: 0 },
  });
  return lockedUntil;
}
