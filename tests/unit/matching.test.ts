import { describe, expect, it } from "vitest";

import {
  FIT_WEIGHTS,
  matchFirmToProduct,
  rankFirms,
  rankProducts,
  type MatchFirm,
  type MatchProduct,
} from "~/domain/matching";

const product: MatchProduct = {
  id: "p1",
  status: "PUBLISHED",
  minAmountYuan: 500_000,
  maxAmountYuan: 5_000_000,
  minTermMonths: 6,
  maxTermMonths: 36,
  minRateBp: 350,
  maxRateBp: 600,
  guaranteeType: "CREDIT",
  eligibleSizes: ["SMALL", "MICRO"],
  eligibleSections: [],
  minTaxGrade: "B",
  whitelistOnly: false,
};

const firm: MatchFirm = {
  id: "f1",
  size: "SMALL",
  sectionCode: "C",
  taxGrade: "A",
  publicRating: "B",
  onDishonestyList: false,
  onRedList: true,
  whitelisted: true,
};

const points = (result: ReturnType<typeof matchFirmToProduct>) =>
  Object.fromEntries(result.fit.map((reason) => [reason.part, reason.points]));

describe("fit score", () => {
  it("weights add up to 100", () => {
    expect(Object.values(FIT_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it("scores a full need part by part (worked out by hand: 20+15+9+10+15+7+10+5 = 91)", () => {
    const result = matchFirmToProduct(firm, product, {
      amountYuan: 3_000_000,
      termMonths: 12,
      rateCeilingBp: 500,
      guaranteeTypes: ["CREDIT", "MORTGAGE"],
    });
    expect(points(result)).toEqual({
      amount: 20,
      term: 15,
      rate: 9,
      guarantee: 10,
      taxGrade: 15,
      rating: 7,
      whitelist: 10,
      redList: 5,
    });
    expect(result.score).toBe(91);
    expect(result.eligible).toBe(true);
  });

  it("gives half points where the firm said nothing (10+8+8+5+15+7+10+5 = 68)", () => {
    const result = matchFirmToProduct(firm, product);
    expect(points(result)).toMatchObject({ amount: 10, term: 8, rate: 8, guarantee: 5 });
    expect(result.score).toBe(68);
  });

  it("explains each part with its numbers", () => {
    const result = matchFirmToProduct(firm, product, { amountYuan: 3_000_000 });
    expect(result.fit.find((r) => r.part === "amount")).toEqual({
      part: "amount",
      points: 20,
      max: 20,
      key: "matching.fit.amount.inside",
      params: { amount: "300", min: "50", max: "500" },
    });
  });

  describe("amount", () => {
    it.each([
      [500_000, 20, "inside"], // at the minimum
      [5_000_000, 20, "inside"], // at the maximum
      [250_000, 10, "outside"], // half the minimum
      [10_000_000, 10, "outside"], // twice the maximum
      [499_999, 20, "outside"], // just below: rounds to full points but says outside
    ])("%i 元 → %i points (%s)", (amountYuan, expected, variant) => {
      const reason = matchFirmToProduct(firm, product, { amountYuan }).fit.find((r) => r.part === "amount")!;
      expect(reason.points).toBe(expected);
      expect(reason.key).toBe(`matching.fit.amount.${variant}`);
    });
  });

  describe("rate ceiling", () => {
    it.each([
      [600, 15, "covered"], // covers the maximum exactly
      [700, 15, "covered"],
      [475, 8, "partly"], // (475−350)/250 × 15 = 7.5 → 8
      [350, 5, "partly"], // at the minimum: at least 5
      [349, 0, "above"],
    ])("ceiling %i bp → %i points (%s)", (rateCeilingBp, expected, variant) => {
      const reason = matchFirmToProduct(firm, product, { rateCeilingBp }).fit.find((r) => r.part === "rate")!;
      expect(reason.points).toBe(expected);
      expect(reason.key).toBe(`matching.fit.rate.${variant}`);
    });
  });

  it("guarantee types: match, mismatch", () => {
    expect(points(matchFirmToProduct(firm, product, { guaranteeTypes: ["CREDIT"] })).guarantee).toBe(10);
    expect(points(matchFirmToProduct(firm, product, { guaranteeTypes: ["MORTGAGE"] })).guarantee).toBe(0);
  });

  it.each([
    ["A", 15],
    ["B", 12],
    ["M", 8],
    ["C", 4],
    ["D", 0],
    [null, 6],
  ])("tax grade %s → %i", (taxGrade, expected) => {
    expect(points(matchFirmToProduct({ ...firm, taxGrade }, product)).taxGrade).toBe(expected);
  });

  it("whitelist and red list bonuses", () => {
    const plain = { ...firm, whitelisted: false, onRedList: false };
    expect(points(matchFirmToProduct(plain, product))).toMatchObject({ whitelist: 0, redList: 0 });
    expect(matchFirmToProduct(firm, product).score - matchFirmToProduct(plain, product).score).toBe(15);
  });
});

describe("ranking", () => {
  const cheap: MatchProduct = { ...product, id: "cheap", minRateBp: 300, maxRateBp: 500 };
  const dear: MatchProduct = { ...product, id: "dear", minRateBp: 450, maxRateBp: 800 };
  const whitelistOnly: MatchProduct = { ...product, id: "wl", whitelistOnly: true };
  const mediumOnly: MatchProduct = { ...product, id: "medium", eligibleSizes: ["MEDIUM"], minRateBp: 200 };

  it("puts eligible products first, then the higher score, then the lower rate", () => {
    const ranked = rankProducts({ ...firm, whitelisted: false }, [mediumOnly, dear, whitelistOnly, cheap], {
      rateCeilingBp: 500,
    });
    expect(ranked.map((r) => r.product.id)).toEqual(["cheap", "dear", "medium", "wl"]);
    expect(ranked[0].match.score).toBeGreaterThan(ranked[1].match.score);
    expect(ranked.slice(2).every((r) => !r.match.eligible)).toBe(true);
  });

  it("breaks a tie in score by the lower minimum rate", () => {
    const a: MatchProduct = { ...product, id: "a", minRateBp: 400, maxRateBp: 600 };
    const b: MatchProduct = { ...product, id: "b", minRateBp: 380, maxRateBp: 600 };
    expect(rankProducts(firm, [a, b]).map((r) => r.product.id)).toEqual(["b", "a"]);
  });

  it("a firm on a dishonesty list ranks last for every product", () => {
    const dishonest: MatchFirm = {
      ...firm,
      id: "bad",
      onDishonestyList: true,
      taxGrade: "A",
      publicRating: "A",
    };
    const modest: MatchFirm = {
      ...firm,
      id: "ok",
      taxGrade: "B",
      publicRating: "C",
      whitelisted: false,
      onRedList: false,
    };
    const ranked = rankFirms(product, [{ firm: dishonest }, { firm: modest }]);
    expect(ranked.map((r) => r.firm.id)).toEqual(["ok", "bad"]);
    expect(ranked[1].match.eligibility.find((r) => r.rule === "dishonesty")?.ok).toBe(false);
  });

  it("ranks firms by their own needs", () => {
    const near = { firm: { ...firm, id: "near" }, need: { amountYuan: 1_000_000 } };
    const far = { firm: { ...firm, id: "far" }, need: { amountYuan: 20_000_000 } };
    expect(rankFirms(product, [far, near]).map((r) => r.firm.id)).toEqual(["near", "far"]);
  });
});

describe("reasons are translatable", () => {
  it("every fit reason key exists in both catalogues", async () => {
    const { hasMessage } = await import("~/i18n/translate");
    const needs = [
      {},
      { amountYuan: 3_000_000, termMonths: 12, rateCeilingBp: 500, guaranteeTypes: ["CREDIT"] },
      { amountYuan: 1, termMonths: 99, rateCeilingBp: 100, guaranteeTypes: ["PLEDGE"] },
      { rateCeilingBp: 900 },
    ];
    const firms = [
      firm,
      { ...firm, taxGrade: null, publicRating: null, whitelisted: false, onRedList: false },
    ];
    const keys = new Set(
      needs.flatMap((need) =>
        firms.flatMap((f) => matchFirmToProduct(f, product, need).fit.map((r) => r.key)),
      ),
    );
    expect(keys.size).toBeGreaterThan(16);
    for (const key of keys) {
      expect(hasMessage("zh-CN", key), key).toBe(true);
      expect(hasMessage("en", key), key).toBe(true);
    }
  });
});
