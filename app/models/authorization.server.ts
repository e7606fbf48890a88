import { Prisma } from "@prisma/client";

import { REFRESH_EVERY_AUTHORISED_UNTIL } from "~/db/authorised-until";
import { lockRow } from "~/db/row-lock.server";
import { db } from "~/db.server";
import { pageWindow } from "~/domain/list-query";
import type { AuthorizationScope } from "~/domain/enterprise-terms";

import type { EnterpriseActor } from "./actor";
import { emitAuthorizationEvent } from "./bank-events.server";
import { createOnce } from "./form-key.server";

/** The longest a firm may authorise for: one year from the grant. */
export function maxAuthorizationExpiry(grantedAt: Date): Date {
  const max = new Date(grantedAt.getTime());
  max.setUTCFullYear(max.getUTCFullYear() + 1);
  return max;
}

/**
 * Enterprise.authorisedUntil after a grant or a revocation, in its transaction: the latest expiry
 * of the firm's unrevoked authorisations (docs/decisions/027-authorised-until.md). Every writer of
 * an Authorization calls it; the indicators' authorising firms at the present read the column.
 * The firm's row is locked first: on PostgreSQL the UPDATE's own read then starts after another
 * writer for the firm has committed, and sees its grant or revocation (an UPDATE that waits for
 * the row would still compute from the rows it saw before waiting).
 */
export async function refreshAuthorisedUntil(tx: Prisma.TransactionClient, enterpriseId: string) {
  await lockRow(tx, "Enterprise", enterpriseId);
  await tx.$executeRaw(
    Prisma.sql`${Prisma.raw(REFRESH_EVERY_AUTHORISED_UNTIL)} WHERE "id" = ${enterpriseId}`,
  );
}

const authorizationSelect = {
  id: true,
  scope: true,
  origin: true,
  grantedAt: true,
  expiresAt: true,
  revokedAt: true,
  bank: { select: { id: true, name: true, nameEn: true } },
  application: { select: { id: true, number: true } },
} satisfies Prisma.AuthorizationSelect;

/** Live (not revoked, not expired) and past authorisations of the firm. */
export async function listOwnAuthorizations(
  actor: EnterpriseActor,
  { page, pageSize, now = new Date() }: { page: number; pageSize: number; now?: Date },
) {
  const live: Prisma.AuthorizationWhereInput = {
    enterpriseId: actor.enterpriseId,
    revokedAt: null,
    expiresAt: { gt: now },
  };
  const past: Prisma.AuthorizationWhereInput = {
    enterpriseId: actor.enterpriseId,
    OR: [{ revokedAt: { not: null } }, { expiresAt: { lte: now } }],
  };
  const [active, pastTotal, pastItems] = await Promise.all([
    db.authorization.findMany({
      where: live,
      select: authorizationSelect,
      orderBy: [{ grantedAt: "desc" }, { id: "asc" }],
    }),
    db.authorization.count({ where: past }),
    db.authorization.findMany({
      where: past,
      select: authorizationSelect,
      orderBy: [{ grantedAt: "desc" }, { id: "asc" }],
      ...pageWindow(page, pageSize),
    }),
  ]);
  return { active, past: pastItems, pastTotal };
}

export function listGrantableBanks() {
  return db.bank.findMany({
    where: { active: true },
    select: { id: true, name: true, nameEn: true },
    orderBy: { code: "asc" },
  });
}

export type GrantResult =
  { ok: true; id: string } | { ok: false; error: "UNKNOWN_BANK" | "EXPIRY_RANGE" | "KEY_TAKEN" };

/** A manual grant to one bank (bankId) or every bank (null), ending at `expiresAt` (≤ 1 year). */
export async function grantAuthorization(
  actor: EnterpriseActor,
  input: { bankId: string | null; scope: AuthorizationScope; expiresAt: Date },
  now = new Date(),
  formKey: string | null = null,
): Promise<GrantResult> {
  if (input.expiresAt <= now || input.expiresAt > maxAuthorizationExpiry(now))
    return { ok: false, error: "EXPIRY_RANGE" };
  if (input.bankId) {
    const bank = await db.bank.findFirst({ where: { id: input.bankId, active: true }, select: { id: true } });
    if (!bank) return { ok: false, error: "UNKNOWN_BANK" };
  }
  const created = await createOnce(
    formKey,
    () =>
      db.$transaction(async (tx) => {
        const authorization = await tx.authorization.create({
          data: {
            enterpriseId: actor.enterpriseId,
            bankId: input.bankId,
            scope: input.scope,
            origin: "MANUAL",
            grantedAt: now,
            expiresAt: input.expiresAt,
            formKey,
          },
          select: { id: true },
        });
        await refreshAuthorisedUntil(tx, actor.enterpriseId);
        await emitAuthorizationEvent(tx, { authorizationId: authorization.id, now });
        return authorization;
      }),
    (key) =>
      db.authorization.findFirst({
        where: { formKey: key, enterpriseId: actor.enterpriseId },
        select: { id: true },
      }),
  );
  if (!created.ok) return created;
  return { ok: true, id: created.row.id };
}

/**
 * Revokes one of the firm's live authorisations at once. Scoped to the firm inside the
 * conditional update: another firm's id matches nothing (NOT_FOUND).
 */
export async function revokeAuthorization(actor: EnterpriseActor, id: string, now = new Date()) {
  const revoked = await db.$transaction(async (tx) => {
    const updated = await tx.authorization.updateMany({
      where: { id, enterpriseId: actor.enterpriseId, revokedAt: null },
      data: { revokedAt: now },
    });
    if (updated.count !== 1) return false;
    await refreshAuthorisedUntil(tx, actor.enterpriseId);
    await emitAuthorizationEvent(tx, { authorizationId: id, now });
    return true;
  });
  if (revoked) return { ok: true as const };
  const exists = await db.authorization.findFirst({
    where: { id, enterpriseId: actor.enterpriseId },
    select: { id: true },
  });
  return { ok: false as const, error: exists ? ("ALREADY_REVOKED" as const) : ("NOT_FOUND" as const) };
}

/** For the home page: how many banks can currently see the firm. */
export function countLiveAuthorizations(actor: EnterpriseActor, now = new Date()) {
  return db.authorization.count({
    where: { enterpriseId: actor.enterpriseId, revokedAt: null, expiresAt: { gt: now } },
  });
}
