/**
 * The city dataset's loans (bench/dataset.ts): one Loan per disbursed application with its
 * schedule (the domain's own `buildSchedule`, exact to the 分) and its repayments as of NOW — most
 * paid on time, some late, some stopped (overdue, a few past 90 days); loans whose every period is
 * paid are settled. Then the pool: one rule version (郑科贷 terms), filings of most qualifying
 * loans, deposits, and claims on filed loans past 90 days (paid ones with their ledger lines, so
 * the balance is the sum of the ledger). Raw batched inserts like the rest of the dataset.
 */
import Decimal from "decimal.js";

import {
  buildSchedule,
  bulletInterest,
  dueDates,
  addMonthsClamped,
  equalInstalment,
  maturityOf,
  type RepaymentMethod,
  type ScheduledPeriod,
} from "../app/domain/loan-schedule";
import { DEFAULT_RULE_TERMS } from "../app/domain/risk-pool";
import { addDays, shanghaiDate, startOfShanghaiDay } from "../app/domain/shanghai-time";
import type { Value } from "./driver";

/** What the dataset knows of one disbursed application. */
export interface DisbursedLoan {
  applicationId: string;
  enterpriseId: string;
  bankId: string;
  productId: string;
  subDistrictId: string;
  /** the firm's section and size, the application's whitelist flag, the product's type (copied onto the loan) */
  sectionCode: string;
  size: string;
  whitelisted: boolean;
  productType: string;
  bankUserId: string;
  principalYuan: number;
  rateBp: number;
  termMonths: number;
  disbursedAt: number;
  firstLoan: boolean;
  /** credit or guarantee product, not a large firm, ≤ 1000万: the pool's rules cover it */
  qualifies: boolean;
}

type Insert = (table: string, columns: string[], rows: Iterable<Value[]>, total: number) => Promise<unknown>;
/** A batch insert without progress lines (the loans are written in chunks). */
type Write = (table: string, columns: string[], rows: Iterable<Value[]>) => Promise<unknown>;

const LOAN_COLUMNS = [
  "id",
  "applicationId",
  "enterpriseId",
  "bankId",
  "productId",
  "subDistrictId",
  "principalFen",
  "rateBp",
  "termMonths",
  "disbursedOn",
  "maturityOn",
  "repaymentMethod",
  "status",
  "settledOn",
  "settledBy",
  "outstandingPrincipalFen",
  "paidPrincipalFen",
  "paidInterestFen",
  "oldestUnpaidDueOn",
  "firstLoan",
  "sectionCode",
  "size",
  "whitelisted",
  "productType",
  "filed",
  "version",
  "createdAt",
  "updatedAt",
];
const PERIOD_COLUMNS = [
  "id",
  "loanId",
  "seq",
  "dueOn",
  "principalFen",
  "interestFen",
  "paidPrincipalFen",
  "paidInterestFen",
  "paidOffOn",
];
const REPAYMENT_COLUMNS = [
  "id",
  "loanId",
  "bankId",
  "reference",
  "paidOn",
  "amountFen",
  "principalFen",
  "interestFen",
  "kind",
  "allocation",
  "channel",
  "reportedById",
  "createdAt",
];
/** Loans computed and written per chunk, so that millions of periods never sit in memory. */
const CHUNK = 5_000;

const METHODS: RepaymentMethod[] = [
  "EQUAL_INSTALMENT",
  "EQUAL_INSTALMENT",
  "EQUAL_INSTALMENT",
  "EQUAL_PRINCIPAL",
  "INTEREST_MONTHLY",
  "INTEREST_MONTHLY",
  "BULLET",
];
const POOL_ID = "district";

// ---------------------------------------------------------------- a fast schedule, the domain's to the 分
// buildSchedule takes ~1–3 ms a loan (decimal arithmetic at 40 digits, a power per 等额本息 loan):
// minutes for 150k loans. The same rules in exact integer arithmetic give the same numbers (a
// sample is checked against buildSchedule while building); the rare exact half-分 falls back to
// the domain's decimals, where its rounding of the monthly rate decides.

const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
const MONTHLY = 120_000n; // bp per year × 12 months

/** num ÷ den half-up (num ≥ 0, den > 0), or null when exactly half-way. */
function halfUp(num: bigint, den: bigint): bigint | null {
  const q = num / den;
  const twice = (num % den) * 2n;
  if (twice === den) return null;
  return twice > den ? q + 1n : q;
}

function monthlyInterest(outstanding: bigint, rateBp: number): bigint {
  const exact = halfUp(outstanding * BigInt(rateBp), MONTHLY);
  if (exact !== null) return exact;
  const r = new Dec(rateBp).div(10_000).div(12);
  return BigInt(new Dec(outstanding.toString()).mul(r).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));
}

function instalment(principal: bigint, rateBp: number, n: number): bigint {
  if (rateBp === 0) return equalInstalment(principal, rateBp, n);
  const growth = (MONTHLY + BigInt(rateBp)) ** BigInt(n);
  const base = MONTHLY ** BigInt(n);
  const exact = halfUp(principal * BigInt(rateBp) * growth, MONTHLY * (growth - base));
  return exact ?? equalInstalment(principal, rateBp, n);
}

export function fastSchedule(terms: {
  principalFen: bigint;
  rateBp: number;
  termMonths: number;
  disbursedOn: string;
  method: RepaymentMethod;
}): ScheduledPeriod[] {
  const { principalFen, rateBp, termMonths: n, disbursedOn, method } = terms;
  if (method === "BULLET") {
    const dueOn = addMonthsClamped(disbursedOn, n);
    return [
      { seq: 1, dueOn, principalFen, interestFen: bulletInterest(principalFen, rateBp, disbursedOn, dueOn) },
    ];
  }
  const dueOns = dueDates(disbursedOn, n);
  const a = method === "EQUAL_INSTALMENT" ? instalment(principalFen, rateBp, n) : 0n;
  const evenShare = principalFen / BigInt(n);
  const periods: ScheduledPeriod[] = [];
  let outstanding = principalFen;
  for (let i = 0; i < n; i++) {
    const interestFen = monthlyInterest(outstanding, rateBp);
    let principal =
      i === n - 1
        ? outstanding
        : method === "EQUAL_INSTALMENT"
          ? a - interestFen
          : method === "EQUAL_PRINCIPAL"
            ? evenShare
            : 0n;
    if (principal < 0n) principal = 0n;
    if (principal > outstanding) principal = outstanding;
    periods.push({ seq: i + 1, dueOn: dueOns[i], principalFen: principal, interestFen });
    outstanding -= principal;
  }
  return periods;
}
const DAY = 86_400_000;

export async function insertLoans(
  loans: readonly DisbursedLoan[],
  {
    insert,
    write,
    random,
    now,
    log,
  }: { insert: Insert; write: Write; random: () => number; now: Date; log: (line: string) => void },
) {
  const today = shanghaiDate(now);
  const yesterday = addDays(today, -1);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const ruleDay = "2024-06-01";
  const ruleId = "rule-zhengkedai";

  let loanRows: Value[][] = [];
  let periodRows: Value[][] = [];
  let repaymentRows: Value[][] = [];
  const written = { loans: 0, periods: 0, repayments: 0 };
  const flush = async () => {
    await write("Loan", LOAN_COLUMNS, loanRows);
    await write("LoanPeriod", PERIOD_COLUMNS, periodRows);
    await write("Repayment", REPAYMENT_COLUMNS, repaymentRows);
    written.loans += loanRows.length;
    written.periods += periodRows.length;
    written.repayments += repaymentRows.length;
    loanRows = [];
    periodRows = [];
    repaymentRows = [];
  };
  const filingRows: Value[][] = [];
  const claimable: {
    loanId: string;
    filingId: string;
    bankId: string;
    outstanding: bigint;
    first: boolean;
    since: string;
  }[] = [];
  const started = Date.now();
  for (const [n, l] of loans.entries()) {
    const loanId = `loan${String(n).padStart(6, "0")}`;
    let method = METHODS[int(0, METHODS.length - 1)];
    if (method === "BULLET" && l.termMonths > 12) method = "INTEREST_MONTHLY";
    const disbursedOn = shanghaiDate(new Date(l.disbursedAt));
    const principalFen = BigInt(l.principalYuan) * 100n;
    const terms = { principalFen, rateBp: l.rateBp, termMonths: l.termMonths, disbursedOn, method };
    const schedule = fastSchedule(terms);
    if (n % 500 === 0) {
      const expected = JSON.stringify(buildSchedule(terms), (_, v) =>
        typeof v === "bigint" ? v.toString() : v,
      );
      const got = JSON.stringify(schedule, (_, v) => (typeof v === "bigint" ? v.toString() : v));
      if (expected !== got)
        throw new Error(
          `the fast schedule differs from buildSchedule for ${JSON.stringify({ ...terms, principalFen: String(principalFen) })}`,
        );
    }
    const due = schedule.filter((p) => p.dueOn <= yesterday).length;
    // 85% on time, 7% late, 8% stopped paying (after 0.. due−1 periods)
    const draw = random();
    const late = draw >= 0.85 && draw < 0.92 ? int(3, 20) : 0;
    const paidPeriods = draw >= 0.92 && due > 0 ? int(Math.max(0, due - 8), due - 1) : due;
    let paidPrincipal = 0n;
    let paidInterest = 0n;
    let oldestUnpaid: string | null = null;
    let lastPaidOn: string | null = null;
    for (const p of schedule) {
      const paidOn = addDays(p.dueOn, late);
      const paid = p.seq <= paidPeriods && paidOn <= yesterday;
      if (paid) {
        paidPrincipal += p.principalFen;
        paidInterest += p.interestFen;
        lastPaidOn = paidOn;
        repaymentRows.push([
          `rp${n}-${p.seq}`,
          loanId,
          l.bankId,
          `B${n}-${p.seq}`,
          startOfShanghaiDay(paidOn),
          p.principalFen + p.interestFen,
          p.principalFen,
          p.interestFen,
          "INSTALMENT",
          JSON.stringify([
            { seq: p.seq, interestFen: p.interestFen.toString(), principalFen: p.principalFen.toString() },
          ]),
          random() < 0.3 ? "API" : "PORTAL",
          l.bankUserId,
          new Date(startOfShanghaiDay(paidOn).getTime() + 16 * 3_600_000),
        ]);
      } else if (oldestUnpaid === null) oldestUnpaid = p.dueOn;
      periodRows.push([
        `lp${n}-${p.seq}`,
        loanId,
        p.seq,
        startOfShanghaiDay(p.dueOn),
        p.principalFen,
        p.interestFen,
        paid ? p.principalFen : 0n,
        paid ? p.interestFen : 0n,
        paid ? startOfShanghaiDay(paidOn) : null,
      ]);
    }
    const settled = oldestUnpaid === null && lastPaidOn !== null && paidPrincipal === principalFen;
    const outstanding = principalFen - paidPrincipal;
    const disbursedDay = startOfShanghaiDay(disbursedOn);
    // filed with the pool (备案), decided before the loan's row, which says so (Loan.filed)
    let filed = false;
    if (l.qualifies && disbursedOn >= ruleDay && random() < 0.7) {
      const filedAt = new Date(l.disbursedAt + int(1, 20) * DAY);
      if (filedAt < now) {
        filed = true;
        filingRows.push([`fil${n}`, loanId, l.bankId, ruleId, principalFen, filedAt, l.bankUserId]);
        if (!settled && oldestUnpaid && oldestUnpaid <= addDays(today, -95))
          claimable.push({
            loanId,
            filingId: `fil${n}`,
            bankId: l.bankId,
            outstanding,
            first: l.firstLoan,
            since: oldestUnpaid,
          });
      }
    }
    loanRows.push([
      loanId,
      l.applicationId,
      l.enterpriseId,
      l.bankId,
      l.productId,
      l.subDistrictId,
      principalFen,
      l.rateBp,
      l.termMonths,
      disbursedDay,
      startOfShanghaiDay(maturityOf({ disbursedOn, termMonths: l.termMonths })),
      method,
      settled ? "SETTLED" : "ACTIVE",
      settled ? startOfShanghaiDay(lastPaidOn!) : null,
      settled ? "REPAID" : null,
      outstanding,
      paidPrincipal,
      paidInterest,
      oldestUnpaid ? startOfShanghaiDay(oldestUnpaid) : null,
      l.firstLoan,
      l.sectionCode,
      l.size,
      l.whitelisted,
      l.productType,
      filed,
      paidPeriods,
      new Date(l.disbursedAt),
      lastPaidOn
        ? new Date(startOfShanghaiDay(lastPaidOn).getTime() + 16 * 3_600_000)
        : new Date(l.disbursedAt),
    ]);
    if (loanRows.length === CHUNK || n + 1 === loans.length) await flush();
    if ((n + 1) % 25_000 === 0 || n + 1 === loans.length) {
      log(
        `  schedules: ${(n + 1).toLocaleString("en")}/${loans.length.toLocaleString("en")} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
    }
  }
  // ---------------------------------------------------------------- the pool
  const ruleCreated = startOfShanghaiDay(addDays(ruleDay, -10));
  await insert(
    "PoolRule",
    [
      "id",
      "effectiveOn",
      "coverageBp",
      "firstLoanBonusBp",
      "capYuan",
      "guaranteeTypes",
      "maxPrincipalYuan",
      "sizes",
      "whitelistOnly",
      "filingWindowDays",
      "claimThresholdDpd",
      "suspensionThresholdBp",
      "note",
      "createdAt",
    ],
    [
      [
        ruleId,
        ruleDay,
        DEFAULT_RULE_TERMS.coverageBp,
        DEFAULT_RULE_TERMS.firstLoanBonusBp,
        DEFAULT_RULE_TERMS.capYuan,
        DEFAULT_RULE_TERMS.guaranteeTypes.join(","),
        DEFAULT_RULE_TERMS.maxPrincipalYuan,
        DEFAULT_RULE_TERMS.sizes.join(","),
        DEFAULT_RULE_TERMS.whitelistOnly,
        DEFAULT_RULE_TERMS.filingWindowDays,
        DEFAULT_RULE_TERMS.claimThresholdDpd,
        DEFAULT_RULE_TERMS.suspensionThresholdBp,
        "郑科贷",
        ruleCreated,
      ],
    ],
    1,
  );
  await insert(
    "Filing",
    ["id", "loanId", "bankId", "ruleId", "principalFen", "filedAt", "filedById"],
    filingRows,
    filingRows.length,
  );

  // Claims: paid (with their ledger lines), filed, returned, rejected; deposits first.
  const claimRows: Value[][] = [];
  const movementRows: Value[][] = [];
  const deposits = 40;
  let balance = 0n;
  const depositFen = 100_000_000n * 100n; // 1亿元 each
  for (let d = 0; d < deposits; d++) {
    balance += depositFen;
    movementRows.push([
      `pm-d${d}`,
      POOL_ID,
      "DEPOSIT",
      depositFen,
      balance,
      null,
      `郑东财预〔${d + 1}〕号`,
      new Date(startOfShanghaiDay(ruleDay).getTime() + d * 15 * DAY + 10 * 3_600_000),
    ]);
  }
  for (const [i, c] of claimable.entries()) {
    const coverage = DEFAULT_RULE_TERMS.coverageBp + (c.first ? DEFAULT_RULE_TERMS.firstLoanBonusBp : 0);
    let computed = (c.outstanding * BigInt(coverage) + 5_000n) / 10_000n;
    const cap = BigInt(DEFAULT_RULE_TERMS.capYuan) * 100n;
    if (computed > cap) computed = cap;
    const submitted = new Date(startOfShanghaiDay(addDays(c.since, 92)).getTime() + 10 * 3_600_000);
    if (submitted >= now) continue;
    const draw = random();
    const state = draw < 0.55 ? "PAID" : draw < 0.75 ? "FILED" : draw < 0.85 ? "RETURNED" : "REJECTED";
    const decided = new Date(submitted.getTime() + int(5, 15) * DAY);
    const paid = state === "PAID" && decided < now && balance >= computed;
    const finalState = state === "PAID" && !paid ? "FILED" : state;
    const dpd = Math.round((submitted.getTime() - startOfShanghaiDay(c.since).getTime()) / DAY);
    claimRows.push([
      `clm${i}`,
      c.loanId,
      c.filingId,
      c.bankId,
      finalState,
      c.outstanding,
      dpd,
      coverage,
      c.first,
      computed,
      paid ? computed : null,
      submitted,
      submitted,
      paid ? decided : null,
      paid ? decided : null,
      finalState === "PAID" || finalState === "REJECTED" ? decided : null,
      finalState === "RETURNED" ? "请补充催收记录" : null,
      finalState === "REJECTED" ? "RECOVERY_NOT_PURSUED" : null,
      submitted,
      finalState === "FILED" ? submitted : decided,
    ]);
    if (paid) {
      balance -= computed;
      movementRows.push([`pm-c${i}`, POOL_ID, "COMPENSATION", -computed, balance, `clm${i}`, "", decided]);
    }
  }
  // the ledger in time order: balances after each line recomputed in that order
  movementRows.sort((a, b) => (a[7] as Date).getTime() - (b[7] as Date).getTime());
  let running = 0n;
  for (const row of movementRows) {
    running += row[3] as bigint;
    if (running < 0n) throw new Error("the bench pool's ledger went below zero");
    row[4] = running;
  }
  await insert(
    "RiskPool",
    ["id", "name", "balanceFen", "createdAt", "updatedAt"],
    [[POOL_ID, "郑东新区信易贷风险补偿资金池", running, ruleCreated, now]],
    1,
  );
  await insert(
    "Claim",
    [
      "id",
      "loanId",
      "filingId",
      "bankId",
      "state",
      "principalAtClaimFen",
      "daysPastDue",
      "coverageBp",
      "firstLoan",
      "computedFen",
      "approvedFen",
      "submittedAt",
      "firstSubmittedAt",
      "approvedAt",
      "paidAt",
      "decidedAt",
      "returnNote",
      "rejectReason",
      "createdAt",
      "updatedAt",
    ],
    claimRows,
    claimRows.length,
  );
  await insert(
    "PoolMovement",
    ["id", "poolId", "kind", "amountFen", "balanceAfterFen", "claimId", "reference", "at"],
    movementRows,
    movementRows.length,
  );
  return {
    ...written,
    filings: filingRows.length,
    claims: claimRows.length,
  };
}
