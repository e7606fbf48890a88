/**
 * A user changes their own password (/account/password): the current password is checked
 * (five wrong ones in 15 minutes stop further tries), the new one must pass the policy and
 * differ from it; the change ends the user's other sessions and is audited.
 */
import { db } from "~/db.server";
import { passwordProblem } from "~/domain/password-policy";
import { destroyUserSessions } from "~/session.server";
import type { FieldErrors } from "~/utils/forms";

import type { Actor } from "./actor";
import { recordAudit } from "./audit.server";
import { hashPassword, verifyPassword } from "./user.server";

export const WRONG_CURRENT_LIMIT = 5;
export const WRONG_CURRENT_WINDOW_MS = 15 * 60 * 1000;
const MAX_LENGTH = 256;

export type OwnPasswordInput = { current: unknown; next: unknown; confirm: unknown };
export type OwnPasswordResult = { ok: true; endedSessions: number } | { ok: false; errors: FieldErrors };

export async function changeOwnPassword(
  actor: Actor,
  currentSessionId: string,
  input: OwnPasswordInput,
  { ip = null, now = new Date() }: { ip?: string | null; now?: Date } = {},
): Promise<OwnPasswordResult> {
  const text = (value: unknown) => (typeof value === "string" && value.length <= MAX_LENGTH ? value : null);
  const current = text(input.current);
  const next = text(input.next);
  const confirm = text(input.confirm);
  const errors: FieldErrors = {};
  if (!current) errors.currentPassword = { key: "account.errors.current" };
  if (next === null) errors.newPassword = { key: "account.errors.tooLong" };
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const recentFailures = await db.auditLog.count({
    where: {
      actorId: actor.id,
      action: "account.passwordChangeFailure",
      at: { gt: new Date(now.getTime() - WRONG_CURRENT_WINDOW_MS) },
    },
  });
  if (recentFailures >= WRONG_CURRENT_LIMIT)
    return { ok: false, errors: { _form: { key: "account.errors.tooManyAttempts" } } };

  const stored = await db.password.findUnique({ where: { userId: actor.id }, select: { hash: true } });
  if (!stored || !(await verifyPassword(stored.hash, current as string))) {
    await recordAudit({
      actorId: actor.id,
      action: "account.passwordChangeFailure",
      targetType: "User",
      targetId: actor.id,
      ip,
    });
    return { ok: false, errors: { currentPassword: { key: "account.errors.current" } } };
  }

  const problem = passwordProblem(next as string, actor.username);
  if (problem) errors.newPassword = { key: `account.errors.${problem}` };
  else if (next === current) errors.newPassword = { key: "account.errors.same" };
  if (confirm !== next) errors.confirmPassword = { key: "account.errors.confirm" };
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const hash = await hashPassword(next as string);
  await db.$transaction(async (tx) => {
    await tx.password.update({ where: { userId: actor.id }, data: { hash } });
    await tx.user.update({ where: { id: actor.id }, data: { passwordChangedAt: now } });
    await recordAudit(
      { actorId: actor.id, action: "account.passwordChange", targetType: "User", targetId: actor.id, ip },
      tx,
    );
  });
  const endedSessions = await destroyUserSessions(actor.id, { except: currentSessionId });
  return { ok: true, endedSessions };
}

/** "Sign out all other devices": ends every session of the user but this one. */
export async function endOtherSessions(
  actor: Actor,
  currentSessionId: string,
  { ip = null }: { ip?: string | null } = {},
) {
  const ended = await destroyUserSessions(actor.id, { except: currentSessionId });
  await recordAudit({
    actorId: actor.id,
    action: "session.revokeOthers",
    targetType: "User",
    targetId: actor.id,
    ip,
    detail: { ended },
  });
  return ended;
}

export async function countLiveSessions(actor: Actor, now = new Date()) {
  return db.session.count({ where: { userId: actor.id, expiresAt: { gt: now } } });
}
