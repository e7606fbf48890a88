// Two production app servers on ONE PostgreSQL database (`npm run test:pg:e2e`): nothing a
// request needs lives in one server's memory. A session made on one server works on the other,
// the same transition sent to both at once applies exactly once, and a scheduled job whose
// timer fires on both servers runs each tick on one of them, never two runs at once; a webhook
// whose delivery worker runs on both servers goes out once.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { createHash, createHmac, randomBytes } from "node:crypto";
import http from "node:http";
import net from "node:net";
import { after, before, describe, it } from "node:test";

import { DEMO_PASSWORD } from "../e2e/harness";
import {
  createDatabase,
  dropDatabase,
  onServer,
  testPostgresUrl,
  throwAwayName,
} from "../../scripts/postgres.js";

const server = testPostgresUrl();
const database = throwAwayName("e2e");
let databaseUrl: string;
const portals: Awaited<ReturnType<typeof startServer>>[] = [];
/** A row as PostgreSQL answers it (the columns the query names). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

async function startServer(env: NodeJS.ProcessEnv) {
  const port = await freePort();
  const child = spawn("node", ["server.js"], {
    env: { ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (chunk) => (log += chunk));
  child.stderr.on("data", (chunk) => (log += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  // a loaded machine (CI, or a shared one) may take a while to start two servers at once
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}\n${log}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not become healthy\n${log}`);
    }
    const ok = await fetch(`${baseUrl}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { baseUrl, child, log: () => log };
}

/** Signs in through the login form; returns the session cookie ("name=value"). */
async function signIn(baseUrl: string, username: string) {
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams({ username, password: DEMO_PASSWORD }),
  });
  assert.equal(response.status, 302, `login of ${username} on ${baseUrl}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("xyd_session="));
  assert.ok(cookie, "the login sets the session cookie");
  return cookie.split(";")[0];
}

const query = (sql: string, values: unknown[] = []): Promise<Row[]> =>
  onServer(databaseUrl, async (client) => (await client.query(sql, values)).rows);

before(async () => {
  databaseUrl = await createDatabase(server, database);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    MOCKS: "true",
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: "3",
    // every server of a deployment shares the secret that signs the session cookie
    SESSION_SECRET: "two-servers-session-secret-0123456789abcdef",
    // both servers run the scheduler; one job fires every second on both
    JOBS: "on",
    // …and so does the webhook delivery worker (the receiver is on this machine)
    JOB_SCHEDULES: "prune-job-runs=* * * * * *;deliver-webhooks=* * * * * *",
    WEBHOOK_ALLOW_PRIVATE: "true",
  };
  const setup = spawnSync("node", ["scripts/setup.js"], { env, encoding: "utf8" });
  assert.equal(setup.status, 0, `setup failed:\n${setup.stdout}\n${setup.stderr}`);
  portals.push(...(await Promise.all([startServer(env), startServer(env)])));
});

after(async () => {
  await Promise.all(
    portals.map(
      ({ child }) =>
        new Promise<unknown>((resolve) => {
          if (child.exitCode !== null) return resolve(undefined);
          child.once("exit", resolve);
          child.kill("SIGTERM");
        }),
    ),
  );
  await dropDatabase(server, database);
});

describe("two app servers on one PostgreSQL database", () => {
  it("both answer /healthz through their pools", async () => {
    for (const { baseUrl } of portals) {
      const response = await fetch(`${baseUrl}/healthz`);
      assert.equal(response.status, 200);
      assert.equal(await response.text(), "ok");
    }
  });

  it("accepts a session made on one server on the other, and a logout on one ends it on both", async () => {
    const [a, b] = portals;
    const cookie = await signIn(a.baseUrl, "bank");
    const onB = await fetch(`${b.baseUrl}/bank/applications`, {
      headers: { Cookie: cookie },
      redirect: "manual",
    });
    assert.equal(onB.status, 200);
    assert.match(await onB.text(), /申请/);

    const logout = await fetch(`${b.baseUrl}/logout`, {
      method: "POST",
      headers: { Cookie: cookie },
      redirect: "manual",
    });
    assert.equal(logout.status, 302);
    const onA = await fetch(`${a.baseUrl}/bank/applications`, {
      headers: { Cookie: cookie },
      redirect: "manual",
    });
    assert.equal(onA.status, 302);
    assert.match(onA.headers.get("location") ?? "", /^\/login/);
  });

  it("counts failed logins across servers: the lockout made by both applies on both", async () => {
    const [a, b] = portals;
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      const { baseUrl } = i % 2 === 0 ? a : b;
      const response = await fetch(`${baseUrl}/login`, {
        method: "POST",
        body: new URLSearchParams({ username: "office", password: "wrong-password-1" }),
      });
      statuses.push(response.status);
    }
    const [user] = await query(`SELECT "lockedUntil" FROM "User" WHERE "username" = 'office'`);
    assert.ok(user.lockedUntil, "five failures, spread over two servers, lock the account");
    for (const { baseUrl } of portals) {
      const response = await fetch(`${baseUrl}/login`, {
        method: "POST",
        redirect: "manual",
        body: new URLSearchParams({ username: "office", password: DEMO_PASSWORD }),
      });
      assert.equal(
        response.status,
        400,
        "the right password does not open a locked account on either server",
      );
    }
    assert.ok(statuses.every((s) => s === 400));
  });

  it("applies the same transition sent to both servers at once exactly once", async () => {
    const [a, b] = portals;
    const [application] = await query(
      `SELECT a."id", a."version" FROM "Application" a JOIN "Bank" k ON k."id" = a."bankId"
        WHERE a."state" = 'SUBMITTED' AND k."code" = 'ZZB' ORDER BY a."id" LIMIT 1`,
    );
    const [{ n: eventsBefore }] = await query(
      `SELECT COUNT(*)::int AS n FROM "ApplicationEvent" WHERE "applicationId" = $1`,
      [application.id],
    );
    const [cookieA, cookieB] = await Promise.all([signIn(a.baseUrl, "bank"), signIn(b.baseUrl, "bank")]);
    const send = (baseUrl: string, cookie: string) =>
      fetch(`${baseUrl}/bank/applications/${application.id}`, {
        method: "POST",
        redirect: "manual",
        headers: { Cookie: cookie },
        body: new URLSearchParams({ intent: "accept", version: String(application.version) }),
      }).then((response) => response.status);

    const statuses = await Promise.all([send(a.baseUrl, cookieA), send(b.baseUrl, cookieB)]);
    assert.deepEqual(
      [...statuses].sort(),
      [302, 409],
      `one applies (302), the other is told it is stale (409)`,
    );
    const [after] = await query(`SELECT "state", "version" FROM "Application" WHERE "id" = $1`, [
      application.id,
    ]);
    assert.deepEqual(after, { state: "ACCEPTED", version: application.version + 1 });
    const [{ n: eventsAfter }] = await query(
      `SELECT COUNT(*)::int AS n FROM "ApplicationEvent" WHERE "applicationId" = $1`,
      [application.id],
    );
    assert.equal(eventsAfter, eventsBefore + 1, "one event row for one transition");
  });

  it("runs each tick of a scheduled job on one server only, and never two runs of it at once", async () => {
    const [a, b] = portals;
    // "run now" on both servers at the same moment, on top of the timers of both
    const [cookieA, cookieB] = await Promise.all([signIn(a.baseUrl, "bureau"), signIn(b.baseUrl, "bureau")]);
    const runNow = (baseUrl: string, cookie: string) =>
      fetch(`${baseUrl}/gov/admin/jobs`, {
        method: "POST",
        redirect: "manual",
        headers: { Cookie: cookie },
        body: new URLSearchParams({ intent: "run", job: "prune-job-runs" }),
      }).then((response) => response.status);
    assert.deepEqual(await Promise.all([runNow(a.baseUrl, cookieA), runNow(b.baseUrl, cookieB)]), [302, 302]);

    const finished = () =>
      query(
        `SELECT "host", "trigger", "tickAt", "startedAt", "finishedAt" FROM "JobRun"
          WHERE "job" = 'prune-job-runs' AND "finishedAt" IS NOT NULL ORDER BY "startedAt"`,
      );
    let runs = await finished();
    for (let i = 0; i < 100 && runs.filter((run) => run.trigger === "SCHEDULE").length < 6; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      runs = await finished();
    }
    const scheduled = runs.filter((run) => run.trigger === "SCHEDULE");
    assert.ok(scheduled.length >= 6, `six ticks ran (${scheduled.length})`);
    const ticks = scheduled.map((run) => run.tickAt.toISOString());
    assert.equal(new Set(ticks).size, ticks.length, "no tick ran twice");
    for (let i = 1; i < runs.length; i++) {
      assert.ok(
        runs[i].startedAt >= runs[i - 1].finishedAt,
        `run ${i} started after run ${i - 1} had finished (${runs[i - 1].host} → ${runs[i].host})`,
      );
    }
    const hosts = new Set(runs.map((run) => run.host.split(":")[1]));
    const pids = new Set(portals.map(({ child }) => String(child.pid)));
    assert.ok(
      [...hosts].every((pid) => pids.has(pid)),
      "every run was made by one of the two servers",
    );
  });

  it("sends each webhook once while the delivery workers of both servers run", async () => {
    const [a, b] = portals;
    const received: { id: string | string[] | undefined; body: string }[] = [];
    const receiver = http.createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", () => {
        received.push({ id: request.headers["x-xyd-event-id"], body });
        // a slow receiver widens the window in which a second sender could claim the same delivery
        setTimeout(() => response.writeHead(200).end("ok"), 300);
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    try {
      const hookUrl = `http://127.0.0.1:${(receiver.address() as net.AddressInfo).port}/hooks`;
      // the demo bank's system, signing as the SPEC says (the seed's demo client)
      const api = async (baseUrl: string, method: string, path: string, body?: unknown) => {
        const text = body === undefined ? "" : JSON.stringify(body);
        const timestamp = String(Math.floor(Date.now() / 1000));
        const nonce = randomBytes(16).toString("base64url");
        const bodyHash = createHash("sha256").update(text).digest("hex");
        const signature = createHmac("sha256", "xyd-demo-api-secret-2026")
          .update(`${method}\n${path}\n${timestamp}\n${nonce}\n${bodyHash}`)
          .digest("hex");
        const response = await fetch(`${baseUrl}${path}`, {
          method,
          headers: {
            "X-Xyd-Key": "demo-zzbank",
            "X-Xyd-Timestamp": timestamp,
            "X-Xyd-Nonce": nonce,
            "X-Xyd-Signature": `v1=${signature}`,
            ...(method === "GET" ? {} : { "Idempotency-Key": `two-${nonce}` }),
            ...(text ? { "Content-Type": "application/json" } : {}),
          },
          body: text || undefined,
        });
        return { status: response.status, json: await response.json() };
      };
      const endpoint = await api(a.baseUrl, "PUT", "/api/v1/webhook-endpoint", {
        url: hookUrl,
        events: ["application.accepted"],
      });
      assert.equal(endpoint.status, 200, JSON.stringify(endpoint.json));
      // older deliveries of the seed (to the demo receiver) are not this test's
      await query(`UPDATE "WebhookDelivery" SET "state" = 'FAILED' WHERE "state" = 'PENDING'`);

      const submitted = await query(
        `SELECT a."number", a."version" FROM "Application" a JOIN "Bank" k ON k."id" = a."bankId"
          WHERE a."state" = 'SUBMITTED' AND k."code" = 'ZZB' ORDER BY a."id" LIMIT 6`,
      );
      assert.ok(submitted.length >= 2, `the seed has SUBMITTED applications of ZZB (${submitted.length})`);
      const since = new Date(Date.now() - 1000);
      // accepted through both servers: each acceptance writes its event in the same transaction
      const accepted = await Promise.all(
        submitted.map((row, i) =>
          api(i % 2 ? b.baseUrl : a.baseUrl, "POST", `/api/v1/applications/${row.number}/transitions`, {
            action: "accept",
            version: row.version,
          }),
        ),
      );
      assert.deepEqual(
        accepted.map((r) => r.status),
        submitted.map(() => 200),
      );
      const events = await query(
        `SELECT e."eventId" AS "id", d."id" AS "deliveryId" FROM "WebhookEvent" e
           JOIN "WebhookDelivery" d ON d."eventSeq" = e."seq"
          WHERE e."type" = 'application.accepted' AND d."createdAt" >= $1`,
        [since],
      );
      const deliveryIds = events.map((e) => e.deliveryId);
      assert.equal(events.length, submitted.length, "one event (and one delivery) per acceptance");

      // both servers' workers run every second; wait until every delivery is delivered
      let pending = [];
      for (let i = 0; i < 150; i++) {
        pending = await query(
          `SELECT "id" FROM "WebhookDelivery" WHERE "id" = ANY($1) AND "state" = 'PENDING'`,
          [deliveryIds],
        );
        if (pending.length === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      assert.equal(pending.length, 0, "every delivery went out within 30 s");
      // two more ticks on both servers: nothing is sent again
      await new Promise((resolve) => setTimeout(resolve, 2500));
      const ids = received.map((r) => r.id).filter((id) => events.some((e) => e.id === id));
      assert.deepEqual([...ids].sort(), events.map((e) => e.id).sort(), "each event received exactly once");
      const attempts = await query(
        `SELECT d."attempts", COUNT(t."id")::int AS "rows" FROM "WebhookDelivery" d
           LEFT JOIN "WebhookAttempt" t ON t."deliveryId" = d."id"
          WHERE d."id" = ANY($1) AND d."state" = 'DELIVERED' GROUP BY d."id", d."attempts"`,
        [deliveryIds],
      );
      assert.equal(attempts.length, deliveryIds.length, "every delivery is DELIVERED");
      assert.ok(
        attempts.every((row) => row.attempts === 1 && row.rows === 1),
        `one attempt each: ${JSON.stringify(attempts)}`,
      );
    } finally {
      receiver.closeAllConnections();
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});
