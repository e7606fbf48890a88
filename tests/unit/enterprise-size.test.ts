import { describe, it, expect } from "vitest";
import {
  ENTERPRISE_SIZES,
  classifyEnterprise,
  isSme,
  sizeMetricsFor,
  type EnterpriseSize,
} from "~/domain/enterprise-size";
import { SIZE_RULE_SETS, type SizeRuleSet } from "~/domain/industry";

/**
 * Hand-written expectations from the 工信部联企业〔2011〕300号 table (DOMAIN.md).
 * For each rule set and each threshold (in-scope line, 中型, 小型) the rows probe
 * one metric just below / at / just above its threshold while the other metric
 * sits exactly at its own threshold. Unused metrics are 0, so a rule set that
 * wrongly read them would change its answer.
 * Columns: employees (persons), revenue (万元), assets (万元), expected size.
 */
type Row = [employees: number, revenueWan: number, assetsWan: number, expected: EnterpriseSize];

const TABLE: Record<SizeRuleSet, Row[]> = {
  // revenue < 20000 | 中 revenue ≥ 500 | 小 revenue ≥ 50
  AGRICULTURE: [
    [0, 19999, 0, "MEDIUM"],
    [0, 20000, 0, "LARGE"],
    [0, 20001, 0, "LARGE"],
    [0, 499, 0, "SMALL"],
    [0, 500, 0, "MEDIUM"],
    [0, 501, 0, "MEDIUM"],
    [0, 49, 0, "MICRO"],
    [0, 50, 0, "SMALL"],
    [0, 51, 0, "SMALL"],
  ],
  // staff < 1000 or revenue < 40000 | 中 300 & 2000 | 小 20 & 300
  INDUSTRY: [
    [999, 40000, 0, "MEDIUM"],
    [1000, 40000, 0, "LARGE"],
    [1001, 40000, 0, "LARGE"],
    [1000, 39999, 0, "MEDIUM"],
    [1000, 40001, 0, "LARGE"],
    [299, 2000, 0, "SMALL"],
    [300, 2000, 0, "MEDIUM"],
    [301, 2000, 0, "MEDIUM"],
    [300, 1999, 0, "SMALL"],
    [300, 2001, 0, "MEDIUM"],
    [19, 300, 0, "MICRO"],
    [20, 300, 0, "SMALL"],
    [21, 300, 0, "SMALL"],
    [20, 299, 0, "MICRO"],
    [20, 301, 0, "SMALL"],
  ],
  // revenue < 80000 or assets < 80000 | 中 revenue 6000 & assets 5000 | 小 300 & 300
  CONSTRUCTION: [
    [0, 79999, 80000, "MEDIUM"],
    [0, 80000, 80000, "LARGE"],
    [0, 80001, 80000, "LARGE"],
    [0, 80000, 79999, "MEDIUM"],
    [0, 80000, 80001, "LARGE"],
    [0, 5999, 5000, "SMALL"],
    [0, 6000, 5000, "MEDIUM"],
    [0, 6001, 5000, "MEDIUM"],
    [0, 6000, 4999, "SMALL"],
    [0, 6000, 5001, "MEDIUM"],
    [0, 299, 300, "MICRO"],
    [0, 300, 300, "SMALL"],
    [0, 301, 300, "SMALL"],
    [0, 300, 299, "MICRO"],
    [0, 300, 301, "SMALL"],
  ],
  // staff < 200 or revenue < 40000 | 中 20 & 5000 | 小 5 & 1000
  WHOLESALE: [
    [199, 40000, 0, "MEDIUM"],
    [200, 40000, 0, "LARGE"],
    [201, 40000, 0, "LARGE"],
    [200, 39999, 0, "MEDIUM"],
    [200, 40001, 0, "LARGE"],
    [19, 5000, 0, "SMALL"],
    [20, 5000, 0, "MEDIUM"],
    [21, 5000, 0, "MEDIUM"],
    [20, 4999, 0, "SMALL"],
    [20, 5001, 0, "MEDIUM"],
    [4, 1000, 0, "MICRO"],
    [5, 1000, 0, "SMALL"],
    [6, 1000, 0, "SMALL"],
    [5, 999, 0, "MICRO"],
    [5, 1001, 0, "SMALL"],
  ],
  // staff < 300 or revenue < 20000 | 中 50 & 500 | 小 10 & 100
  RETAIL: [
    [299, 20000, 0, "MEDIUM"],
    [300, 20000, 0, "LARGE"],
    [301, 20000, 0, "LARGE"],
    [300, 19999, 0, "MEDIUM"],
    [300, 20001, 0, "LARGE"],
    [49, 500, 0, "SMALL"],
    [50, 500, 0, "MEDIUM"],
    [51, 500, 0, "MEDIUM"],
    [50, 499, 0, "SMALL"],
    [50, 501, 0, "MEDIUM"],
    [9, 100, 0, "MICRO"],
    [10, 100, 0, "SMALL"],
    [11, 100, 0, "SMALL"],
    [10, 99, 0, "MICRO"],
    [10, 101, 0, "SMALL"],
  ],
  // staff < 1000 or revenue < 30000 | 中 300 & 3000 | 小 20 & 200
  TRANSPORT: [
    [999, 30000, 0, "MEDIUM"],
    [1000, 30000, 0, "LARGE"],
    [1001, 30000, 0, "LARGE"],
    [1000, 29999, 0, "MEDIUM"],
    [1000, 30001, 0, "LARGE"],
    [299, 3000, 0, "SMALL"],
    [300, 3000, 0, "MEDIUM"],
    [301, 3000, 0, "MEDIUM"],
    [300, 2999, 0, "SMALL"],
    [300, 3001, 0, "MEDIUM"],
    [19, 200, 0, "MICRO"],
    [20, 200, 0, "SMALL"],
    [21, 200, 0, "SMALL"],
    [20, 199, 0, "MICRO"],
    [20, 201, 0, "SMALL"],
  ],
  // staff < 200 or revenue < 30000 | 中 100 & 1000 | 小 20 & 100
  WAREHOUSING: [
    [199, 30000, 0, "MEDIUM"],
    [200, 30000, 0, "LARGE"],
    [201, 30000, 0, "LARGE"],
    [200, 29999, 0, "MEDIUM"],
    [200, 30001, 0, "LARGE"],
    [99, 1000, 0, "SMALL"],
    [100, 1000, 0, "MEDIUM"],
    [101, 1000, 0, "MEDIUM"],
    [100, 999, 0, "SMALL"],
    [100, 1001, 0, "MEDIUM"],
    [19, 100, 0, "MICRO"],
    [20, 100, 0, "SMALL"],
    [21, 100, 0, "SMALL"],
    [20, 99, 0, "MICRO"],
    [20, 101, 0, "SMALL"],
  ],
  // staff < 1000 or revenue < 30000 | 中 300 & 2000 | 小 20 & 100
  POSTAL: [
    [999, 30000, 0, "MEDIUM"],
    [1000, 30000, 0, "LARGE"],
    [1001, 30000, 0, "LARGE"],
    [1000, 29999, 0, "MEDIUM"],
    [1000, 30001, 0, "LARGE"],
    [299, 2000, 0, "SMALL"],
    [300, 2000, 0, "MEDIUM"],
    [301, 2000, 0, "MEDIUM"],
    [300, 1999, 0, "SMALL"],
    [300, 2001, 0, "MEDIUM"],
    [19, 100, 0, "MICRO"],
    [20, 100, 0, "SMALL"],
    [21, 100, 0, "SMALL"],
    [20, 99, 0, "MICRO"],
    [20, 101, 0, "SMALL"],
  ],
  // staff < 300 or revenue < 10000 | 中 100 & 2000 | 小 10 & 100
  HOSPITALITY: [
    [299, 10000, 0, "MEDIUM"],
    [300, 10000, 0, "LARGE"],
    [301, 10000, 0, "LARGE"],
    [300, 9999, 0, "MEDIUM"],
    [300, 10001, 0, "LARGE"],
    [99, 2000, 0, "SMALL"],
    [100, 2000, 0, "MEDIUM"],
    [101, 2000, 0, "MEDIUM"],
    [100, 1999, 0, "SMALL"],
    [100, 2001, 0, "MEDIUM"],
    [9, 100, 0, "MICRO"],
    [10, 100, 0, "SMALL"],
    [11, 100, 0, "SMALL"],
    [10, 99, 0, "MICRO"],
    [10, 101, 0, "SMALL"],
  ],
  // staff < 2000 or revenue < 100000 | 中 100 & 1000 | 小 10 & 100
  INFO_TRANSMISSION: [
    [1999, 100000, 0, "MEDIUM"],
    [2000, 100000, 0, "LARGE"],
    [2001, 100000, 0, "LARGE"],
    [2000, 99999, 0, "MEDIUM"],
    [2000, 100001, 0, "LARGE"],
    [99, 1000, 0, "SMALL"],
    [100, 1000, 0, "MEDIUM"],
    [101, 1000, 0, "MEDIUM"],
    [100, 999, 0, "SMALL"],
    [100, 1001, 0, "MEDIUM"],
    [9, 100, 0, "MICRO"],
    [10, 100, 0, "SMALL"],
    [11, 100, 0, "SMALL"],
    [10, 99, 0, "MICRO"],
    [10, 101, 0, "SMALL"],
  ],
  // staff < 300 or revenue < 10000 | 中 100 & 1000 | 小 10 & 50
  SOFTWARE_IT: [
    [299, 10000, 0, "MEDIUM"],
    [300, 10000, 0, "LARGE"],
    [301, 10000, 0, "LARGE"],
    [300, 9999, 0, "MEDIUM"],
    [300, 10001, 0, "LARGE"],
    [99, 1000, 0, "SMALL"],
    [100, 1000, 0, "MEDIUM"],
    [101, 1000, 0, "MEDIUM"],
    [100, 999, 0, "SMALL"],
    [100, 1001, 0, "MEDIUM"],
    [9, 50, 0, "MICRO"],
    [10, 50, 0, "SMALL"],
    [11, 50, 0, "SMALL"],
    [10, 49, 0, "MICRO"],
    [10, 51, 0, "SMALL"],
  ],
  // revenue < 200000 or assets < 10000 | 中 revenue 1000 & assets 5000 | 小 100 & 2000
  REAL_ESTATE_DEV: [
    [0, 199999, 10000, "MEDIUM"],
    [0, 200000, 10000, "LARGE"],
    [0, 200001, 10000, "LARGE"],
    [0, 200000, 9999, "MEDIUM"],
    [0, 200000, 10001, "LARGE"],
    [0, 999, 5000, "SMALL"],
    [0, 1000, 5000, "MEDIUM"],
    [0, 1001, 5000, "MEDIUM"],
    [0, 1000, 4999, "SMALL"],
    [0, 1000, 5001, "MEDIUM"],
    [0, 99, 2000, "MICRO"],
    [0, 100, 2000, "SMALL"],
    [0, 101, 2000, "SMALL"],
    [0, 100, 1999, "MICRO"],
    [0, 100, 2001, "SMALL"],
  ],
  // staff < 1000 or revenue < 5000 | 中 300 & 1000 | 小 100 & 500
  PROPERTY_MGMT: [
    [999, 5000, 0, "MEDIUM"],
    [1000, 5000, 0, "LARGE"],
    [1001, 5000, 0, "LARGE"],
    [1000, 4999, 0, "MEDIUM"],
    [1000, 5001, 0, "LARGE"],
    [299, 1000, 0, "SMALL"],
    [300, 1000, 0, "MEDIUM"],
    [301, 1000, 0, "MEDIUM"],
    [300, 999, 0, "SMALL"],
    [300, 1001, 0, "MEDIUM"],
    [99, 500, 0, "MICRO"],
    [100, 500, 0, "SMALL"],
    [101, 500, 0, "SMALL"],
    [100, 499, 0, "MICRO"],
    [100, 501, 0, "SMALL"],
  ],
  // staff < 300 or assets < 120000 | 中 staff 100 & assets 8000 | 小 10 & 100
  LEASING_BUSINESS: [
    [299, 0, 120000, "MEDIUM"],
    [300, 0, 120000, "LARGE"],
    [301, 0, 120000, "LARGE"],
    [300, 0, 119999, "MEDIUM"],
    [300, 0, 120001, "LARGE"],
    [99, 0, 8000, "SMALL"],
    [100, 0, 8000, "MEDIUM"],
    [101, 0, 8000, "MEDIUM"],
    [100, 0, 7999, "SMALL"],
    [100, 0, 8001, "MEDIUM"],
    [9, 0, 100, "MICRO"],
    [10, 0, 100, "SMALL"],
    [11, 0, 100, "SMALL"],
    [10, 0, 99, "MICRO"],
    [10, 0, 101, "SMALL"],
  ],
  // staff < 300 | 中 staff ≥ 100 | 小 staff ≥ 10
  OTHER: [
    [299, 0, 0, "MEDIUM"],
    [300, 0, 0, "LARGE"],
    [301, 0, 0, "LARGE"],
    [99, 0, 0, "SMALL"],
    [100, 0, 0, "MEDIUM"],
    [101, 0, 0, "MEDIUM"],
    [9, 0, 0, "MICRO"],
    [10, 0, 0, "SMALL"],
    [11, 0, 0, "SMALL"],
  ],
};

describe("classifyEnterprise: every threshold of every rule set", () => {
  it("covers every rule set", () => {
    expect(Object.keys(TABLE).sort()).toEqual([...SIZE_RULE_SETS].sort());
  });

  for (const ruleSet of SIZE_RULE_SETS) {
    describe(ruleSet, () => {
      it.each(TABLE[ruleSet])(
        "staff %i, revenue %i万, assets %i万 → %s",
        (employees, revenueWan, assetsWan, expected) => {
          expect(classifyEnterprise({ ruleSet, employees, revenueWan, assetsWan })).toBe(expected);
        },
      );
    });
  }
});

describe("classifyEnterprise: the OR of the in-scope line and the AND of the size bands", () => {
  it("an industrial firm is LARGE only when staff AND revenue reach the line", () => {
    expect(
      classifyEnterprise({ ruleSet: "INDUSTRY", employees: 5000, revenueWan: 39999, assetsWan: 0 }),
    ).toBe("MEDIUM");
    expect(
      classifyEnterprise({ ruleSet: "INDUSTRY", employees: 999, revenueWan: 900000, assetsWan: 0 }),
    ).toBe("MEDIUM");
    expect(
      classifyEnterprise({ ruleSet: "INDUSTRY", employees: 5000, revenueWan: 900000, assetsWan: 0 }),
    ).toBe("LARGE");
  });

  it("many staff but little revenue is small, not medium (中型 needs both)", () => {
    expect(classifyEnterprise({ ruleSet: "INDUSTRY", employees: 2000, revenueWan: 1000, assetsWan: 0 })).toBe(
      "SMALL",
    );
    expect(classifyEnterprise({ ruleSet: "SOFTWARE_IT", employees: 250, revenueWan: 60, assetsWan: 0 })).toBe(
      "SMALL",
    );
  });

  it("one metric below the small threshold makes a firm micro (微型 needs either)", () => {
    expect(classifyEnterprise({ ruleSet: "RETAIL", employees: 280, revenueWan: 99, assetsWan: 0 })).toBe(
      "MICRO",
    );
    expect(classifyEnterprise({ ruleSet: "HOSPITALITY", employees: 8, revenueWan: 9000, assetsWan: 0 })).toBe(
      "MICRO",
    );
    expect(
      classifyEnterprise({ ruleSet: "CONSTRUCTION", employees: 5000, revenueWan: 70000, assetsWan: 299 }),
    ).toBe("MICRO");
  });

  it("a brand-new firm with nothing is micro", () => {
    for (const ruleSet of SIZE_RULE_SETS) {
      expect(classifyEnterprise({ ruleSet, employees: 0, revenueWan: 0, assetsWan: 0 })).toBe("MICRO");
    }
  });

  it("ignores metrics a rule set does not use", () => {
    const huge = 10_000_000;
    expect(
      classifyEnterprise({ ruleSet: "AGRICULTURE", employees: huge, revenueWan: 49, assetsWan: huge }),
    ).toBe("MICRO");
    expect(classifyEnterprise({ ruleSet: "OTHER", employees: 9, revenueWan: huge, assetsWan: huge })).toBe(
      "MICRO",
    );
    expect(
      classifyEnterprise({ ruleSet: "CONSTRUCTION", employees: 0, revenueWan: 300, assetsWan: 300 }),
    ).toBe("SMALL");
    expect(
      classifyEnterprise({ ruleSet: "LEASING_BUSINESS", employees: 10, revenueWan: 0, assetsWan: 100 }),
    ).toBe("SMALL");
    expect(classifyEnterprise({ ruleSet: "INDUSTRY", employees: 20, revenueWan: 300, assetsWan: huge })).toBe(
      "SMALL",
    );
  });

  it("a realistic Zhengdong software firm: 45 staff, 800万 revenue → small", () => {
    expect(
      classifyEnterprise({ ruleSet: "SOFTWARE_IT", employees: 45, revenueWan: 800, assetsWan: 300 }),
    ).toBe("SMALL");
  });
});

describe("classifyEnterprise: bad input", () => {
  it.each([
    ["negative staff", { employees: -1, revenueWan: 100 }],
    ["fractional staff", { employees: 10.5, revenueWan: 100 }],
    ["fractional revenue", { employees: 10, revenueWan: 299.5 }],
    ["NaN revenue", { employees: 10, revenueWan: Number.NaN }],
    ["infinite staff", { employees: Number.POSITIVE_INFINITY, revenueWan: 100 }],
  ])("throws on %s", (_label, values) => {
    expect(() => classifyEnterprise({ ruleSet: "INDUSTRY", assetsWan: 0, ...values })).toThrow(RangeError);
  });

  it("throws on an unknown rule set", () => {
    expect(() =>
      classifyEnterprise({ ruleSet: "FINANCE" as SizeRuleSet, employees: 1, revenueWan: 1, assetsWan: 1 }),
    ).toThrow(RangeError);
  });
});

describe("helpers", () => {
  it("sizeMetricsFor tells the form which figures matter", () => {
    expect(sizeMetricsFor("AGRICULTURE")).toEqual(["revenueWan"]);
    expect(sizeMetricsFor("OTHER")).toEqual(["employees"]);
    expect(sizeMetricsFor("CONSTRUCTION")).toEqual(["revenueWan", "assetsWan"]);
    expect(sizeMetricsFor("REAL_ESTATE_DEV")).toEqual(["revenueWan", "assetsWan"]);
    expect(sizeMetricsFor("LEASING_BUSINESS")).toEqual(["employees", "assetsWan"]);
    expect(sizeMetricsFor("RETAIL")).toEqual(["employees", "revenueWan"]);
  });

  it("isSme is false only for LARGE", () => {
    expect(ENTERPRISE_SIZES.filter(isSme)).toEqual(["MEDIUM", "SMALL", "MICRO"]);
  });
});
