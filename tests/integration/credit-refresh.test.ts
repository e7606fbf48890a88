import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { creditRefresh, runCreditRefresh, type CreditRefreshOptions } from "~/jobs/credit-refresh.server";
import { runJob } from "~/jobs/runner.server";
import type { JobDefinition } from "~/jobs/types";
import { raiseCreditAlerts } from "~/models/credit-alert.server";
import { creditPlatformFromEnv, type CreditPlatformClient } from "~/services/credit-platform.server";
import { CREDIT_CHANGE_KINDS } from "~/domain/credit-changes";
import { hasMessage } from "~/i18n/translate";

import { resetCreditChanges } from "../../mocks/credit-platform";
import { server } from "../../mocks/server";
import {
  createApplication,
  createAuthorization,
  createBank,
  createProduct,
  createRegisteredEnterprise,
  createSubDistrict,
  createUser,
} from "../../prisma/factories";

import { db } from "./helpers";

/** The mock's changing firms (mocks/credit-data.ts, CHANGING_USCCS). */
const NEW_PENALTY = "91410100MAXYD0071T";
const DISHONESTY = "91410100MAXYD0072X";
const ENFORCEMENT = "91410100MAXYD00731";
const TAX_DROP = "91410100MAXYD00744";
const REVOCATION = "91410100MAXYD0077D";

/** A Friday, 10:00 in Shanghai, after every fixture row was written. */
const FRIDAY = new Date("2027-01-08T02:00:00Z");
/** Three working days later: the end of Wednesday 2027-01-13 in Shanghai. */
const FRIDAY_DUE = new Date("2027-01-13T15:59:59.999Z");

let banks: { id: string; userId: string }[];
let firms: Record<string, { id: string; userId: string }>;
let activeBanks: number;

/** The platform as the portal sees it, with every request counted (uscc and path). */
function countingClient(calls: string[], failFor: string | null = null): CreditPlatformClient {
  const real = creditPlatformFromEnv();
  return {
    getRegistration: (uscc) => {
      calls.push(`${uscc} registry`);
      return real.getRegistration(uscc);
    },
    getCredit: async (uscc) => {
      calls.push(`${uscc} credit`);
      if (uscc === failFor) throw new Error("credit platform answered 502 for this firm");
      return real.getCredit(uscc);
    },
  };
}

function refreshJob(options: CreditRefreshOptions): JobDefinition {
  return { ...creditRefresh, run: (ctx) => runCreditRefresh(ctx, options) };
}

const noSleep = async () => {};

async function alertCounts() {
  const rows = await db.creditAlert.findMany({
    select: { enterpriseId: true, changeKey: true, bankId: true },
  });
  return rows;
}

beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
  const sd = await createSubDistrict(db);
  banks = [];
  for (let i = 0; i < 3; i++) {
    const bank = await createBank(db);
    const user = await createUser(db, { role: "BANK", bankId: bank.id });
    banks.push({ id: bank.id, userId: user.id });
  }
  activeBanks = await db.bank.count({ where: { active: true } });
  const firm = async (uscc: string) => {
    const made = await createRegisteredEnterprise(db, {
      subDistrictId: sd.id,
      uscc,
      createdAt: new Date("2026-11-02T02:00:00Z"),
    });
    return { id: made.enterprise.id, userId: made.user.id };
  };
  firms = {
    lent: await firm(NEW_PENALTY),
    granted: await firm(REVOCATION),
    toAll: await firm(TAX_DROP),
    neither: await firm(DISHONESTY),
    settled: await firm(ENFORCEMENT),
  };
  const product = await createProduct(db, { bankId: banks[0].id, status: "PUBLISHED" });
  // bank 0 lent to `lent`; the application's own grant is revoked: the loan alone entitles it
  await createApplication(db, { enterpriseId: firms.lent.id, productId: product.id, state: "DISBURSED" });
  // `settled`: a loan of bank 0 that was repaid — no reason to refresh it
  await createApplication(db, { enterpriseId: firms.settled.id, productId: product.id, state: "DISBURSED" });
  await db.loan.updateMany({
    where: { enterpriseId: firms.settled.id },
    data: { status: "SETTLED", settledBy: "REPAID", settledOn: new Date("2026-12-01T00:00:00Z") },
  });
  await db.authorization.updateMany({ data: { revokedAt: new Date("2026-12-01T00:00:00Z") } });
  // bank 2 holds BASIC on `lent` (not told of a penalty) and on `granted` (told of a 吊销)
  await createAuthorization(db, { enterpriseId: firms.lent.id, bankId: banks[2].id, scope: "BASIC" });
  await createAuthorization(db, { enterpriseId: firms.granted.id, bankId: banks[1].id, scope: "FULL" });
  await createAuthorization(db, { enterpriseId: firms.granted.id, bankId: banks[2].id, scope: "BASIC" });
  await createAuthorization(db, { enterpriseId: firms.toAll.id, bankId: null, scope: "FULL" });
  resetCreditChanges();
});

afterAll(() => server.close());

describe("the nightly credit refresh", () => {
  beforeEach(async () => {
    await db.setting.upsert({
      where: { key: "credit.nightlyRequestsPerSecond" },
      update: { value: "5" },
      create: { key: "credit.nightlyRequestsPerSecond", value: "5" },
    });
  });

  it("refreshes the firms with an outstanding loan or a live authorisation, 5 requests a second at most", async () => {
    const calls: string[] = [];
    // the throttle's own clock: every request takes no time, so each waits its full slot
    let clock = 0;
    const sleeps: number[] = [];
    const outcome = await runJob(
      refreshJob({
        client: countingClient(calls),
        sleep: async (ms) => {
          sleeps.push(ms);
          clock += ms;
        },
        throttleClock: () => clock,
      }),
      { trigger: "MANUAL", now: () => FRIDAY },
    );
    expect(outcome).toMatchObject({ status: "SUCCEEDED", items: 3, errors: 0 });
    expect([...calls].sort()).toEqual(
      [NEW_PENALTY, REVOCATION, TAX_DROP].flatMap((u) => [`${u} credit`, `${u} registry`]).sort(),
    );
    // six requests, 200 ms apart: five waits of 200 ms
    expect(sleeps).toEqual([200, 200, 200, 200, 200]);
    const refreshed = await db.enterprise.findMany({
      where: { id: { in: Object.values(firms).map((f) => f.id) } },
      select: { uscc: true, creditRefreshedAt: true },
    });
    for (const firm of refreshed) {
      const expected = [NEW_PENALTY, REVOCATION, TAX_DROP].includes(firm.uscc);
      expect(firm.creditRefreshedAt?.getTime() === FRIDAY.getTime(), firm.uscc).toBe(expected);
    }
  });

  it("raised one alert per change and entitled bank, due in 3 working days, with notices and events", async () => {
    const alerts = await db.creditAlert.findMany({
      select: { enterpriseId: true, bankId: true, kind: true, changeKey: true, basis: true, dueAt: true },
    });
    const of = (firmId: string) => alerts.filter((a) => a.enterpriseId === firmId);
    // the lender, not the BASIC grantee, hears of the penalty
    expect(of(firms.lent.id).map((a) => [a.bankId, a.kind, a.changeKey, a.basis])).toEqual([
      [banks[0].id, "PENALTY", "penalty:郑东市监罚〔2026〕901号", "LOAN"],
    ]);
    // the registry status is basic information: the BASIC grantee hears of it too
    expect(
      of(firms.granted.id)
        .map((a) => [a.bankId, a.kind, a.basis])
        .sort(),
    ).toEqual(
      [
        [banks[1].id, "REGISTRY_STATUS", "AUTHORIZATION"],
        [banks[2].id, "REGISTRY_STATUS", "AUTHORIZATION"],
      ].sort(),
    );
    // a grant to all banks: every active bank
    expect(of(firms.toAll.id)).toHaveLength(activeBanks);
    expect(new Set(of(firms.toAll.id).map((a) => a.changeKey))).toEqual(new Set(["tax:2025:B"]));
    expect(alerts.every((a) => a.dueAt.getTime() === FRIDAY_DUE.getTime())).toBe(true);

    // bank 0's officer: the penalty and the tax grade; the firm: one message per change
    const kinds = async (userId: string) =>
      (await db.notification.findMany({ where: { userId }, select: { kind: true } }))
        .map((n) => n.kind)
        .sort();
    expect(await kinds(banks[0].userId)).toEqual(["creditAlert.PENALTY", "creditAlert.TAX_DOWNGRADE"]);
    expect(await kinds(banks[2].userId)).toEqual([
      "creditAlert.REGISTRY_STATUS",
      "creditAlert.TAX_DOWNGRADE",
    ]);
    expect(await kinds(firms.lent.userId)).toContain("creditAlertOwn.PENALTY");
    expect((await kinds(firms.toAll.userId)).filter((k) => k.startsWith("creditAlert"))).toEqual([
      "creditAlertOwn.TAX_DOWNGRADE",
    ]);
    const events = await db.webhookEvent.findMany({
      where: { type: "credit.alert" },
      select: { bankId: true, data: true },
    });
    expect(events).toHaveLength(alerts.length);
    expect(
      JSON.parse(events.find((e) => e.bankId === banks[0].id && e.data.includes("PENALTY"))!.data),
    ).toMatchObject({
      kind: "PENALTY",
      changeKey: "penalty:郑东市监罚〔2026〕901号",
      enterprise: { uscc: NEW_PENALTY },
      acknowledgeBy: "2027-01-13T23:59:59.999+08:00",
    });
  });

  it("resumes a run killed mid-pass where it stopped, without a double alert, notice or event", async () => {
    const before = await alertCounts();
    const notificationsBefore = await db.notification.count();
    const eventsBefore = await db.webhookEvent.count({ where: { type: "credit.alert" } });
    const calls: string[] = [];
    const order: string[] = [];
    const monday = new Date("2027-01-11T02:00:00Z");
    // killed between the second firm's commit and the saving of the cursor
    const killed = await runJob(
      refreshJob({
        client: countingClient(calls),
        sleep: noSleep,
        afterFirm: (firm) => {
          order.push(firm.uscc);
          if (order.length === 2) throw new Error("kill -9");
        },
      }),
      { trigger: "SCHEDULE", tickAt: monday, now: () => monday },
    );
    expect(killed).toMatchObject({ status: "FAILED" });
    const state = JSON.parse(
      (await db.scheduledJob.findUniqueOrThrow({ where: { name: "credit-refresh" } })).state,
    );
    expect(state).toMatchObject({ passStartedAt: monday.toISOString() });

    const resumedCalls: string[] = [];
    const resumed = await runJob(refreshJob({ client: countingClient(resumedCalls), sleep: noSleep }), {
      trigger: "MANUAL",
      now: () => new Date(monday.getTime() + 60_000),
    });
    expect(resumed).toMatchObject({ status: "SUCCEEDED", items: 1, summary: { resumed: 1, skipped: 1 } });
    // the platform was asked again only for the firm the killed run had not reached
    const third = [NEW_PENALTY, REVOCATION, TAX_DROP].find((u) => !order.includes(u))!;
    expect(resumedCalls.sort()).toEqual([`${third} credit`, `${third} registry`]);

    // second fetch of each: one more penalty (bank 0), grade C (every bank); 吊销 stays 吊销
    const after = await alertCounts();
    const keys = after.map((a) => `${a.enterpriseId}|${a.changeKey}|${a.bankId}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(after.length - before.length).toBe(1 + activeBanks);
    expect(await db.notification.count()).toBe(notificationsBefore + (1 + activeBanks) * 1 + 2);
    expect(await db.webhookEvent.count({ where: { type: "credit.alert" } })).toBe(
      eventsBefore + 1 + activeBanks,
    );
  });

  it("raises nothing twice when the same change is raised again (racing refreshes)", async () => {
    const firm = firms.lent;
    const counts = async () => ({
      alerts: await db.creditAlert.count({ where: { enterpriseId: firm.id } }),
      notifications: await db.notification.count(),
      events: await db.webhookEvent.count({ where: { type: "credit.alert" } }),
    });
    const before = await counts();
    const change = {
      kind: "PENALTY" as const,
      key: "penalty:郑东市监罚〔2026〕901号",
      detail: { decisionNo: "郑东市监罚〔2026〕901号" },
      scope: "FULL" as const,
      source: "penalties",
      recordKey: "郑东市监罚〔2026〕901号",
    };
    const created = await db.$transaction((tx) =>
      raiseCreditAlerts(tx, { enterpriseId: firm.id, changes: [change], now: FRIDAY, dueAt: FRIDAY_DUE }),
    );
    expect(created).toBe(0);
    expect(await counts()).toEqual(before);
  });

  it("goes on past a firm the platform fails for, and records the failure on the run and the firm", async () => {
    const calls: string[] = [];
    const outcome = await runJob(refreshJob({ client: countingClient(calls, TAX_DROP), sleep: noSleep }), {
      trigger: "MANUAL",
      now: () => new Date("2027-01-13T02:00:00Z"),
    });
    expect(outcome).toMatchObject({ status: "PARTIAL", items: 2, errors: 1 });
    const run = await db.jobRun.findUniqueOrThrow({ where: { id: (outcome as { runId: string }).runId } });
    expect(JSON.parse(run.errorSample)).toEqual([`${TAX_DROP}: credit platform answered 502 for this firm`]);
    expect(calls.filter((c) => c.endsWith("credit"))).toHaveLength(3);
  });

  it("starts a fresh pass instead of resuming one cut off more than 20 hours ago", async () => {
    await db.scheduledJob.update({
      where: { name: "credit-refresh" },
      data: { state: JSON.stringify({ passStartedAt: "2027-01-10T02:00:00.000Z", afterId: "zzzzzzzz" }) },
    });
    const calls: string[] = [];
    const outcome = await runJob(refreshJob({ client: countingClient(calls), sleep: noSleep }), {
      trigger: "MANUAL",
      now: () => new Date("2027-01-14T02:00:00Z"),
    });
    expect(outcome).toMatchObject({ status: "SUCCEEDED", items: 3 });
    expect((outcome as { summary: Record<string, number> }).summary.resumed).toBeUndefined();
  });
});

describe("alert messages", () => {
  it("has a bank and a firm message for every kind of change, in both languages", () => {
    for (const kind of CREDIT_CHANGE_KINDS)
      for (const prefix of ["creditAlert", "creditAlertOwn"])
        for (const locale of ["zh-CN", "en"] as const)
          expect(
            hasMessage(locale, `notifications.kinds.${prefix}.${kind}`),
            `${locale} ${prefix}.${kind}`,
          ).toBe(true);
  });
});
