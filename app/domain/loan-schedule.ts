/**
 * 还款计划: the repayment schedule of a loan, exact to the 分.
 *
 * Money is bigint 分 (a 20亿元 principal is 2e11 分, past 2^31 and too close to 2^53 for
 * products of floats); every division and power goes through decimal.js with enough digits
 * that the only rounding is the one the SPEC names: half-up to the 分 for each interest
 * amount and for the 等额本息 instalment.
 *
 * Dates are Shanghai calendar days "YYYY-MM-DD". Period k falls due k months after the
 * disbursement date on the same day of the month, or on the month's last day where that
 * day does not exist — counted from the disbursement date each time, so a loan of 31 Jan
 * falls due 28/29 Feb, then 31 Mar (not 28 Mar).
 */
import Decimal from "decimal.js";

import { BULLET_MAX_TERM_MONTHS, isRepaymentMethod, type RepaymentMethod } from "./loan-codes";
import { daysBetween, isIsoDay } from "./shanghai-time";

export {
  BULLET_MAX_TERM_MONTHS,
  REPAYMENT_METHODS,
  isRepaymentMethod,
  type RepaymentMethod,
} from "./loan-codes";

/** Bank lending convention: 日利率 = 年利率 ÷ 360. */
export const DAYS_PER_YEAR = 360;

// 40 significant digits: (1 + r)^360 of a 36% loan is ~1.6e46 — the ratio we take of it keeps
// far more digits than the 13 a 2e11-分 principal needs.
const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export interface ScheduledPeriod {
  /** 1..n */
  seq: number;
  dueOn: string;
  principalFen: bigint;
  interestFen: bigint;
}

export interface LoanTerms {
  principalFen: bigint;
  rateBp: number;
  termMonths: number;
  /** "YYYY-MM-DD" */
  disbursedOn: string;
  method: RepaymentMethod;
}

/** Why terms cannot have a schedule (null when they can). */
export function termsProblem(
  terms: LoanTerms,
): "PRINCIPAL" | "RATE" | "TERM" | "DATE" | "METHOD" | "BULLET_TERM" | null {
  if (typeof terms.principalFen !== "bigint" || terms.principalFen <= 0n) return "PRINCIPAL";
  if (!Number.isSafeInteger(terms.rateBp) || terms.rateBp < 0) return "RATE";
  if (!Number.isSafeInteger(terms.termMonths) || terms.termMonths < 1 || terms.termMonths > 600)
    return "TERM";
  if (!isIsoDay(terms.disbursedOn)) return "DATE";
  if (!isRepaymentMethod(terms.method)) return "METHOD";
  if (terms.method === "BULLET" && terms.termMonths > BULLET_MAX_TERM_MONTHS) return "BULLET_TERM";
  return null;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The day `months` months after `day`, clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonthsClamped(day: string, months: number): string {
  if (!isIsoDay(day)) throw new RangeError(`not a YYYY-MM-DD date: ${day}`);
  if (!Number.isSafeInteger(months)) throw new RangeError(`not a whole number of months: ${months}`);
  const [year, month, date] = day.split("-").map(Number);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const d = Math.min(date, lastDayOfMonth(y, m));
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Due dates of periods 1..n. */
export function dueDates(disbursedOn: string, termMonths: number): string[] {
  return Array.from({ length: termMonths }, (_, i) => addMonthsClamped(disbursedOn, i + 1));
}

/** The monthly rate r = annual rate ÷ 12, exact (bp ÷ 10000 ÷ 12). */
function monthlyRate(rateBp: number): Decimal {
  return new Dec(rateBp).div(10_000).div(12);
}

/** Half-up to a whole 分. */
export function roundFen(value: Decimal.Value): bigint {
  return BigInt(new Dec(value).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));
}

function monthlyInterest(outstandingFen: bigint, r: Decimal): bigint {
  return roundFen(new Dec(outstandingFen.toString()).mul(r));
}

/** 等额本息 instalment A = P·r·(1+r)^n ÷ ((1+r)^n − 1), half-up to the 分 (P ÷ n at 0%). */
export function equalInstalment(principalFen: bigint, rateBp: number, periods: number): bigint {
  const p = new Dec(principalFen.toString());
  if (rateBp === 0) return roundFen(p.div(periods));
  const r = monthlyRate(rateBp);
  const growth = r.plus(1).pow(periods);
  return roundFen(p.mul(r).mul(growth).div(growth.minus(1)));
}

/** Interest of a BULLET loan: P × annual rate ÷ 360 × actual days, half-up. */
export function bulletInterest(principalFen: bigint, rateBp: number, fromDay: string, toDay: string): bigint {
  const days = daysBetween(fromDay, toDay);
  return roundFen(new Dec(principalFen.toString()).mul(rateBp).div(10_000).div(DAYS_PER_YEAR).mul(days));
}

/**
 * The periods that repay `principalFen` over the given due dates by `method`, numbered from
 * `firstSeq`. Used for a new loan and, after a partial early repayment, for the periods after
 * the current one (same due dates, lower principal). `startOn` is the day interest starts
 * running from (BULLET only: its interest is counted in actual days).
 */
export function periodsFor({
  principalFen,
  rateBp,
  method,
  dueOns,
  startOn,
  firstSeq = 1,
}: {
  principalFen: bigint;
  rateBp: number;
  method: RepaymentMethod;
  dueOns: readonly string[];
  startOn: string;
  firstSeq?: number;
}): ScheduledPeriod[] {
  const n = dueOns.length;
  if (n === 0) return [];
  const r = monthlyRate(rateBp);
  const periods: ScheduledPeriod[] = [];
  const seqOf = (i: number) => firstSeq + i;

  if (method === "BULLET") {
    if (n !== 1) throw new RangeError("a BULLET loan has one period");
    return [
      {
        seq: firstSeq,
        dueOn: dueOns[0],
        principalFen,
        interestFen: bulletInterest(principalFen, rateBp, startOn, dueOns[0]),
      },
    ];
  }

  let outstanding = principalFen;
  const instalment = method === "EQUAL_INSTALMENT" ? equalInstalment(principalFen, rateBp, n) : 0n;
  const evenShare = principalFen / BigInt(n); // ⌊P ÷ n⌋ 分 (bigint division truncates; P > 0)
  for (let i = 0; i < n; i++) {
    const interestFen = monthlyInterest(outstanding, r);
    const last = i === n - 1;
    let principal: bigint;
    if (last) principal = outstanding;
    else if (method === "EQUAL_INSTALMENT") principal = instalment - interestFen;
    else if (method === "EQUAL_PRINCIPAL") principal = evenShare;
    else principal = 0n; // INTEREST_MONTHLY: all principal in the last period
    // Never below zero nor past what is left (only reachable with absurd terms: a rate so high
    // that the interest exceeds the instalment cannot come out of the annuity formula).
    if (principal < 0n) principal = 0n;
    if (principal > outstanding) principal = outstanding;
    periods.push({ seq: seqOf(i), dueOn: dueOns[i], principalFen: principal, interestFen });
    outstanding -= principal;
  }
  return periods;
}

/** The full schedule of a new loan. Throws on terms that `termsProblem` refuses. */
export function buildSchedule(terms: LoanTerms): ScheduledPeriod[] {
  const problem = termsProblem(terms);
  if (problem) throw new RangeError(`no schedule for these terms: ${problem}`);
  const dueOns =
    terms.method === "BULLET"
      ? [addMonthsClamped(terms.disbursedOn, terms.termMonths)]
      : dueDates(terms.disbursedOn, terms.termMonths);
  return periodsFor({
    principalFen: terms.principalFen,
    rateBp: terms.rateBp,
    method: terms.method,
    dueOns,
    startOn: terms.disbursedOn,
  });
}

/** The contract's last due date. */
export function maturityOf(terms: Pick<LoanTerms, "disbursedOn" | "termMonths">): string {
  return addMonthsClamped(terms.disbursedOn, terms.termMonths);
}

/** 元 → 分 (whole 元 in, bigint out). */
export function yuanToFen(yuan: number): bigint {
  if (!Number.isSafeInteger(yuan)) throw new RangeError(`not a whole number of yuan: ${yuan}`);
  return BigInt(yuan) * 100n;
}
