/**
 * 企业划型: medium / small / micro enterprise by 工信部联企业〔2011〕300号.
 *
 * Each rule set measures a firm by one or two metrics (persons, 万元). Read
 * every row the same way:
 * - the firm is an SME ("in scope") when ANY metric is below its in-scope line,
 *   so it is LARGE only when every metric reaches the line;
 * - 中型 when EVERY metric reaches the medium threshold;
 * - 小型 when EVERY metric reaches the small threshold;
 * - otherwise 微型 (any metric below the small threshold).
 * For single-metric rows (agriculture, 其他未列明) "any" and "every" coincide.
 */
import type { SizeRuleSet } from "./industry";

export type EnterpriseSize = "LARGE" | "MEDIUM" | "SMALL" | "MICRO";

/** Sizes from largest to smallest; handy for "at most" filters. */
export const ENTERPRISE_SIZES: readonly EnterpriseSize[] = ["LARGE", "MEDIUM", "SMALL", "MICRO"];

export type SizeMetric = "employees" | "revenueWan" | "assetsWan";

export interface SizeInput {
  ruleSet: SizeRuleSet;
  /** 从业人员, persons. */
  employees: number;
  /**
   * 营业收入, 万元 (last year). Callers holding 元 pass Math.floor(yuan / 10000):
   * flooring is exact here because every threshold is a whole number of 万元.
   */
  revenueWan: number;
  /** 资产总额, 万元. */
  assetsWan: number;
}

interface SizeRule {
  metrics: readonly SizeMetric[];
  /** LARGE when every metric is ≥ its value here. */
  inScopeBelow: readonly number[];
  medium: readonly number[];
  small: readonly number[];
}

const S = "employees";
const R = "revenueWan";
const A = "assetsWan";

/** The 300号 table, one row per rule set; thresholds align with `metrics`. */
export const SIZE_RULES: Readonly<Record<SizeRuleSet, SizeRule>> = {
  AGRICULTURE: { metrics: [R], inScopeBelow: [20000], medium: [500], small: [50] },
  INDUSTRY: { metrics: [S, R], inScopeBelow: [1000, 40000], medium: [300, 2000], small: [20, 300] },
  CONSTRUCTION: { metrics: [R, A], inScopeBelow: [80000, 80000], medium: [6000, 5000], small: [300, 300] },
  WHOLESALE: { metrics: [S, R], inScopeBelow: [200, 40000], medium: [20, 5000], small: [5, 1000] },
  RETAIL: { metrics: [S, R], inScopeBelow: [300, 20000], medium: [50, 500], small: [10, 100] },
  TRANSPORT: { metrics: [S, R], inScopeBelow: [1000, 30000], medium: [300, 3000], small: [20, 200] },
  WAREHOUSING: { metrics: [S, R], inScopeBelow: [200, 30000], medium: [100, 1000], small: [20, 100] },
  POSTAL: { metrics: [S, R], inScopeBelow: [1000, 30000], medium: [300, 2000], small: [20, 100] },
  HOSPITALITY: { metrics: [S, R], inScopeBelow: [300, 10000], medium: [100, 2000], small: [10, 100] },
  INFO_TRANSMISSION: { metrics: [S, R], inScopeBelow: [2000, 100000], medium: [100, 1000], small: [10, 100] },
  SOFTWARE_IT: { metrics: [S, R], inScopeBelow: [300, 10000], medium: [100, 1000], small: [10, 50] },
  REAL_ESTATE_DEV: {
    metrics: [R, A],
    inScopeBelow: [200000, 10000],
    medium: [1000, 5000],
    small: [100, 2000],
  },
  PROPERTY_MGMT: { metrics: [S, R], inScopeBelow: [1000, 5000], medium: [300, 1000], small: [100, 500] },
  LEASING_BUSINESS: { metrics: [S, A], inScopeBelow: [300, 120000], medium: [100, 8000], small: [10, 100] },
  OTHER: { metrics: [S], inScopeBelow: [300], medium: [100], small: [10] },
};

/** The metrics a rule set uses, so a form can ask only for those. */
export function sizeMetricsFor(ruleSet: SizeRuleSet): readonly SizeMetric[] {
  return SIZE_RULES[ruleSet].metrics;
}

function reachesAll(rule: SizeRule, input: SizeInput, thresholds: readonly number[]): boolean {
  return rule.metrics.every((metric, i) => input[metric] >= thresholds[i]);
}

/**
 * Classify a firm. Metrics are whole, non-negative numbers (persons and
 * 万元); anything else throws, since the form must have validated them.
 */
export function classifyEnterprise(input: SizeInput): EnterpriseSize {
  const rule = SIZE_RULES[input.ruleSet];
  if (!rule) throw new RangeError(`unknown size rule set ${String(input.ruleSet)}`);
  for (const metric of rule.metrics) {
    const value = input[metric];
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`${metric} must be a non-negative whole number, got ${value}`);
    }
  }
  if (reachesAll(rule, input, rule.inScopeBelow)) return "LARGE";
  if (reachesAll(rule, input, rule.medium)) return "MEDIUM";
  if (reachesAll(rule, input, rule.small)) return "SMALL";
  return "MICRO";
}

/** True for MEDIUM, SMALL and MICRO (中小微企业). */
export function isSme(size: EnterpriseSize): boolean {
  return size !== "LARGE";
}
