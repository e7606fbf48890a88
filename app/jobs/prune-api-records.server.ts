import { pruneApiRequestRecords, pruneIdempotencyKeys } from "~/models/api-request.server";

import type { JobDefinition } from "./types";

/**
 * The bank API's housekeeping (app/models/api-request.server.ts): idempotency keys past their 24
 * hours, nonces past their 10 minutes, old per-minute request counters. Every 10 minutes.
 */
export const pruneApiRecords: JobDefinition = {
  name: "prune-api-records",
  schedule: "0 */10 * * * *",
  async run(ctx) {
    const now = ctx.now();
    const { idempotencyKeys } = await pruneIdempotencyKeys(now);
    const { nonces, rateWindows } = await pruneApiRequestRecords(now);
    ctx.done(idempotencyKeys + nonces + rateWindows);
    ctx.count("idempotencyKeys", idempotencyKeys);
    ctx.count("nonces", nonces);
    ctx.count("rateWindows", rateWindows);
  },
};
