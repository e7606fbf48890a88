import { recordEvent } from "~/models/webhook-event.server";
import { setWebhookEndpoint } from "~/models/webhook-endpoint.server";

import { bankOfficerOf } from "../../../prisma/factories";
import { db } from "../helpers";

/**
 * A FAILED webhook delivery of the bank (its endpoint set to a public address without a DNS
 * lookup, one application.submitted event), `lastError` as given: what the redeliver button of
 * the bank's page and the bureau's log acts on.
 */
export async function createFailedDelivery(bankId: string, lastError = "HTTP 500") {
  const officer = await bankOfficerOf(db, bankId);
  const set = await setWebhookEndpoint(
    { id: officer.id, role: "BANK", bankId } as Parameters<typeof setWebhookEndpoint>[0],
    { url: "https://hooks.example.com/xyd", events: ["application.submitted"] },
    { resolve: async () => [{ address: "8.8.8.8", family: 4 }] },
  );
  if (!set.ok) throw new Error(`webhook endpoint: ${set.problem}`);
  const [eventId] = await db.$transaction((tx) =>
    recordEvent(tx, { type: "application.submitted", bankIds: [bankId], data: { fixture: true } }),
  );
  const event = await db.webhookEvent.findUniqueOrThrow({ where: { eventId } });
  const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { eventSeq: event.seq } });
  return db.webhookDelivery.update({
    where: { id: delivery.id },
    data: { state: "FAILED", attempts: 7, failedAt: new Date(), lastError },
  });
}
