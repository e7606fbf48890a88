import { randomUUID } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { shanghaiDate } from "~/domain/shanghai-time";
import type { BankActor } from "~/models/actor";
import { openLoan, recordRepayment, reportRiskClass, sendDueReminders } from "~/models/loan.server";

import {
  createApplication,
  createBank,
  createLoan,
  createProduct,
  createRegisteredEnterprise,
  createSubDistrict,
  createUser,
} from "../../prisma/factories";

import { db } from "./helpers";

let bankActor: BankActor;
let otherBankActor: BankActor;
let firmId: string;
let firmUserId: string;
let productId: string;

function actorOf(user: { id: string; username: string; displayName: string }, bankId: string): BankActor {
  return { ...user, role: "BANK", bankId, enterpriseId: null, subDistrictId: null, organization: null };
}

beforeAll(async () => {
  const subDistrict = await createSubDistrict(db);
  const [bank, otherBank] = [await createBank(db), await createBank(db)];
  const { enterprise, user } = await createRegisteredEnterprise(db, { subDistrictId: subDistrict.id });
  productId = (await createProduct(db, { bankId: bank.id, minAmountYuan: 10_000, maxAmountYuan: 50_000_000 }))
    .id;
  bankActor = actorOf(await createUser(db, { role: "BANK", bankId: bank.id }), bank.id);
  otherBankActor = actorOf(await createUser(db, { role: "BANK", bankId: otherBank.id }), otherBank.id);
  firmId = enterprise.id;
  firmUserId = user.id;
});

/** 12,000 元 at 12% over 3 months, 等额本金, disbursed 31 Jan 2026 (tests/unit/loan-servicing.test.ts). */
async function smallLoan() {
  const application = await createApplication(db, {
    enterpriseId: firmId,
    productId,
    state: "DISBURSED",
    amountYuan: 12_000,
    termMonths: 3,
    submittedAt: new Date("2026-01-20T02:00:00Z"),
    at: {
      accepted: new Date("2026-01-21T02:00:00Z"),
      approved: new Date("2026-01-26T02:00:00Z"),
      disbursed: new Date("2026-01-31T02:00:00Z"),
    },
    approved: { amountYuan: 12_000, rateBp: 1200, termMonths: 3 },
    disbursed: { amountYuan: 12_000, rateBp: 1200 },
    loan: false,
  });
  return createLoan(db, { applicationId: application.id, method: "EQUAL_PRINCIPAL" });
}

const JUNE = new Date("2026-06-01T04:00:00Z"); // noon in Shanghai

describe("recordRepayment", () => {
  it("applies a repayment to the periods and the loan's totals, and tells the firm", async () => {
    const loan = await smallLoan();
    const result = await recordRepayment({
      loanId: loan.id,
      actor: bankActor,
      paidOn: "2026-03-05",
      amountFen: 430_000n,
      reference: `T-${loan.id}-1`,
      now: JUNE,
    });
    expect(result).toMatchObject({ ok: true, kind: "INSTALMENT", settled: false });
    // 430,000 = period 1 (12,000 + 400,000) + period 2's interest 8,000 + 10,000 of its principal
    const after = await db.loan.findUniqueOrThrow({
      where: { id: loan.id },
      include: { periods: { orderBy: { seq: "asc" } }, repayments: true },
    });
    expect(after).toMatchObject({
      outstandingPrincipalFen: 790_000n,
      paidPrincipalFen: 410_000n,
      paidInterestFen: 20_000n,
      version: 1,
    });
    expect(shanghaiDate(after.oldestUnpaidDueOn!)).toBe("2026-03-31");
    expect(after.periods.map((p) => [p.seq, p.paidInterestFen, p.paidPrincipalFen])).toEqual([
      [1, 12_000n, 400_000n],
      [2, 8_000n, 10_000n],
      [3, 0n, 0n],
    ]);
    expect(shanghaiDate(after.periods[0].paidOffOn!)).toBe("2026-03-05");
    expect(after.repayments[0]).toMatchObject({
      amountFen: 430_000n,
      principalFen: 410_000n,
      interestFen: 20_000n,
    });
    const note = await db.notification.findFirst({ where: { userId: firmUserId, kind: "loan.REPAID" } });
    expect(JSON.parse(note!.params)).toMatchObject({ amount: "4300.00", date: "2026-03-05" });
  });

  it("refuses bad dates, amounts and a duplicate reference, storing nothing", async () => {
    const loan = await smallLoan();
    const base = { loanId: loan.id, actor: bankActor, now: JUNE };
    await recordRepayment({ ...base, paidOn: "2026-02-28", amountFen: 412_000n, reference: `D-${loan.id}` });
    const cases: [Parameters<typeof recordRepayment>[0], string, string][] = [
      [{ ...base, paidOn: "2026-06-02", amountFen: 1n, reference: "x1" }, "paidOn", "DATE_FUTURE"],
      [
        { ...base, paidOn: "2026-01-30", amountFen: 1n, reference: "x2" },
        "paidOn",
        "DATE_BEFORE_DISBURSEMENT",
      ],
      [
        { ...base, paidOn: "2026-02-27", amountFen: 1n, reference: "x3" },
        "paidOn",
        "DATE_BEFORE_LAST_REPAYMENT",
      ],
      [{ ...base, paidOn: "2026-03-01", amountFen: 0n, reference: "x4" }, "amount", "AMOUNT_NOT_POSITIVE"],
      [{ ...base, paidOn: "2026-03-01", amountFen: -100n, reference: "x5" }, "amount", "AMOUNT_NOT_POSITIVE"],
      // after period 1: at most period 2 in full (408,000) + period 3's principal (400,000)
      [{ ...base, paidOn: "2026-03-01", amountFen: 808_001n, reference: "x6" }, "amount", "MORE_THAN_OWED"],
      [
        { ...base, paidOn: "2026-03-01", amountFen: 1n, reference: `D-${loan.id}` },
        "reference",
        "DUPLICATE_REFERENCE",
      ],
    ];
    for (const [input, field, code] of cases) {
      expect(await recordRepayment(input)).toMatchObject({ ok: false, error: "FIELD", field, code });
    }
    const tooMuch = await recordRepayment(cases[5][0]);
    expect(tooMuch).toMatchObject({ maxFen: 808_000n });
    expect(await db.repayment.count({ where: { loanId: loan.id } })).toBe(1);
    expect((await db.loan.findUniqueOrThrow({ where: { id: loan.id } })).version).toBe(1);
  });

  it("settles the loan with the settlement amount", async () => {
    const loan = await smallLoan();
    // on 10 Feb: accrued 12,000 × 10/28 = 4,286 + all principal 1,200,000
    const result = await recordRepayment({
      loanId: loan.id,
      actor: bankActor,
      paidOn: "2026-02-10",
      amountFen: 1_204_286n,
      reference: `S-${loan.id}`,
      now: JUNE,
    });
    expect(result).toMatchObject({ ok: true, kind: "SETTLEMENT", settled: true });
    const after = await db.loan.findUniqueOrThrow({ where: { id: loan.id }, include: { periods: true } });
    expect(after).toMatchObject({
      status: "SETTLED",
      settledBy: "REPAID",
      outstandingPrincipalFen: 0n,
      oldestUnpaidDueOn: null,
    });
    expect(after.periods).toHaveLength(1);
    const again = await recordRepayment({
      loanId: loan.id,
      actor: bankActor,
      paidOn: "2026-02-11",
      amountFen: 1n,
      reference: `S2-${loan.id}`,
      now: JUNE,
    });
    expect(again).toMatchObject({ ok: false, field: "amount", code: "NOTHING_OWED" });
  });

  it("does not find another bank's loan", async () => {
    const loan = await smallLoan();
    const result = await recordRepayment({
      loanId: loan.id,
      actor: otherBankActor,
      paidOn: "2026-02-28",
      amountFen: 412_000n,
      reference: `O-${loan.id}`,
      now: JUNE,
    });
    expect(result).toEqual({ ok: false, error: "NOT_FOUND" });
    expect(await db.repayment.count({ where: { loanId: loan.id } })).toBe(0);
  });

  it("applies one of two repayments reported at the same moment on the same state", async () => {
    const loan = await smallLoan();
    const results = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        recordRepayment({
          loanId: loan.id,
          actor: bankActor,
          paidOn: "2026-02-28",
          amountFen: 412_000n,
          reference: `C-${loan.id}-${n}`,
          now: JUNE,
        }),
      ),
    );
    const applied = results.filter((r) => r.ok);
    expect(applied.length).toBeGreaterThanOrEqual(1);
    const after = await db.loan.findUniqueOrThrow({ where: { id: loan.id }, include: { repayments: true } });
    // Whatever applied was applied to the state it was computed on: totals equal the rows.
    expect(after.repayments).toHaveLength(applied.length);
    expect(after.paidPrincipalFen).toBe(after.repayments.reduce((s, r) => s + r.principalFen, 0n));
    expect(after.version).toBe(applied.length);
    expect(
      results.filter((r) => !r.ok).every((r) => !r.ok && (r.error === "CHANGED" || r.error === "FIELD")),
    ).toBe(true);
  });

  it("answers a second submission of the same form with the first repayment", async () => {
    const loan = await smallLoan();
    const formKey = randomUUID();
    const input = {
      loanId: loan.id,
      actor: bankActor,
      paidOn: "2026-02-28",
      amountFen: 412_000n,
      reference: `K-${loan.id}`,
      formKey,
      now: JUNE,
    };
    const first = await recordRepayment(input);
    const second = await recordRepayment(input);
    expect(first.ok && second.ok && second.replayed && second.repaymentId === first.repaymentId).toBe(true);
    expect(await db.repayment.count({ where: { loanId: loan.id } })).toBe(1);
  });
});

describe("reportRiskClass", () => {
  it("takes a worse class than the DPD floor, never a better one", async () => {
    const loan = await smallLoan();
    // nothing paid: on 1 Jun 2026 the oldest unpaid due date 28 Feb is 93 days back → 次级 floor
    expect(
      await reportRiskClass({ loanId: loan.id, actor: bankActor, riskClass: "SPECIAL_MENTION", now: JUNE }),
    ).toEqual({ ok: false, error: "BETTER_THAN_FLOOR" });
    expect(
      await reportRiskClass({ loanId: loan.id, actor: bankActor, riskClass: "DOUBTFUL", now: JUNE }),
    ).toEqual({
      ok: true,
    });
    expect((await db.loan.findUniqueOrThrow({ where: { id: loan.id } })).reportedRiskClass).toBe("DOUBTFUL");
    expect(
      await reportRiskClass({ loanId: loan.id, actor: otherBankActor, riskClass: "LOSS", now: JUNE }),
    ).toEqual({ ok: false, error: "NOT_FOUND" });
  });
});

describe("sendDueReminders", () => {
  it("reminds the firm of a due date within 7 days, once however often it runs", async () => {
    const loan = await smallLoan();
    // 21 Feb: period 1 (28 Feb) is 7 days away; period 2 (31 Mar) is not.
    const now = new Date("2026-02-21T01:00:00Z");
    const before = await db.notification.count({ where: { userId: firmUserId, kind: "loan.DUE_SOON" } });
    const runs = await Promise.all([sendDueReminders(now), sendDueReminders(now), sendDueReminders(now)]);
    await sendDueReminders(new Date("2026-02-22T01:00:00Z"));
    const reminders = await db.notification.findMany({
      where: { userId: firmUserId, kind: "loan.DUE_SOON", link: `/enterprise/loans/${loan.id}` },
    });
    expect(reminders).toHaveLength(1);
    expect(JSON.parse(reminders[0].params)).toMatchObject({ date: "2026-02-28", amount: "4120.00" });
    expect(runs.reduce((s, r) => s + r.sent, 0)).toBeGreaterThanOrEqual(1);
    expect(
      (await db.notification.count({ where: { userId: firmUserId, kind: "loan.DUE_SOON" } })) - before,
    ).toBe(runs.reduce((s, r) => s + r.sent, 0));
    const period = await db.loanPeriod.findFirstOrThrow({ where: { loanId: loan.id, seq: 1 } });
    expect(period.reminderSentAt).not.toBeNull();
  });

  it("does not remind of a period already paid", async () => {
    const loan = await smallLoan();
    await recordRepayment({
      loanId: loan.id,
      actor: bankActor,
      paidOn: "2026-02-15",
      amountFen: 412_000n,
      reference: `P-${loan.id}`,
      now: new Date("2026-02-15T04:00:00Z"),
    });
    await sendDueReminders(new Date("2026-02-22T01:00:00Z"));
    expect(
      await db.notification.count({ where: { kind: "loan.DUE_SOON", link: `/enterprise/loans/${loan.id}` } }),
    ).toBe(0);
  });
});

describe("renewals", () => {
  it("无还本续贷 settles the running loan it renews, in the same transaction as the new loan", async () => {
    const old = await smallLoan();
    const application = await createApplication(db, {
      enterpriseId: firmId,
      productId,
      state: "DISBURSED",
      amountYuan: 8_000,
      loan: false,
    });
    const renewed = await db.$transaction((tx) =>
      openLoan(tx, {
        applicationId: application.id,
        enterpriseId: firmId,
        bankId: bankActor.bankId,
        productId,
        principalYuan: 8_000,
        rateBp: 1000,
        termMonths: 6,
        disbursedOn: "2026-02-28",
        method: "EQUAL_INSTALMENT",
        firstLoan: false,
        renewal: { loanId: old.id, kind: "WITHOUT_PRINCIPAL_REPAYMENT" },
      }),
    );
    const before = await db.loan.findUniqueOrThrow({ where: { id: old.id }, include: { repayments: true } });
    expect(before).toMatchObject({ status: "SETTLED", settledBy: "RENEWED", outstandingPrincipalFen: 0n });
    expect(shanghaiDate(before.settledOn!)).toBe("2026-02-28");
    // on its first due date the settlement is period 1 (412,000) + the rest of the principal (800,000)
    expect(before.repayments).toMatchObject([
      { channel: "RENEWAL", amountFen: 1_212_000n, kind: "SETTLEMENT" },
    ]);
    const loan = await db.loan.findUniqueOrThrow({ where: { id: renewed.id } });
    expect(loan).toMatchObject({ renewsLoanId: old.id, renewalKind: "WITHOUT_PRINCIPAL_REPAYMENT" });
  });

  it("refuses to renew another firm's loan, and rolls the new loan back", async () => {
    const old = await smallLoan();
    const { enterprise } = await createRegisteredEnterprise(db, {
      subDistrictId: (await db.enterprise.findUniqueOrThrow({ where: { id: firmId } })).subDistrictId,
    });
    const application = await createApplication(db, {
      enterpriseId: enterprise.id,
      productId,
      state: "DISBURSED",
      loan: false,
    });
    await expect(
      db.$transaction((tx) =>
        openLoan(tx, {
          applicationId: application.id,
          enterpriseId: enterprise.id,
          bankId: bankActor.bankId,
          productId,
          principalYuan: 8_000,
          rateBp: 1000,
          termMonths: 6,
          disbursedOn: "2026-02-28",
          method: "EQUAL_INSTALMENT",
          firstLoan: false,
          renewal: { loanId: old.id, kind: "WITHOUT_PRINCIPAL_REPAYMENT" },
        }),
      ),
    ).rejects.toThrow();
    expect(await db.loan.count({ where: { applicationId: application.id } })).toBe(0);
    expect((await db.loan.findUniqueOrThrow({ where: { id: old.id } })).status).toBe("ACTIVE");
  });
});
