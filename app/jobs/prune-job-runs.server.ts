import { db } from "~/db.server";

import type { JobDefinition } from "./types";

/** Runs are kept this long, so the admin page shows months of history but the table stays small. */
export const JOB_RUN_RETENTION_DAYS = 90;

/** Deletes finished runs older than the retention period (the last run of each job stays). */
export const pruneJobRuns: JobDefinition = {
  name: "prune-job-runs",
  schedule: "0 40 3 * * *",
  async run(ctx) {
    const before = new Date(ctx.now().getTime() - JOB_RUN_RETENTION_DAYS * 86_400_000);
    const { count } = await db.jobRun.deleteMany({
      where: { startedAt: { lt: before }, status: { not: "RUNNING" } },
    });
    ctx.done(count);
  },
};
