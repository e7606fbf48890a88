import { deliverDueWebhooks } from "~/models/webhook-delivery.server";

import type { JobDefinition } from "./types";

/**
 * Sends the webhooks that are due (app/models/webhook-delivery.server.ts). Every 20 s, so an event
 * reaches a bank within about half a minute and a retry "after 1 min" within 80 s. Each delivery
 * is claimed under its own lease too, so a run cut off by a kill leaves nothing half-claimed for
 * longer than that lease.
 */
export const deliverWebhooks: JobDefinition = {
  name: "deliver-webhooks",
  schedule: "*/20 * * * * *",
  async run(ctx) {
    const run = await deliverDueWebhooks({ now: () => ctx.now(), limit: 200, signal: ctx.signal });
    ctx.done(run.delivered);
    if (run.retrying) ctx.count("retrying", run.retrying);
    if (run.failed) ctx.count("failed", run.failed);
  },
};
