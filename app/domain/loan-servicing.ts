/**
 * 贷后: what a repayment pays, what settling costs, how late a loan is and its risk class.
 * Pure functions over a loan's periods; app/models/loan.server.ts stores what they return.
 *
 * The rules (docs/decisions/014-loans-and-schedules.md):
 * - A repayment pays the periods due on or before its date, oldest first, interest before
 *   principal, then the current period (the next one to fall due: paying an instalment a few
 *   days early pays that instalment).
 * - What is left after the current period is early repayment of principal (提前还本): it is
 *   booked on the current period and the later periods are rescheduled by the loan's method
 *   over the same due dates on the lower principal (lower instalments, same term).
 * - Settlement (结清) on a day costs the unpaid amounts due by then, the current period's
 *   interest accrued to that day (evenly over the period's days, half-up; never less than
 *   what was already paid of it), and all remaining principal. A repayment of exactly that
 *   amount settles the loan; the current period's interest is cut to the accrued amount and
 *   the later periods are removed.
 * - The most a repayment may be is everything unpaid up to and including the current period
 *   plus the later periods' principal: more is refused, never kept as a credit.
 * - No penalty interest (罚息) is computed: banks keep it in their own systems.
 */
import Decimal from "decimal.js";

import { NON_PERFORMING, RISK_CLASSES, type DpdBand, type RiskClass } from "./loan-codes";
import { periodsFor, roundFen, type RepaymentMethod, type ScheduledPeriod } from "./loan-schedule";

export {
  DPD_BANDS,
  NON_PERFORMING,
  RISK_CLASSES,
  isDpdBand,
  isRiskClass,
  type DpdBand,
  type RiskClass,
} from "./loan-codes";
import { addDays, daysBetween, isIsoDay } from "./shanghai-time";

export interface PeriodState extends ScheduledPeriod {
  paidPrincipalFen: bigint;
  paidInterestFen: bigint;
  /** the day the period was paid in full, null while anything is unpaid */
  paidOffOn: string | null;
}

export interface LoanPosition {
  disbursedOn: string;
  rateBp: number;
  method: RepaymentMethod;
  /** in schedule order */
  periods: readonly PeriodState[];
}

export function freshPeriods(schedule: readonly ScheduledPeriod[]): PeriodState[] {
  return schedule.map((p) => ({ ...p, paidPrincipalFen: 0n, paidInterestFen: 0n, paidOffOn: null }));
}

export function unpaidInterest(p: PeriodState): bigint {
  return p.interestFen - p.paidInterestFen;
}

export function unpaidPrincipal(p: PeriodState): bigint {
  return p.principalFen - p.paidPrincipalFen;
}

export function unpaidOf(p: PeriodState): bigint {
  return unpaidInterest(p) + unpaidPrincipal(p);
}

export function outstandingPrincipal(periods: readonly PeriodState[]): bigint {
  return periods.reduce((sum, p) => sum + unpaidPrincipal(p), 0n);
}

function sumOf(values: readonly bigint[]): bigint {
  return values.reduce((a, b) => a + b, 0n);
}

// ---------------------------------------------------------------- days past due and risk class

/** Due date of the earliest period with anything unpaid (null when all is paid). */
export function oldestUnpaidDueOn(periods: readonly PeriodState[]): string | null {
  return periods.find((p) => unpaidOf(p) > 0n)?.dueOn ?? null;
}

/**
 * Days past due on `today` (Shanghai calendar days) given the oldest unpaid due date: a period
 * due today is not yet late; unpaid tomorrow it is 1 day past due.
 */
export function daysPastDueFrom(oldestUnpaid: string | null, today: string): number {
  if (!oldestUnpaid) return 0;
  return Math.max(0, daysBetween(oldestUnpaid, today));
}

export function daysPastDue(periods: readonly PeriodState[], today: string): number {
  return daysPastDueFrom(oldestUnpaidDueOn(periods), today);
}

/** The highest DPD of each class; LOSS is everything past 360. */
const CLASS_UPPER_DPD: ReadonlyArray<[RiskClass, number]> = [
  ["NORMAL", 0],
  ["SPECIAL_MENTION", 90],
  ["SUBSTANDARD", 270],
  ["DOUBTFUL", 360],
];

/** The least severe class a loan this late may carry: 0 正常, 1–90 关注, 91–270 次级, 271–360 可疑, >360 损失. */
export function riskClassFloor(dpd: number): RiskClass {
  for (const [riskClass, upper] of CLASS_UPPER_DPD) if (dpd <= upper) return riskClass;
  return "LOSS";
}

function severity(riskClass: RiskClass): number {
  return RISK_CLASSES.indexOf(riskClass);
}

export function worseClass(a: RiskClass, b: RiskClass): RiskClass {
  return severity(a) >= severity(b) ? a : b;
}

/** The class in force: the floor, or the bank's report where it is worse. */
export function riskClassInForce(dpd: number, reported: RiskClass | null): RiskClass {
  const floor = riskClassFloor(dpd);
  return reported ? worseClass(floor, reported) : floor;
}

export function isNonPerforming(riskClass: RiskClass): boolean {
  return NON_PERFORMING.includes(riskClass);
}

/** A bank may report a worse class than the floor, never a better one. */
export function classReportProblem(reported: RiskClass, dpd: number): "BETTER_THAN_FLOOR" | null {
  return severity(reported) < severity(riskClassFloor(dpd)) ? "BETTER_THAN_FLOOR" : null;
}

/** Smallest DPD of each class, for turning a class into a due-date range. */
export function minDpdOfClass(riskClass: RiskClass): number {
  const index = severity(riskClass);
  return index === 0 ? 0 : CLASS_UPPER_DPD[index - 1][1] + 1;
}

export function dpdBandOf(dpd: number): DpdBand {
  if (dpd <= 0) return "0";
  if (dpd <= 30) return "1-30";
  if (dpd <= 60) return "31-60";
  if (dpd <= 90) return "61-90";
  if (dpd <= 180) return "91-180";
  if (dpd <= 360) return "181-360";
  return "361+";
}

/**
 * The DPD range [min, max] of a band (max null = no upper bound). A loan is in it when its
 * oldest unpaid due date lies in [today − max, today − min]; band "0" also covers loans with
 * nothing unpaid (no due date).
 */
export function dpdRangeOfBand(band: DpdBand): { min: number; max: number | null } {
  if (band === "0") return { min: 0, max: 0 };
  if (band === "361+") return { min: 361, max: null };
  const [min, max] = band.split("-").map(Number);
  return { min, max };
}

/** The oldest-unpaid-due-date window of DPD range [min, max] on `today` (inclusive days). */
export function dueDateWindow(range: { min: number; max: number | null }, today: string) {
  return {
    /** oldest unpaid due date ≤ this */
    latest: addDays(today, -range.min),
    /** oldest unpaid due date ≥ this (null = no lower bound) */
    earliest: range.max === null ? null : addDays(today, -range.max),
  };
}

// ---------------------------------------------------------------- quotes and repayments

/** Index of the current period: the first one falling due after `on` (−1 past maturity). */
function currentIndex(periods: readonly PeriodState[], on: string): number {
  return periods.findIndex((p) => p.dueOn > on);
}

/** Interest of the current period accrued by `on`: evenly over its days, half-up. */
function accruedInterest(position: LoanPosition, index: number, on: string): bigint {
  const period = position.periods[index];
  const start = index === 0 ? position.disbursedOn : position.periods[index - 1].dueOn;
  const days = daysBetween(start, period.dueOn);
  const elapsed = Math.min(Math.max(daysBetween(start, on), 0), days);
  if (days <= 0) return period.interestFen;
  return roundFen(new Decimal(period.interestFen.toString()).mul(elapsed).div(days));
}

export interface SettlementQuote {
  /** unpaid interest and principal of the periods due on or before the day */
  dueFen: bigint;
  /** interest of the current period still to pay if the loan is settled that day */
  accruedInterestFen: bigint;
  /** principal not yet due */
  futurePrincipalFen: bigint;
  /** settling costs this much (结清金额) */
  settlementFen: bigint;
  /** the most a repayment that day may be: all unpaid through the current period + later principal */
  maxFen: bigint;
}

export function quoteSettlement(position: LoanPosition, on: string): SettlementQuote {
  const { periods } = position;
  const current = currentIndex(periods, on);
  const due = current === -1 ? periods : periods.slice(0, current);
  const dueFen = sumOf(due.map(unpaidOf));
  if (current === -1) {
    return { dueFen, accruedInterestFen: 0n, futurePrincipalFen: 0n, settlementFen: dueFen, maxFen: dueFen };
  }
  const period = periods[current];
  const accrued = accruedInterest(position, current, on);
  const charged = accrued > period.paidInterestFen ? accrued : period.paidInterestFen;
  const accruedInterestFen = charged - period.paidInterestFen;
  const futurePrincipalFen = sumOf(periods.slice(current).map(unpaidPrincipal));
  const laterPrincipal = sumOf(periods.slice(current + 1).map(unpaidPrincipal));
  return {
    dueFen,
    accruedInterestFen,
    futurePrincipalFen,
    settlementFen: dueFen + accruedInterestFen + futurePrincipalFen,
    maxFen: dueFen + unpaidOf(period) + laterPrincipal,
  };
}

export type RepaymentKind = "INSTALMENT" | "PREPAYMENT" | "SETTLEMENT";

export interface Allocation {
  seq: number;
  interestFen: bigint;
  principalFen: bigint;
}

export type RepaymentOutcome =
  | {
      ok: true;
      kind: RepaymentKind;
      principalFen: bigint;
      interestFen: bigint;
      allocation: Allocation[];
      /** the periods after the repayment (rescheduled, or shortened by a settlement) */
      periods: PeriodState[];
      settled: boolean;
    }
  | { ok: false; error: "AMOUNT_NOT_POSITIVE" | "NOTHING_OWED" }
  | { ok: false; error: "MORE_THAN_OWED"; maxFen: bigint };

/** Applies one repayment of `amountFen` made on `paidOn` (see the rules at the top). */
export function applyRepayment(
  position: LoanPosition,
  { paidOn, amountFen }: { paidOn: string; amountFen: bigint },
): RepaymentOutcome {
  if (amountFen <= 0n) return { ok: false, error: "AMOUNT_NOT_POSITIVE" };
  if (outstandingPrincipal(position.periods) + sumOf(position.periods.map(unpaidInterest)) === 0n)
    return { ok: false, error: "NOTHING_OWED" };
  const quote = quoteSettlement(position, paidOn);
  if (amountFen > quote.maxFen) return { ok: false, error: "MORE_THAN_OWED", maxFen: quote.maxFen };

  const periods = position.periods.map((p) => ({ ...p }));
  const current = currentIndex(periods, paidOn);
  const allocation = new Map<number, Allocation>();
  const book = (p: PeriodState, interest: bigint, principal: bigint) => {
    if (interest === 0n && principal === 0n) return;
    p.paidInterestFen += interest;
    p.paidPrincipalFen += principal;
    if (unpaidOf(p) === 0n && p.paidOffOn === null) p.paidOffOn = paidOn;
    const entry = allocation.get(p.seq) ?? { seq: p.seq, interestFen: 0n, principalFen: 0n };
    entry.interestFen += interest;
    entry.principalFen += principal;
    allocation.set(p.seq, entry);
  };
  const lastTouched = current === -1 ? periods.length - 1 : current;

  if (amountFen === quote.settlementFen && current !== -1 && quote.settlementFen < quote.maxFen) {
    // 结清: everything due, the current period's interest accrued to today, all principal.
    for (const p of periods.slice(0, current)) book(p, unpaidInterest(p), unpaidPrincipal(p));
    const period = periods[current];
    const laterPrincipal = sumOf(periods.slice(current + 1).map(unpaidPrincipal));
    period.interestFen = period.paidInterestFen + quote.accruedInterestFen;
    period.principalFen += laterPrincipal;
    book(period, unpaidInterest(period), unpaidPrincipal(period));
    return outcome(periods.slice(0, current + 1), allocation, "SETTLEMENT", true);
  }

  let left = amountFen;
  for (const p of periods.slice(0, lastTouched + 1)) {
    const interest = min(left, unpaidInterest(p));
    left -= interest;
    const principal = min(left, unpaidPrincipal(p));
    left -= principal;
    book(p, interest, principal);
    if (left === 0n) break;
  }
  if (left === 0n) {
    const settled = periods.every((p) => unpaidOf(p) === 0n);
    return outcome(periods, allocation, settled ? "SETTLEMENT" : "INSTALMENT", settled);
  }

  // 提前还本: booked on the current period, the later periods rescheduled on what is left.
  const period = periods[current];
  const later = periods.slice(current + 1);
  const remaining = sumOf(later.map((p) => p.principalFen)) - left;
  period.principalFen += left;
  book(period, 0n, left);
  if (remaining === 0n) return outcome(periods.slice(0, current + 1), allocation, "SETTLEMENT", true);
  const rescheduled = periodsFor({
    principalFen: remaining,
    rateBp: position.rateBp,
    method: position.method,
    dueOns: later.map((p) => p.dueOn),
    startOn: period.dueOn,
    firstSeq: later[0].seq,
  });
  return outcome(
    [...periods.slice(0, current + 1), ...freshPeriods(rescheduled)],
    allocation,
    "PREPAYMENT",
    false,
  );
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

function outcome(
  periods: PeriodState[],
  allocation: Map<number, Allocation>,
  kind: RepaymentKind,
  settled: boolean,
): RepaymentOutcome {
  const parts = [...allocation.values()];
  return {
    ok: true,
    kind,
    principalFen: sumOf(parts.map((a) => a.principalFen)),
    interestFen: sumOf(parts.map((a) => a.interestFen)),
    allocation: parts,
    periods,
    settled,
  };
}

/** Why a repayment date cannot be recorded (null when it can). */
export function repaymentDateProblem({
  paidOn,
  today,
  disbursedOn,
  lastPaidOn,
}: {
  paidOn: string;
  today: string;
  disbursedOn: string;
  /** the latest date among the loan's recorded repayments */
  lastPaidOn: string | null;
}): "INVALID" | "FUTURE" | "BEFORE_DISBURSEMENT" | "BEFORE_LAST_REPAYMENT" | null {
  if (!isIsoDay(paidOn)) return "INVALID";
  if (paidOn > today) return "FUTURE";
  if (paidOn < disbursedOn) return "BEFORE_DISBURSEMENT";
  // Rescheduling after an early repayment depends on the order of payments: a repayment
  // dated before one already recorded would rewrite history, so it is refused.
  if (lastPaidOn && paidOn < lastPaidOn) return "BEFORE_LAST_REPAYMENT";
  return null;
}

/** The position after replaying repayments in order (seed, tests, and checks of stored rows). */
export function replayRepayments(
  position: LoanPosition,
  repayments: ReadonlyArray<{ paidOn: string; amountFen: bigint }>,
): LoanPosition {
  let periods = position.periods;
  for (const repayment of repayments) {
    const result = applyRepayment({ ...position, periods }, repayment);
    if (!result.ok)
      throw new RangeError(`repayment of ${repayment.amountFen} on ${repayment.paidOn}: ${result.error}`);
    periods = result.periods;
  }
  return { ...position, periods };
}
