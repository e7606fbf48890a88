import type { Prisma } from "@prisma/client";

import { emitWhitelistChange } from "./bank-events.server";
import { notify } from "./notification.server";

type Tx = Prisma.TransactionClient;

/**
 * 联合惩戒: a firm found on a serious-dishonesty list loses its whitelist standing at once.
 * Its ACTIVE entries become SUSPENDED with an event saying why; removal from the list later
 * does NOT restore them (the bureau decides). Call inside the transaction that stores the
 * credit refresh. Returns how many entries were suspended.
 */
export async function suspendWhitelistForDishonesty(
  tx: Tx,
  { enterpriseId, reason, now = new Date() }: { enterpriseId: string; reason: string; now?: Date },
) {
  const entries = await tx.whitelistEntry.findMany({
    where: { enterpriseId, status: "ACTIVE" },
    select: { id: true, enterprise: { select: { name: true, subDistrictId: true } } },
  });
  if (!entries.length) return 0;
  await tx.whitelistEntry.updateMany({
    where: { id: { in: entries.map((e) => e.id) }, status: "ACTIVE" },
    data: { status: "SUSPENDED", statusChangedAt: now, statusReason: reason },
  });
  await tx.whitelistEvent.createMany({
    data: entries.map((entry) => ({ entryId: entry.id, kind: "SUSPENDED", reason, at: now })),
  });
  await tx.enterprise.update({ where: { id: enterpriseId }, data: { whitelistedUntil: null } });
  const { name, subDistrictId } = entries[0].enterprise;
  const message = { kind: "whitelist.SUSPENDED", params: { enterprise: name, reason } };
  await notify.enterprise(tx, enterpriseId, message);
  await notify.office(tx, subDistrictId, message);
  await notify.bureau(tx, message);
  await notify.banksSeeing(tx, enterpriseId, message, now);
  for (const entry of entries)
    await emitWhitelistChange(tx, { entryId: entry.id, type: "whitelist.suspended", reason, now });
  return entries.length;
}
