import { pruneEmptyRollups } from "~/models/indicator-rollup.server";

import type { JobDefinition } from "./types";

/**
 * Drops the indicator-rollup slots whose counts went back to zero. The writes leave an emptied
 * slot in place (a delete in every transition cost more than the slot); readers sum, so a zero
 * slot changes no figure.
 */
export const pruneRollups: JobDefinition = {
  name: "prune-rollups",
  schedule: "0 50 3 * * *",
  async run(ctx) {
    ctx.done(await pruneEmptyRollups());
  },
};
