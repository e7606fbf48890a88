// Crash durability: the production server takes concurrent writes from signed-in users over
// real HTTP (applications, bank transitions, office visits), is killed with SIGKILL at a random
// moment, and restarted on the same database. Every write it acknowledged (answered with its
// success redirect) must still be there, and `PRAGMA integrity_check` must say ok. With
// `webhooks`, the demo bank's webhook endpoint points at a receiver in this process and the
// delivery worker runs every second, so kills land mid-delivery too: at the end every event of
// the outbox must have reached the receiver at least once (receivers dedupe on the event id).
// Used by `npm run test:durability` (20 rounds) and tests/e2e/durability.e2e.ts (2 rounds).
import { spawn, spawnSync } from "node:child_process";
import { createHash, createHmac, randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import http from "node:http";
import path from "node:path";

import Database from "better-sqlite3";

import { DEMO_PASSWORD, freePort, waitForHealth } from "../e2e/harness.js";

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** mulberry32: a small seeded generator, so a failing run can be repeated with its seed. */
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One running `node server.js` on a fixed port and database. */
async function startServer(env) {
  const child = spawn("node", ["server.js"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout.on("data", (chunk) => (log += chunk));
  child.stderr.on("data", (chunk) => (log += chunk));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    // a shared, loaded machine may take a while to start the server (and recover its database)
    await waitForHealth(`http://127.0.0.1:${env.PORT}`, child, 120_000);
  } catch (error) {
    child.kill("SIGKILL");
    await exited;
    throw new Error(`${error.message}\n${log}`);
  }
  return { child, exited, log: () => log };
}

/** A signed-in user over HTTP: keeps its session cookie across requests and server restarts. */
class Client {
  constructor(baseUrl, username) {
    this.baseUrl = baseUrl;
    this.username = username;
    this.cookie = null;
  }

  async post(pathname, form) {
    if (!this.cookie) await this.login();
    const response = await this.send(pathname, form);
    const location = response.headers.get("location") ?? "";
    if (response.status === 302 && location.startsWith("/login")) {
      this.cookie = null;
      return { status: 401, location };
    }
    return { status: response.status, location };
  }

  async login() {
    const response = await this.send("/login", { username: this.username, password: DEMO_PASSWORD });
    const session = response.headers
      .getSetCookie()
      .find((c) => /^(__Host-)?xyd_session=/.test(c))
      ?.split(";")[0];
    if (response.status !== 302 || !session) throw new Error(`login of ${this.username}: ${response.status}`);
    this.cookie = session;
  }

  async send(pathname, form) {
    const response = await fetch(`${this.baseUrl}${pathname}`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        ...(this.cookie ? { Cookie: this.cookie } : {}),
      },
      body: new URLSearchParams(form),
    });
    await response.arrayBuffer();
    return response;
  }
}

/** A webhook receiver on a loopback port: records event ids, answers 200 after 0–400 ms. */
async function startReceiver(random) {
  const received = new Map();
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      const id = String(request.headers["x-xyd-event-id"] ?? "");
      received.set(id, (received.get(id) ?? 0) + 1);
      setTimeout(() => response.writeHead(200).end("ok"), Math.floor(random() * 400));
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/hooks`,
    received,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Sets the demo bank's webhook endpoint through the API, signed with the seed's demo client. */
async function setDemoWebhookEndpoint(baseUrl, url) {
  const path = "/api/v1/webhook-endpoint";
  const body = JSON.stringify({ url, events: ["application.submitted", "application.accepted"] });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(16).toString("base64url");
  const bodyHash = createHash("sha256").update(body).digest("hex");
  const signature = createHmac("sha256", "xyd-demo-api-secret-2026")
    .update(`PUT\n${path}\n${timestamp}\n${nonce}\n${bodyHash}`)
    .digest("hex");
  const response = await fetch(`${baseUrl}${path}`, {
    method: "PUT",
    headers: {
      "X-Xyd-Key": "demo-zzbank",
      "X-Xyd-Timestamp": timestamp,
      "X-Xyd-Nonce": nonce,
      "X-Xyd-Signature": `v1=${signature}`,
      "Idempotency-Key": `durability-${nonce}`,
      "Content-Type": "application/json",
    },
    body,
  });
  if (response.status !== 200)
    throw new Error(`webhook endpoint: ${response.status} ${await response.text()}`);
}

/** The outbox's events that have a delivery, and those still waiting (PENDING). */
function outbox(file) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const events = db
    .prepare(
      `SELECT e."eventId" AS id, d.state FROM "WebhookEvent" e JOIN "WebhookDelivery" d ON d."eventSeq" = e.seq
        WHERE e.seq > ?`,
    )
    .all(outbox.after);
  db.close();
  return events;
}

/** Who writes, and on what: read once from the seeded database. */
function readFixtures(file) {
  const db = new Database(file, { readonly: true });
  const all = (sql, ...args) => db.prepare(sql).all(...args);
  const fixtures = {
    firms: all(`SELECT username FROM "User" WHERE role = 'ENTERPRISE' AND "disabledAt" IS NULL`),
    products: all(`SELECT id, "minAmountYuan", "minTermMonths" FROM "Product" WHERE status = 'PUBLISHED'`),
    banks: all(`SELECT username, "bankId" FROM "User" WHERE role = 'BANK' AND "disabledAt" IS NULL`),
    offices: all(
      `SELECT u.username, u."subDistrictId",
              (SELECT json_group_array(e.id) FROM "Enterprise" e WHERE e."subDistrictId" = u."subDistrictId") AS firmIds
         FROM "User" u WHERE u.role = 'GOV_OFFICE' AND u."disabledAt" IS NULL`,
    )
      .map((o) => ({ ...o, firmIds: JSON.parse(o.firmIds) }))
      .filter((o) => o.firmIds.length > 0),
  };
  db.close();
  return fixtures;
}

/** The acknowledged writes the database does not have, and its integrity and journal mode. */
export function missingWrites(file, acknowledged) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const application = db.prepare(`SELECT 1 FROM "Application" WHERE id = ? AND purpose = ?`);
  const transition = db.prepare(
    `SELECT 1 FROM "ApplicationEvent" WHERE "applicationId" = ? AND "toState" = ?`,
  );
  const visit = db.prepare(`SELECT 1 FROM "Visit" WHERE findings = ?`);
  const missing = acknowledged.filter((write) => {
    if (write.kind === "application") return !application.get(write.id, write.marker);
    if (write.kind === "transition") return !transition.get(write.applicationId, write.toState);
    return !visit.get(write.marker);
  });
  const integrity = db.pragma("integrity_check", { simple: true });
  const journal = db.pragma("journal_mode", { simple: true });
  db.close();
  return { missing, integrity, journal };
}

/**
 * Runs `rounds` kill-and-restart rounds on a fresh seeded database. Returns the totals; the
 * caller asserts. `onRound` is called after each round with that round's figures.
 *
 * @typedef {{ round: number, acknowledged: number, lost: number, integrity: string, journal: string,
 *   serverErrors: number, checkerSound: boolean, missing: unknown[], log: string }} RoundFigures
 * @param {{ rounds: number, seed?: number, workers?: { firms: number, banks: number, offices: number },
 *   webhooks?: boolean, onRound?: (figures: RoundFigures) => void }} options
 */
export async function runCrashRounds({
  rounds,
  seed = Math.floor(Math.random() * 2 ** 31),
  workers = { firms: 3, banks: 2, offices: 2 },
  webhooks = false,
  onRound = () => {},
}) {
  const random = seededRandom(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const dir = path.resolve("tests/.tmp-e2e", `durability-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "portal.db");
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: "production",
    MOCKS: "true",
    PORT: String(port),
    DATABASE_URL: `file:${file}`,
    SESSION_SECRET: "durability-session-secret-0123456789abcdef0123",
    ...(webhooks
      ? { JOBS: "on", JOB_SCHEDULES: "deliver-webhooks=* * * * * *", WEBHOOK_ALLOW_PRIVATE: "true" }
      : {}),
  };
  const receiver = webhooks ? await startReceiver(random) : null;
  const setup = spawnSync("node", ["scripts/setup.js"], { env, encoding: "utf8" });
  if (setup.status !== 0) throw new Error(`setup failed:\n${setup.stdout}\n${setup.stderr}`);
  const fixtures = readFixtures(file);
  // A few users per kind, signed in once before the first round: their sessions must outlive
  // every kill, and the rounds spend their time writing rather than hashing passwords.
  fixtures.firms = fixtures.firms.slice(0, 24);
  let reader = null;
  let submittedOfBank = null;

  const clients = new Map();
  const clientFor = (username) => {
    if (!clients.has(username)) clients.set(username, new Client(baseUrl, username));
    return clients.get(username);
  };

  /** @type {{ seed: number, rounds: number, acknowledged: number, lost: number, serverErrors: number, integrityFailures: number, journal?: string }} */
  const totals = { seed, rounds: 0, acknowledged: 0, lost: 0, serverErrors: 0, integrityFailures: 0 };
  const hooks = { events: 0, lost: 0, received: 0 };
  const byKind = { application: 0, transition: 0, visit: 0 };
  let sequence = 0;
  let server = null;
  try {
    for (let round = 1; round <= rounds; round++) {
      server = await startServer(env);
      if (round === 1) {
        const users = [...fixtures.firms, ...fixtures.banks, ...fixtures.offices];
        for (const user of users) await clientFor(user.username).login();
        if (receiver) {
          // the events written from now on are this run's
          const db = new Database(file, { readonly: true });
          outbox.after = db.prepare(`SELECT COALESCE(MAX(seq), 0) AS n FROM "WebhookEvent"`).get().n;
          db.close();
          await setDemoWebhookEndpoint(baseUrl, receiver.url);
        }
      }
      reader = new Database(file, { readonly: true });
      submittedOfBank = reader.prepare(
        `SELECT id, version FROM "Application" WHERE "bankId" = ? AND state = 'SUBMITTED' ORDER BY random() LIMIT 1`,
      );
      const acknowledged = [];
      let stopped = false;
      let firstAck;
      const acked = new Promise((resolve) => (firstAck = resolve));
      // An answer that arrives after the kill was sent before it: it counts as acknowledged.
      const ack = (write) => {
        acknowledged.push(write);
        firstAck();
      };
      let serverErrors = 0;
      const today = new Date(Date.now() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

      const apply = async () => {
        const firm = pick(fixtures.firms);
        const product = pick(fixtures.products);
        const marker = `durability r${round} #${++sequence}`;
        const { status, location } = await clientFor(firm.username).post(`/products/${product.id}`, {
          amount: String(product.minAmountYuan / 10_000),
          termMonths: String(product.minTermMonths),
          purpose: marker,
          consent: "on",
        });
        const id = status === 302 ? /^\/enterprise\/applications\/([^/?]+)$/.exec(location)?.[1] : null;
        if (id) ack({ kind: "application", id, marker });
        return status;
      };
      const accept = async () => {
        const bank = pick(fixtures.banks);
        const application = submittedOfBank.get(bank.bankId);
        if (!application) return 0;
        const { status, location } = await clientFor(bank.username).post(
          `/bank/applications/${application.id}`,
          { intent: "accept", version: String(application.version) },
        );
        if (status === 302 && location === `/bank/applications/${application.id}`)
          ack({ kind: "transition", applicationId: application.id, toState: "ACCEPTED" });
        return status;
      };
      const visit = async () => {
        const office = pick(fixtures.offices);
        const marker = `durability r${round} #${++sequence}`;
        const { status, location } = await clientFor(office.username).post("/gov/visits", {
          enterpriseId: pick(office.firmIds),
          visitedOn: today,
          findings: marker,
          need: "",
          nextStep: "",
        });
        if (status === 302 && location.startsWith("/gov/visits")) ack({ kind: "visit", marker });
        return status;
      };

      const loop = async (write) => {
        while (!stopped) {
          try {
            const status = await write();
            if (status >= 500) serverErrors++;
            if (status === 0) await sleep(20);
          } catch {
            if (!stopped) await sleep(20); // the server went away under us: the kill
          }
        }
      };
      const running = [
        ...Array.from({ length: workers.firms }, () => loop(apply)),
        ...Array.from({ length: workers.banks }, () => loop(accept)),
        ...Array.from({ length: workers.offices }, () => loop(visit)),
      ];

      // Kill at a random moment once writes are flowing (each round acknowledges something).
      await Promise.race([acked, sleep(30_000)]);
      await sleep(200 + Math.floor(random() * 2000));
      server.child.kill("SIGKILL");
      stopped = true;
      await server.exited;
      await Promise.all(running);
      reader.close();
      reader = null;
      const crashedLog = server.log();
      server = null;

      server = await startServer(env); // recovery happens on open
      const check = missingWrites(file, acknowledged);
      // The checker itself: writes that were never made must be reported missing.
      const never = [
        { kind: "application", id: "never-written", marker: "never" },
        { kind: "transition", applicationId: "never-written", toState: "ACCEPTED" },
        { kind: "visit", marker: "durability: never written" },
      ];
      const checkerSound = missingWrites(file, never).missing.length === never.length;
      server.child.kill("SIGTERM");
      await server.exited;
      server = null;

      for (const write of acknowledged) byKind[write.kind]++;
      const figures = {
        round,
        acknowledged: acknowledged.length,
        lost: check.missing.length,
        integrity: check.integrity,
        journal: check.journal,
        serverErrors,
        checkerSound,
        missing: check.missing.slice(0, 5),
        log: serverErrors > 0 ? crashedLog.slice(-2000) : "",
      };
      totals.rounds++;
      totals.acknowledged += figures.acknowledged;
      totals.lost += figures.lost;
      totals.serverErrors += serverErrors;
      if (check.integrity !== "ok") totals.integrityFailures++;
      totals.journal = check.journal;
      onRound(figures);
    }
    if (receiver) {
      // One more life for the server: deliveries claimed by a killed server wait for their lease
      // (60 s) to expire, then go out again. Every event must arrive at least once.
      server = await startServer(env);
      let events = outbox(file);
      for (let i = 0; i < 240 && events.some((e) => e.state === "PENDING"); i++) {
        await sleep(500);
        events = outbox(file);
      }
      server.child.kill("SIGTERM");
      await server.exited;
      server = null;
      hooks.events = events.length;
      hooks.lost = events.filter((e) => !receiver.received.has(e.id)).length;
      hooks.received = [...receiver.received.values()].reduce((sum, n) => sum + n, 0);
      hooks.pending = events.filter((e) => e.state === "PENDING").length;
    }
  } finally {
    await receiver?.close();
    reader?.close();
    if (server) {
      server.child.kill("SIGKILL");
      await server.exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }
  return { ...totals, byKind, hooks };
}
