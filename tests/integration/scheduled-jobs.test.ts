import { afterEach, beforeAll, describe, expect, it } from "vitest";

import { JOBS } from "~/jobs/index.server";
import { runJob, settleRunningJobs, startJob, stopRunningJobs } from "~/jobs/runner.server";
import { startScheduler, stopScheduler } from "~/jobs/scheduler.server";
import type { JobContext, JobDefinition } from "~/jobs/types";
import { action as jobsAction, loader as jobsLoader } from "~/routes/gov.admin.jobs._index/route";
import { loader as runsLoader } from "~/routes/gov.admin.jobs.$name";

import { createUser } from "../../prisma/factories";

import { call, db, getRequest, jsonOf, postRequest, sessionCookieFor, statusOf } from "./helpers";

/** A job whose run waits until the test lets it finish, so that a second start meets it running. */
function gatedJob(name: string) {
  let open!: () => void;
  let gate = new Promise<void>((resolve) => (open = resolve));
  let entered!: (ctx: JobContext) => void;
  let running = new Promise<JobContext>((resolve) => (entered = resolve));
  const job: JobDefinition = {
    name,
    schedule: "0 0 1 * * *",
    async run(ctx) {
      entered(ctx);
      await Promise.race([
        gate,
        new Promise((_, reject) => ctx.signal.addEventListener("abort", () => reject(ctx.signal.reason))),
      ]);
      ctx.done(1);
    },
  };
  return {
    job,
    release: () => open(),
    running: () => running,
    reset() {
      gate = new Promise<void>((resolve) => (open = resolve));
      running = new Promise<JobContext>((resolve) => (entered = resolve));
    },
  };
}

afterEach(async () => {
  await stopScheduler();
  await settleRunningJobs();
});

describe("the runner", () => {
  it("records a run with its items, failures, counts and status", async () => {
    const job: JobDefinition = {
      name: "test-counts",
      schedule: "0 0 1 * * *",
      async run(ctx) {
        for (const n of [1, 2, 3, 4, 5]) {
          if (n % 2 === 0) ctx.failed(new Error(`item ${n} broke`), `firm ${n}`);
          else ctx.done();
        }
        ctx.count("alerts", 2);
      },
    };
    const outcome = await runJob(job, { trigger: "MANUAL", triggeredBy: "bureau" });
    expect(outcome).toMatchObject({ status: "PARTIAL", items: 3, errors: 2, summary: { alerts: 2 } });
    const run = await db.jobRun.findFirstOrThrow({ where: { job: "test-counts" } });
    expect(run).toMatchObject({
      status: "PARTIAL",
      items: 3,
      errors: 2,
      trigger: "MANUAL",
      triggeredBy: "bureau",
    });
    expect(JSON.parse(run.errorSample)).toEqual(["firm 2: item 2 broke", "firm 4: item 4 broke"]);
    expect(run.finishedAt).not.toBeNull();
    const lease = await db.scheduledJob.findUniqueOrThrow({ where: { name: "test-counts" } });
    expect(lease).toMatchObject({ leaseHolder: null, leaseUntil: null });
  });

  it("records SUCCEEDED for a clean run and FAILED with the message for a run that throws", async () => {
    const clean: JobDefinition = {
      name: "test-clean",
      schedule: "* * * * *",
      run: async (ctx) => ctx.done(7),
    };
    expect(await runJob(clean, { trigger: "SCHEDULE", tickAt: new Date() })).toMatchObject({
      status: "SUCCEEDED",
      items: 7,
      errors: 0,
    });
    const broken: JobDefinition = {
      name: "test-broken",
      schedule: "* * * * *",
      run: async () => {
        throw new Error("platform token refused");
      },
    };
    expect(await runJob(broken, { trigger: "MANUAL" })).toMatchObject({ status: "FAILED", errors: 1 });
    const run = await db.jobRun.findFirstOrThrow({ where: { job: "test-broken" } });
    expect(JSON.parse(run.errorSample)).toEqual(["platform token refused"]);
    expect(await db.scheduledJob.findUniqueOrThrow({ where: { name: "test-broken" } })).toMatchObject({
      leaseHolder: null,
    });
  });

  it("never runs a job twice at once: a second start, here or on another server, is refused while it runs", async () => {
    const gated = gatedJob("test-exclusive");
    const first = await startJob(gated.job, { trigger: "MANUAL", serverId: "server-a" });
    expect(first.started).toBe(true);
    await gated.running();
    expect(await startJob(gated.job, { trigger: "MANUAL", serverId: "server-a" })).toEqual({
      started: false,
      reason: "busy",
      holder: "server-a",
    });
    expect(
      await startJob(gated.job, { trigger: "SCHEDULE", tickAt: new Date(), serverId: "server-b" }),
    ).toEqual({
      started: false,
      reason: "busy",
      holder: "server-a",
    });
    gated.release();
    if (first.started) expect((await first.done).status).toBe("SUCCEEDED");
    expect(await db.jobRun.count({ where: { job: "test-exclusive" } })).toBe(1);

    // free again: the other server may run it now
    gated.reset();
    gated.release();
    const second = await runJob(gated.job, { trigger: "MANUAL", serverId: "server-b" });
    expect(second).toMatchObject({ status: "SUCCEEDED" });
    const hosts = await db.jobRun.findMany({
      where: { job: "test-exclusive" },
      orderBy: { startedAt: "asc" },
    });
    expect(hosts.map((run) => run.host)).toEqual(["server-a", "server-b"]);
  });

  it("runs a scheduled tick once across servers: the second server's timer for the same tick does nothing", async () => {
    const job: JobDefinition = { name: "test-tick", schedule: "* * * * *", run: async (ctx) => ctx.done() };
    const tick = new Date("2026-12-07T01:00:00.000Z");
    expect(await runJob(job, { trigger: "SCHEDULE", tickAt: tick, serverId: "server-a" })).toMatchObject({
      status: "SUCCEEDED",
    });
    expect(await runJob(job, { trigger: "SCHEDULE", tickAt: tick, serverId: "server-b" })).toEqual({
      started: false,
      reason: "tick-taken",
      holder: null,
    });
    const next = new Date("2026-12-07T01:01:00.000Z");
    expect(await runJob(job, { trigger: "SCHEDULE", tickAt: next, serverId: "server-b" })).toMatchObject({
      status: "SUCCEEDED",
    });
    // a hand-started run is not a tick: it runs whenever the lease is free
    expect(await runJob(job, { trigger: "MANUAL", serverId: "server-a" })).toMatchObject({
      status: "SUCCEEDED",
    });
    const runs = await db.jobRun.findMany({ where: { job: "test-tick" }, orderBy: { startedAt: "asc" } });
    expect(runs.map((run) => [run.host, run.trigger])).toEqual([
      ["server-a", "SCHEDULE"],
      ["server-b", "SCHEDULE"],
      ["server-a", "MANUAL"],
    ]);
  });

  it("takes over the job of a server whose lease expired: its run is marked INTERRUPTED and loses the lease", async () => {
    const gated = gatedJob("test-takeover");
    const dead = await startJob(gated.job, { trigger: "MANUAL", serverId: "server-dead" });
    const deadCtx = await gated.running();
    // the server stopped renewing: its lease ran out
    await db.scheduledJob.update({
      where: { name: "test-takeover" },
      data: { leaseUntil: new Date(Date.now() - 1000) },
    });
    gated.reset();
    const next = await startJob(gated.job, { trigger: "MANUAL", serverId: "server-live" });
    expect(next.started).toBe(true);
    const deadRun = await db.jobRun.findFirstOrThrow({
      where: { job: "test-takeover", host: "server-dead" },
    });
    expect(deadRun.status).toBe("INTERRUPTED");
    // the old run, still alive, cannot save progress over the new holder's: it is stopped instead
    await expect(deadCtx.saveState({ cursor: "stale" })).rejects.toThrow(/lease lost/);
    if (dead.started) expect((await dead.done).status).toBe("INTERRUPTED");
    gated.release();
    if (next.started) expect((await next.done).status).toBe("SUCCEEDED");
    const lease = await db.scheduledJob.findUniqueOrThrow({ where: { name: "test-takeover" } });
    expect(lease.state).toBe("{}");
    expect(lease.leaseHolder).toBeNull();
  });

  it("keeps saved progress between runs", async () => {
    const seen: unknown[] = [];
    const job: JobDefinition = {
      name: "test-state",
      schedule: "* * * * *",
      async run(ctx) {
        seen.push(await ctx.loadState());
        await ctx.saveState({ cursor: `c${seen.length}` });
      },
    };
    await runJob(job, { trigger: "MANUAL" });
    await runJob(job, { trigger: "MANUAL" });
    expect(seen).toEqual([null, { cursor: "c1" }]);
  });

  it("stops runs in flight on shutdown: INTERRUPTED, lease freed", async () => {
    const gated = gatedJob("test-shutdown");
    const started = await startJob(gated.job, { trigger: "MANUAL" });
    await gated.running();
    await stopRunningJobs();
    if (started.started) expect((await started.done).status).toBe("INTERRUPTED");
    expect(await db.scheduledJob.findUniqueOrThrow({ where: { name: "test-shutdown" } })).toMatchObject({
      leaseHolder: null,
    });
  });
});

describe("the scheduler", () => {
  it("runs a job on its timetable through the runner", async () => {
    let runs = 0;
    const job: JobDefinition = {
      name: "test-every-second",
      schedule: "* * * * * *",
      run: async (ctx) => {
        runs += 1;
        ctx.done();
      },
    };
    startScheduler({ jobs: [job] });
    for (
      let i = 0;
      i < 100 && (await db.jobRun.count({ where: { job: job.name, finishedAt: { not: null } } })) < 1;
      i++
    )
      await new Promise((resolve) => setTimeout(resolve, 50));
    await stopScheduler();
    const recorded = await db.jobRun.findMany({ where: { job: job.name } });
    expect(recorded.length).toBeGreaterThanOrEqual(1);
    expect(recorded.length).toBe(runs);
    expect(recorded.every((run) => run.trigger === "SCHEDULE" && run.tickAt !== null)).toBe(true);
    // every tick is a whole second
    expect(recorded.every((run) => run.tickAt!.getMilliseconds() === 0)).toBe(true);
  });
});

describe("/gov/admin/jobs", () => {
  let bureauCookie: string;
  let bankCookie: string;
  beforeAll(async () => {
    bureauCookie = await sessionCookieFor((await createUser(db, { role: "GOV_BUREAU" })).id);
    const bank = await db.bank.create({
      data: { code: "JOBB", name: "任务测试银行", nameEn: "Jobs Test Bank" },
    });
    bankCookie = await sessionCookieFor((await createUser(db, { role: "BANK", bankId: bank.id })).id);
  });

  it("lists every registered job with its timetable", async () => {
    const data = await jsonOf<{ jobs: { name: string; schedule: string }[]; schedulerOn: boolean }>(
      await call(jobsLoader, getRequest("/gov/admin/jobs", { cookie: bureauCookie })),
    );
    expect(data.jobs.map((job) => job.name)).toEqual(JOBS.map((job) => job.name));
    expect(data.jobs.find((job) => job.name === "prune-job-runs")?.schedule).toBe("0 40 3 * * *");
    // the test runner never starts the timetable
    expect(data.schedulerOn).toBe(false);
  });

  it("starts a job by hand (audited) and shows the run on the job's page", async () => {
    const response = await call(
      jobsAction,
      postRequest("/gov/admin/jobs", { intent: "run", job: "prune-job-runs" }, { cookie: bureauCookie }),
    );
    expect(statusOf(response)).toBe(302);
    expect((response as Response).headers.get("Location")).toBe("/gov/admin/jobs/prune-job-runs");
    await settleRunningJobs();
    const runs = await jsonOf<{ runs: { status: string; trigger: string }[]; total: number }>(
      await call(runsLoader, getRequest("/gov/admin/jobs/prune-job-runs", { cookie: bureauCookie }), {
        name: "prune-job-runs",
      }),
    );
    expect(runs.total).toBe(1);
    expect(runs.runs[0]).toMatchObject({ status: "SUCCEEDED", trigger: "MANUAL" });
    expect(await db.auditLog.count({ where: { action: "job.run", targetId: "prune-job-runs" } })).toBe(1);
  });

  it("refuses an unknown job with a form error and starts nothing", async () => {
    const before = await db.jobRun.count();
    const response = await call(
      jobsAction,
      postRequest("/gov/admin/jobs", { intent: "run", job: "no-such-job" }, { cookie: bureauCookie }),
    );
    expect(statusOf(response)).toBe(400);
    expect(await db.jobRun.count()).toBe(before);
  });

  it("is the bureau's only: 404 to read, 403 to run for a bank officer", async () => {
    expect(statusOf(await call(jobsLoader, getRequest("/gov/admin/jobs", { cookie: bankCookie })))).toBe(404);
    expect(
      statusOf(
        await call(
          jobsAction,
          postRequest("/gov/admin/jobs", { intent: "run", job: "prune-job-runs" }, { cookie: bankCookie }),
        ),
      ),
    ).toBe(403);
    expect(
      statusOf(
        await call(runsLoader, getRequest("/gov/admin/jobs/prune-job-runs", { cookie: bureauCookie }), {
          name: "unknown",
        }),
      ),
    ).toBe(404);
  });
});
