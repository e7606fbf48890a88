/**
 * The loan codes the browser needs too (repayment methods, risk classes, DPD bands), kept apart
 * from loan-schedule.ts and loan-servicing.ts so that a form or a filter does not ship decimal.js.
 * Those modules re-export them.
 */

export const REPAYMENT_METHODS = [
  "EQUAL_INSTALMENT",
  "EQUAL_PRINCIPAL",
  "INTEREST_MONTHLY",
  "BULLET",
] as const;
export type RepaymentMethod = (typeof REPAYMENT_METHODS)[number];

export function isRepaymentMethod(value: unknown): value is RepaymentMethod {
  return typeof value === "string" && (REPAYMENT_METHODS as readonly string[]).includes(value);
}

/** 到期一次还本付息 is for short loans only (SPEC: terms ≤ 12 months). */
export const BULLET_MAX_TERM_MONTHS = 12;

/** 金融资产风险分类 (2023), best to worst. */
export const RISK_CLASSES = ["NORMAL", "SPECIAL_MENTION", "SUBSTANDARD", "DOUBTFUL", "LOSS"] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];
/** 次级 + 可疑 + 损失 are non-performing (不良). */
export const NON_PERFORMING: readonly RiskClass[] = ["SUBSTANDARD", "DOUBTFUL", "LOSS"];

export function isRiskClass(value: unknown): value is RiskClass {
  return typeof value === "string" && (RISK_CLASSES as readonly string[]).includes(value);
}

/** The portfolio's DPD bands (M1, M2, M3, then the classes' edges). */
export const DPD_BANDS = ["0", "1-30", "31-60", "61-90", "91-180", "181-360", "361+"] as const;
export type DpdBand = (typeof DPD_BANDS)[number];

export function isDpdBand(value: unknown): value is DpdBand {
  return typeof value === "string" && (DPD_BANDS as readonly string[]).includes(value);
}
