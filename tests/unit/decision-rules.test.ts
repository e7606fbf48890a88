import { describe, expect, it } from "vitest";

import {
  disbursementInstant,
  parseDecisionForm,
  parseOfferForm,
  parseProductForm,
  purposeForState,
  termsDiffer,
  type DecisionContext,
} from "~/domain/decision-rules";
import { startOfShanghaiDay } from "~/domain/shanghai-time";

// Product: 10万–300万元, 6–36 months, 3.50%–6.00%; the firm asked for 100万 for 12 months.
const product = {
  minAmountYuan: 100_000,
  maxAmountYuan: 3_000_000,
  minTermMonths: 6,
  maxTermMonths: 36,
  minRateBp: 350,
  maxRateBp: 600,
};
const now = new Date("2026-11-26T06:00:00Z"); // 14:00 Shanghai
const approvedAt = new Date("2026-11-20T07:00:00Z"); // 15:00 Shanghai, 20 Nov
const context: DecisionContext = {
  product,
  amountYuan: 1_000_000,
  approvedAmountYuan: 800_000,
  approvedTermMonths: 24,
  decidedAt: approvedAt,
  today: "2026-11-26",
  now,
};

const errorsOf = (result: { ok: boolean; errors?: Record<string, { key: string }> }) =>
  Object.fromEntries(Object.entries(result.errors ?? {}).map(([k, v]) => [k, v.key]));

describe("approve", () => {
  it("accepts an amount up to the request, a rate and a term inside the product", () => {
    expect(
      parseDecisionForm(
        { intent: "approve", version: "3", amount: "100", rate: "4.35", term: "12" },
        context,
      ),
    ).toEqual({
      ok: true,
      expectedVersion: 3,
      input: { action: "approve", amountYuan: 1_000_000, rateBp: 435, termMonths: 12 },
    });
    expect(
      parseDecisionForm({ intent: "approve", version: "0", amount: "10", rate: "3.5", term: "6" }, context)
        .ok,
    ).toBe(true);
  });

  it("caps the amount at min(requested, product max) and floors it at the product min", () => {
    expect(
      errorsOf(
        parseDecisionForm(
          { intent: "approve", version: "0", amount: "100.0001", rate: "4", term: "12" },
          context,
        ),
      ),
    ).toEqual({ amount: "bank.errors.amountOutside" });
    expect(
      errorsOf(
        parseDecisionForm(
          { intent: "approve", version: "0", amount: "9.9999", rate: "4", term: "12" },
          context,
        ),
      ),
    ).toEqual({ amount: "bank.errors.amountOutside" });
    const big = { ...context, amountYuan: 5_000_000 };
    expect(
      errorsOf(
        parseDecisionForm({ intent: "approve", version: "0", amount: "301", rate: "4", term: "12" }, big),
      ),
    ).toEqual({ amount: "bank.errors.amountOutside" });
    const result = parseDecisionForm(
      { intent: "approve", version: "0", amount: "301", rate: "4", term: "12" },
      big,
    );
    expect(!result.ok && result.errors.amount.params).toEqual({ min: "10", max: "300" });
  });

  it("refuses rates and terms outside the product and malformed numbers", () => {
    expect(
      errorsOf(
        parseDecisionForm(
          { intent: "approve", version: "0", amount: "50", rate: "3.49", term: "5" },
          context,
        ),
      ),
    ).toEqual({
      rate: "bank.errors.rateOutside",
      term: "bank.errors.termOutside",
    });
    expect(
      errorsOf(
        parseDecisionForm(
          { intent: "approve", version: "0", amount: "1e3", rate: "36.5", term: "12.5" },
          context,
        ),
      ),
    ).toEqual({
      amount: "bank.errors.amount",
      rate: "bank.errors.rate",
      term: "bank.errors.term",
    });
    expect(errorsOf(parseDecisionForm({ intent: "approve", version: "0" }, context))).toEqual({
      amount: "common.validation.required",
      rate: "common.validation.required",
      term: "common.validation.required",
    });
  });
});

describe("reject and cancel", () => {
  it("need a listed reason code, and text for OTHER", () => {
    expect(parseDecisionForm({ intent: "reject", version: "1", reason: "HIGH_LEVERAGE" }, context)).toEqual({
      ok: true,
      expectedVersion: 1,
      input: { action: "reject", reason: "HIGH_LEVERAGE" },
    });
    expect(errorsOf(parseDecisionForm({ intent: "reject", version: "1" }, context))).toEqual({
      reason: "common.validation.required",
    });
    expect(
      errorsOf(parseDecisionForm({ intent: "reject", version: "1", reason: "TOO_POOR" }, context)),
    ).toEqual({ reason: "common.validation.invalidChoice" });
    expect(
      errorsOf(
        parseDecisionForm({ intent: "cancel", version: "1", reason: "OTHER", reasonText: " " }, context),
      ),
    ).toEqual({ reasonText: "common.validation.required" });
    expect(
      parseDecisionForm(
        { intent: "cancel", version: "1", reason: "OTHER", reasonText: "抵押物灭失" },
        context,
      ),
    ).toMatchObject({
      ok: true,
      input: { action: "cancel", reason: "OTHER", text: "抵押物灭失" },
    });
    expect(
      errorsOf(
        parseDecisionForm(
          { intent: "reject", version: "1", reason: "OTHER", reasonText: "x".repeat(501) },
          context,
        ),
      ),
    ).toEqual({ reasonText: "common.validation.tooLong" });
  });
});

describe("disburse", () => {
  it("accepts up to the approved amount, a rate in range and a day between approval and today", () => {
    expect(
      parseDecisionForm(
        {
          intent: "disburse",
          version: "2",
          amount: "80",
          rate: "4.35",
          date: "2026-11-26",
          repaymentMethod: "EQUAL_INSTALMENT",
        },
        context,
      ),
    ).toEqual({
      ok: true,
      expectedVersion: 2,
      input: {
        action: "disburse",
        amountYuan: 800_000,
        rateBp: 435,
        disbursedAt: now,
        repaymentMethod: "EQUAL_INSTALMENT",
      },
    });
  });

  it("needs a repayment method, and BULLET only for terms up to 12 months", () => {
    const form = { intent: "disburse", version: "2", amount: "80", rate: "4.35", date: "2026-11-26" };
    expect(errorsOf(parseDecisionForm(form, context))).toEqual({
      repaymentMethod: "common.validation.required",
    });
    expect(errorsOf(parseDecisionForm({ ...form, repaymentMethod: "WEEKLY" }, context))).toEqual({
      repaymentMethod: "common.validation.invalidChoice",
    });
    // approved for 24 months: no 到期一次还本付息
    expect(errorsOf(parseDecisionForm({ ...form, repaymentMethod: "BULLET" }, context))).toEqual({
      repaymentMethod: "loans.errors.bulletTerm",
    });
    expect(
      parseDecisionForm({ ...form, repaymentMethod: "BULLET" }, { ...context, approvedTermMonths: 12 }).ok,
    ).toBe(true);
  });

  it("refuses more than approved, a future day, a day before approval and impossible dates", () => {
    expect(
      errorsOf(
        parseDecisionForm(
          {
            intent: "disburse",
            version: "2",
            amount: "80.0001",
            rate: "4",
            date: "2026-11-26",
            repaymentMethod: "EQUAL_INSTALMENT",
          },
          context,
        ),
      ),
    ).toEqual({ amount: "bank.errors.aboveApproved" });
    expect(
      errorsOf(
        parseDecisionForm(
          {
            intent: "disburse",
            version: "2",
            amount: "80",
            rate: "4",
            date: "2026-11-27",
            repaymentMethod: "EQUAL_INSTALMENT",
          },
          context,
        ),
      ),
    ).toEqual({ date: "bank.errors.dateFuture" });
    expect(
      errorsOf(
        parseDecisionForm(
          {
            intent: "disburse",
            version: "2",
            amount: "80",
            rate: "4",
            date: "2026-11-19",
            repaymentMethod: "EQUAL_INSTALMENT",
          },
          context,
        ),
      ),
    ).toEqual({ date: "bank.errors.dateBeforeApproval" });
    expect(
      errorsOf(
        parseDecisionForm(
          {
            intent: "disburse",
            version: "2",
            amount: "80",
            rate: "4",
            date: "9999-12-31",
            repaymentMethod: "EQUAL_INSTALMENT",
          },
          context,
        ),
      ),
    ).toEqual({ date: "bank.errors.dateFuture" });
    expect(
      errorsOf(
        parseDecisionForm(
          {
            intent: "disburse",
            version: "2",
            amount: "80",
            rate: "4",
            date: "2026-02-30",
            repaymentMethod: "EQUAL_INSTALMENT",
          },
          context,
        ),
      ),
    ).toEqual({ date: "bank.errors.date" });
    expect(
      errorsOf(
        parseDecisionForm(
          {
            intent: "disburse",
            version: "2",
            amount: "80",
            rate: "6.01",
            date: "2026-11-26",
            repaymentMethod: "EQUAL_INSTALMENT",
          },
          context,
        ),
      ),
    ).toEqual({ rate: "bank.errors.rateOutside" });
  });

  it("records a past day at noon, but never before the approval", () => {
    expect(disbursementInstant("2026-11-23", context)).toEqual(
      new Date(startOfShanghaiDay("2026-11-23").getTime() + 12 * 3_600_000),
    );
    // The approval was at 15:00 on the 20th: noon would precede it.
    expect(disbursementInstant("2026-11-20", context)).toEqual(new Date(approvedAt.getTime() + 60_000));
    expect(disbursementInstant("2026-11-26", context)).toBe(now);
  });
});

describe("form envelope", () => {
  it("needs a known intent and a version", () => {
    expect(errorsOf(parseDecisionForm({ intent: "withdraw", version: "0" }, context))).toEqual({
      _form: "common.validation.invalidChoice",
    });
    expect(errorsOf(parseDecisionForm({ intent: "accept" }, context))).toEqual({
      _form: "bank.errors.stale",
    });
    expect(parseDecisionForm({ intent: "accept", version: "7" }, context)).toEqual({
      ok: true,
      expectedVersion: 7,
      input: { action: "accept" },
    });
  });

  it("maps the application state to the purpose of a credit view", () => {
    expect(["SUBMITTED", "ACCEPTED", "APPROVED", "DISBURSED"].map(purposeForState)).toEqual([
      "PRE_LOAN",
      "PRE_LOAN",
      "IN_LOAN",
      "POST_LOAN",
    ]);
  });
});

describe("product form", () => {
  const valid = {
    name: " 科创贷 ",
    type: "CREDIT",
    guaranteeType: "IP_PLEDGE",
    minAmount: "10",
    maxAmount: "1,000",
    minTerm: "6",
    maxTerm: "36",
    minRate: "0",
    maxRate: "36",
    eligibleSizes: ["MICRO", "SMALL"],
    eligibleSections: ["M", "C"],
    minTaxGrade: "",
    description: "",
  };

  it("parses every field, ordering the lists canonically", () => {
    expect(parseProductForm(valid)).toEqual({
      ok: true,
      data: {
        name: "科创贷",
        type: "CREDIT",
        guaranteeType: "IP_PLEDGE",
        minAmountYuan: 100_000,
        maxAmountYuan: 10_000_000,
        minTermMonths: 6,
        maxTermMonths: 36,
        minRateBp: 0,
        maxRateBp: 3600,
        eligibleSizes: ["SMALL", "MICRO"],
        eligibleSections: ["C", "M"],
        minTaxGrade: null,
        whitelistOnly: false,
        description: "",
        defaultRepaymentMethod: null,
      },
    });
  });

  it("takes an optional default repayment method from the list", () => {
    const parsed = parseProductForm({ ...valid, defaultRepaymentMethod: "EQUAL_PRINCIPAL" });
    expect(parsed.ok && parsed.data.defaultRepaymentMethod).toBe("EQUAL_PRINCIPAL");
    expect(errorsOf(parseProductForm({ ...valid, defaultRepaymentMethod: "MONTHLY" }))).toEqual({
      defaultRepaymentMethod: "common.validation.invalidChoice",
    });
  });

  it("checks each range and each list", () => {
    expect(
      errorsOf(
        parseProductForm({
          ...valid,
          minAmount: "20",
          maxAmount: "10",
          minTerm: "7",
          maxTerm: "6",
          minRate: "5",
          maxRate: "4",
        }),
      ),
    ).toEqual({
      maxAmount: "bank.errors.rangeReversed",
      maxTerm: "bank.errors.rangeReversed",
      maxRate: "bank.errors.rangeReversed",
    });
    expect(
      errorsOf(parseProductForm({ ...valid, minAmount: "0", maxRate: "36.01", maxTerm: "361" })),
    ).toEqual({
      minAmount: "bank.errors.amount",
      maxRate: "bank.errors.rate",
      maxTerm: "bank.errors.term",
    });
    expect(
      errorsOf(
        parseProductForm({
          ...valid,
          eligibleSizes: [],
          eligibleSections: ["U"],
          minTaxGrade: "E",
          whitelistOnly: "maybe",
        }),
      ),
    ).toEqual({
      eligibleSizes: "bank.errors.sizesRequired",
      eligibleSections: "common.validation.invalidChoice",
      minTaxGrade: "common.validation.invalidChoice",
      whitelistOnly: "common.validation.invalid",
    });
  });

  it("tells term changes from cosmetic ones", () => {
    const stored = {
      type: "CREDIT",
      guaranteeType: "CREDIT",
      ...product,
      eligibleSizes: "SMALL,MICRO",
      eligibleSections: "",
      minTaxGrade: null,
      whitelistOnly: false,
    };
    expect(termsDiffer(stored, { ...stored })).toBe(false);
    expect(termsDiffer(stored, { ...stored, maxRateBp: 601 })).toBe(true);
    expect(termsDiffer(stored, { ...stored, eligibleSections: "C" })).toBe(true);
  });
});

describe("offer form", () => {
  const offerProduct = { id: "p1", ...product };
  it("checks amount, term and rate against the chosen product", () => {
    expect(
      parseOfferForm({ productId: "p1", amount: "50", term: "12", rate: "4", note: " 尽快 " }, offerProduct),
    ).toEqual({
      ok: true,
      data: { productId: "p1", amountYuan: 500_000, termMonths: 12, rateBp: 400, note: "尽快" },
    });
    expect(
      errorsOf(parseOfferForm({ productId: "p1", amount: "400", term: "40", rate: "7" }, offerProduct)),
    ).toEqual({
      amount: "bank.errors.amountOutside",
      term: "bank.errors.termOutside",
      rate: "bank.errors.rateOutside",
    });
    expect(
      errorsOf(parseOfferForm({ productId: "gone", amount: "50", term: "12", rate: "4" }, null)),
    ).toEqual({ productId: "common.validation.invalidChoice" });
  });
});
