import { deliverDueWebhooks } from "~/models/webhook-delivery.server";

import type { JobDefinition } from "./types";

/**
 * Sends the webhooks that are due (app/models/webhook-delivery.server.ts: SPEC's retry schedule,
 * per-application order). Every 20 seconds, so a bank hears of an event well within a minute;
 * a run sends at most 500, the next picks up the rest.
 */
export const webhookDeliveries: JobDefinition = {
  name: "webhook-deliveries",
  schedule: "*/20 * * * * *",
  async run(ctx) {
    const run = await deliverDueWebhooks({ now: ctx.now(), limit: 500 });
    ctx.done(run.attempted);
    ctx.count("delivered", run.delivered);
    ctx.count("retrying", run.retrying);
    ctx.count("failed", run.failed);
  },
};
