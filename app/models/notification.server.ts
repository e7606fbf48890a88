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

/** Messages go to every active account of the organisation, inside the caller's transaction. */
export const notify = {
  enterprise: (tx: Tx, enterpriseId: string, message: Message) => notifyWhere(tx, { enterpriseId }, message),
  bank: (tx: Tx, bankId: string, message: Message) => notifyWhere(tx, { bankId }, message),
  allBanks: (tx: Tx, message: Message) => notifyWhere(tx, { role: "BANK" }, message),
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
