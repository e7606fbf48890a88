/**
 * The bureau's view of the scheduled jobs (/gov/admin/jobs): the timetable, who holds each
 * lease, the last runs with their errors, and "run now".
 */
import { db } from "~/db.server";
import { pageWindow } from "~/domain/list-query";
import type { BureauActor } from "~/models/actor";
import { recordAudit } from "~/models/audit.server";

import { findJob, JOBS } from "./index.server";
import { startJob } from "./runner.server";
import { effectiveSchedule, nextRunOf, schedulerState } from "./scheduler.server";

const runSelect = {
  id: true,
  trigger: true,
  triggeredBy: true,
  host: true,
  startedAt: true,
  finishedAt: true,
  status: true,
  items: true,
  errors: true,
  errorSample: true,
  summary: true,
} as const;

type RunRow = {
  errorSample: string;
  summary: string;
} & Record<string, unknown>;

function parsedRun<T extends RunRow>(run: T) {
  return {
    ...run,
    errorSample: JSON.parse(run.errorSample) as string[],
    summary: JSON.parse(run.summary) as Record<string, number>,
  };
}

/** Every job with its timetable, its lease and its last run (and last failure, if later than a success). */
export async function listJobs(_actor: BureauActor, now = new Date()) {
  const { running: schedulerOn, overrides } = schedulerState();
  const names = JOBS.map((job) => job.name);
  const [leases, lastRuns] = await Promise.all([
    db.scheduledJob.findMany({
      where: { name: { in: names } },
      select: { name: true, leaseHolder: true, leaseUntil: true },
    }),
    Promise.all(
      names.map((name) =>
        db.jobRun.findFirst({ where: { job: name }, select: runSelect, orderBy: { startedAt: "desc" } }),
      ),
    ),
  ]);
  const leaseOf = new Map(leases.map((lease) => [lease.name, lease]));
  return {
    schedulerOn,
    jobs: JOBS.map((job, index) => {
      const schedule = effectiveSchedule(job, overrides);
      const lease = leaseOf.get(job.name);
      const held = Boolean(lease?.leaseUntil && lease.leaseUntil >= now);
      const last = lastRuns[index];
      return {
        name: job.name,
        schedule,
        nextRunAt: nextRunOf(schedule, now),
        runningOn: held ? (lease?.leaseHolder ?? null) : null,
        lastRun: last ? parsedRun(last) : null,
      };
    }),
  };
}

/** One page of a job's runs, newest first; null for an unknown job. */
export async function listJobRuns(
  _actor: BureauActor,
  name: string,
  { page, pageSize }: { page: number; pageSize: number },
) {
  const job = findJob(name);
  if (!job) return null;
  const where = { job: job.name };
  const [total, runs] = await Promise.all([
    db.jobRun.count({ where }),
    db.jobRun.findMany({
      where,
      select: runSelect,
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      ...pageWindow(page, pageSize),
    }),
  ]);
  return { name: job.name, total, runs: runs.map(parsedRun) };
}

export type RunNowResult =
  | { ok: true; runId: string }
  | { ok: false; error: "NOT_FOUND" }
  | { ok: false; error: "BUSY"; holder: string | null };

/**
 * Starts a run by hand (audited). The run goes on in the background after the response; a job
 * already running, here or on another server, is not started again.
 */
export async function runJobNow(actor: BureauActor, name: string, ip: string | null): Promise<RunNowResult> {
  const job = findJob(name);
  if (!job) return { ok: false, error: "NOT_FOUND" };
  const started = await startJob(job, { trigger: "MANUAL", triggeredBy: actor.username });
  if (!started.started) return { ok: false, error: "BUSY", holder: started.holder };
  await recordAudit({
    actorId: actor.id,
    action: "job.run",
    targetType: "ScheduledJob",
    targetId: job.name,
    ip,
    detail: { runId: started.runId },
  });
  return { ok: true, runId: started.runId };
}
