/**
 * The codes of the risk-compensation pool (风险补偿资金池), shared by the server and the
 * browser. Kept apart from risk-pool.ts so that a form that only needs a list of codes does not
 * ship decimal.js.
 */

/** Why a loan cannot be filed (备案). A refusal lists every reason that applies. */
export const FILING_REFUSALS = [
  /** no rule version covers the loan's disbursement date */
  "NO_RULE",
  /** principal above the rule's largest amount */
  "AMOUNT",
  /** the loan's guarantee type is not one the rule covers */
  "GUARANTEE",
  /** the firm's size is not one the rule covers */
  "SIZE",
  /** the rule covers whitelisted firms only */
  "WHITELIST",
  /** filed after the filing window */
  "LATE",
  /** the bank is suspended from new filings */
  "BANK_SUSPENDED",
  /** the loan is settled: nothing left to cover */
  "SETTLED",
] as const;
export type FilingRefusal = (typeof FILING_REFUSALS)[number];

/** Why a claim (代偿申请) cannot be made on a loan. */
export const CLAIM_REFUSALS = [
  /** the loan was never filed with the pool */
  "NOT_FILED",
  /** days past due below the rule's claim threshold */
  "BELOW_THRESHOLD",
  /** no principal outstanding: nothing to compensate */
  "NOTHING_OUTSTANDING",
  /** no recovery action (追偿措施) reported */
  "NO_RECOVERY_ACTIONS",
  /** no material listed */
  "NO_MATERIALS",
] as const;
export type ClaimRefusal = (typeof CLAIM_REFUSALS)[number];

export const CLAIM_STATES = ["FILED", "APPROVED", "PAID", "RETURNED", "REJECTED"] as const;
export type ClaimState = (typeof CLAIM_STATES)[number];

export const CLAIM_ACTIONS = ["approve", "return", "reject", "pay", "refile"] as const;
export type ClaimAction = (typeof CLAIM_ACTIONS)[number];

/** The bureau's reasons for rejecting a claim (OTHER needs a text). */
export const CLAIM_REJECT_REASONS = [
  /** the loan did not meet the rules when it was made or filed */
  "NOT_COVERED",
  /** the bank did not pursue recovery (追偿不力) */
  "RECOVERY_NOT_PURSUED",
  /** the loan was made against the bank's own rules (违规放贷) */
  "LENDING_NONCOMPLIANT",
  /** materials false or inconsistent (材料不实) */
  "FALSE_MATERIALS",
  "OTHER",
] as const;
export type ClaimRejectReason = (typeof CLAIM_REJECT_REASONS)[number];

/**
 * One line of the pool's append-only ledger. Deposits and recoveries returned add to the
 * balance; compensation payments take from it. The sign is in the amount.
 */
export const MOVEMENT_KINDS = ["DEPOSIT", "COMPENSATION", "RECOVERY"] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** 追偿措施: what the bank did to recover the loan before claiming. */
export const RECOVERY_ACTION_KINDS = [
  "REMINDER", // 催收 (calls, letters)
  "DEMAND_LETTER", // 律师函
  "LAWSUIT", // 起诉
  "ENFORCEMENT", // 申请强制执行
  "COLLATERAL_DISPOSAL", // 处置抵质押物
  "OTHER",
] as const;
export type RecoveryActionKind = (typeof RECOVERY_ACTION_KINDS)[number];

/** How a bank's suspension ended: the check found the ratio back under the threshold, or the bureau lifted it. */
export const SUSPENSION_ENDS = ["RATIO_RECOVERED", "LIFTED_BY_BUREAU"] as const;
export type SuspensionEnd = (typeof SUSPENSION_ENDS)[number];

/** Firm sizes and guarantee types a rule may cover (the SME sizes only: large firms are outside the programme). */
export const POOL_SIZES = ["MEDIUM", "SMALL", "MICRO"] as const;
export type PoolSize = (typeof POOL_SIZES)[number];

/** Basis points in one: 10000 bp = 100%. */
export const BP = 10_000;

/** One version of the pool's rules (补偿规则). */
export interface PoolRuleTerms {
  /** Shanghai day from which the version governs newly disbursed loans ("YYYY-MM-DD"). */
  effectiveOn: string;
  /** share of the principal lost that the pool pays, e.g. 8000 (80%) */
  coverageBp: number;
  /** added to the coverage when the loan was the firm's first bank loan (首贷), e.g. 500 */
  firstLoanBonusBp: number;
  /** at most this much per loan, whole 元 (5,000,000 = 500万元) */
  capYuan: number;
  /** guarantee types the pool covers (CREDIT, GUARANTEE, …) */
  guaranteeTypes: readonly string[];
  /** the largest principal that qualifies, whole 元 */
  maxPrincipalYuan: number;
  /** firm sizes that qualify (MEDIUM, SMALL, MICRO) */
  sizes: readonly string[];
  whitelistOnly: boolean;
  /** a loan must be filed within this many calendar days after its disbursement */
  filingWindowDays: number;
  /** a claim needs at least this many days past due */
  claimThresholdDpd: number;
  /** a bank whose filed loans' overdue ratio passes this is suspended from filing, e.g. 500 (5%) */
  suspensionThresholdBp: number;
}

/** Zhengzhou's 郑科贷 terms, the seed's first version and the form's defaults. */
export const DEFAULT_RULE_TERMS: Omit<PoolRuleTerms, "effectiveOn"> = {
  coverageBp: 8000,
  firstLoanBonusBp: 500,
  capYuan: 5_000_000,
  guaranteeTypes: ["CREDIT", "GUARANTEE"],
  maxPrincipalYuan: 10_000_000,
  sizes: ["MEDIUM", "SMALL", "MICRO"],
  whitelistOnly: false,
  filingWindowDays: 30,
  claimThresholdDpd: 90,
  suspensionThresholdBp: 500,
};
