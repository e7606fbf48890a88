/**
 * The credit grades of DOMAIN.md, best first. 纳税信用等级: A > B > M > C > D;
 * 公共信用综合评价: A > B > C > D (its exact scale is unconfirmed: keep it in this one list).
 */
export const TAX_GRADES = ["A", "B", "M", "C", "D"] as const;
export const PUBLIC_RATINGS = ["A", "B", "C", "D"] as const;

export type TaxGrade = (typeof TAX_GRADES)[number];
export type PublicRating = (typeof PUBLIC_RATINGS)[number];

/** The grades of `order` that are at least `minimum` ([] for an unknown minimum). */
export function gradesAtLeast(order: readonly string[], minimum: string): string[] {
  const index = order.indexOf(minimum);
  return index < 0 ? [] : order.slice(0, index + 1);
}
