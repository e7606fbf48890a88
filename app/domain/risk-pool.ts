/**
 * The district's risk-compensation pool (风险补偿资金池, SPEC "The district's risk-compensation
 * pool"): which rule version governs a loan, whether a loan may be filed and claimed, what the
 * pool pays, what it gets back from a recovery, the order in which a short balance pays the
 * approved claims, and when a bank is suspended from new filings.
 *
 * Money is integer 分 as BigInt (a principal of 3,000万元 is 3·10⁹ 分, past 2^31); every division
 * goes through decimal.js and is rounded half-up to the 分, as the loan schedules are. Rates are
 * basis points (8000 bp = 80%).
 */
import Decimal from "decimal.js";

import { BP, POOL_SIZES, type ClaimRefusal, type FilingRefusal, type PoolRuleTerms } from "./risk-pool-codes";

export { DEFAULT_RULE_TERMS, type PoolRuleTerms } from "./risk-pool-codes";
import { GUARANTEE_TYPES } from "./product-terms";
import { addDays, isIsoDay } from "./shanghai-time";

/** Enough digits for 分 products of any principal; half-up as the schedules round. */
const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });

function toDecimal(value: bigint | number): Decimal {
  return new D(value.toString());
}

function toFen(value: Decimal): bigint {
  return BigInt(value.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));
}

export const FEN_PER_YUAN = 100n;

// ---------------------------------------------------------------------------------- rules

/**
 * The version that governs a loan disbursed on `disbursedOn`: the latest one in effect on that
 * day. A loan keeps its version for life, so a later change of rules never rewrites what an
 * earlier filing was promised. Null when no version had begun.
 */
export function ruleForDay<R extends { effectiveOn: string }>(rules: readonly R[], day: string): R | null {
  let best: R | null = null;
  for (const rule of rules) {
    if (rule.effectiveOn <= day && (best === null || rule.effectiveOn > best.effectiveOn)) best = rule;
  }
  return best;
}

/** The last day on which a loan disbursed on `disbursedOn` may be filed. */
export function filingDeadline(disbursedOn: string, filingWindowDays: number): string {
  return addDays(disbursedOn, filingWindowDays);
}

export interface FilingSubject {
  principalFen: bigint;
  guaranteeType: string;
  /** Shanghai day of the disbursement */
  disbursedOn: string;
  firmSize: string;
  /** the firm was on the whitelist when it applied or is now */
  whitelisted: boolean;
  settled: boolean;
}

/**
 * Every reason a loan may not be filed on `filedOn` under `rule` ([] = it may). All of them, not
 * the first: a bank that fixes one reason should not discover the next on its second try.
 */
export function filingRefusals({
  rule,
  loan,
  filedOn,
  bankSuspended,
}: {
  rule: PoolRuleTerms | null;
  loan: FilingSubject;
  filedOn: string;
  bankSuspended: boolean;
}): FilingRefusal[] {
  const reasons: FilingRefusal[] = [];
  if (!rule) {
    reasons.push("NO_RULE");
  } else {
    if (loan.principalFen > BigInt(rule.maxPrincipalYuan) * FEN_PER_YUAN) reasons.push("AMOUNT");
    if (!rule.guaranteeTypes.includes(loan.guaranteeType)) reasons.push("GUARANTEE");
    if (!rule.sizes.includes(loan.firmSize)) reasons.push("SIZE");
    if (rule.whitelistOnly && !loan.whitelisted) reasons.push("WHITELIST");
    if (filedOn > filingDeadline(loan.disbursedOn, rule.filingWindowDays)) reasons.push("LATE");
  }
  if (bankSuspended) reasons.push("BANK_SUSPENDED");
  if (loan.settled) reasons.push("SETTLED");
  return reasons;
}

// ---------------------------------------------------------------------------------- claims

/** The share of the principal the pool pays on a loan, in basis points. */
export function coverageOf(
  rule: Pick<PoolRuleTerms, "coverageBp" | "firstLoanBonusBp">,
  firstLoan: boolean,
): number {
  return Math.min(BP, rule.coverageBp + (firstLoan ? rule.firstLoanBonusBp : 0));
}

/**
 * Compensation = min(cap, outstanding principal × (coverage + first-loan bonus)), rounded half-up
 * to the 分. Interest is never compensated: only the principal outstanding at the claim counts.
 */
export function compensationFor({
  outstandingPrincipalFen,
  firstLoan,
  rule,
}: {
  outstandingPrincipalFen: bigint;
  firstLoan: boolean;
  rule: Pick<PoolRuleTerms, "coverageBp" | "firstLoanBonusBp" | "capYuan">;
}): bigint {
  if (outstandingPrincipalFen <= 0n) return 0n;
  const share = toFen(toDecimal(outstandingPrincipalFen).times(coverageOf(rule, firstLoan)).div(BP));
  const cap = BigInt(rule.capYuan) * FEN_PER_YUAN;
  return share < cap ? share : cap;
}

export interface ClaimSubject {
  filed: boolean;
  daysPastDue: number;
  outstandingPrincipalFen: bigint;
  recoveryActionCount: number;
  materialCount: number;
}

/** Every reason a claim may not be made (or refiled) on a loan ([] = it may). */
export function claimRefusals(
  subject: ClaimSubject,
  rule: Pick<PoolRuleTerms, "claimThresholdDpd"> | null,
): ClaimRefusal[] {
  const reasons: ClaimRefusal[] = [];
  if (!subject.filed || !rule) reasons.push("NOT_FILED");
  else if (subject.daysPastDue < rule.claimThresholdDpd) reasons.push("BELOW_THRESHOLD");
  if (subject.outstandingPrincipalFen <= 0n) reasons.push("NOTHING_OUTSTANDING");
  if (subject.recoveryActionCount < 1) reasons.push("NO_RECOVERY_ACTIONS");
  if (subject.materialCount < 1) reasons.push("NO_MATERIALS");
  return reasons;
}

// ---------------------------------------------------------------------------------- recoveries

/**
 * The pool's share of a recovery (追偿回收): the same fraction of what the bank recovers as the
 * pool paid of the principal at the claim (paid ÷ principal at claim). Computed on the running
 * total, so that rounding never drifts: share of this recovery = share(all recovered so far) −
 * share(recovered before). Recoveries past the principal at claim (interest, costs) owe nothing
 * more, and the pool never gets back more than it paid.
 */
export function poolShareOfRecovery({
  paidFen,
  principalAtClaimFen,
  recoveredBeforeFen,
  recoveryFen,
}: {
  paidFen: bigint;
  principalAtClaimFen: bigint;
  recoveredBeforeFen: bigint;
  recoveryFen: bigint;
}): bigint {
  if (paidFen <= 0n || principalAtClaimFen <= 0n || recoveryFen <= 0n) return 0n;
  const shareOf = (recovered: bigint) => {
    const counted = recovered < principalAtClaimFen ? recovered : principalAtClaimFen;
    const share = toFen(toDecimal(counted).times(toDecimal(paidFen)).div(toDecimal(principalAtClaimFen)));
    return share < paidFen ? share : paidFen;
  };
  return shareOf(recoveredBeforeFen + recoveryFen) - shareOf(recoveredBeforeFen);
}

/** The paid percentage as basis points, rounded half-up (for display: "the pool's share is 80.00%"). */
export function paidShareBp(paidFen: bigint, principalAtClaimFen: bigint): number {
  if (principalAtClaimFen <= 0n) return 0;
  return toDecimal(paidFen).times(BP).div(toDecimal(principalAtClaimFen)).toDecimalPlaces(0).toNumber();
}

// ---------------------------------------------------------------------------------- the ledger

/** Balance = Σ movements (deposits and recoveries positive, compensation negative). */
export function balanceOf(movements: readonly { amountFen: bigint }[]): bigint {
  return movements.reduce((sum, movement) => sum + movement.amountFen, 0n);
}

/**
 * Which approved claims a balance pays, strictly in approval order: the queue stops at the first
 * claim the balance cannot cover, so a later, smaller claim never jumps one that has waited
 * longer. Returns the ids paid and the balance left.
 */
export function payInOrder<Q extends { id: string; amountFen: bigint }>(
  balanceFen: bigint,
  queue: readonly Q[],
): { paid: Q[]; balanceFen: bigint } {
  const paid: Q[] = [];
  let left = balanceFen;
  for (const claim of queue) {
    if (claim.amountFen > left) break;
    paid.push(claim);
    left -= claim.amountFen;
  }
  return { paid, balanceFen: left };
}

/**
 * Leverage (放大倍数) = filed principal outstanding ÷ pool balance, to two decimals; null when the
 * pool is empty (no finite ratio).
 */
export function leverageOf(filedPrincipalFen: bigint, balanceFen: bigint): string | null {
  if (balanceFen <= 0n) return null;
  return toDecimal(filedPrincipalFen).div(toDecimal(balanceFen)).toFixed(2);
}

// ---------------------------------------------------------------------------------- suspension

/**
 * Whether a bank's overdue ratio on its filed loans passes the threshold: overdue ÷ outstanding >
 * threshold, compared exactly (overdue × 10000 > threshold × outstanding) so that 5.00% against
 * a 5% threshold is not "over" whatever the rounding. No outstanding filed loans: never over.
 */
export function isOverThreshold(overdueFen: bigint, outstandingFen: bigint, thresholdBp: number): boolean {
  if (outstandingFen <= 0n) return false;
  return overdueFen * BigInt(BP) > BigInt(thresholdBp) * outstandingFen;
}

/**
 * A bank's standing with the pool. WAIVED: the bureau lifted a suspension while the ratio was
 * still over; the waiver holds until the ratio has once fallen back, so the nightly check does
 * not undo the bureau's decision the same night.
 */
export type SuspensionStanding = "CLEAR" | "SUSPENDED" | "WAIVED";
export type SuspensionStep = "SUSPEND" | "LIFT" | "END_WAIVER" | null;

/** What the suspension check does for a bank in `standing` whose ratio is (not) over. */
export function suspensionStep(standing: SuspensionStanding, over: boolean): SuspensionStep {
  if (standing === "CLEAR") return over ? "SUSPEND" : null;
  if (standing === "SUSPENDED") return over ? null : "LIFT";
  return over ? null : "END_WAIVER";
}

// ---------------------------------------------------------------------------------- rule versions

export type RuleField = keyof PoolRuleTerms;
export type RuleProblem =
  | "DATE_INVALID"
  | "DATE_PAST"
  | "DATE_TAKEN"
  | "OUT_OF_RANGE"
  | "COVERAGE_OVER_100"
  | "EMPTY"
  | "UNKNOWN_VALUE";

const RANGES: Partial<Record<RuleField, [number, number]>> = {
  coverageBp: [1, BP],
  firstLoanBonusBp: [0, BP],
  capYuan: [1, 1_000_000_000],
  maxPrincipalYuan: [1, 2_000_000_000],
  filingWindowDays: [1, 365],
  claimThresholdDpd: [1, 720],
  suspensionThresholdBp: [1, BP],
};

/**
 * What is wrong with a new rule version, field by field ({} = nothing). A version takes effect
 * today or later — rules are not changed for loans already made — and on a day no other version
 * starts.
 */
export function ruleTermsProblems(
  terms: PoolRuleTerms,
  { today, existingDays }: { today: string; existingDays: readonly string[] },
): Partial<Record<RuleField, RuleProblem>> {
  const problems: Partial<Record<RuleField, RuleProblem>> = {};
  if (!isIsoDay(terms.effectiveOn)) problems.effectiveOn = "DATE_INVALID";
  else if (terms.effectiveOn < today) problems.effectiveOn = "DATE_PAST";
  else if (existingDays.includes(terms.effectiveOn)) problems.effectiveOn = "DATE_TAKEN";
  for (const [field, [min, max]] of Object.entries(RANGES) as [RuleField, [number, number]][]) {
    const value = terms[field] as number;
    if (!Number.isSafeInteger(value) || value < min || value > max) problems[field] = "OUT_OF_RANGE";
  }
  if (!problems.coverageBp && !problems.firstLoanBonusBp && terms.coverageBp + terms.firstLoanBonusBp > BP) {
    problems.firstLoanBonusBp = "COVERAGE_OVER_100";
  }
  if (terms.guaranteeTypes.length === 0) problems.guaranteeTypes = "EMPTY";
  else if (terms.guaranteeTypes.some((type) => !(GUARANTEE_TYPES as readonly string[]).includes(type)))
    problems.guaranteeTypes = "UNKNOWN_VALUE";
  if (terms.sizes.length === 0) problems.sizes = "EMPTY";
  else if (terms.sizes.some((size) => !(POOL_SIZES as readonly string[]).includes(size)))
    problems.sizes = "UNKNOWN_VALUE";
  return problems;
}
