/**
 * Eligibility: the hard rules of matching (SPEC "Matching"). Pure and explainable — every
 * rule reports whether it passed, as a catalogue key under `enterprise.eligibility.*` with
 * its parameters, so the firm (and the bank's decision page) sees why, not just whether.
 *
 * Amounts are whole 元; reasons carry them as 万元 strings ready for display
 * ("300万 within 50–500万"), so the browser does not recompute them.
 */
import { TAX_GRADES, type TaxGrade } from "./credit-grades";
import { yuanToWanInput } from "./money";

export interface EligibilityFirm {
  size: string;
  sectionCode: string;
  taxGrade: string | null;
  onDishonestyList: boolean;
  whitelisted: boolean;
}

export interface EligibilityProduct {
  status: string;
  minAmountYuan: number;
  maxAmountYuan: number;
  minTermMonths: number;
  maxTermMonths: number;
  eligibleSizes: string[];
  /** [] = every industry */
  eligibleSections: string[];
  minTaxGrade: string | null;
  whitelistOnly: boolean;
}

export interface EligibilityRequest {
  amountYuan?: number;
  termMonths?: number;
}

export type EligibilityRule =
  "published" | "dishonesty" | "size" | "industry" | "taxGrade" | "whitelist" | "amount" | "term";

export interface EligibilityReason {
  rule: EligibilityRule;
  ok: boolean;
  /** catalogue key, e.g. enterprise.eligibility.amount.ok */
  key: string;
  params?: Record<string, string | number>;
}

export interface EligibilityResult {
  eligible: boolean;
  reasons: EligibilityReason[];
}

/** Rank of a tax grade: 0 for A (best) … 4 for D; null for unknown/absent grades. */
export function taxGradeRank(grade: string | null | undefined): number | null {
  const index = TAX_GRADES.indexOf(grade as TaxGrade);
  return index < 0 ? null : index;
}

/** True when `grade` is at least `minimum` (A > B > M > C > D). */
export function meetsTaxGrade(grade: string | null | undefined, minimum: string): boolean {
  const have = taxGradeRank(grade);
  const need = taxGradeRank(minimum);
  if (need === null) return true;
  return have !== null && have <= need;
}

function reason(rule: EligibilityRule, ok: boolean, params?: EligibilityReason["params"]): EligibilityReason {
  return {
    rule,
    ok,
    key: `enterprise.eligibility.${rule}.${ok ? "ok" : "fail"}`,
    ...(params ? { params } : {}),
  };
}

const wan = (yuan: number) => yuanToWanInput(yuan);

export function checkEligibility(
  firm: EligibilityFirm,
  product: EligibilityProduct,
  request: EligibilityRequest = {},
): EligibilityResult {
  const reasons: EligibilityReason[] = [];

  reasons.push(reason("published", product.status === "PUBLISHED"));
  reasons.push(reason("dishonesty", !firm.onDishonestyList));

  const sizes = product.eligibleSizes.filter(Boolean);
  reasons.push(reason("size", sizes.includes(firm.size), { size: firm.size, sizes: sizes.join(",") }));

  const sections = product.eligibleSections.filter(Boolean);
  if (sections.length === 0)
    reasons.push(reason("industry", true, { section: firm.sectionCode, sections: "" }));
  else
    reasons.push(
      reason("industry", sections.includes(firm.sectionCode), {
        section: firm.sectionCode,
        sections: sections.join(" "),
      }),
    );

  if (product.minTaxGrade) {
    reasons.push(
      reason("taxGrade", meetsTaxGrade(firm.taxGrade, product.minTaxGrade), {
        required: product.minTaxGrade,
        grade: firm.taxGrade ?? "—",
      }),
    );
  }

  if (product.whitelistOnly) reasons.push(reason("whitelist", firm.whitelisted));

  if (request.amountYuan !== undefined) {
    const ok = request.amountYuan >= product.minAmountYuan && request.amountYuan <= product.maxAmountYuan;
    reasons.push(
      reason("amount", ok, {
        amount: wan(request.amountYuan),
        min: wan(product.minAmountYuan),
        max: wan(product.maxAmountYuan),
      }),
    );
  }
  if (request.termMonths !== undefined) {
    const ok = request.termMonths >= product.minTermMonths && request.termMonths <= product.maxTermMonths;
    reasons.push(
      reason("term", ok, {
        term: request.termMonths,
        min: product.minTermMonths,
        max: product.maxTermMonths,
      }),
    );
  }

  return { eligible: reasons.every((r) => r.ok), reasons };
}

/** The product columns as stored (comma-separated lists) → the checker's shape. */
export function eligibilityProductOf(product: {
  status: string;
  minAmountYuan: number;
  maxAmountYuan: number;
  minTermMonths: number;
  maxTermMonths: number;
  eligibleSizes: string;
  eligibleSections: string;
  minTaxGrade: string | null;
  whitelistOnly: boolean;
}): EligibilityProduct {
  return {
    ...product,
    eligibleSizes: product.eligibleSizes.split(",").filter(Boolean),
    eligibleSections: product.eligibleSections.split(",").filter(Boolean),
  };
}
