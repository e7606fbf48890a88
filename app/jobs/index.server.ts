/**
 * THE LIST OF SCHEDULED JOBS. To add one:
 *
 * 1. write `app/jobs/<name>.server.ts` exporting a `JobDefinition` (types.ts): a kebab-case
 *    `name`, a croner `schedule` (Asia/Shanghai; 6 fields for seconds) and `run(ctx)`. Call
 *    `ctx.done()` per item handled and `ctx.failed(error, label)` per item that failed (the run
 *    goes on); `ctx.checkpoint()` between items; `ctx.saveState()`/`loadState()` to resume a long
 *    pass after a restart. Keep each item's writes in one transaction and idempotent: a run can
 *    be cut off at any moment and the next one starts again from the saved state.
 * 2. add it to JOBS below;
 * 3. add its name under `jobs.names` in app/i18n/zh-CN/jobs.ts and app/i18n/en/jobs.ts.
 *
 * The runner (runner.server.ts) records every run, never runs a job twice at once, and with
 * several servers runs each tick on one of them. The bureau sees and starts jobs at /gov/admin/jobs.
 */
import { creditRefresh } from "./credit-refresh.server";
import { deliverWebhooks } from "./deliver-webhooks.server";
import { dueReminders } from "./due-reminders.server";
import { pruneApiRecords } from "./prune-api-records.server";
import { pruneJobRuns } from "./prune-job-runs.server";
import { pruneRollups } from "./prune-rollups.server";
import { renewalReminders } from "./renewal-reminders.server";
import { suspensionCheck } from "./suspension-check.server";
import type { JobDefinition } from "./types";

export const JOBS: readonly JobDefinition[] = [
  creditRefresh,
  dueReminders,
  renewalReminders,
  suspensionCheck,
  deliverWebhooks,
  pruneApiRecords,
  pruneJobRuns,
  pruneRollups,
];

export function findJob(name: string): JobDefinition | undefined {
  return JOBS.find((job) => job.name === name);
}
