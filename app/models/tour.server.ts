import { db } from "~/db.server";

import type { Actor } from "./actor";

/** Whether the first-visit tour is still to be shown to the user (not dismissed yet). */
export async function tourPending(actor: Actor): Promise<boolean> {
  const row = await db.tourDismissal.findUnique({ where: { userId: actor.id }, select: { userId: true } });
  return row === null;
}

/** Dismisses the tour for good, on every device (idempotent). */
export async function dismissTour(actor: Actor, now = new Date()) {
  await db.tourDismissal.upsert({
    where: { userId: actor.id },
    create: { userId: actor.id, dismissedAt: now },
    update: {},
  });
}
