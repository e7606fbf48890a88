import type { Prisma } from "@prisma/client";

import { db } from "~/db.server";

import type { Actor } from "./actor";

type Tx = Prisma.TransactionClient;

/** A message: a catalogue key under `notifications.` with its parameters and a link. */
export type Message = { kind: string; params?: Record<string, string | number>; link?: string };

async function notifyWhere(tx: Tx, where: Prisma.UserWhereInput, message: Message) {
  const users = await tx.user.findMany({ where: { ...where, disabledAt: null }, select: { id: true } });
  if (!users.length) return 0;
  await tx.notification.createMany({
    data: users.map((user) => ({
      userId: user.id,
      kind: message.kind,
      params: JSON.stringify(message.params ?? {}),
      link: message.link ?? null,
    })),
  });
  return users.length;
}

/**
 * The bank users who may see the firm now: with a live grant to all banks, every bank; else the
 * banks it granted and its lenders with an outstanding loan (the rule of visibleEnterprisesWhere);
 * null when none.
 */
async function banksSeeing(tx: Tx, enterpriseId: string, now: Date): Promise<Prisma.UserWhereInput | null> {
  const [grants, loans] = await Promise.all([
    tx.authorization.findMany({
      where: { enterpriseId, revokedAt: null, expiresAt: { gt: now } },
      select: { bankId: true },
    }),
    tx.loan.findMany({ where: { enterpriseId, status: "ACTIVE" }, select: { bankId: true } }),
  ]);
  if (grants.some((grant) => grant.bankId === null)) return { role: "BANK" };
  const bankIds = [
    ...grants.flatMap((grant) => (grant.bankId ? [grant.bankId] : [])),
    ...loans.map((loan) => loan.bankId),
  ];
  return bankIds.length ? { role: "BANK", bankId: { in: [...new Set(bankIds)] } } : null;
}

/** Messages go to every active account of the organisation, inside the caller's transaction. */
export const notify = {
  enterprise: (tx: Tx, enterpriseId: string, message: Message) => notifyWhere(tx, { enterpriseId }, message),
  bank: (tx: Tx, bankId: string, message: Message) => notifyWhere(tx, { bankId }, message),
  allBanks: (tx: Tx, message: Message) => notifyWhere(tx, { role: "BANK" }, message),
  /** A message naming a firm: only to the banks that may see the firm (SPEC, access rules). */
  banksSeeing: async (tx: Tx, enterpriseId: string, message: Message, now = new Date()) => {
    const where = await banksSeeing(tx, enterpriseId, now);
    return where ? notifyWhere(tx, where, message) : 0;
  },
  office: (tx: Tx, subDistrictId: string, message: Message) =>
    notifyWhere(tx, { role: "GOV_OFFICE", subDistrictId }, message),
  bureau: (tx: Tx, message: Message) => notifyWhere(tx, { role: "GOV_BUREAU" }, message),
};

export async function listNotifications(actor: Actor, take = 10) {
  const items = await db.notification.findMany({
    where: { userId: actor.id },
    select: { id: true, kind: true, params: true, link: true, readAt: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take,
  });
  return items.map((item) => ({
    ...item,
    params: JSON.parse(item.params) as Record<string, string | number>,
  }));
}

export async function countUnread(actor: Actor) {
  return db.notification.count({ where: { userId: actor.id, readAt: null } });
}

/** Marks the actor's own notifications read (one id, or all). */
export async function markRead(actor: Actor, id?: string) {
  await db.notification.updateMany({
    where: { userId: actor.id, readAt: null, ...(id ? { id } : {}) },
    data: { readAt: new Date() },
  });
}
