/**
 * Matching (SPEC "Matching"): ranks products for a firm and firms for a product.
 *
 * Eligibility (hard rules) comes from ./eligibility. On top of it a 0–100 fit score, made of
 * named parts that each explain themselves:
 *
 * | part       | max | full points when                                   |
 * |------------|-----|----------------------------------------------------|
 * | amount     |  20 | the amount needed is inside the product's range     |
 * | term       |  15 | the term needed is inside the product's range       |
 * | rate       |  15 | the firm's rate ceiling covers the product's maximum|
 * | guarantee  |  10 | the product's guarantee is one the firm accepts     |
 * | taxGrade   |  15 | 纳税信用 A (B 12, M 8, C 4, D 0, unknown 6)          |
 * | rating     |  10 | 公共信用综合评价 A (B 7, C 3, D 0, unknown 4)         |
 * | whitelist  |  10 | the firm is on the whitelist                        |
 * | redList    |   5 | the firm is on a red list (守信激励)                 |
 *
 * Where the firm stated no need (no amount, no term, no ceiling, no guarantee preference)
 * the part gets half its points: no information is neither good nor bad.
 * Outside a range, points fall with the distance: need 100万 for a 200–500万 product gets
 * 20 × 100/200 = 10.
 */
import {
  checkEligibility,
  type EligibilityFirm,
  type EligibilityProduct,
  type EligibilityReason,
} from "./eligibility";
import { yuanToWanInput } from "./money";

export interface MatchFirm extends EligibilityFirm {
  id: string;
  publicRating: string | null;
  onRedList: boolean;
}

export interface MatchProduct extends EligibilityProduct {
  id: string;
  guaranteeType: string;
  minRateBp: number;
  maxRateBp: number;
}

/** What the firm needs: from a demand, an application or the catalogue filters. */
export interface MatchNeed {
  amountYuan?: number;
  termMonths?: number;
  rateCeilingBp?: number | null;
  guaranteeTypes?: string[];
}

export type FitPart =
  "amount" | "term" | "rate" | "guarantee" | "taxGrade" | "rating" | "whitelist" | "redList";

export interface FitReason {
  part: FitPart;
  points: number;
  max: number;
  /** catalogue key under matching.fit.* */
  key: string;
  params?: Record<string, string | number>;
}

export interface MatchResult {
  eligible: boolean;
  score: number;
  eligibility: EligibilityReason[];
  fit: FitReason[];
}

export const FIT_WEIGHTS: Record<FitPart, number> = {
  amount: 20,
  term: 15,
  rate: 15,
  guarantee: 10,
  taxGrade: 15,
  rating: 10,
  whitelist: 10,
  redList: 5,
};

const TAX_POINTS: Record<string, number> = { A: 15, B: 12, M: 8, C: 4, D: 0 };
const RATING_POINTS: Record<string, number> = { A: 10, B: 7, C: 3, D: 0 };

const wan = (yuan: number) => yuanToWanInput(yuan);
const percent = (bp: number) => (bp / 100).toFixed(2);

function part(name: FitPart, points: number, variant: string, params?: FitReason["params"]): FitReason {
  const max = FIT_WEIGHTS[name];
  const bounded = Math.max(0, Math.min(max, Math.round(points)));
  return {
    part: name,
    points: bounded,
    max,
    key: `matching.fit.${name}.${variant}`,
    ...(params ? { params } : {}),
  };
}

/** Points for a value against a [min, max] range: full inside, falling with the ratio outside. */
function rangePoints(value: number, min: number, max: number, weight: number) {
  if (value >= min && value <= max) return weight;
  if (value < min) return value <= 0 ? 0 : (weight * value) / min;
  return (weight * max) / value;
}

/** A need (amount or term) against the product's range: half the points when the need is unknown. */
function rangePart(
  name: "amount" | "term",
  value: number | undefined,
  [min, max]: [number, number],
  show: (value: number) => string | number,
): FitReason {
  const range = { min: show(min), max: show(max) };
  if (value === undefined) return part(name, FIT_WEIGHTS[name] / 2, "unknown", range);
  const points = rangePoints(value, min, max, FIT_WEIGHTS[name]);
  const inside = value >= min && value <= max;
  return part(name, points, inside ? "inside" : "outside", { [name]: show(value), ...range });
}

function fitParts(firm: MatchFirm, product: MatchProduct, need: MatchNeed): FitReason[] {
  const parts: FitReason[] = [];
  parts.push(rangePart("amount", need.amountYuan, [product.minAmountYuan, product.maxAmountYuan], wan));
  parts.push(rangePart("term", need.termMonths, [product.minTermMonths, product.maxTermMonths], (m) => m));
  const rates = { min: percent(product.minRateBp), max: percent(product.maxRateBp) };
  const ceiling = need.rateCeilingBp;
  if (ceiling === undefined || ceiling === null)
    parts.push(part("rate", FIT_WEIGHTS.rate / 2, "unknown", rates));
  else if (ceiling >= product.maxRateBp)
    parts.push(part("rate", FIT_WEIGHTS.rate, "covered", { ceiling: percent(ceiling), ...rates }));
  else if (ceiling >= product.minRateBp) {
    const spread = product.maxRateBp - product.minRateBp;
    const share = spread === 0 ? 1 : (ceiling - product.minRateBp) / spread;
    parts.push(
      part("rate", Math.max(5, FIT_WEIGHTS.rate * share), "partly", { ceiling: percent(ceiling), ...rates }),
    );
  } else parts.push(part("rate", 0, "above", { ceiling: percent(ceiling), ...rates }));

  const accepted = (need.guaranteeTypes ?? []).filter(Boolean);
  if (accepted.length === 0)
    parts.push(part("guarantee", FIT_WEIGHTS.guarantee / 2, "unknown", { guarantee: product.guaranteeType }));
  else {
    const ok = accepted.includes(product.guaranteeType);
    parts.push(
      part("guarantee", ok ? FIT_WEIGHTS.guarantee : 0, ok ? "match" : "mismatch", {
        guarantee: product.guaranteeType,
      }),
    );
  }

  const grade = firm.taxGrade ?? "";
  parts.push(
    part("taxGrade", TAX_POINTS[grade] ?? 6, grade in TAX_POINTS ? "grade" : "unknown", {
      grade: grade || "—",
    }),
  );
  const rating = firm.publicRating ?? "";
  parts.push(
    part("rating", RATING_POINTS[rating] ?? 4, rating in RATING_POINTS ? "grade" : "unknown", {
      grade: rating || "—",
    }),
  );
  parts.push(
    part("whitelist", firm.whitelisted ? FIT_WEIGHTS.whitelist : 0, firm.whitelisted ? "yes" : "no"),
  );
  parts.push(part("redList", firm.onRedList ? FIT_WEIGHTS.redList : 0, firm.onRedList ? "yes" : "no"));
  return parts;
}

/** One firm against one product: eligibility, score and every reason. */
export function matchFirmToProduct(
  firm: MatchFirm,
  product: MatchProduct,
  need: MatchNeed = {},
): MatchResult {
  const eligibility = checkEligibility(firm, product, {
    amountYuan: need.amountYuan,
    termMonths: need.termMonths,
  });
  const fit = fitParts(firm, product, need);
  return {
    eligible: eligibility.eligible,
    score: fit.reduce((sum, reason) => sum + reason.points, 0),
    eligibility: eligibility.reasons,
    fit,
  };
}

function byRank<T extends { match: MatchResult }>(tieBreak: (a: T, b: T) => number) {
  return (a: T, b: T) =>
    Number(b.match.eligible) - Number(a.match.eligible) || b.match.score - a.match.score || tieBreak(a, b);
}

/** Products for a firm, best first: eligible before ineligible, then by score, then the lower rate. */
export function rankProducts<P extends MatchProduct>(firm: MatchFirm, products: P[], need: MatchNeed = {}) {
  return products
    .map((product) => ({ product, match: matchFirmToProduct(firm, product, need) }))
    .sort(
      byRank((a, b) => a.product.minRateBp - b.product.minRateBp || a.product.id.localeCompare(b.product.id)),
    );
}

/** Firms for a product, best first; each firm may bring its own need (e.g. its open demand). */
export function rankFirms<F extends MatchFirm>(
  product: MatchProduct,
  firms: { firm: F; need?: MatchNeed }[],
) {
  return firms
    .map(({ firm, need }) => ({ firm, match: matchFirmToProduct(firm, product, need ?? {}) }))
    .sort(byRank((a, b) => a.firm.id.localeCompare(b.firm.id)));
}
