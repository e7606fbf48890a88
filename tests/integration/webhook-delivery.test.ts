import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { JOBS } from "~/jobs/index.server";
import { runJob } from "~/jobs/runner.server";
import type { BankActor, BureauActor } from "~/models/actor";
import { getActorById } from "~/models/user.server";
import {
  deliverDueWebhooks,
  LEASE_MS,
  listDeliveries,
  redeliverWebhook,
} from "~/models/webhook-delivery.server";
import { setWebhookEndpoint } from "~/models/webhook-endpoint.server";
import { recordEvent } from "~/models/webhook-event.server";
import { createSender } from "~/services/webhook-sender.server";

import { bureauUser, createBank, createUser } from "../../prisma/factories";

import { db } from "./helpers";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

type Received = { path: string; headers: http.IncomingHttpHeaders; body: string };
const received: Received[] = [];
/** what the receiver answers on a path (default 200); "hang" never answers */
const answers = new Map<string, number | "hang">();
let receiver: http.Server;
let base: string;

beforeAll(async () => {
  receiver = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      const path = request.url ?? "/";
      received.push({ path, headers: request.headers, body });
      const answer = answers.get(path) ?? 200;
      if (answer === "hang") return;
      response.writeHead(answer).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});

afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

// Each test's deliveries are finished before the next, so no run picks up another test's.
afterEach(async () => {
  await db.webhookDelivery.updateMany({ where: { state: "PENDING" }, data: { state: "FAILED" } });
});

async function bankWithEndpoint(
  path: string,
  events = ["application.submitted", "application.withdrawn"] as const,
) {
  const bank = await createBank(db);
  const user = await createUser(db, { role: "BANK", bankId: bank.id });
  const actor = (await getActorById(user.id)) as BankActor;
  const set = await setWebhookEndpoint(actor, { url: `${base}${path}`, events });
  if (!set.ok) throw new Error(`endpoint refused: ${set.problem}`);
  return { actor, secret: set.endpoint.secret };
}

function record(
  bankId: string,
  now: Date,
  type: "application.submitted" | "application.withdrawn",
  key = "application:a1",
) {
  return db.$transaction((tx) =>
    recordEvent(tx, {
      type,
      bankIds: [bankId],
      data: { number: "XYD-20261206-0001", amount: "300000.00" },
      orderingKey: key,
      now,
    }),
  );
}

const fromPath = (path: string) => received.filter((r) => r.path === path);

describe("deliverDueWebhooks", () => {
  it("POSTs the SPEC's body and headers, signed with the endpoint's secret", async () => {
    const { actor, secret } = await bankWithEndpoint("/signed");
    const now = new Date(Date.UTC(2026, 11, 6, 2, 0, 0));
    const [eventId] = await record(actor.bankId, now, "application.submitted");
    const run = await deliverDueWebhooks({ now });
    expect(run).toEqual({ attempted: 1, delivered: 1, retrying: 0, failed: 0 });

    const [request] = fromPath("/signed");
    expect(JSON.parse(request.body)).toEqual({
      id: eventId,
      type: "application.submitted",
      createdAt: "2026-12-06T10:00:00.000+08:00",
      data: { number: "XYD-20261206-0001", amount: "300000.00" },
    });
    expect(request.headers["x-xyd-event-id"]).toBe(eventId);
    const timestamp = request.headers["x-xyd-timestamp"];
    expect(timestamp).toBe(String(now.getTime() / 1000));
    // what a receiver computes: HMAC-SHA256(secret, timestamp + "." + raw body)
    const expected = createHmac("sha256", secret).update(`${timestamp}.${request.body}`).digest("hex");
    expect(request.headers["x-xyd-signature"]).toBe(`v1=${expected}`);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);

    const delivery = await db.webhookDelivery.findFirstOrThrow({
      where: { event: { eventId } },
      include: { attemptLog: true },
    });
    expect(delivery).toMatchObject({ state: "DELIVERED", attempts: 1, lastStatus: 200, deliveredAt: now });
    expect(delivery.attemptLog).toMatchObject([{ status: 200, error: null, url: `${base}/signed` }]);
    // delivered once: a second run sends nothing
    expect(await deliverDueWebhooks({ now: new Date(now.getTime() + HOUR) })).toMatchObject({ attempted: 0 });
  });

  it("retries after 1, 5, 30 min, 2 h, 6 h, then every 6 h within 72 h, then FAILED (16 attempts)", async () => {
    answers.set("/down", 503);
    const { actor } = await bankWithEndpoint("/down");
    const t0 = new Date(Date.UTC(2026, 11, 6, 0, 0, 0));
    const [eventId] = await record(actor.bankId, t0, "application.submitted");
    const where = { event: { eventId } };

    // not due a second before the first retry
    await deliverDueWebhooks({ now: t0 });
    expect(await deliverDueWebhooks({ now: new Date(t0.getTime() + MINUTE - 1000) })).toMatchObject({
      attempted: 0,
    });

    const times: number[] = [0];
    for (;;) {
      const delivery = await db.webhookDelivery.findFirstOrThrow({ where });
      if (delivery.state !== "PENDING") break;
      times.push((delivery.nextAttemptAt.getTime() - t0.getTime()) / MINUTE);
      await deliverDueWebhooks({ now: delivery.nextAttemptAt });
    }
    // minutes after the event: +1, +5, +30, +120, +360, then +360 each up to 68 h 36 min
    const sixHourly = Array.from({ length: 10 }, (_, k) => 516 + 360 * (k + 1));
    expect(times).toEqual([0, 1, 6, 36, 156, 516, ...sixHourly]);
    expect(times.at(-1)).toBe(68 * 60 + 36);
    const failed = await db.webhookDelivery.findFirstOrThrow({ where, include: { attemptLog: true } });
    expect(failed).toMatchObject({ state: "FAILED", attempts: 16, lastStatus: 503, lastError: "HTTP 503" });
    expect(failed.attemptLog).toHaveLength(16);
    expect(fromPath("/down")).toHaveLength(16);
    // the bank's officers are told
    const note = await db.notification.findFirst({
      where: { user: { bankId: actor.bankId }, kind: "webhook.FAILED" },
    });
    expect(note?.params).toBe(JSON.stringify({ type: "application.submitted" }));
  });

  it("keeps an application's order: a later event waits while an earlier one is undelivered", async () => {
    answers.set("/ordered", 500);
    const { actor } = await bankWithEndpoint("/ordered");
    const t0 = new Date(Date.UTC(2026, 11, 7, 0, 0, 0));
    const [first] = await record(actor.bankId, t0, "application.submitted");
    const [second] = await record(actor.bankId, t0, "application.withdrawn");
    // another application's event is not held back
    const [other] = await record(actor.bankId, t0, "application.submitted", "application:a2");

    await deliverDueWebhooks({ now: t0 });
    const sent = () => fromPath("/ordered").map((r) => JSON.parse(r.body).id as string);
    expect(sent().sort()).toEqual([first, other].sort());

    answers.set("/ordered", 204);
    await deliverDueWebhooks({ now: new Date(t0.getTime() + 2 * MINUTE) });
    // the first is retried and delivered, then the second goes out in the same run
    expect(sent()).toHaveLength(5);
    expect(sent().slice(2, 4).sort()).toEqual([first, other].sort());
    expect(sent()[4]).toBe(second);
    const states = await db.webhookDelivery.findMany({
      where: { event: { eventId: { in: [first, second] } } },
      select: { state: true },
    });
    expect(states.map((s) => s.state)).toEqual(["DELIVERED", "DELIVERED"]);
  });

  it("gives up on an answer that takes too long and tries again later", async () => {
    answers.set("/slow", "hang");
    const { actor } = await bankWithEndpoint("/slow");
    const t0 = new Date(Date.UTC(2026, 11, 8, 0, 0, 0));
    const [eventId] = await record(actor.bankId, t0, "application.submitted");
    const run = await deliverDueWebhooks({ now: t0, send: createSender({ timeoutMs: 300 }) });
    expect(run).toEqual({ attempted: 1, delivered: 0, retrying: 1, failed: 0 });
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { event: { eventId } } });
    expect(delivery).toMatchObject({ state: "PENDING", lastStatus: null, lastError: "timeout after 0.3 s" });
    expect(delivery.nextAttemptAt).toEqual(new Date(t0.getTime() + MINUTE));
    receiver.closeAllConnections();
  });

  it("sends each delivery once when two workers run at the same moment", async () => {
    const { actor } = await bankWithEndpoint("/race");
    const t0 = new Date(Date.UTC(2026, 11, 8, 12, 0, 0));
    const ids: string[] = [];
    for (let i = 0; i < 12; i++)
      ids.push(...(await record(actor.bankId, t0, "application.submitted", `application:r${i}`)));
    const runs = await Promise.all([deliverDueWebhooks({ now: t0 }), deliverDueWebhooks({ now: t0 })]);
    expect(runs[0].attempted + runs[1].attempted).toBe(12);
    const sent = fromPath("/race").map((r) => JSON.parse(r.body).id as string);
    expect(sent.sort()).toEqual([...ids].sort());
    expect(await db.webhookAttempt.count({ where: { delivery: { event: { eventId: { in: ids } } } } })).toBe(
      12,
    );
  });

  it("leaves a delivery claimed by another worker alone until its lease runs out, then sends it again", async () => {
    const { actor } = await bankWithEndpoint("/lease");
    const t0 = new Date(Date.UTC(2026, 11, 9, 0, 0, 0));
    const [eventId] = await record(actor.bankId, t0, "application.submitted");
    // a server claimed it and was killed mid-POST
    await db.webhookDelivery.updateMany({
      where: { event: { eventId } },
      data: { leaseUntil: new Date(t0.getTime() + LEASE_MS), leaseToken: "dead-server" },
    });
    expect(await deliverDueWebhooks({ now: new Date(t0.getTime() + LEASE_MS - 1000) })).toMatchObject({
      attempted: 0,
    });
    expect(await deliverDueWebhooks({ now: new Date(t0.getTime() + LEASE_MS + 1000) })).toMatchObject({
      attempted: 1,
      delivered: 1,
    });
    expect(fromPath("/lease")).toHaveLength(1);
  });

  it("checks the address again at delivery: a name that now resolves inside is not called", async () => {
    const { actor } = await bankWithEndpoint("/rebound");
    const t0 = new Date(Date.UTC(2026, 11, 10, 0, 0, 0));
    await db.webhookEndpoint.update({
      where: { bankId: actor.bankId },
      data: { url: "https://hooks.bank.example.com/rebound" },
    });
    const [eventId] = await record(actor.bankId, t0, "application.submitted");
    const rebinding = createSender({
      allowPrivate: false,
      resolve: async () => [{ address: "127.0.0.1", family: 4 }],
    });
    expect(await deliverDueWebhooks({ now: t0, send: rebinding })).toMatchObject({
      attempted: 1,
      retrying: 1,
    });
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { event: { eventId } } });
    expect(delivery.lastError).toBe("url refused: PRIVATE_ADDRESS");
    expect(fromPath("/rebound")).toHaveLength(0);
  });

  it("does not deliver with a secret it cannot read, and says why", async () => {
    const { actor } = await bankWithEndpoint("/sealed");
    await db.webhookEndpoint.update({
      where: { bankId: actor.bankId },
      data: { secretSealed: "v1.broken.x" },
    });
    const t0 = new Date(Date.UTC(2026, 11, 11, 0, 0, 0));
    const [eventId] = await record(actor.bankId, t0, "application.submitted");
    await deliverDueWebhooks({ now: t0 });
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { event: { eventId } } });
    expect(delivery.lastError).toBe("secret unreadable: set the endpoint again");
    expect(fromPath("/sealed")).toHaveLength(0);
  });
});

describe("the deliver-webhooks job", () => {
  it("is scheduled every 20 s and delivers what is due, counted in its run", async () => {
    const job = JOBS.find((j) => j.name === "deliver-webhooks")!;
    expect(job.schedule).toBe("*/20 * * * * *");
    const { actor } = await bankWithEndpoint("/job");
    const [eventId] = await record(actor.bankId, new Date(), "application.submitted");
    const outcome = await runJob(job, { trigger: "MANUAL" });
    expect(outcome).toMatchObject({ status: "SUCCEEDED" });
    expect(fromPath("/job").map((r) => JSON.parse(r.body).id)).toEqual([eventId]);
    const run = await db.jobRun.findFirstOrThrow({
      where: { job: "deliver-webhooks" },
      orderBy: { startedAt: "desc" },
    });
    expect(run.items).toBe(1);
  });
});

describe("redeliverWebhook", () => {
  it("queues a FAILED delivery again with a new window, for its bank or the bureau only", async () => {
    const { actor } = await bankWithEndpoint("/again");
    const { actor: stranger } = await bankWithEndpoint("/stranger");
    const bureau = (await getActorById((await bureauUser(db)).id)) as BureauActor;
    const t0 = new Date(Date.UTC(2026, 11, 12, 0, 0, 0));
    const [eventId] = await record(actor.bankId, t0, "application.submitted");
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { event: { eventId } } });

    expect(await redeliverWebhook(actor, delivery.id, { now: t0 })).toEqual({
      ok: false,
      error: "NOT_FAILED",
    });
    await db.webhookDelivery.update({
      where: { id: delivery.id },
      data: { state: "FAILED", attempts: 16, failedAt: t0 },
    });
    expect(await redeliverWebhook(stranger, delivery.id, { now: t0 })).toEqual({
      ok: false,
      error: "NOT_FOUND",
    });
    expect(await redeliverWebhook(actor, "no-such-id", { now: t0 })).toEqual({
      ok: false,
      error: "NOT_FOUND",
    });

    const later = new Date(t0.getTime() + 80 * HOUR);
    expect(await redeliverWebhook(actor, delivery.id, { now: later })).toEqual({ ok: true });
    // a double click queues it once
    expect(await redeliverWebhook(actor, delivery.id, { now: later })).toEqual({
      ok: false,
      error: "NOT_FAILED",
    });
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({
      state: "PENDING",
      attempts: 0,
      nextAttemptAt: later,
      windowStartsAt: later,
      failedAt: null,
    });
    expect(await deliverDueWebhooks({ now: later })).toMatchObject({ delivered: 1 });

    await db.webhookDelivery.update({ where: { id: delivery.id }, data: { state: "FAILED" } });
    expect(await redeliverWebhook(bureau, delivery.id, { now: later })).toEqual({ ok: true });
    const audits = await db.auditLog.findMany({
      where: { action: "webhook.redeliver", targetId: delivery.id },
      select: { actorId: true },
    });
    expect(audits.map((a) => a.actorId)).toEqual([actor.id, bureau.id]);
  });
});

describe("listDeliveries", () => {
  it("shows a bank only its own deliveries and the bureau every bank's, filtered", async () => {
    const { actor: a } = await bankWithEndpoint("/list-a");
    const { actor: b } = await bankWithEndpoint("/list-b");
    const bureau = (await getActorById((await bureauUser(db)).id)) as BureauActor;
    const t0 = new Date(Date.UTC(2026, 11, 13, 0, 0, 0));
    await record(a.bankId, t0, "application.submitted");
    await record(a.bankId, t0, "application.submitted", "application:other");
    await record(b.bankId, t0, "application.submitted");

    const own = await listDeliveries(a, { state: null, bankId: b.bankId, page: 1 });
    expect(own.total).toBe(2);
    expect(own.counts).toEqual({ PENDING: 2 });
    const all = await listDeliveries(bureau, { state: "PENDING", bankId: b.bankId, page: 1 });
    expect(all.total).toBe(1);
  });
});
