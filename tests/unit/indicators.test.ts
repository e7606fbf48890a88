import { describe, expect, it } from "vitest";

import { isValidPeriod, lprOn, monthsOf, percentile, permille, weightedMean } from "~/domain/indicators";

describe("permille", () => {
  it("rounds half up and is null without a whole", () => {
    expect(permille(1, 3)).toBe(333);
    expect(permille(2, 3)).toBe(667);
    expect(permille(1, 8)).toBe(125);
    expect(permille(9, 16)).toBe(563); // 562.5
    expect(permille(0, 5)).toBe(0);
    expect(permille(3, 0)).toBeNull();
  });
});

describe("weightedMean", () => {
  it("divides exactly in bigint and rounds half up, negatives symmetric", () => {
    expect(weightedMean(3_025_000_000n, 8_000_000n)).toBe(378); // 378.125
    expect(weightedMean(15n, 2n)).toBe(8); // 7.5
    expect(weightedMean(-15n, 2n)).toBe(-8);
    expect(weightedMean(10n, 0n)).toBeNull();
  });
  it("stays exact beyond 2^53", () => {
    // (2^60 + 2^49 − 1) ÷ 2^50 = 1024.49999…: floating point would see 1024.5 and round up
    expect(weightedMean(2n ** 60n + 2n ** 49n - 1n, 2n ** 50n)).toBe(1024);
    expect(weightedMean(2n ** 60n + 2n ** 49n, 2n ** 50n)).toBe(1025);
  });
});

describe("percentile (nearest rank)", () => {
  it("takes the value whose cumulative count first reaches ⌈p·N⌉", () => {
    const pairs = [
      { value: 26, count: 1 },
      { value: 6, count: 1 },
      { value: 16, count: 1 },
      { value: 14, count: 1 },
      { value: 22, count: 1 },
    ];
    expect(percentile(pairs, 0.5)).toBe(16);
    expect(percentile(pairs, 0.9)).toBe(26);
  });
  it("weights values by their counts", () => {
    // 1×9, 10×1: the median and p90 are 1 (rank 5 and rank 9 of 10), p95 is 10
    const pairs = [
      { value: 1, count: 9 },
      { value: 10, count: 1 },
    ];
    expect([percentile(pairs, 0.5), percentile(pairs, 0.9), percentile(pairs, 0.95)]).toEqual([1, 1, 10]);
    expect(percentile([], 0.5)).toBeNull();
  });
});

describe("lprOn", () => {
  const lpr = [
    { effectiveDay: "2025-05-20", rateBp: 300 },
    { effectiveDay: "2026-03-01", rateBp: 290 },
  ];
  it("is the rate in force on the day, null before the first", () => {
    expect(lprOn(lpr, "2026-02-28")).toBe(300);
    expect(lprOn(lpr, "2026-03-01")).toBe(290);
    expect(lprOn(lpr, "2025-05-19")).toBeNull();
  });
});

describe("monthsOf and isValidPeriod", () => {
  it("lists every month touched, across a year end", () => {
    expect(monthsOf("2025-11-15", "2026-02-01")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthsOf("2026-03-31", "2026-03-31")).toEqual(["2026-03"]);
  });
  it("accepts ordered real days up to five years apart", () => {
    expect(isValidPeriod("2026-01-01", "2026-12-31")).toBe(true);
    expect(isValidPeriod("2026-03-01", "2026-02-01")).toBe(false);
    expect(isValidPeriod("2026-02-30", "2026-03-01")).toBe(false);
    expect(isValidPeriod("2015-01-01", "2026-01-01")).toBe(false);
    expect(isValidPeriod("9999-01-01", "9999-01-02")).toBe(false);
  });
});
