/**
 * Starts the scheduled jobs inside the server process (server.js → entry.server.tsx), with croner
 * for the timetable. Each tick goes through the runner, whose lease keeps a job on one server at
 * a time. Off with JOBS=off (and in the test runner, which never calls this unless a test does).
 * JOB_SCHEDULES="name=pattern;name=pattern" replaces the built-in timetable of named jobs.
 */
import { Cron } from "croner";

import { JOBS } from "./index.server";
import { startJob, stopRunningJobs } from "./runner.server";
import type { JobDefinition } from "./types";

export const JOB_TIMEZONE = "Asia/Shanghai";

/** Parses JOB_SCHEDULES; throws on an unknown job name or an invalid pattern. */
export function parseScheduleOverrides(
  value: string | undefined,
  jobs: readonly JobDefinition[] = JOBS,
): Map<string, string> {
  const overrides = new Map<string, string>();
  for (const part of (value ?? "").split(";")) {
    if (!part.trim()) continue;
    const at = part.indexOf("=");
    const name = part.slice(0, at).trim();
    const pattern = part.slice(at + 1).trim();
    if (at < 1 || !pattern) throw new Error(`JOB_SCHEDULES: expected name=pattern, got "${part}"`);
    if (!jobs.some((job) => job.name === name)) throw new Error(`JOB_SCHEDULES: no job named "${name}"`);
    // throws on a bad pattern
    new Cron(pattern, { paused: true, timezone: JOB_TIMEZONE }).stop();
    overrides.set(name, pattern);
  }
  return overrides;
}

/** The pattern a job runs on in this process. */
export function effectiveSchedule(job: JobDefinition, overrides: Map<string, string>) {
  return overrides.get(job.name) ?? job.schedule;
}

/** The next time the pattern fires after `from` (for the admin page). */
export function nextRunOf(pattern: string, from = new Date()): Date | null {
  const cron = new Cron(pattern, { paused: true, timezone: JOB_TIMEZONE });
  const next = cron.nextRun(from);
  cron.stop();
  return next;
}

type Scheduler = { crons: Cron[]; shutdown: AbortController; overrides: Map<string, string> };
const globalForJobs = globalThis as unknown as { __scheduler?: Scheduler };

/**
 * The tick a timer fired for, to the second: both servers' timers fire within milliseconds of
 * the same second, and a tick is claimed once (runner.server.ts).
 */
function tickOf(fired: Date) {
  return new Date(Math.floor(fired.getTime() / 1000) * 1000);
}

export function startScheduler({
  jobs = JOBS,
  overrides = new Map<string, string>(),
}: { jobs?: readonly JobDefinition[]; overrides?: Map<string, string> } = {}) {
  if (globalForJobs.__scheduler) return globalForJobs.__scheduler;
  const shutdown = new AbortController();
  const crons = jobs.map(
    (job) =>
      new Cron(
        effectiveSchedule(job, overrides),
        { timezone: JOB_TIMEZONE, protect: true, catch: true },
        async (self: Cron) => {
          const tickAt = tickOf(self.currentRun() ?? new Date());
          try {
            const started = await startJob(job, { trigger: "SCHEDULE", tickAt, signal: shutdown.signal });
            if (started.started) await started.done;
          } catch (error) {
            console.error(`job ${job.name}: could not start:`, error);
          }
        },
      ),
  );
  globalForJobs.__scheduler = { crons, shutdown, overrides };
  return globalForJobs.__scheduler;
}

/** The schedule overrides of the running scheduler (empty when it is off). */
export function schedulerState() {
  const scheduler = globalForJobs.__scheduler;
  return { running: Boolean(scheduler), overrides: scheduler?.overrides ?? new Map<string, string>() };
}

/** Stops the timers and the runs in flight (each records INTERRUPTED and frees its lease). */
export async function stopScheduler() {
  const scheduler = globalForJobs.__scheduler;
  if (scheduler) {
    for (const cron of scheduler.crons) cron.stop();
    scheduler.shutdown.abort(new Error("server stopping"));
    globalForJobs.__scheduler = undefined;
  }
  await stopRunningJobs();
}
