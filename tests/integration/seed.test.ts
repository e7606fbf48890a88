// The demo seed, run as `npm run setup` runs it, into a database of its own: its dates are relative
// to today, every disbursement has its loan, the pool's ledger sums to its balance, and the demo
// bank and firm have the loans, claims and alerts the README promises.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createPrismaClient, type Db } from "~/db.server";
import { addDays, daysBetween, shanghaiDate } from "~/domain/shanghai-time";

const dir = path.resolve("tests/.tmp", `seed-${process.pid}`);
const url = `file:${path.join(dir, "portal.db")}`;
let seeded: Db;
let today: string;
let output = "";

beforeAll(() => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, SEED_TODAY: "" };
  const run = spawnSync("node", ["scripts/setup.js"], { env, encoding: "utf8" });
  output = run.stdout + run.stderr;
  if (run.status !== 0) throw new Error(`setup failed:\n${output}`);
  today = shanghaiDate(new Date());
  seeded = createPrismaClient(url);
}, 300_000);

afterAll(async () => {
  await seeded?.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

const dayOf = (at: Date | null) => (at ? shanghaiDate(at) : null);

describe("the demo seed", () => {
  it("is laid out relative to the day it runs, nothing after now", async () => {
    expect(output).toContain(`now = ${today} 00:00 Asia/Shanghai`);
    const now = new Date();
    const latest = await seeded.application.aggregate({ _max: { submittedAt: true, updatedAt: true } });
    expect(latest._max.submittedAt!.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(latest._max.updatedAt!.getTime()).toBeLessThanOrEqual(now.getTime());
    // recent: the demo bank's inbox has files from the last working days
    expect(daysBetween(dayOf(latest._max.submittedAt)!, today)).toBeLessThanOrEqual(7);
    const repayment = await seeded.repayment.aggregate({ _max: { paidOn: true, createdAt: true } });
    expect(dayOf(repayment._max.paidOn)! < today).toBe(true);
    expect(repayment._max.createdAt!.getTime()).toBeLessThanOrEqual(now.getTime());
    const movement = await seeded.poolMovement.aggregate({ _max: { at: true } });
    expect(movement._max.at!.getTime()).toBeLessThanOrEqual(now.getTime());
    const notification = await seeded.notification.aggregate({ _max: { createdAt: true } });
    expect(notification._max.createdAt!.getTime()).toBeLessThanOrEqual(now.getTime());
  });

  it("gives every disbursed application its loan, consistent with its schedule and repayments", async () => {
    const disbursed = await seeded.application.count({ where: { state: "DISBURSED" } });
    const loans = await seeded.loan.findMany({
      include: { periods: true, repayments: true },
    });
    expect(loans.length).toBe(disbursed);
    const methods = new Set(loans.map((l) => l.repaymentMethod));
    expect(methods.size).toBeGreaterThanOrEqual(3);
    for (const loan of loans) {
      const unpaid = loan.periods.reduce((s, p) => s + p.principalFen - p.paidPrincipalFen, 0n);
      expect(loan.outstandingPrincipalFen).toBe(unpaid);
      expect(loan.paidPrincipalFen).toBe(loan.repayments.reduce((s, r) => s + r.principalFen, 0n));
      expect(loan.paidInterestFen).toBe(loan.repayments.reduce((s, r) => s + r.interestFen, 0n));
      const oldest = loan.periods
        .filter((p) => p.paidOffOn === null)
        .map((p) => dayOf(p.dueOn)!)
        .sort()[0];
      expect(dayOf(loan.oldestUnpaidDueOn)).toBe(oldest ?? null);
    }
    // most are paid on time; some are overdue; a few are past 90 days
    const overdue = loans.filter((l) => l.status === "ACTIVE" && dayOf(l.oldestUnpaidDueOn)! < today);
    const past90 = overdue.filter((l) => daysBetween(dayOf(l.oldestUnpaidDueOn)!, today) > 90);
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.length).toBeLessThan(loans.length / 4);
    expect(past90.length).toBeGreaterThanOrEqual(5);
    expect(loans.some((l) => l.status === "SETTLED")).toBe(true);
  });

  it("keeps the pool's balance the sum of its ledger, with claims in every state", async () => {
    const pool = await seeded.riskPool.findUniqueOrThrow({ where: { id: "district" } });
    const movements = await seeded.poolMovement.findMany({ orderBy: [{ at: "asc" }, { id: "asc" }] });
    const sum = movements.reduce((s, m) => s + m.amountFen, 0n);
    expect(pool.balanceFen).toBe(sum);
    expect(pool.balanceFen >= 0n).toBe(true);
    let running = 0n;
    for (const m of movements) {
      running += m.amountFen;
      expect(m.balanceAfterFen).toBe(running);
    }
    expect(new Set(movements.map((m) => m.kind))).toEqual(new Set(["DEPOSIT", "COMPENSATION", "RECOVERY"]));

    const states = await seeded.claim.groupBy({ by: ["state"], _count: { _all: true } });
    expect(states.map((s) => s.state).sort()).toEqual(["APPROVED", "FILED", "PAID", "REJECTED", "RETURNED"]);
    const paid = await seeded.claim.findMany({ where: { state: "PAID" }, include: { payment: true } });
    for (const claim of paid) expect(claim.payment?.amountFen).toBe(-claim.approvedFen!);
    // the approved claim waits: the balance is short of it
    const waiting = await seeded.claim.findFirstOrThrow({ where: { state: "APPROVED" } });
    expect(waiting.approvedFen! > pool.balanceFen).toBe(true);
    // a recovery owed back, one received
    expect(
      await seeded.recovery.count({ where: { receivedAt: null, shareFen: { gt: 0n } } }),
    ).toBeGreaterThan(0);
    expect(await seeded.recovery.count({ where: { receivedAt: { not: null } } })).toBeGreaterThan(0);

    const rules = await seeded.poolRule.findMany({ orderBy: { effectiveOn: "desc" } });
    expect(rules.length).toBeGreaterThanOrEqual(2);
    expect(rules[0]).toMatchObject({
      coverageBp: 8000,
      firstLoanBonusBp: 500,
      capYuan: 5_000_000,
      filingWindowDays: 30,
      claimThresholdDpd: 90,
      suspensionThresholdBp: 500,
    });
    expect(rules[0].effectiveOn <= today).toBe(true);
    const filings = await seeded.filing.findMany({ include: { loan: true } });
    expect(filings.length).toBeGreaterThan(20);
    for (const f of filings)
      expect(daysBetween(dayOf(f.loan.disbursedOn)!, dayOf(f.filedAt)!)).toBeLessThanOrEqual(30);
    // the loans say they are filed exactly when they have a filing (Loan.filed)
    expect(filings.every((f) => f.loan.filed)).toBe(true);
    expect(await seeded.loan.count({ where: { filed: true } })).toBe(filings.length);

    const suspended = await seeded.bankSuspension.findMany({
      where: { endedAt: null },
      include: { bank: true },
    });
    expect(suspended.map((s) => s.bank.code)).toEqual(["CEB"]);
  });

  it("gives each firm the authorisedUntil of its grants", async () => {
    // the latest expiry of the firm's unrevoked grants (decision 027)
    const grants = await seeded.authorization.findMany({
      where: { revokedAt: null },
      select: { enterpriseId: true, expiresAt: true },
    });
    const latest = new Map<string, number>();
    for (const g of grants)
      latest.set(g.enterpriseId, Math.max(latest.get(g.enterpriseId) ?? 0, g.expiresAt.getTime()));
    const firms = await seeded.enterprise.findMany({ select: { id: true, authorisedUntil: true } });
    expect(latest.size).toBeGreaterThan(3);
    for (const firm of firms)
      expect([firm.id, firm.authorisedUntil?.getTime() ?? null]).toEqual([
        firm.id,
        latest.get(firm.id) ?? null,
      ]);
  });

  it("shows the demo bank and firm a current, an overdue, a covered and a maturing loan, and alerts", async () => {
    const bank = await seeded.bank.findUniqueOrThrow({ where: { code: "ZZB" } });
    const firm = await seeded.user.findUniqueOrThrow({ where: { username: "enterprise" } });
    const loans = await seeded.loan.findMany({
      where: { bankId: bank.id, enterpriseId: firm.enterpriseId! },
      include: { claim: true },
    });
    const active = loans.filter((l) => l.status === "ACTIVE");
    const current = active.filter(
      (l) => l.claim === null && (l.oldestUnpaidDueOn === null || dayOf(l.oldestUnpaidDueOn)! >= today),
    );
    expect(current.length).toBeGreaterThanOrEqual(1);
    expect(active.some((l) => l.claim === null && dayOf(l.oldestUnpaidDueOn)! < today)).toBe(true);
    expect(loans.some((l) => l.claim?.state === "PAID")).toBe(true);
    const maturing = current.filter((l) => {
      const days = daysBetween(today, dayOf(l.maturityOn)!);
      return days >= 30 && days <= 60;
    });
    expect(maturing.length).toBeGreaterThanOrEqual(1);

    // a filed loan of the demo bank past 90 days with no claim yet: the bank can claim it
    const ready = await seeded.loan.findMany({
      where: {
        bankId: bank.id,
        status: "ACTIVE",
        claim: null,
        filing: { isNot: null },
        oldestUnpaidDueOn: { lt: new Date(`${addDays(today, -90)}T00:00:00+08:00`) },
      },
      include: { recoveryActions: true },
    });
    expect(ready.some((l) => l.recoveryActions.length > 0)).toBe(true);

    const alerts = await seeded.creditAlert.findMany({ where: { bankId: bank.id } });
    expect(alerts.filter((a) => a.acknowledgedAt === null).length).toBeGreaterThanOrEqual(1);
    expect(alerts.filter((a) => a.acknowledgedAt !== null).length).toBeGreaterThanOrEqual(1);
  });
});
