/**
 * Runs one job under a lease, records the run, and keeps the lease alive while it runs.
 *
 * The lease is a row per job (ScheduledJob): a server may start a run only when the row has no
 * live lease (`leaseUntil` past), claimed with one conditional UPDATE — the same SQL on SQLite
 * and PostgreSQL, so two servers (or a click and a tick on one server) never run a job at once.
 * A scheduled run also claims its tick (`lastTickAt` before the tick): both servers' timers fire
 * at the same second, and only the first claim of that tick runs. A server that dies leaves its
 * lease to expire after `leaseSeconds`; the next run marks the dead run INTERRUPTED and resumes
 * from the state it saved. docs/decisions/018-scheduled-jobs.md.
 */
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

import { Prisma } from "@prisma/client";

import { db } from "~/db.server";

import type { JobContext, JobDefinition, JobTrigger } from "./types";

/** This server's name in leases and runs. */
export const SERVER_ID = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;

const DEFAULT_LEASE_SECONDS = 60;
/** Error messages kept per run (the admin page shows them). */
const ERROR_SAMPLE_SIZE = 10;
const MAX_ERROR_LENGTH = 300;

export type RunStatus = "RUNNING" | "SUCCEEDED" | "PARTIAL" | "FAILED" | "INTERRUPTED";
export const RUN_STATUSES: readonly RunStatus[] = [
  "RUNNING",
  "SUCCEEDED",
  "PARTIAL",
  "FAILED",
  "INTERRUPTED",
];

export type RunOutcome = {
  runId: string;
  status: Exclude<RunStatus, "RUNNING">;
  items: number;
  errors: number;
  summary: Record<string, number>;
};

export type StartResult =
  | { started: true; runId: string; done: Promise<RunOutcome> }
  /** busy: another run holds the lease; tick-taken: another server already ran this tick */
  | { started: false; reason: "busy" | "tick-taken"; holder: string | null };

export type StartOptions = {
  trigger: JobTrigger;
  /** the cron tick of a scheduled run */
  tickAt?: Date;
  /** the username of whoever pressed "run now" */
  triggeredBy?: string;
  /** the run's business clock (tests fix it); leases always use the real time */
  now?: () => Date;
  /** aborts the run from outside (shutdown) */
  signal?: AbortSignal;
  /** the lease holder's name (tests pose as a second server) */
  serverId?: string;
};

/** Runs in this process, so that shutdown can stop them and tests can wait for them. */
const inFlight = new Map<string, { controller: AbortController; done: Promise<RunOutcome> }>();

function leaseMs(job: JobDefinition) {
  return (job.leaseSeconds ?? DEFAULT_LEASE_SECONDS) * 1000;
}

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

async function ensureJobRow(name: string) {
  const existing = await db.scheduledJob.findUnique({ where: { name }, select: { name: true } });
  if (existing) return;
  try {
    await db.scheduledJob.create({ data: { name } });
  } catch (error) {
    // another server created it first
    if (!isUniqueViolation(error)) throw error;
  }
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
}

/**
 * Starts a run of the job if its lease is free (and, for a scheduled run, its tick not yet
 * taken). Resolves once the run is recorded; the run itself goes on in the background (`done`).
 */
export async function startJob(job: JobDefinition, options: StartOptions): Promise<StartResult> {
  const serverId = options.serverId ?? SERVER_ID;
  await ensureJobRow(job.name);
  const claimedAt = new Date();
  const free: Prisma.ScheduledJobWhereInput = {
    OR: [{ leaseUntil: null }, { leaseUntil: { lt: claimedAt } }],
  };
  const tickOpen: Prisma.ScheduledJobWhereInput | null = options.tickAt
    ? { OR: [{ lastTickAt: null }, { lastTickAt: { lt: options.tickAt } }] }
    : null;
  const claimed = await db.scheduledJob.updateMany({
    where: { name: job.name, AND: tickOpen ? [free, tickOpen] : [free] },
    data: {
      leaseHolder: serverId,
      leaseUntil: new Date(claimedAt.getTime() + leaseMs(job)),
      ...(options.tickAt ? { lastTickAt: options.tickAt } : {}),
    },
  });
  if (claimed.count !== 1) {
    const row = await db.scheduledJob.findUnique({
      where: { name: job.name },
      select: { leaseHolder: true, leaseUntil: true },
    });
    const busy = Boolean(row?.leaseUntil && row.leaseUntil >= claimedAt);
    return { started: false, reason: busy ? "busy" : "tick-taken", holder: busy ? row!.leaseHolder : null };
  }

  // Holding the lease: a run still marked RUNNING belonged to a holder whose lease expired.
  await db.jobRun.updateMany({
    where: { job: job.name, status: "RUNNING" },
    data: { status: "INTERRUPTED", finishedAt: claimedAt },
  });
  const run = await db.jobRun.create({
    data: {
      job: job.name,
      trigger: options.trigger,
      triggeredBy: options.triggeredBy ?? null,
      tickAt: options.tickAt ?? null,
      host: serverId,
      startedAt: claimedAt,
    },
    select: { id: true },
  });
  const controller = new AbortController();
  const onOuterAbort = () => controller.abort(options.signal?.reason ?? new Error("stopped"));
  options.signal?.addEventListener("abort", onOuterAbort, { once: true });
  const done = execute(job, run.id, serverId, controller, options).finally(() => {
    options.signal?.removeEventListener("abort", onOuterAbort);
    inFlight.delete(run.id);
  });
  inFlight.set(run.id, { controller, done });
  return { started: true, runId: run.id, done };
}

async function execute(
  job: JobDefinition,
  runId: string,
  serverId: string,
  controller: AbortController,
  options: StartOptions,
): Promise<RunOutcome> {
  const { signal } = controller;
  let items = 0;
  let errors = 0;
  const errorSample: string[] = [];
  const summary: Record<string, number> = {};
  const holds = { name: job.name, leaseHolder: serverId };

  const progress = () => ({
    items,
    errors,
    errorSample: JSON.stringify(errorSample),
    summary: JSON.stringify(summary),
  });

  /** Extends the lease; a lost lease (another server took over) aborts the run. */
  const renew = async () => {
    const renewed = await db.scheduledJob.updateMany({
      where: holds,
      data: { leaseUntil: new Date(Date.now() + leaseMs(job)) },
    });
    if (renewed.count !== 1) controller.abort(new Error("lease lost"));
    else await db.jobRun.update({ where: { id: runId }, data: progress() });
  };
  let renewing: Promise<void> = Promise.resolve();
  const heartbeat = setInterval(
    () => {
      renewing = renewing.then(renew).catch((error: unknown) => {
        console.error(`job ${job.name}: heartbeat failed:`, error);
      });
    },
    leaseMs(job) / 3,
  );
  heartbeat.unref();

  const ctx: JobContext = {
    now: options.now ?? (() => new Date()),
    signal,
    trigger: options.trigger,
    done: (count = 1) => {
      items += count;
    },
    failed: (error, label) => {
      errors += 1;
      if (errorSample.length < ERROR_SAMPLE_SIZE) {
        errorSample.push(label ? `${label}: ${messageOf(error)}` : messageOf(error));
      }
    },
    count: (key, n = 1) => {
      summary[key] = (summary[key] ?? 0) + n;
    },
    async loadState<T>() {
      const row = await db.scheduledJob.findUnique({ where: { name: job.name }, select: { state: true } });
      const value = row ? (JSON.parse(row.state) as unknown) : null;
      return value === null || (typeof value === "object" && Object.keys(value).length === 0)
        ? null
        : (value as T);
    },
    async saveState(state) {
      const saved = await db.scheduledJob.updateMany({
        where: holds,
        data: { state: JSON.stringify(state ?? {}) },
      });
      if (saved.count !== 1) {
        controller.abort(new Error("lease lost"));
        signal.throwIfAborted();
      }
    },
    checkpoint: () => signal.throwIfAborted(),
  };

  let status: RunOutcome["status"];
  try {
    await job.run(ctx);
    status = errors > 0 ? "PARTIAL" : "SUCCEEDED";
  } catch (error) {
    if (signal.aborted) {
      status = "INTERRUPTED";
      if (error !== signal.reason) ctx.failed(error);
    } else {
      status = "FAILED";
      ctx.failed(error);
      console.error(`job ${job.name} failed:`, error);
    }
  } finally {
    clearInterval(heartbeat);
    await renewing;
  }
  try {
    await db.jobRun.update({
      where: { id: runId },
      data: { ...progress(), status, finishedAt: new Date() },
    });
    await db.scheduledJob.updateMany({ where: holds, data: { leaseHolder: null, leaseUntil: null } });
  } catch (error) {
    // The database is gone (shutdown, outage): the lease expires by itself and the next run
    // marks this one INTERRUPTED.
    console.error(`job ${job.name}: could not record the end of run ${runId}:`, error);
  }
  return { runId, status, items, errors, summary };
}

/** Starts a run and waits for its end (tests, scripts). */
export async function runJob(
  job: JobDefinition,
  options: StartOptions,
): Promise<RunOutcome | Extract<StartResult, { started: false }>> {
  const started = await startJob(job, options);
  return started.started ? started.done : started;
}

/** Asks every run of this process to stop and waits for them to record how they ended. */
export async function stopRunningJobs(reason = "server stopping") {
  const runs = [...inFlight.values()];
  for (const run of runs) run.controller.abort(new Error(reason));
  await Promise.allSettled(runs.map((run) => run.done));
}

/** Waits for the runs this process has in flight (tests). */
export async function settleRunningJobs() {
  await Promise.allSettled([...inFlight.values()].map((run) => run.done));
}
