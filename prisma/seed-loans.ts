/**
 * The demo's loans and the district's risk-compensation pool (run by seed.ts after the main data):
 *
 * - every DISBURSED application gets its loan, schedule and repayments, built with the servicing
 *   domain itself (factories `buildLoan`/`plannedRepayments`) relative to today: most paid on
 *   time, some late, some overdue now, a few past 90 days; repayment methods mixed (the
 *   product's default where it has one);
 * - the pool's rules (an older version and the current 郑科贷-like one), filings of most
 *   qualifying loans within the window, and its history written through the models the portal
 *   uses (deposits, recovery actions, claims in every state, payments, recoveries returned and
 *   owed), so that the balance is the sum of the ledger as in production;
 * - one bank over the suspension threshold (suspended by the check), and a few credit alerts for
 *   the demo bank (open and acknowledged).
 *
 * Relative imports only (tsx). Deterministic for a given day except the ids of the rows the models
 * write.
 */
import { performance } from "node:perf_hooks";

import { db } from "../app/db.server";
import type { CreditChange } from "../app/domain/credit-changes";
import type { AlertAction } from "../app/domain/credit-alerts";
import { buildSchedule, maturityOf, type RepaymentMethod } from "../app/domain/loan-schedule";
import { DEFAULT_RULE_TERMS, compensationFor, ruleForDay, type PoolRuleTerms } from "../app/domain/risk-pool";
import type { ClaimRejectReason, RecoveryActionKind } from "../app/domain/risk-pool-codes";
import { addDays, daysBetween, shanghaiDate } from "../app/domain/shanghai-time";
import type { AuditedActor, BankActor, BureauActor } from "../app/models/actor";
import { checkBankSuspension } from "../app/models/bank-suspension.server";
import { raiseCreditAlerts } from "../app/models/credit-alert.server";
import { acknowledgeAlert } from "../app/models/credit-alert-desk.server";
import { fileClaim, reviewClaim } from "../app/models/pool-claim.server";
import { addRecoveryAction, markRecoveryReceived, reportRecovery } from "../app/models/pool-recovery.server";
import { createRuleVersion, listRuleTerms } from "../app/models/pool-rule.server";
import { poolBalance, recordDeposit } from "../app/models/risk-pool.server";
import {
  buildLoan,
  calendar,
  newId,
  plannedRepayments,
  shanghaiTime,
  type LoanRows,
  type RepaymentPattern,
  type Row,
} from "./factories";

import type { Prisma } from "@prisma/client";

/** A demo firm's loan at the demo bank and its part in the story. */
export type DemoLoanRole = "current" | "overdue" | "covered" | "renewal";

/** What a defaulted loan's claim has become (READY: past the threshold, no claim yet). */
type ClaimRole =
  "PAID" | "PAID_RECOVERED" | "PAID_OWED" | "APPROVED" | "FILED" | "RETURNED" | "REJECTED" | "READY";

const FEN = 100n;
const SEED_IP = "127.0.0.1";

/** mulberry32, apart from seed.ts's so that adding loans does not move the rest of the demo. */
function rngOf(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
  };
}

/** The working day on or after `day`. */
const workingDayFrom = (day: string) =>
  calendar.isWorkingDay(day) ? day : calendar.addWorkingDaysToDay(day, 1);

interface LoanPlan {
  app: Awaited<ReturnType<typeof loadDisbursed>>[number];
  method: RepaymentMethod;
  disbursedOn: string;
  pattern: RepaymentPattern;
  rows: LoanRows;
  qualifies: boolean;
  filedOn: string | null;
  claim: ClaimRole | null;
  demoRole: DemoLoanRole | null;
}

function loadDisbursed() {
  return db.application.findMany({
    where: { state: "DISBURSED" },
    orderBy: { number: "asc" },
    select: {
      id: true,
      number: true,
      enterpriseId: true,
      bankId: true,
      productId: true,
      disbursedAt: true,
      disbursedAmountYuan: true,
      disbursedRateBp: true,
      approvedTermMonths: true,
      firstLoan: true,
      whitelisted: true,
      bank: { select: { code: true } },
      enterprise: { select: { subDistrictId: true, sectionCode: true, size: true, whitelistedUntil: true } },
      product: { select: { type: true, guaranteeType: true, defaultRepaymentMethod: true } },
    },
  });
}

export interface SeedLoansOptions {
  now: Date;
  today: string;
  /** the demo firm's loans at the demo bank, by application id */
  roles: ReadonlyMap<string, DemoLoanRole>;
  demoBankCode: string;
  suspendedBankCode: string;
  /** when the pool began (its first rule version and deposit) */
  poolStart: string;
}

export async function seedLoans(options: SeedLoansOptions): Promise<string[]> {
  const { now, today, roles } = options;
  const rng = rngOf(20261203);
  const yesterday = addDays(today, -1);
  const ago = (n: number) => addDays(today, -n);
  const lines: string[] = [];
  const step = async (label: string, work: () => Promise<string>) => {
    const started = performance.now();
    process.stdout.write(`» ${label}… `);
    const summary = await work();
    console.log(`✓ ${summary} (${Math.round(performance.now() - started)} ms)`);
    lines.push(summary);
  };

  const bankUsers = await db.user.findMany({
    where: { role: "BANK", bankId: { not: null } },
    orderBy: { createdAt: "asc" },
    select: { id: true, username: true, displayName: true, bankId: true },
  });
  const bureauUser = await db.user.findFirstOrThrow({
    where: { role: "GOV_BUREAU" },
    select: { id: true, username: true, displayName: true },
  });
  const bureau: AuditedActor<BureauActor> = {
    ...bureauUser,
    role: "GOV_BUREAU",
    enterpriseId: null,
    bankId: null,
    subDistrictId: null,
    organization: null,
    ip: SEED_IP,
  };
  const bankActor = (bankId: string): AuditedActor<BankActor> => {
    const user = bankUsers.find((u) => u.bankId === bankId)!;
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: "BANK",
      enterpriseId: null,
      bankId,
      subDistrictId: null,
      organization: null,
      ip: SEED_IP,
    };
  };

  // ------------------------------------------------------------------ rules (older, then current)
  const firstRuleDay = options.poolStart;
  const currentRuleDay = ago(240);
  await step("risk-compensation pool rules", async () => {
    const versions: [PoolRuleTerms, string][] = [
      [
        {
          ...DEFAULT_RULE_TERMS,
          effectiveOn: firstRuleDay,
          coverageBp: 7000,
          firstLoanBonusBp: 0,
          capYuan: 3_000_000,
          maxPrincipalYuan: 5_000_000,
        },
        "首版：补偿本金损失的70%，单笔最高300万元",
      ],
      [
        { ...DEFAULT_RULE_TERMS, effectiveOn: currentRuleDay },
        "参照郑科贷：补偿80%，首贷户另加5%，单笔最高500万元",
      ],
    ];
    for (const [terms, note] of versions) {
      const made = await createRuleVersion(
        bureau,
        terms,
        note,
        shanghaiTime(addDays(terms.effectiveOn, -10), 10),
      );
      if (!made.ok) throw new Error(`rule version ${terms.effectiveOn}: ${JSON.stringify(made.problems)}`);
    }
    return `${versions.length} rule versions (current from ${currentRuleDay})`;
  });
  const rules = await listRuleTerms(db);

  // ------------------------------------------------------------------ loans planned in memory
  const apps = await loadDisbursed();
  const demoBank = apps.find((a) => a.bank.code === options.demoBankCode)?.bankId;
  const suspendedBank = apps.find((a) => a.bank.code === options.suspendedBankCode)?.bankId;
  const plans: LoanPlan[] = [];

  const scheduleOf = (plan: Pick<LoanPlan, "app" | "method" | "disbursedOn">) =>
    buildSchedule({
      principalFen: BigInt(plan.app.disbursedAmountYuan ?? 0) * FEN,
      rateBp: plan.app.disbursedRateBp ?? 0,
      termMonths: plan.app.approvedTermMonths ?? 12,
      disbursedOn: plan.disbursedOn,
      method: plan.method,
    });
  const build = (plan: Omit<LoanPlan, "rows">): LoanRows => {
    const { app } = plan;
    const terms = {
      principalFen: BigInt(app.disbursedAmountYuan ?? 0) * FEN,
      rateBp: app.disbursedRateBp ?? 0,
      termMonths: app.approvedTermMonths ?? 12,
      disbursedOn: plan.disbursedOn,
      method: plan.method,
    };
    return buildLoan({
      applicationId: app.id,
      enterpriseId: app.enterpriseId,
      bankId: app.bankId,
      productId: app.productId,
      subDistrictId: app.enterprise.subDistrictId,
      sectionCode: app.enterprise.sectionCode,
      size: app.enterprise.size,
      whitelisted: app.whitelisted,
      productType: app.product.type,
      principalYuan: app.disbursedAmountYuan ?? 0,
      rateBp: terms.rateBp,
      termMonths: terms.termMonths,
      disbursedOn: plan.disbursedOn,
      method: plan.method,
      firstLoan: app.firstLoan,
      repayments: plannedRepayments(terms, plan.pattern, yesterday),
      referencePrefix: `R${app.number.slice(4)}`,
      reportedById: bankUsers.find((u) => u.bankId === app.bankId)?.id ?? null,
    });
  };
  const rebuild = (plan: LoanPlan, pattern: RepaymentPattern) => {
    plan.pattern = pattern;
    plan.rows = build(plan);
  };
  /** Periods due on or before `day`. */
  const dueBy = (plan: Pick<LoanPlan, "app" | "method" | "disbursedOn">, day: string) =>
    scheduleOf(plan).filter((p) => p.dueOn <= day).length;

  for (const app of apps) {
    const disbursedOn = shanghaiDate(app.disbursedAt!);
    const term = app.approvedTermMonths ?? 12;
    const demoRole = roles.get(app.id) ?? null;
    const fromProduct = app.product.defaultRepaymentMethod as RepaymentMethod | null;
    let method: RepaymentMethod =
      demoRole === "renewal"
        ? "INTEREST_MONTHLY"
        : demoRole === "overdue"
          ? "EQUAL_PRINCIPAL"
          : demoRole
            ? "EQUAL_INSTALMENT"
            : (fromProduct ??
              (rng.pick([
                "EQUAL_INSTALMENT",
                "EQUAL_INSTALMENT",
                "EQUAL_INSTALMENT",
                "EQUAL_PRINCIPAL",
                "INTEREST_MONTHLY",
                "INTEREST_MONTHLY",
                "BULLET",
              ]) as RepaymentMethod));
    if (method === "BULLET" && term > 12) method = "INTEREST_MONTHLY";
    const base = { app, method, disbursedOn };
    const due = dueBy(base, yesterday);
    let pattern: RepaymentPattern = { kind: "ON_TIME" };
    if (demoRole === "overdue") pattern = { kind: "STOPPED", paidPeriods: Math.max(0, due - 1) };
    else if (demoRole === null) {
      const draw = rng.next();
      const age = daysBetween(disbursedOn, today);
      if (draw < 0.1 && age > 90)
        pattern = { kind: "SETTLED_EARLY", on: addDays(disbursedOn, rng.int(60, age - 1)) };
      else if (draw < 0.2 && due > 0) pattern = { kind: "LATE", days: rng.int(3, 25) };
      else if (draw < 0.25 && due > 1) pattern = { kind: "STOPPED", paidPeriods: due - rng.int(1, 2) };
    }
    const principal = BigInt(app.disbursedAmountYuan ?? 0) * FEN;
    const rule = ruleForDay(rules, disbursedOn);
    const qualifies =
      rule !== null &&
      rule.guaranteeTypes.includes(app.product.guaranteeType) &&
      rule.sizes.includes(app.enterprise.size) &&
      principal <= BigInt(rule.maxPrincipalYuan) * FEN &&
      (!rule.whitelistOnly || app.whitelisted);
    const plan: Omit<LoanPlan, "rows"> = {
      ...base,
      pattern,
      qualifies,
      filedOn: null,
      claim: null,
      demoRole,
    };
    plans.push({ ...plan, rows: build(plan) });
  }

  // Filing: most qualifying loans, within the window (the demo's overdue loan was never filed).
  for (const plan of plans) {
    if (!plan.qualifies || plan.demoRole === "overdue") continue;
    const rule = ruleForDay(rules, plan.disbursedOn)!;
    if (plan.demoRole === null && !rng.chance(plan.app.bankId === demoBank ? 0.95 : 0.8)) continue;
    const filedOn = workingDayFrom(
      addDays(plan.disbursedOn, rng.int(1, Math.min(20, rule.filingWindowDays - 5))),
    );
    if (filedOn <= yesterday) plan.filedOn = filedOn;
  }

  // Defaults with a claim in every state: filed loans of the other banks (the demo bank's are the
  // demo firm's covered loan and one ready to claim), old enough that 90 days past due came before
  // the claim's day. [role, latest day the claim may be filed, bank]
  const claimRoles: [ClaimRole, number, "demo" | "other"][] = [
    ["READY", 5, "demo"],
    ["PAID_RECOVERED", 150, "other"],
    ["PAID_OWED", 110, "other"],
    ["PAID", 80, "other"],
    ["REJECTED", 60, "other"],
    ["RETURNED", 45, "other"],
    ["APPROVED", 30, "other"],
    ["FILED", 4, "other"],
  ];
  const defaulted = (plan: LoanPlan, latestClaimAgo: number) => {
    // stop paying so that the oldest unpaid instalment fell due ≥ 95 days before the claim
    const stopBy = ago(latestClaimAgo + 95 + rng.int(0, 20));
    const paidPeriods = dueBy(plan, stopBy) - 1;
    if (paidPeriods < 0) return false;
    rebuild(plan, { kind: "STOPPED", paidPeriods });
    return true;
  };
  for (const plan of plans) {
    if (plan.demoRole === "covered") {
      plan.claim = "PAID_OWED";
      if (!defaulted(plan, 150)) throw new Error("the demo's covered loan is too young to default");
    }
  }
  const used = new Set<string>();
  for (const [claim, latest, where] of claimRoles) {
    const candidates = plans.filter(
      (p) =>
        p.filedOn !== null &&
        p.claim === null &&
        p.demoRole === null &&
        p.method !== "BULLET" &&
        !used.has(p.app.enterpriseId) &&
        (where === "demo"
          ? p.app.bankId === demoBank
          : p.app.bankId !== demoBank && p.app.bankId !== suspendedBank) &&
        (p.app.disbursedAmountYuan ?? 0) <= 3_000_000 &&
        dueBy(p, ago(latest + 115)) >= 1,
    );
    // the APPROVED claim waits for money: the largest loan, so that the balance is short of it
    const plan =
      claim === "APPROVED"
        ? candidates.sort((a, b) => (b.app.disbursedAmountYuan ?? 0) - (a.app.disbursedAmountYuan ?? 0))[0]
        : candidates[rng.int(0, candidates.length - 1)];
    if (!plan || !defaulted(plan, latest)) {
      console.warn(`\n  (no loan old enough for a ${claim} claim)`);
      continue;
    }
    plan.claim = claim;
    used.add(plan.app.enterpriseId);
  }

  // One bank over the suspension threshold, every other under it (the check would suspend them).
  const filedRatio = (bankId: string, cutoff = today) => {
    let outstanding = 0n;
    let overdue = 0n;
    for (const p of plans) {
      if (p.app.bankId !== bankId || p.filedOn === null || p.rows.loan.status !== "ACTIVE") continue;
      const fen = BigInt(p.rows.loan.outstandingPrincipalFen as bigint);
      outstanding += fen;
      const oldest = p.rows.loan.oldestUnpaidDueOn as Date | null;
      if (oldest && shanghaiDate(oldest) < cutoff) overdue += fen;
    }
    return outstanding === 0n ? 0 : Number((overdue * 10_000n) / outstanding);
  };
  const threshold = DEFAULT_RULE_TERMS.suspensionThresholdBp;
  for (const bankId of new Set(plans.map((p) => p.app.bankId))) {
    if (bankId === suspendedBank) continue;
    // overdue filed loans without a claim pay again (or were never filed) until the bank is clear
    const fixable = plans.filter(
      (p) => p.app.bankId === bankId && p.filedOn !== null && p.claim === null && p.demoRole === null,
    );
    for (const plan of fixable) {
      if (filedRatio(bankId) < threshold - 100) break;
      const oldest = plan.rows.loan.oldestUnpaidDueOn as Date | null;
      if (!oldest || shanghaiDate(oldest) >= today) continue;
      if (rng.chance(0.5)) plan.filedOn = null;
      else rebuild(plan, { kind: "ON_TIME" });
    }
    // still over (its claims are large against what it filed): it filed more of its loans
    for (const plan of plans.filter((p) => p.app.bankId === bankId && p.qualifies && p.filedOn === null)) {
      if (filedRatio(bankId) < threshold - 100) break;
      if (plan.rows.loan.status !== "ACTIVE" || plan.rows.loan.oldestUnpaidDueOn) continue;
      const filedOn = workingDayFrom(addDays(plan.disbursedOn, 3));
      if (filedOn <= yesterday && plan.demoRole !== "overdue") plan.filedOn = filedOn;
    }
  }
  if (suspendedBank) {
    // the suspended bank's borrowers stopped paying a month or two ago
    for (const plan of plans.filter((p) => p.app.bankId === suspendedBank && p.filedOn !== null)) {
      if (filedRatio(suspendedBank, ago(3)) > threshold + 300) break;
      const due = dueBy(plan, ago(rng.int(30, 60)));
      if (due >= 1 && plan.rows.loan.status === "ACTIVE")
        rebuild(plan, { kind: "STOPPED", paidPeriods: due - 1 });
    }
  }

  // ------------------------------------------------------------------ loans, schedules, repayments, filings
  await step("loans, schedules, repayments and filings", async () => {
    // a filed loan says so (Loan.filed), as the portal's filing writes it
    const loans = plans.map((p) => ({ ...p.rows.loan, filed: p.filedOn !== null }));
    const periods = plans.flatMap((p) => p.rows.periods);
    const repayments = plans.flatMap((p) => p.rows.repayments);
    const filings: Row<Prisma.FilingCreateManyInput>[] = plans
      .filter((p) => p.filedOn !== null)
      .map((p) => ({
        id: newId(),
        loanId: p.rows.loan.id,
        bankId: p.app.bankId,
        ruleId: ruleForDay(rules, p.disbursedOn)!.id,
        principalFen: p.rows.loan.principalFen as bigint,
        filedAt: shanghaiTime(p.filedOn!, rng.int(9, 16), rng.int(0, 59)),
        filedById: bankUsers.find((u) => u.bankId === p.app.bankId)?.id ?? null,
      }));
    await db.$transaction(
      async (tx) => {
        await tx.loan.createMany({ data: loans });
        for (let i = 0; i < periods.length; i += 2_000)
          await tx.loanPeriod.createMany({ data: periods.slice(i, i + 2_000) });
        for (let i = 0; i < repayments.length; i += 2_000)
          await tx.repayment.createMany({ data: repayments.slice(i, i + 2_000) });
        await tx.filing.createMany({ data: filings });
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
    const kinds = new Map<string, number>();
    for (const p of plans) kinds.set(p.pattern.kind, (kinds.get(p.pattern.kind) ?? 0) + 1);
    return (
      `${loans.length} loans (${[...kinds].map(([k, n]) => `${k} ${n}`).join(", ")}), ` +
      `${periods.length} periods, ${repayments.length} repayments, ${filings.length} filings`
    );
  });

  // ------------------------------------------------------------------ the pool's history, in order
  type Op = { at: Date; run: () => Promise<void> };
  const ops: Op[] = [];
  const claimed = plans.filter((p) => p.claim !== null);
  const claimIds = new Map<LoanPlan, string>();
  const recoveryIds: string[] = [];
  const officeTime = (day: string) => shanghaiTime(workingDayFrom(day), rng.int(9, 16), rng.int(0, 59));
  const clampPast = (day: string) => (day > yesterday ? yesterday : day);

  const roundWan = (fen: bigint) => (fen / (10_000n * FEN)) * 10_000n * FEN;
  // what the paid claims will take: the deposits are sized so that the APPROVED claim waits
  const ruleOf = (plan: LoanPlan) => ruleForDay(rules, plan.disbursedOn)!;
  const computed = (plan: LoanPlan) =>
    compensationFor({
      outstandingPrincipalFen: plan.rows.loan.outstandingPrincipalFen as bigint,
      firstLoan: plan.app.firstLoan,
      rule: ruleOf(plan),
    });
  const paidTotal = claimed
    .filter((p) => p.claim!.startsWith("PAID"))
    .reduce((sum, p) => sum + computed(p), 0n);
  const waiting = claimed.find((p) => p.claim === "APPROVED");
  const waitingFen = waiting ? computed(waiting) : 0n;
  const recoveryOf = (plan: LoanPlan) =>
    roundWan((plan.rows.loan.outstandingPrincipalFen as bigint) / 10n) || 10_000n * FEN;
  const recovered = claimed
    .filter((p) => p.claim === "PAID_RECOVERED")
    .reduce((sum, p) => sum + recoveryOf(p), 0n);
  // end balance ≈ half the waiting claim (the bureau sees the queue and the shortfall)
  const half = waitingFen / 2n - recovered;
  const target = waiting ? (half > 0n ? half : 0n) : 2_000_000n * FEN;
  const total = paidTotal + target;
  const first = roundWan((total * 6n) / 10n);
  const second = roundWan((total * 25n) / 100n);
  const third = roundWan(total - first - second) + 10_000n * FEN;
  const deposits: [string, bigint, string, string][] = [
    [options.poolStart, first, "郑东财预〔首批〕1号", "区财政首批注资"],
    [ago(200), second, "郑东财预〔追加〕12号", "区财政追加注资"],
    [ago(130), third, "郑东财预〔追加〕27号", "区财政追加注资（补足代偿）"],
  ];
  for (const [day, amountFen, reference, note] of deposits) {
    ops.push({
      at: shanghaiTime(workingDayFrom(day), 10),
      run: async () => {
        await recordDeposit(bureau, { amountFen, reference, note }, shanghaiTime(workingDayFrom(day), 10));
      },
    });
  }

  const materials = ["借款合同", "借据及放款凭证", "催收记录", "逾期通知书", "律师函及送达回证"];
  for (const plan of claimed) {
    const bank = bankActor(plan.app.bankId);
    const oldest = shanghaiDate(plan.rows.loan.oldestUnpaidDueOn as Date);
    const latest = claimRoles.find(([role]) => role === plan.claim)?.[1] ?? 150;
    let claimDay = addDays(oldest, 90 + rng.int(5, 25));
    if (claimDay > ago(latest)) claimDay = ago(latest);
    claimDay = clampPast(workingDayFrom(claimDay));
    // recovery actions between the default and the claim
    const actions: [number, RecoveryActionKind, string][] = [
      [15, "REMINDER", "电话及上门催收，企业称回款延迟"],
      [45, "DEMAND_LETTER", "委托律师事务所发送律师函"],
      [75, "LAWSUIT", "向郑州市郑东新区人民法院提起诉讼"],
    ];
    for (const [after, kind, description] of actions) {
      const takenOn = addDays(oldest, after);
      if (takenOn >= claimDay) continue;
      ops.push({
        at: officeTime(takenOn),
        run: async () => {
          const done = await addRecoveryAction(
            bank,
            plan.rows.loan.id,
            { takenOn, kind, description },
            officeTime(takenOn),
          );
          if (!done.ok) throw new Error(`recovery action: ${done.error}`);
        },
      });
    }
    if (plan.claim === "READY") continue;
    const filedAt = shanghaiTime(claimDay, 10, rng.int(0, 59));
    ops.push({
      at: filedAt,
      run: async () => {
        const filed = await fileClaim(
          bank,
          plan.rows.loan.id,
          {
            statement: "借款人自逾期以来未再还款，经催收、诉讼仍无法收回，申请代偿。",
            materials: materials.slice(0, rng.int(3, 5)),
          },
          filedAt,
        );
        if (!filed.ok) throw new Error(`claim on ${plan.app.number}: ${JSON.stringify(filed)}`);
        claimIds.set(plan, filed.claimId);
      },
    });
    const reviewDay = (days: number) => {
      const day = calendar.addWorkingDaysToDay(claimDay, days);
      return shanghaiTime(day > yesterday ? yesterday : day, 15, rng.int(0, 59));
    };
    const review = (at: Date, decision: Parameters<typeof reviewClaim>[2]) =>
      ops.push({
        at,
        run: async () => {
          const done = await reviewClaim(bureau, claimIds.get(plan)!, decision, undefined, at);
          if (!done.ok) throw new Error(`review of ${plan.app.number}: ${done.error}`);
        },
      });
    switch (plan.claim) {
      case "PAID":
      case "PAID_OWED":
      case "PAID_RECOVERED":
      case "APPROVED": {
        const at = plan.claim === "APPROVED" ? reviewDay(Math.min(8, latest - 3)) : reviewDay(rng.int(6, 12));
        review(at, { action: "approve", amountFen: computed(plan) });
        if (plan.claim === "PAID_OWED" || plan.claim === "PAID_RECOVERED") {
          const recoveredOn = clampPast(addDays(shanghaiDate(at), rng.int(20, 40)));
          const reportedAt = officeTime(recoveredOn);
          ops.push({
            at: reportedAt,
            run: async () => {
              // paid late when the balance was short: the recovery comes after the payment
              const claim = await db.claim.findUniqueOrThrow({
                where: { id: claimIds.get(plan)! },
                select: { state: true, paidAt: true },
              });
              if (claim.state !== "PAID" || !claim.paidAt || shanghaiDate(claim.paidAt) > recoveredOn) {
                console.warn(`\n  (claim on ${plan.app.number} not paid by ${recoveredOn}: no recovery)`);
                return;
              }
              const amountFen = recoveryOf(plan);
              const reported = await reportRecovery(
                bank,
                claimIds.get(plan)!,
                { recoveredOn, amountFen, reference: `ZS${plan.app.number.slice(4)}`, note: "法院执行回款" },
                reportedAt,
              );
              if (!reported.ok) throw new Error(`recovery on ${plan.app.number}: ${reported.error}`);
              if (plan.claim === "PAID_RECOVERED") recoveryIds.push(reported.id);
            },
          });
          if (plan.claim === "PAID_RECOVERED") {
            const receivedAt = shanghaiTime(clampPast(calendar.addWorkingDaysToDay(recoveredOn, 5)), 11);
            ops.push({
              at: receivedAt,
              run: async () => {
                const recoveryId = recoveryIds.shift();
                if (!recoveryId) return;
                const received = await markRecoveryReceived(bureau, recoveryId, receivedAt);
                if (!received.ok) throw new Error(`receipt: ${received.error}`);
              },
            });
          }
        }
        break;
      }
      case "RETURNED":
        review(reviewDay(7), { action: "return", note: "请补充法院受理通知书及最近一次催收记录" });
        break;
      case "REJECTED":
        review(reviewDay(9), {
          action: "reject",
          reason: "RECOVERY_NOT_PURSUED" satisfies ClaimRejectReason,
          text: "逾期后仅电话催收，未采取诉讼等追偿措施",
        });
        break;
      case "FILED":
        break;
    }
  }
  ops.sort((a, b) => a.at.getTime() - b.at.getTime());
  await step("pool history through the models (deposits, claims, payments, recoveries)", async () => {
    for (const op of ops) {
      if (op.at.getTime() >= now.getTime()) throw new Error(`pool event after now: ${op.at.toISOString()}`);
      await op.run();
    }
    const states = await db.claim.groupBy({
      by: ["state"],
      _count: { _all: true },
      orderBy: { state: "asc" },
    });
    const { balanceFen, ledgerSumFen } = await poolBalance(db);
    if (balanceFen !== ledgerSumFen) throw new Error("the pool's balance is not the sum of its ledger");
    return (
      `claims ${states.map((s) => `${s.state} ${s._count._all}`).join(", ")}; ` +
      `balance ${(Number(balanceFen) / 1e6).toFixed(2)} 万元`
    );
  });

  // ------------------------------------------------------------------ the suspension check, three nights ago
  if (suspendedBank) {
    await step("suspension check", async () => {
      const stepTaken = await db.$transaction((tx) =>
        checkBankSuspension(tx, suspendedBank, shanghaiTime(ago(3), 2, 0)),
      );
      return `${options.suspendedBankCode}: ${stepTaken}`;
    });
  }

  // ------------------------------------------------------------------ credit alerts for the demo bank
  if (demoBank) {
    await step("credit alerts for the demo bank", async () => {
      const borrowers = [
        ...new Set(
          plans
            .filter(
              (p) => p.app.bankId === demoBank && p.rows.loan.status === "ACTIVE" && p.demoRole === null,
            )
            .map((p) => p.app.enterpriseId),
        ),
      ].slice(0, 4);
      const decisionNo = `郑东市监罚〔${yearOfDay(ago(20))}〕${rng.int(100, 999)}号`;
      const changes: [number, CreditChange, { action: AlertAction; note: string } | null][] = [
        [
          16,
          {
            kind: "PENALTY",
            key: `penalty:${decisionNo}`,
            detail: {
              decisionNo,
              authority: "郑东新区市场监督管理局",
              decidedOn: ago(20),
              reason: "未按规定公示年度报告",
              amount: 5000,
            },
            scope: "FULL",
            source: "penalties",
            recordKey: null,
          },
          { action: "CONTACTED", note: "已联系企业财务负责人，罚款已缴纳" },
        ],
        [
          11,
          {
            kind: "TAX_DOWNGRADE",
            key: `tax:${yearOfDay(today) - 1}:C`,
            detail: { from: "B", to: "C", year: yearOfDay(today) - 1 },
            scope: "FULL",
            source: "tax",
            recordKey: `tax:${yearOfDay(today) - 1}`,
          },
          { action: "LIMIT_ADJUSTED", note: "续贷时压降授信额度" },
        ],
        [
          6,
          {
            kind: "SOCIAL_INSURANCE_ARREARS",
            key: `arrears:${ago(6).slice(0, 7)}`,
            detail: { months: 3 },
            scope: "FULL",
            source: "socialInsurance",
            recordKey: "socialInsurance",
          },
          null,
        ],
        [
          1,
          {
            kind: "ENFORCEMENT",
            key: "enforcement:1",
            detail: { from: 0, to: 1 },
            scope: "FULL",
            source: "judicial",
            recordKey: "judicial",
          },
          null,
        ],
      ];
      let raised = 0;
      let acknowledged = 0;
      for (const [i, [daysAgo, change, ack]] of changes.entries()) {
        const enterpriseId = borrowers[i];
        if (!enterpriseId) break;
        const detectedAt = shanghaiTime(ago(daysAgo), 3, 10 + i);
        const dueAt = calendar.addWorkingDays(detectedAt, 3);
        raised += await db.$transaction((tx) =>
          raiseCreditAlerts(tx, { enterpriseId, changes: [change], now: detectedAt, dueAt }),
        );
        if (ack) {
          const acknowledgedAt = shanghaiTime(calendar.addWorkingDaysToDay(ago(daysAgo), 1), 10, 30);
          const alert = await db.creditAlert.findFirstOrThrow({
            where: { enterpriseId, changeKey: change.key, bankId: demoBank },
            select: { id: true },
          });
          const done = await acknowledgeAlert(bankActor(demoBank), alert.id, ack, acknowledgedAt);
          if (!done.ok) throw new Error(`acknowledging an alert: ${JSON.stringify(done)}`);
          acknowledged += 1;
        }
      }
      return `${raised} alerts (all banks told), ${acknowledged} acknowledged by the demo bank`;
    });
  }

  const demo = plans.filter((p) => p.demoRole !== null);
  for (const p of demo) {
    const maturity = maturityOf({ disbursedOn: p.disbursedOn, termMonths: p.app.approvedTermMonths ?? 12 });
    if (p.demoRole === "renewal" && (daysBetween(today, maturity) < 30 || daysBetween(today, maturity) > 60))
      throw new Error(`the demo's renewal loan matures on ${maturity}, not in 30–60 days`);
  }
  return lines;
}

const yearOfDay = (day: string) => Number(day.slice(0, 4));
