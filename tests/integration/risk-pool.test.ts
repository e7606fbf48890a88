import type { Prisma } from "@prisma/client";
import { afterEach, beforeAll, describe, expect, it } from "vitest";

import { DEFAULT_RULE_TERMS } from "~/domain/risk-pool";
import { addDays, startOfShanghaiDay } from "~/domain/shanghai-time";
import { recordRepayment } from "~/models/loan.server";
import { JOBS } from "~/jobs/index.server";
import { runJob } from "~/jobs/runner.server";
import { suspensionCheck } from "~/jobs/suspension-check.server";
import { checkSuspensions, filedLoanFigures, liftSuspension } from "~/models/bank-suspension.server";
import { pastDueWhere } from "~/models/pool-loan.server";
import { fileClaim, payClaim, refileClaim, reviewClaim } from "~/models/pool-claim.server";
import { fileLoan } from "~/models/pool-filing.server";
import { addRecoveryAction, markRecoveryReceived, reportRecovery } from "~/models/pool-recovery.server";
import { createRuleVersion } from "~/models/pool-rule.server";
import { recordDeposit } from "~/models/risk-pool.server";

import { createApplication } from "../../prisma/factories";

import { db } from "./helpers";
import {
  TODAY,
  createPoolWorld,
  daysAfterDisbursement,
  loanIn,
  expectLedgerMatchesBalance,
  type LoanOptions,
  type PoolWorld,
} from "./support/pool-world";

let w: PoolWorld;

beforeAll(async () => {
  w = await createPoolWorld();
});

afterEach(async () => {
  await expectLedgerMatchesBalance(expect);
});

const loanOf = (options: Partial<LoanOptions> = {}) => loanIn(w, options);

/** A loan of the bank, filed within its window, `dpd` days past due, with one recovery action. */
async function claimableLoan(options: Partial<LoanOptions> = {}) {
  const loan = await loanOf({ dpd: 120, ...options });
  const filed = await fileLoan(w.actors.officer, loan.id, daysAfterDisbursement(loan, 5));
  expect(filed.ok).toBe(true);
  await addRecoveryAction(w.actors.officer, loan.id, {
    takenOn: addDays(TODAY, -30),
    kind: "REMINDER",
    description: "电话催收三次，上门催收一次",
  });
  return loan;
}

async function filedClaim(options: Partial<LoanOptions> = {}) {
  const loan = await claimableLoan(options);
  const claim = await fileClaim(w.actors.officer, loan.id, {
    statement: "借款人停止经营",
    materials: ["借款合同", "催收记录"],
  });
  if (!claim.ok) throw new Error(`claim refused: ${JSON.stringify(claim)}`);
  return { loan, claimId: claim.claimId };
}

/** Empties the pool by paying a claim of exactly its balance, so that a test starts from zero. */
async function drainPool() {
  const pool = await db.riskPool.findUnique({ where: { id: "district" } });
  const balance = pool?.balanceFen ?? 0n;
  if (balance === 0n) return;
  // a claim approved for the exact balance, paid at once
  const { claimId } = await filedClaim({ principalFen: balance * 2n });
  const review = await reviewClaim(
    w.actors.bureau,
    claimId,
    { action: "approve", amountFen: balance },
    undefined,
  );
  expect(review).toEqual({ ok: true, state: "PAID", paid: true });
}

describe("rule versions", () => {
  it("adds a version from today and refuses one in the past or on a day already taken", async () => {
    const terms = { ...DEFAULT_RULE_TERMS, guaranteeTypes: ["CREDIT"], effectiveOn: addDays(TODAY, 400) };
    const created = await createRuleVersion(w.actors.bureau, terms, "新规");
    expect(created.ok).toBe(true);
    expect(await createRuleVersion(w.actors.bureau, terms, "again")).toEqual({
      ok: false,
      problems: { effectiveOn: "DATE_TAKEN" },
    });
    expect(
      await createRuleVersion(w.actors.bureau, { ...terms, effectiveOn: addDays(TODAY, -1) }, ""),
    ).toEqual({
      ok: false,
      problems: { effectiveOn: "DATE_PAST" },
    });
    expect(await db.auditLog.count({ where: { action: "pool.rule.create" } })).toBe(1);
    await db.poolRule.delete({ where: { id: (created as { id: string }).id } });
  });
});

describe("filing", () => {
  it("files a qualifying loan within the window, once", async () => {
    const loan = await loanOf();
    const result = await fileLoan(w.actors.officer, loan.id, daysAfterDisbursement(loan, 30));
    expect(result.ok).toBe(true);
    const filing = await db.filing.findUniqueOrThrow({ where: { loanId: loan.id } });
    expect(filing).toMatchObject({ bankId: w.bank.id, ruleId: w.rule.id, principalFen: 100_000_000n });
    expect(await fileLoan(w.actors.officer, loan.id, daysAfterDisbursement(loan, 31))).toEqual({
      ok: false,
      error: "ALREADY_FILED",
    });
  });

  it("refuses with every reason and stores nothing", async () => {
    const loan = await loanOf({ productId: w.products.mortgage.id, principalFen: 1_000_000_001n });
    const result = await fileLoan(w.actors.officer, loan.id, daysAfterDisbursement(loan, 31));
    expect(result).toEqual({ ok: false, error: "REFUSED", reasons: ["AMOUNT", "GUARANTEE", "LATE"] });
    expect(await db.filing.count({ where: { loanId: loan.id } })).toBe(0);
  });

  it("does not let a bank file another bank's loan (not found, nothing stored)", async () => {
    const loan = await loanOf();
    expect(await fileLoan(w.actors.otherOfficer, loan.id, daysAfterDisbursement(loan, 1))).toEqual({
      ok: false,
      error: "NOT_FOUND",
    });
    expect(await db.filing.count({ where: { loanId: loan.id } })).toBe(0);
  });

  it("files a loan filed eight times at once exactly once", async () => {
    const loan = await loanOf();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => fileLoan(w.actors.officer, loan.id, daysAfterDisbursement(loan, 2))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error === "ALREADY_FILED")).toHaveLength(7);
    expect(await db.filing.count({ where: { loanId: loan.id } })).toBe(1);
  });

  it("marks the loan filed in the filing's transaction, and leaves a refused or another bank's loan unmarked", async () => {
    const filedFlag = async (id: string) =>
      (await db.loan.findUniqueOrThrow({ where: { id }, select: { filed: true } })).filed;
    const filed = await loanOf();
    const late = await loanOf();
    const foreign = await loanOf();
    expect(await filedFlag(filed.id)).toBe(false);
    expect((await fileLoan(w.actors.officer, filed.id, daysAfterDisbursement(filed, 3))).ok).toBe(true);
    expect((await fileLoan(w.actors.officer, late.id, daysAfterDisbursement(late, 31))).ok).toBe(false);
    expect((await fileLoan(w.actors.otherOfficer, foreign.id, daysAfterDisbursement(foreign, 3))).ok).toBe(
      false,
    );
    expect([await filedFlag(filed.id), await filedFlag(late.id), await filedFlag(foreign.id)]).toEqual([
      true,
      false,
      false,
    ]);
    // every filed loan has a filing and every filing's loan is marked: the flag is the relation
    expect(await db.loan.count({ where: { filed: true, filing: { is: null } } })).toBe(0);
    expect(await db.loan.count({ where: { filed: false, filing: { isNot: null } } })).toBe(0);
  });
});

describe("claims", () => {
  it("refuses a claim below the threshold, without recovery action or material, with every reason", async () => {
    const loan = await loanOf({ dpd: 89 });
    await fileLoan(w.actors.officer, loan.id, daysAfterDisbursement(loan, 1));
    expect(await fileClaim(w.actors.officer, loan.id, { statement: "", materials: [] })).toEqual({
      ok: false,
      error: "REFUSED",
      reasons: ["BELOW_THRESHOLD", "NO_RECOVERY_ACTIONS", "NO_MATERIALS"],
    });
    const unfiled = await loanOf({ dpd: 200 });
    expect(
      await fileClaim(w.actors.officer, unfiled.id, { statement: "", materials: ["合同"] }),
    ).toMatchObject({
      reasons: ["NOT_FILED", "NO_RECOVERY_ACTIONS"],
    });
    expect(await db.claim.count({ where: { loanId: { in: [loan.id, unfiled.id] } } })).toBe(0);
  });

  it("computes the compensation from the outstanding principal, with the first-loan bonus, never interest", async () => {
    // 80万 outstanding of 100万, first loan: 80万 × 85% = 68万
    const { claimId } = await filedClaim({ outstandingFen: 80_000_000n, firstLoan: true });
    const claim = await db.claim.findUniqueOrThrow({
      where: { id: claimId },
      include: { materials: true, events: true },
    });
    expect(claim).toMatchObject({
      state: "FILED",
      principalAtClaimFen: 80_000_000n,
      coverageBp: 8500,
      computedFen: 68_000_000n,
      daysPastDue: 120,
    });
    expect(claim.materials.map((m) => m.title)).toEqual(["借款合同", "催收记录"]);
    expect(claim.events.map((e) => e.toState)).toEqual(["FILED"]);
  });

  it("exists once when the same claim is filed twice at once (the database enforces one per loan)", async () => {
    const loan = await claimableLoan();
    const input = { statement: "并发", materials: ["借款合同"] };
    const results = await Promise.all([
      fileClaim(w.actors.officer, loan.id, input),
      fileClaim(w.actors.officer, loan.id, input),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error === "ALREADY_CLAIMED")).toHaveLength(1);
    expect(await db.claim.count({ where: { loanId: loan.id } })).toBe(1);
  });

  it("refuses an approval above what the rules compute, and a claim of another bank is not the other bank's to refile", async () => {
    const { claimId } = await filedClaim();
    expect(
      await reviewClaim(w.actors.bureau, claimId, { action: "approve", amountFen: 80_000_001n }, undefined),
    ).toEqual({ ok: false, error: "AMOUNT_OVER_COMPUTED" });
    expect(
      await refileClaim(w.actors.otherOfficer, claimId, { statement: "", materials: ["x"] }, undefined),
    ).toEqual({
      ok: false,
      error: "NOT_FOUND",
    });
    expect((await db.claim.findUniqueOrThrow({ where: { id: claimId } })).state).toBe("FILED");
  });

  it("goes back to the bank, comes back with more material, and is paid when approved", async () => {
    await drainPool();
    const { claimId } = await filedClaim();
    const returned = await reviewClaim(
      w.actors.bureau,
      claimId,
      { action: "return", note: "请补充诉讼材料" },
      0,
    );
    expect(returned).toEqual({ ok: true, state: "RETURNED", paid: false });
    // a second reviewer acting on the version they saw: the claim has changed
    expect(await reviewClaim(w.actors.bureau, claimId, { action: "approve", amountFen: 1n }, 0)).toEqual({
      ok: false,
      error: "CHANGED",
    });
    expect(await refileClaim(w.actors.officer, claimId, { statement: "已起诉", materials: [] }, 1)).toEqual({
      ok: false,
      error: "REFUSED",
      reasons: ["NO_MATERIALS"],
    });
    expect(
      await refileClaim(
        w.actors.officer,
        claimId,
        { statement: "已起诉", materials: ["起诉状", "受理通知书"] },
        1,
      ),
    ).toEqual({
      ok: true,
    });
    await recordDeposit(w.actors.bureau, {
      amountFen: 100_000_000n,
      reference: "郑东财〔2026〕1号",
      note: "",
    });
    const approved = await reviewClaim(
      w.actors.bureau,
      claimId,
      { action: "approve", amountFen: 75_000_000n },
      2,
    );
    expect(approved).toEqual({ ok: true, state: "PAID", paid: true });
    const claim = await db.claim.findUniqueOrThrow({
      where: { id: claimId },
      include: {
        materials: { orderBy: { title: "asc" } },
        events: { orderBy: { at: "asc" } },
        payment: true,
      },
    });
    expect(claim.state).toBe("PAID");
    expect(claim.materials.map((m) => [m.title, m.round])).toEqual([
      ["借款合同", 1],
      ["催收记录", 1],
      ["受理通知书", 2],
      ["起诉状", 2],
    ]);
    expect(claim.events.map((e) => e.toState)).toEqual(["FILED", "RETURNED", "FILED", "APPROVED", "PAID"]);
    expect(claim.payment).toMatchObject({
      kind: "COMPENSATION",
      amountFen: -75_000_000n,
      balanceAfterFen: 25_000_000n,
    });
    expect(await db.auditLog.count({ where: { action: "pool.compensation", targetId: claimId } })).toBe(1);
    // the bank's system heard each decision, in order, in the shape of the API
    const events = await db.webhookEvent.findMany({
      where: { type: "claim.decided", orderingKey: `claim:${claimId}` },
      orderBy: { seq: "asc" },
    });
    expect(events.map((e) => e.bankId)).toEqual([w.bank.id, w.bank.id, w.bank.id]);
    const bodies = events.map((e) => JSON.parse(e.data) as Record<string, unknown>);
    expect(bodies.map((b) => b.state)).toEqual(["RETURNED", "APPROVED", "PAID"]);
    expect(bodies[0]).toMatchObject({ returnNote: "请补充诉讼材料", approved: null, computed: "800000.00" });
    expect(bodies[2]).toMatchObject({
      approved: "750000.00",
      principalAtClaim: "1000000.00",
      rejection: null,
    });
  });

  it("rejects with a reason (OTHER needs a text) and then takes no more decisions", async () => {
    const { claimId } = await filedClaim();
    expect(
      await reviewClaim(
        w.actors.bureau,
        claimId,
        { action: "reject", reason: "OTHER", text: " " },
        undefined,
      ),
    ).toEqual({ ok: false, error: "TEXT_REQUIRED" });
    expect(
      await reviewClaim(
        w.actors.bureau,
        claimId,
        { action: "reject", reason: "RECOVERY_NOT_PURSUED", text: "" },
        undefined,
      ),
    ).toEqual({ ok: true, state: "REJECTED", paid: false });
    expect(
      await reviewClaim(w.actors.bureau, claimId, { action: "approve", amountFen: 1n }, undefined),
    ).toEqual({
      ok: false,
      error: "CHANGED",
    });
  });
});

describe("payment from the balance", () => {
  it("pays exactly 3 of 8 approvals racing for a balance that covers 3; the rest wait and are paid in approval order", async () => {
    await drainPool();
    const claims = [];
    for (let i = 0; i < 8; i++) claims.push((await filedClaim()).claimId);
    // each approved for 10万元; the pool holds 35万元
    await recordDeposit(w.actors.bureau, { amountFen: 35_000_000n, reference: "DEP-RACE", note: "" });
    const results = await Promise.all(
      claims.map((id) =>
        reviewClaim(w.actors.bureau, id, { action: "approve", amountFen: 10_000_000n }, undefined),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const states = await db.claim.findMany({ where: { id: { in: claims } }, select: { state: true } });
    expect(states.filter((c) => c.state === "PAID")).toHaveLength(3);
    expect(states.filter((c) => c.state === "APPROVED")).toHaveLength(5);
    expect((await db.riskPool.findUniqueOrThrow({ where: { id: "district" } })).balanceFen).toBe(5_000_000n);

    // the waiting ones in approval order; paying one out of turn pays nobody and says why
    const waiting = await db.claim.findMany({
      where: { id: { in: claims }, state: "APPROVED" },
      orderBy: [{ approvedAt: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    expect(await payClaim(w.actors.bureau, waiting[2].id)).toEqual({
      ok: true,
      paid: false,
      ahead: 2,
      shortfallFen: 25_000_000n, // three claims of 10万 against 5万
    });
    // 15万 arrives: the first two waiting are paid (20万 of 20万), the third waits for more
    await recordDeposit(w.actors.bureau, { amountFen: 15_000_000n, reference: "DEP-2", note: "" });
    const after = await db.claim.findMany({
      where: { id: { in: waiting.map((c) => c.id) } },
      select: { id: true, state: true },
    });
    const stateOf = (id: string) => after.find((c) => c.id === id)?.state;
    expect(waiting.map((c) => stateOf(c.id))).toEqual(["PAID", "PAID", "APPROVED", "APPROVED", "APPROVED"]);
    expect((await db.riskPool.findUniqueOrThrow({ where: { id: "district" } })).balanceFen).toBe(0n);
    // 30万 more pays the last three
    await recordDeposit(w.actors.bureau, { amountFen: 30_000_000n, reference: "DEP-3", note: "" });
    expect(await db.claim.count({ where: { id: { in: claims }, state: "PAID" } })).toBe(8);
    expect(await db.poolMovement.count({ where: { claimId: { in: claims } } })).toBe(8);
  });

  it("refuses by the database a movement edited or deleted, and a negative balance", async () => {
    await recordDeposit(w.actors.bureau, { amountFen: 1n, reference: "DEP-TRIGGER", note: "" });
    const movement = await db.poolMovement.findFirstOrThrow({ where: { reference: "DEP-TRIGGER" } });
    // the triggers' messages reach Prisma as a constraint error of its own wording
    await expect(
      db.poolMovement.update({ where: { id: movement.id }, data: { note: "x" } }),
    ).rejects.toThrow();
    await expect(db.poolMovement.delete({ where: { id: movement.id } })).rejects.toThrow();
    await expect(
      db.riskPool.update({ where: { id: "district" }, data: { balanceFen: -1n } }),
    ).rejects.toThrow();
    expect(await db.poolMovement.findUniqueOrThrow({ where: { id: movement.id } })).toEqual(movement);
    expect((await db.riskPool.findUniqueOrThrow({ where: { id: "district" } })).balanceFen).toBe(
      movement.balanceAfterFen,
    );
  });
});

describe("recoveries", () => {
  it("owes back the paid percentage of each recovery until the bureau marks it received", async () => {
    await drainPool();
    await recordDeposit(w.actors.bureau, { amountFen: 80_000_000n, reference: "DEP-REC", note: "" });
    const { loan, claimId } = await filedClaim(); // 100万 outstanding → 80万
    expect(
      await reviewClaim(w.actors.bureau, claimId, { action: "approve", amountFen: 80_000_000n }, undefined),
    ).toMatchObject({
      paid: true,
    });
    const first = await reportRecovery(w.actors.officer, claimId, {
      recoveredOn: TODAY,
      amountFen: 10_000_001n, // 100,000.01 元 × 80% = 80,000.008 → 80,000.01
      reference: `REC-${loan.id}-1`,
      note: "",
    });
    expect(first).toMatchObject({ ok: true, shareFen: 8_000_001n });
    expect(
      await reportRecovery(w.actors.officer, claimId, {
        recoveredOn: TODAY,
        amountFen: 5n,
        reference: `REC-${loan.id}-1`,
        note: "",
      }),
    ).toEqual({ ok: false, error: "DUPLICATE_REFERENCE", field: "reference" });
    expect(
      await reportRecovery(w.actors.officer, claimId, {
        recoveredOn: addDays(TODAY, 1),
        amountFen: 5n,
        reference: "R-F",
        note: "",
      }),
    ).toEqual({ ok: false, error: "DATE_IN_FUTURE", field: "recoveredOn" });
    expect(
      await reportRecovery(w.actors.otherOfficer, claimId, {
        recoveredOn: TODAY,
        amountFen: 5n,
        reference: "R-O",
        note: "",
      }),
    ).toEqual({ ok: false, error: "NOT_FOUND" });

    const recoveryId = (first as { id: string }).id;
    const receipts = await Promise.all([
      markRecoveryReceived(w.actors.bureau, recoveryId),
      markRecoveryReceived(w.actors.bureau, recoveryId),
    ]);
    expect(receipts.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.poolMovement.count({ where: { recoveryId } })).toBe(1);
    expect((await db.riskPool.findUniqueOrThrow({ where: { id: "district" } })).balanceFen).toBe(8_000_001n);
    await drainPool();
  });
});

describe("suspension", () => {
  beforeAll(async () => {
    // the real 5% threshold from today (the shared 2020 version never suspends anyone)
    await db.poolRule.create({
      data: {
        effectiveOn: TODAY,
        ...DEFAULT_RULE_TERMS,
        guaranteeTypes: DEFAULT_RULE_TERMS.guaranteeTypes.join(","),
        sizes: DEFAULT_RULE_TERMS.sizes.join(","),
      },
    });
  });

  it("suspends a bank past the threshold, once however often it runs, refuses its filings, and lifts it when the ratio falls", async () => {
    const world = await createPoolWorld();
    const actor = world.actors.officer;
    const make = (options: Partial<LoanOptions>) => loanIn(world, options);
    // filed: 95万 current + 5万 overdue = exactly 5%: not over
    const current = await make({ principalFen: 95_000_000n });
    const overdue = await make({ principalFen: 5_000_000n, dpd: 10 });
    for (const loan of [current, overdue])
      expect((await fileLoan(actor, loan.id, daysAfterDisbursement(loan, 1))).ok).toBe(true);
    const bankSuspensions = () => db.bankSuspension.findMany({ where: { bankId: world.bank.id } });
    await checkSuspensions();
    expect(await bankSuspensions()).toHaveLength(0);

    // one 分 more overdue: 5,000,001 of 100,000,000 is over 5%
    await db.loan.update({ where: { id: overdue.id }, data: { outstandingPrincipalFen: 5_000_001n } });
    await db.loan.update({ where: { id: current.id }, data: { outstandingPrincipalFen: 94_999_999n } });
    const first = await checkSuspensions();
    expect(first.suspended).toBeGreaterThanOrEqual(1);
    await checkSuspensions();
    const suspensions = await bankSuspensions();
    expect(suspensions).toHaveLength(1);
    expect(suspensions[0]).toMatchObject({
      ratioBp: 500,
      thresholdBp: 500,
      endedAt: null,
      overdueFen: 5_000_001n,
    });
    expect(
      await db.notification.count({
        where: { kind: "bankSuspension.SUSPENDED", user: { bankId: world.bank.id } },
      }),
    ).toBe(1);

    const fresh = await make({ disbursedOn: TODAY });
    expect(await fileLoan(actor, fresh.id)).toEqual({
      ok: false,
      error: "REFUSED",
      reasons: ["BANK_SUSPENDED"],
    });

    // the overdue loan is brought current: the next check lifts the suspension
    await db.loan.update({ where: { id: overdue.id }, data: { oldestUnpaidDueOn: null } });
    const lifted = await checkSuspensions();
    expect(lifted.lifted).toBeGreaterThanOrEqual(1);
    expect((await bankSuspensions())[0]).toMatchObject({ endKind: "RATIO_RECOVERED", activeKey: null });
    expect((await fileLoan(actor, fresh.id)).ok).toBe(true);
  });

  it("counts as overdue the filed loans whose oldest unpaid instalment fell due before today (not today)", async () => {
    const world = await createPoolWorld();
    const make = (options: Partial<LoanOptions>) => loanIn(world, options);
    const dueToday = await make({ principalFen: 3_000_000n });
    const late = await make({ principalFen: 7_000_000n, dpd: 1 });
    const unfiled = await make({ principalFen: 11_000_000n, dpd: 30 });
    for (const loan of [dueToday, late])
      expect((await fileLoan(world.actors.officer, loan.id, daysAfterDisbursement(loan, 1))).ok).toBe(true);
    await db.loan.update({
      where: { id: dueToday.id },
      data: { oldestUnpaidDueOn: startOfShanghaiDay(TODAY) },
    });
    const figures = (await filedLoanFigures(db, TODAY)).get(world.bank.id);
    // the definition, in Prisma's terms (pastDueWhere): both filed loans count, the unfiled does not
    const sum = async (where: Prisma.LoanWhereInput) =>
      (
        await db.loan.aggregate({
          where: { AND: [{ bankId: world.bank.id, status: "ACTIVE", filing: { isNot: null } }, where] },
          _sum: { outstandingPrincipalFen: true },
        })
      )._sum.outstandingPrincipalFen ?? 0n;
    expect(figures).toEqual({ outstandingFen: await sum({}), overdueFen: await sum(pastDueWhere(TODAY)) });
    expect(figures?.overdueFen).toBe(late.outstandingPrincipalFen);
    expect(figures?.outstandingFen).toBe(dueToday.outstandingPrincipalFen + late.outstandingPrincipalFen);
    expect(unfiled.id).toBeTruthy();
  });

  it("the nightly suspension-check job suspends a bank over the threshold and records the run", async () => {
    const world = await createPoolWorld();
    const loan = await loanIn(world, {
      principalFen: 10_000_000n,
      dpd: 10,
    });
    expect((await fileLoan(world.actors.officer, loan.id, daysAfterDisbursement(loan, 1))).ok).toBe(true);
    // the filing's own check already suspends: lift that, as if the loan fell overdue overnight
    await db.bankSuspension.deleteMany({ where: { bankId: world.bank.id } });

    const outcome = await runJob(suspensionCheck, { trigger: "MANUAL" });
    expect(outcome).toMatchObject({ status: "SUCCEEDED", errors: 0 });
    expect("items" in outcome && outcome.items).toBeGreaterThanOrEqual(1);
    expect("summary" in outcome && outcome.summary.suspended).toBeGreaterThanOrEqual(1);
    const active = await db.bankSuspension.findMany({ where: { bankId: world.bank.id, endedAt: null } });
    expect(active).toHaveLength(1);
    const run = await db.jobRun.findFirstOrThrow({
      where: { job: "suspension-check" },
      orderBy: { startedAt: "desc" },
    });
    expect(run).toMatchObject({ status: "SUCCEEDED", trigger: "MANUAL" });

    // a second night changes nothing
    await runJob(suspensionCheck, { trigger: "MANUAL" });
    expect(await db.bankSuspension.count({ where: { bankId: world.bank.id } })).toBe(1);
    expect(JOBS.map((job) => job.name)).toContain("suspension-check");
  });

  it("keeps the bureau's lifting while the ratio is still over, and suspends again after the ratio fell back and rose", async () => {
    const world = await createPoolWorld();
    const loan = await loanIn(world, {
      dpd: 30,
    });
    await fileLoan(world.actors.officer, loan.id, daysAfterDisbursement(loan, 1));
    await checkSuspensions();
    const active = await db.bankSuspension.findFirstOrThrow({
      where: { bankId: world.bank.id, endedAt: null },
    });
    expect(await liftSuspension(world.actors.bureau, active.id, "银行已制定整改方案")).toEqual({ ok: true });
    expect(await liftSuspension(world.actors.bureau, active.id, "again")).toEqual({
      ok: false,
      error: "CHANGED",
    });
    await checkSuspensions();
    expect(await db.bankSuspension.count({ where: { bankId: world.bank.id, endedAt: null } })).toBe(0);

    await db.loan.update({ where: { id: loan.id }, data: { oldestUnpaidDueOn: null } });
    await checkSuspensions(); // the ratio fell back: the waiver ends
    expect(
      (await db.bankSuspension.findUniqueOrThrow({ where: { id: active.id } })).waiverEndedAt,
    ).not.toBeNull();
    await db.loan.update({
      where: { id: loan.id },
      data: { oldestUnpaidDueOn: new Date(Date.now() - 5 * 86_400_000) },
    });
    await checkSuspensions();
    expect(await db.bankSuspension.count({ where: { bankId: world.bank.id, endedAt: null } })).toBe(1);
    expect(
      await db.auditLog.count({ where: { action: "pool.suspension.lift", targetId: world.bank.id } }),
    ).toBe(1);
  });

  it("lifts the suspension inside the transaction of the repayment that brings the ratio back", async () => {
    const world = await createPoolWorld();
    // 6 monthly instalments paid, then nothing: about 200 days after disbursement it is overdue
    const application = await createApplication(db, {
      enterpriseId: world.firm.id,
      productId: world.products.credit.id,
      state: "DISBURSED",
      amountYuan: 1_000_000,
      termMonths: 24,
      submittedAt: startOfShanghaiDay(addDays(TODAY, -300)),
      loan: { pattern: { kind: "STOPPED", paidPeriods: 6 } },
    });
    const loan = await db.loan.findUniqueOrThrow({ where: { applicationId: application.id } });
    expect(loan.oldestUnpaidDueOn).not.toBeNull();
    expect((await fileLoan(world.actors.officer, loan.id, daysAfterDisbursement(loan, 3))).ok).toBe(true);
    await checkSuspensions();
    expect(await db.bankSuspension.count({ where: { bankId: world.bank.id, endedAt: null } })).toBe(1);

    // the bank reports a repayment of everything due so far
    const due = await db.loanPeriod.findMany({
      where: { loanId: loan.id, dueOn: { lte: startOfShanghaiDay(TODAY) } },
    });
    const owed = due.reduce(
      (sum, p) => sum + p.principalFen + p.interestFen - p.paidPrincipalFen - p.paidInterestFen,
      0n,
    );
    const repaid = await recordRepayment({
      loanId: loan.id,
      actor: world.actors.officer,
      paidOn: TODAY,
      amountFen: owed,
      reference: `CATCH-UP-${loan.id}`,
    });
    expect(repaid.ok).toBe(true);
    const suspension = await db.bankSuspension.findFirstOrThrow({ where: { bankId: world.bank.id } });
    expect(suspension).toMatchObject({ endKind: "RATIO_RECOVERED", activeKey: null });
  });
});
