import { beforeAll, describe, expect, it } from "vitest";

import { loader as inboxLoader } from "~/routes/bank.applications._index/route";
import { action as decisionAction, loader as decisionLoader } from "~/routes/bank.applications.$id/route";
import { shanghaiDate } from "~/domain/shanghai-time";

import {
  addYears,
  createApplication,
  createAuthorization,
  createBank,
  createProduct,
  createRegisteredEnterprise,
  createSubDistrict,
  createUser,
} from "../../prisma/factories";

import { call, db, getRequest, jsonOf, postRequest, sessionCookieFor, statusOf } from "./helpers";

type Ids = {
  bankA: string;
  bankB: string;
  firm: string;
  firmUser: string;
  productA: string;
  productB: string;
};
let ids: Ids;
let cookieA: string;
let cookieA2: string;
let cookieB: string;
let cookieFirm: string;

const DAY = 86_400_000;

beforeAll(async () => {
  const subDistrict = await createSubDistrict(db);
  const [bankA, bankB] = [await createBank(db), await createBank(db)];
  const { enterprise, user } = await createRegisteredEnterprise(db, {
    subDistrictId: subDistrict.id,
    taxGrade: "A",
    onDishonestyList: false,
  });
  // 10万–300万元, 6–36 months, 3.50%–6.00%
  const productA = await createProduct(db, {
    bankId: bankA.id,
    minAmountYuan: 100_000,
    maxAmountYuan: 3_000_000,
  });
  const productB = await createProduct(db, { bankId: bankB.id });
  const officerA = await createUser(db, { role: "BANK", bankId: bankA.id });
  const officerA2 = await createUser(db, { role: "BANK", bankId: bankA.id });
  const officerB = await createUser(db, { role: "BANK", bankId: bankB.id });
  ids = {
    bankA: bankA.id,
    bankB: bankB.id,
    firm: enterprise.id,
    firmUser: user.id,
    productA: productA.id,
    productB: productB.id,
  };
  cookieA = await sessionCookieFor(officerA.id);
  cookieA2 = await sessionCookieFor(officerA2.id);
  cookieB = await sessionCookieFor(officerB.id);
  cookieFirm = await sessionCookieFor(user.id);
});

async function submitted(overrides: Partial<Parameters<typeof createApplication>[1]> = {}) {
  return createApplication(db, {
    enterpriseId: ids.firm,
    productId: ids.productA,
    amountYuan: 1_000_000,
    termMonths: 12,
    ...overrides,
  });
}

function decide(id: string, form: Record<string, string>, cookie = cookieA) {
  return call(decisionAction, postRequest(`/bank/applications/${id}`, form, { cookie }), { id });
}

async function events(id: string) {
  return db.applicationEvent.findMany({ where: { applicationId: id }, orderBy: { at: "asc" } });
}

describe("inbox", () => {
  it("lists only the bank's own applications, overdue first", async () => {
    const overdue = await submitted({ submittedAt: new Date(Date.now() - 30 * DAY) });
    const fresh = await submitted();
    const other = await createApplication(db, { enterpriseId: ids.firm, productId: ids.productB });
    const data = await jsonOf<{ items: { id: string; sla: { overdue: boolean } | null }[]; overdue: number }>(
      await call(inboxLoader, getRequest("/bank/applications", { cookie: cookieA })),
    );
    const listed = data.items.map((i) => i.id);
    expect(listed).toContain(fresh.id);
    expect(listed).not.toContain(other.id);
    expect(listed.indexOf(overdue.id)).toBeLessThan(listed.indexOf(fresh.id));
    expect(data.items.find((i) => i.id === overdue.id)?.sla?.overdue).toBe(true);
    expect(data.overdue).toBeGreaterThanOrEqual(1);

    const forB = await jsonOf<{ items: { id: string }[] }>(
      await call(inboxLoader, getRequest("/bank/applications", { cookie: cookieB })),
    );
    expect(forB.items.map((i) => i.id)).toEqual([other.id]);
  });

  it("filters by state and ignores a malformed filter", async () => {
    const approved = await submitted({ state: "APPROVED" });
    const data = await jsonOf<{ items: { id: string; state: string }[] }>(
      await call(
        inboxLoader,
        getRequest("/bank/applications?state=APPROVED&product=%27%3B--&page=-4", { cookie: cookieA }),
      ),
    );
    expect(data.items.map((i) => i.id)).toContain(approved.id);
    expect(data.items.every((i) => i.state === "APPROVED")).toBe(true);
  });

  it("is closed to firms and to anonymous visitors", async () => {
    expect(statusOf(await call(inboxLoader, getRequest("/bank/applications", { cookie: cookieFirm })))).toBe(
      404,
    );
    const anonymous = (await call(inboxLoader, getRequest("/bank/applications"))) as Response;
    expect(anonymous.headers.get("Location")).toMatch(/^\/login/);
  });
});

describe("decision page", () => {
  it("shows the application, its eligibility and timeline, and logs the credit view", async () => {
    const application = await submitted();
    const before = await db.accessLog.count({ where: { enterpriseId: ids.firm, bankId: ids.bankA } });
    const data = await jsonOf<{
      application: { number: string; events: unknown[] };
      credit: { eligibility: { eligible: boolean; reasons: { rule: string; ok: boolean }[] } } | null;
      actions: string[];
    }>(
      await call(decisionLoader, getRequest(`/bank/applications/${application.id}`, { cookie: cookieA }), {
        id: application.id,
      }),
    );
    expect(data.application.number).toBe(application.number);
    expect(data.application.events).toHaveLength(1);
    expect(data.actions).toEqual(["accept", "reject"]);
    expect(data.credit?.eligibility.reasons.find((r) => r.rule === "amount")?.ok).toBe(true);
    const logs = await db.accessLog.findMany({
      where: { enterpriseId: ids.firm, bankId: ids.bankA },
      orderBy: { at: "desc" },
    });
    expect(logs).toHaveLength(before + 1);
    expect(logs[0]).toMatchObject({ scope: "FULL", purpose: "PRE_LOAN" });
  });

  it("is a 404 for another bank and a 403 for its actions, with nothing written", async () => {
    const application = await submitted();
    expect(
      statusOf(
        await call(decisionLoader, getRequest(`/bank/applications/${application.id}`, { cookie: cookieB }), {
          id: application.id,
        }),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await call(decisionLoader, getRequest(`/bank/applications/nope`, { cookie: cookieA }), {
          id: "nope",
        }),
      ),
    ).toBe(404);
    expect(statusOf(await decide(application.id, { intent: "accept", version: "0" }, cookieB))).toBe(403);
    expect(statusOf(await decide(application.id, { intent: "accept", version: "0" }, cookieFirm))).toBe(403);
    const row = await db.application.findUniqueOrThrow({ where: { id: application.id } });
    expect(row.state).toBe("SUBMITTED");
    expect(await events(application.id)).toHaveLength(1);
  });
});

describe("decisions", () => {
  it("accepts, approves within the ranges and disburses", async () => {
    const application = await submitted();
    const accepted = (await decide(application.id, { intent: "accept", version: "0" })) as Response;
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("Set-Cookie")).toMatch(/xyd_flash=/);

    const approved = await decide(application.id, {
      intent: "approve",
      version: "1",
      amount: "80",
      rate: "4.35",
      term: "12",
    });
    expect(statusOf(approved)).toBe(302);
    const today = shanghaiDate(new Date());
    const disbursed = await decide(application.id, {
      intent: "disburse",
      version: "2",
      amount: "80",
      rate: "4.35",
      date: today,
      repaymentMethod: "EQUAL_PRINCIPAL",
    });
    expect(statusOf(disbursed)).toBe(302);

    const row = await db.application.findUniqueOrThrow({ where: { id: application.id } });
    expect(row).toMatchObject({
      state: "DISBURSED",
      approvedAmountYuan: 800_000,
      approvedRateBp: 435,
      approvedTermMonths: 12,
      disbursedAmountYuan: 800_000,
      disbursedRateBp: 435,
    });
    expect((await events(application.id)).map((e) => e.toState)).toEqual([
      "SUBMITTED",
      "ACCEPTED",
      "APPROVED",
      "DISBURSED",
    ]);
    const notes = await db.notification.findMany({
      where: { userId: ids.firmUser, kind: "application.DISBURSED" },
    });
    expect(notes.length).toBeGreaterThanOrEqual(1);

    // The loan opened in the same transaction: 80万元 at 4.35% over 12 months, 等额本金:
    // principal 80,000,000 分 ÷ 12 = 6,666,666 a period (the last 6,666,674); first interest
    // 80,000,000 × 0.003625 = 290,000 分.
    const loan = await db.loan.findUniqueOrThrow({
      where: { applicationId: application.id },
      include: { periods: { orderBy: { seq: "asc" } } },
    });
    expect(loan).toMatchObject({
      bankId: ids.bankA,
      enterpriseId: ids.firm,
      principalFen: 80_000_000n,
      outstandingPrincipalFen: 80_000_000n,
      rateBp: 435,
      termMonths: 12,
      repaymentMethod: "EQUAL_PRINCIPAL",
      status: "ACTIVE",
    });
    expect(shanghaiDate(loan.disbursedOn)).toBe(today);
    expect(loan.periods).toHaveLength(12);
    expect(loan.periods[0]).toMatchObject({ seq: 1, principalFen: 6_666_666n, interestFen: 290_000n });
    expect(loan.periods[11].principalFen).toBe(6_666_674n);
    expect(loan.oldestUnpaidDueOn?.getTime()).toBe(loan.periods[0].dueOn.getTime());
  });

  it("refuses a disbursement without a repayment method, or BULLET over 12 months, and opens no loan", async () => {
    const application = await submitted({
      state: "APPROVED",
      approved: { amountYuan: 800_000, rateBp: 400, termMonths: 24 },
    });
    const form = { intent: "disburse", version: String(application.version), amount: "80", rate: "4" };
    const date = shanghaiDate(new Date());
    for (const [extra, key] of [
      [{}, "common.validation.required"],
      [{ repaymentMethod: "WEEKLY" }, "common.validation.invalidChoice"],
      [{ repaymentMethod: "BULLET" }, "loans.errors.bulletTerm"],
    ] as const) {
      const response = await decide(application.id, { ...form, date, ...extra });
      expect(statusOf(response)).toBe(400);
      const body = await jsonOf<{ errors: Record<string, { key: string }> }>(response);
      expect(body.errors.repaymentMethod?.key).toBe(key);
    }
    expect((await db.application.findUniqueOrThrow({ where: { id: application.id } })).state).toBe(
      "APPROVED",
    );
    expect(await db.loan.count({ where: { applicationId: application.id } })).toBe(0);
  });

  it("refuses approvals outside the product or above the request, keeping the input", async () => {
    const application = await submitted({ state: "ACCEPTED", amountYuan: 500_000 });
    const cases: [Record<string, string>, string][] = [
      [{ amount: "60", rate: "4.35", term: "12" }, "amount"], // above the 50万 requested
      [{ amount: "5", rate: "4.35", term: "12" }, "amount"], // below the product's 10万
      [{ amount: "50", rate: "7", term: "12" }, "rate"], // above 6.00%
      [{ amount: "50", rate: "4.35", term: "48" }, "term"], // above 36 months
      [{ amount: "1e308", rate: "4.35", term: "12" }, "amount"],
      [{ amount: "-3", rate: "4.35", term: "12" }, "amount"],
      [{ amount: "50", rate: "NaN", term: "12" }, "rate"],
      [{ amount: "50", rate: "4.35", term: "x".repeat(100_000) }, "term"],
    ];
    for (const [form, field] of cases) {
      const response = await decide(application.id, {
        intent: "approve",
        version: String(application.version),
        ...form,
      });
      expect(statusOf(response)).toBe(400);
      const body = await jsonOf<{ errors: Record<string, { key: string }>; values: Record<string, string> }>(
        response,
      );
      expect(Object.keys(body.errors)).toContain(field);
      expect(body.values.rate).toBe(form.rate.slice(0, 2000));
    }
    const row = await db.application.findUniqueOrThrow({ where: { id: application.id } });
    expect(row.state).toBe("ACCEPTED");
    expect(row.approvedAmountYuan).toBeNull();
  });

  it("needs a reason code to reject, and text for OTHER", async () => {
    const application = await submitted();
    const noReason = await decide(application.id, { intent: "reject", version: "0" });
    expect(statusOf(noReason)).toBe(400);
    expect((await jsonOf<{ errors: Record<string, unknown> }>(noReason)).errors.reason).toBeDefined();
    const wrongReason = await decide(application.id, { intent: "reject", version: "0", reason: "BECAUSE" });
    expect(statusOf(wrongReason)).toBe(400);
    const otherNoText = await decide(application.id, {
      intent: "reject",
      version: "0",
      reason: "OTHER",
      reasonText: "  ",
    });
    expect((await jsonOf<{ errors: Record<string, unknown> }>(otherNoText)).errors.reasonText).toBeDefined();
    expect((await db.application.findUniqueOrThrow({ where: { id: application.id } })).state).toBe(
      "SUBMITTED",
    );

    expect(
      statusOf(
        await decide(application.id, {
          intent: "reject",
          version: "0",
          reason: "OTHER",
          reasonText: "经营地址无法核实",
        }),
      ),
    ).toBe(302);
    const row = await db.application.findUniqueOrThrow({ where: { id: application.id } });
    expect(row).toMatchObject({ state: "REJECTED", rejectReason: "OTHER", rejectText: "经营地址无法核实" });
    // Rejecting ends the authorisation the application granted.
    const grant = await db.authorization.findUniqueOrThrow({ where: { applicationId: application.id } });
    expect(grant.revokedAt).not.toBeNull();
  });

  it("checks a disbursement against the approval: amount, rate and date", async () => {
    const approvedAt = new Date(Date.now() - 3 * DAY);
    const application = await submitted({
      state: "APPROVED",
      submittedAt: new Date(Date.now() - 10 * DAY),
      at: { accepted: new Date(Date.now() - 8 * DAY), approved: approvedAt },
      approved: { amountYuan: 800_000, rateBp: 400, termMonths: 12 },
    });
    const version = String(application.version);
    const tomorrow = shanghaiDate(new Date(Date.now() + DAY));
    const beforeApproval = shanghaiDate(new Date(approvedAt.getTime() - 2 * DAY));
    const bad: [Record<string, string>, string][] = [
      [{ amount: "81", rate: "4", date: shanghaiDate(new Date()) }, "amount"],
      [{ amount: "80", rate: "2", date: shanghaiDate(new Date()) }, "rate"],
      [{ amount: "80", rate: "4", date: tomorrow }, "date"],
      [{ amount: "80", rate: "4", date: beforeApproval }, "date"],
      [{ amount: "80", rate: "4", date: "9999-12-31" }, "date"],
      [{ amount: "80", rate: "4", date: "2026-02-30" }, "date"],
    ];
    for (const [form, field] of bad) {
      const response = await decide(application.id, { intent: "disburse", version, ...form });
      expect(statusOf(response)).toBe(400);
      expect(Object.keys((await jsonOf<{ errors: object }>(response)).errors)).toContain(field);
    }
    expect((await db.application.findUniqueOrThrow({ where: { id: application.id } })).state).toBe(
      "APPROVED",
    );
    const approvalDay = shanghaiDate(approvedAt);
    expect(
      statusOf(
        await decide(application.id, {
          intent: "disburse",
          version,
          amount: "75",
          rate: "4",
          date: approvalDay,
          repaymentMethod: "INTEREST_MONTHLY",
        }),
      ),
    ).toBe(302);
    const row = await db.application.findUniqueOrThrow({ where: { id: application.id } });
    expect(row.disbursedAmountYuan).toBe(750_000);
    expect(shanghaiDate(row.disbursedAt!)).toBe(approvalDay);
    expect(row.disbursedAt!.getTime()).toBeGreaterThanOrEqual(approvedAt.getTime());
  });

  it("cancels an approved loan with a reason", async () => {
    const application = await submitted({ state: "APPROVED" });
    expect(
      statusOf(
        await decide(application.id, {
          intent: "cancel",
          version: String(application.version),
          reason: "FIRM_DECLINED",
        }),
      ),
    ).toBe(302);
    expect((await db.application.findUniqueOrThrow({ where: { id: application.id } })).state).toBe(
      "CANCELLED",
    );
  });

  it("refuses a move the state machine does not allow, and an unknown intent", async () => {
    const application = await submitted();
    const response = await decide(application.id, {
      intent: "cancel",
      version: "0",
      reason: "HIGH_LEVERAGE",
    });
    expect(statusOf(response)).toBe(409);
    expect(statusOf(await decide(application.id, { intent: "withdraw", version: "0" }))).toBe(400);
    expect(statusOf(await decide(application.id, { version: "0" }))).toBe(400);
    expect(await events(application.id)).toHaveLength(1);
  });
});

describe("concurrency", () => {
  it("applies exactly one of 20 simultaneous accepts; the others are told it changed", async () => {
    const application = await submitted();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        decide(application.id, { intent: "accept", version: "0" }, i % 2 ? cookieA : cookieA2),
      ),
    );
    const statuses = responses.map(statusOf);
    expect(statuses.filter((s) => s === 302)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const loser = responses.find((r) => statusOf(r) === 409);
    expect((await jsonOf<{ errors: { _form: { key: string } } }>(loser)).errors._form.key).toBe(
      "bank.errors.stale",
    );
    const accepted = (await events(application.id)).filter((e) => e.toState === "ACCEPTED");
    expect(accepted).toHaveLength(1);
    const row = await db.application.findUniqueOrThrow({ where: { id: application.id } });
    expect(row).toMatchObject({ state: "ACCEPTED", version: 1 });
    expect(
      await db.notification.count({
        where: {
          userId: ids.firmUser,
          kind: "application.ACCEPTED",
          params: { contains: application.number },
        },
      }),
    ).toBe(1);
  });

  it("an approve and a reject sent together: one wins, nothing is written twice", async () => {
    const application = await submitted({ state: "ACCEPTED" });
    const version = String(application.version);
    const [approve, reject] = await Promise.all([
      decide(application.id, { intent: "approve", version, amount: "50", rate: "4", term: "12" }),
      decide(application.id, { intent: "reject", version, reason: "HIGH_LEVERAGE" }, cookieA2),
    ]);
    expect([statusOf(approve), statusOf(reject)].sort()).toEqual([302, 409]);
    const decided = (await events(application.id)).filter(
      (e) => e.toState === "APPROVED" || e.toState === "REJECTED",
    );
    expect(decided).toHaveLength(1);
  });

  it("a form loaded before another officer acted is refused as changed", async () => {
    const application = await submitted();
    expect(statusOf(await decide(application.id, { intent: "accept", version: "0" }))).toBe(302);
    // The second officer still sees version 0 and rejects.
    const stale = await decide(
      application.id,
      { intent: "reject", version: "0", reason: "HIGH_LEVERAGE" },
      cookieA2,
    );
    expect(statusOf(stale)).toBe(409);
    expect((await db.application.findUniqueOrThrow({ where: { id: application.id } })).state).toBe(
      "ACCEPTED",
    );
  });
});

describe("access after revocation and expiry", () => {
  it("stops showing credit data once the authorisation ends, without logging a view", async () => {
    const subDistrict = await createSubDistrict(db);
    const { enterprise } = await createRegisteredEnterprise(db, { subDistrictId: subDistrict.id });
    const application = await createApplication(db, {
      enterpriseId: enterprise.id,
      productId: ids.productA,
      amountYuan: 1_000_000,
      termMonths: 12,
    });
    const open = () =>
      call(decisionLoader, getRequest(`/bank/applications/${application.id}`, { cookie: cookieA }), {
        id: application.id,
      });
    expect((await jsonOf<{ creditState: string }>(await open())).creditState).toBe("FULL");

    await db.authorization.updateMany({
      where: { applicationId: application.id },
      data: { revokedAt: new Date() },
    });
    // A manual grant that already expired does not count either.
    await createAuthorization(db, {
      enterpriseId: enterprise.id,
      bankId: ids.bankA,
      scope: "FULL",
      grantedAt: addYears(new Date(), -2),
      expiresAt: new Date(Date.now() - DAY),
    });
    const logsBefore = await db.accessLog.count({ where: { enterpriseId: enterprise.id } });
    const data = await jsonOf<{ credit: unknown; creditState: string; application: { number: string } }>(
      await open(),
    );
    expect(data.application.number).toBe(application.number);
    expect(data.credit).toBeNull();
    expect(data.creditState).toBe("NONE");
    expect(await db.accessLog.count({ where: { enterpriseId: enterprise.id } })).toBe(logsBefore);
  });
});
