import { describe, expect, it } from "vitest";

import {
  checkEligibility,
  eligibilityProductOf,
  meetsTaxGrade,
  type EligibilityFirm,
  type EligibilityProduct,
} from "~/domain/eligibility";

const firm: EligibilityFirm = {
  size: "SMALL",
  sectionCode: "C",
  taxGrade: "B",
  onDishonestyList: false,
  whitelisted: false,
};

const product: EligibilityProduct = {
  status: "PUBLISHED",
  minAmountYuan: 500_000,
  maxAmountYuan: 5_000_000,
  minTermMonths: 6,
  maxTermMonths: 36,
  eligibleSizes: ["MEDIUM", "SMALL", "MICRO"],
  eligibleSections: [],
  minTaxGrade: null,
  whitelistOnly: false,
};

function rule(result: ReturnType<typeof checkEligibility>, name: string) {
  return result.reasons.find((r) => r.rule === name);
}

describe("checkEligibility", () => {
  it("accepts an ordinary firm and explains the passing rules too", () => {
    const result = checkEligibility(firm, product, { amountYuan: 3_000_000, termMonths: 12 });
    expect(result.eligible).toBe(true);
    expect(result.reasons.map((r) => r.rule)).toEqual([
      "published",
      "dishonesty",
      "size",
      "industry",
      "amount",
      "term",
    ]);
    expect(rule(result, "amount")).toEqual({
      rule: "amount",
      ok: true,
      key: "enterprise.eligibility.amount.ok",
      params: { amount: "300", min: "50", max: "500" },
    });
  });

  it("refuses unpublished products", () => {
    for (const status of ["DRAFT", "ARCHIVED"]) {
      const result = checkEligibility(firm, { ...product, status });
      expect(result.eligible).toBe(false);
      expect(rule(result, "published")?.key).toBe("enterprise.eligibility.published.fail");
    }
  });

  it("refuses a firm on a dishonesty list everywhere", () => {
    const result = checkEligibility(
      { ...firm, onDishonestyList: true, whitelisted: true, taxGrade: "A" },
      product,
    );
    expect(result.eligible).toBe(false);
    expect(rule(result, "dishonesty")?.ok).toBe(false);
  });

  it("checks the size against the product's sizes", () => {
    expect(checkEligibility({ ...firm, size: "LARGE" }, product).eligible).toBe(false);
    expect(
      checkEligibility({ ...firm, size: "MICRO" }, { ...product, eligibleSizes: ["MICRO"] }).eligible,
    ).toBe(true);
    expect(
      checkEligibility({ ...firm, size: "MEDIUM" }, { ...product, eligibleSizes: ["SMALL", "MICRO"] })
        .eligible,
    ).toBe(false);
  });

  it("checks the industry; an empty list means every industry", () => {
    expect(rule(checkEligibility(firm, product), "industry")?.ok).toBe(true);
    expect(checkEligibility(firm, { ...product, eligibleSections: ["C", "I"] }).eligible).toBe(true);
    const result = checkEligibility(firm, { ...product, eligibleSections: ["I", "M"] });
    expect(result.eligible).toBe(false);
    expect(rule(result, "industry")?.params).toEqual({ section: "C", sections: "I M" });
  });

  it("orders tax grades A > B > M > C > D", () => {
    expect(meetsTaxGrade("A", "B")).toBe(true);
    expect(meetsTaxGrade("B", "B")).toBe(true);
    expect(meetsTaxGrade("M", "B")).toBe(false);
    expect(meetsTaxGrade("M", "C")).toBe(true);
    expect(meetsTaxGrade("C", "M")).toBe(false);
    expect(meetsTaxGrade("D", "C")).toBe(false);
    expect(meetsTaxGrade(null, "D")).toBe(false);
  });

  it("explains a tax grade requirement: requires grade B, firm has A", () => {
    const ok = checkEligibility({ ...firm, taxGrade: "A" }, { ...product, minTaxGrade: "B" });
    expect(rule(ok, "taxGrade")).toEqual({
      rule: "taxGrade",
      ok: true,
      key: "enterprise.eligibility.taxGrade.ok",
      params: { required: "B", grade: "A" },
    });
    const fail = checkEligibility({ ...firm, taxGrade: "C" }, { ...product, minTaxGrade: "B" });
    expect(fail.eligible).toBe(false);
    expect(rule(fail, "taxGrade")?.params).toEqual({ required: "B", grade: "C" });
    const ungraded = checkEligibility({ ...firm, taxGrade: null }, { ...product, minTaxGrade: "D" });
    expect(rule(ungraded, "taxGrade")).toMatchObject({ ok: false, params: { required: "D", grade: "—" } });
  });

  it("keeps whitelist-only products for whitelisted firms", () => {
    expect(checkEligibility(firm, { ...product, whitelistOnly: true }).eligible).toBe(false);
    expect(
      checkEligibility({ ...firm, whitelisted: true }, { ...product, whitelistOnly: true }).eligible,
    ).toBe(true);
    expect(rule(checkEligibility(firm, product), "whitelist")).toBeUndefined();
  });

  it("checks the amount at its boundaries", () => {
    const at = (amountYuan: number) => checkEligibility(firm, product, { amountYuan }).eligible;
    expect(at(500_000)).toBe(true);
    expect(at(499_999)).toBe(false);
    expect(at(5_000_000)).toBe(true);
    expect(at(5_000_001)).toBe(false);
    const below = checkEligibility(firm, product, { amountYuan: 300_000 });
    expect(rule(below, "amount")).toMatchObject({
      ok: false,
      key: "enterprise.eligibility.amount.fail",
      params: { amount: "30" },
    });
  });

  it("checks the term at its boundaries", () => {
    const at = (termMonths: number) => checkEligibility(firm, product, { termMonths }).eligible;
    expect(at(6)).toBe(true);
    expect(at(5)).toBe(false);
    expect(at(36)).toBe(true);
    expect(at(37)).toBe(false);
  });

  it("leaves amount and term out when no request is given", () => {
    const result = checkEligibility(firm, product);
    expect(rule(result, "amount")).toBeUndefined();
    expect(rule(result, "term")).toBeUndefined();
  });

  it("reads stored comma-separated lists", () => {
    expect(
      eligibilityProductOf({
        status: "PUBLISHED",
        minAmountYuan: 1,
        maxAmountYuan: 2,
        minTermMonths: 1,
        maxTermMonths: 2,
        eligibleSizes: "SMALL,MICRO",
        eligibleSections: "",
        minTaxGrade: null,
        whitelistOnly: false,
      }),
    ).toMatchObject({ eligibleSizes: ["SMALL", "MICRO"], eligibleSections: [] });
  });
});
