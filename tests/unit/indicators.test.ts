import { describe, expect, it } from "vitest";

import {
  NO_FIRM_FACTS,
  emptyTotals,
  factAdder,
  indicatorValues,
  isValidPeriod,
  mergeTotals,
  type FactTotals,
  lprOn,
  monthsOf,
  percentile,
  permille,
  reduceIndicators,
  weightedMean,
} from "~/domain/indicators";
import { createCalendar } from "~/domain/working-days";

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

describe("reduceIndicators over the New Year of 2026", () => {
  // 2026-01-01 to 01-03 are holidays, Sunday 01-04 a working day (调休), by the State Council's
  // notice; 2025-12-31 and 2026-01-05, 01-06 are ordinary working days.
  const context = {
    calendar: createCalendar(),
    firstResponseDays: 1,
    today: "2026-02-01",
    lpr: [{ effectiveDay: "2025-05-20", rateBp: 300 }],
  };
  const loan = (submitDay: string, disburseDay: string, count: number) => ({
    submitDay,
    disburseDay,
    count,
    amountYuan: 100_000 * count,
    amountRate: BigInt(100_000 * count * 350),
    creditYuan: 0,
    inclusiveYuan: 0,
    firstLoans: 0,
  });
  const values = reduceIndicators(
    {
      // the first fact read is the later day: spans across the year are counted the same way
      responses: [
        { submitDay: "2026-01-05", responseDay: "2026-01-06", pending: false, fromOffer: false, count: 1 },
        { submitDay: "2025-12-31", responseDay: "2026-01-04", pending: false, fromOffer: false, count: 1 },
        { submitDay: "2025-12-31", responseDay: "2026-01-05", pending: false, fromOffer: false, count: 2 },
      ],
      decisions: [],
      loans: [loan("2026-01-05", "2026-01-06", 1), loan("2025-12-30", "2026-01-05", 3)],
      firms: NO_FIRM_FACTS,
      renewals: [],
      book: null,
    },
    context,
  );

  it("counts working days across the holidays and the 调休 Sunday", () => {
    // time to money: 1 working day (1 calendar day) once, 3 (12-31, 01-04, 01-05; 6 calendar days) three times
    expect(values.timeToMoney).toEqual({
      calendarMedian: 6,
      calendarP90: 6,
      workingMedian: 3,
      workingP90: 3,
    });
    // responses: 1, 1 and 2 × 2 working days = 6 over 4; the deadline of 12-31 is 01-04, so the two
    // answered on 01-05 are late
    expect(values.avgResponseDays).toBe(1.5);
    expect([values.responseWithinSla, values.responseDue]).toEqual([2, 4]);
  });
  it("takes the spread over the LPR in force on the disbursement day", () => {
    expect(values.weightedRateBp).toBe(350);
    expect(values.spreadBp).toBe(50);
  });
});

describe("percentile of repeated values", () => {
  it("adds the counts of pairs with the same value and skips zero counts", () => {
    const pairs = [
      { value: 5, count: 2 },
      { value: 9, count: 0 },
      { value: 3, count: 1 },
      { value: 5, count: 2 },
      { value: 12, count: 1 },
    ];
    // 3×1, 5×4, 12×1 (N = 6): rank 3 → 5, rank 6 → 12
    expect([percentile(pairs, 0.5), percentile(pairs, 0.9)]).toEqual([5, 12]);
    expect(percentile([{ value: 4, count: 0 }], 0.5)).toBeNull();
  });
});

describe("totals merged from cells", () => {
  const context = {
    calendar: createCalendar(),
    firstResponseDays: 2,
    today: "2026-03-10",
    lpr: [
      { effectiveDay: "2026-01-20", rateBp: 310 },
      { effectiveDay: "2026-02-20", rateBp: 300 },
    ],
  };
  const days = [
    "2026-01-05",
    "2026-01-19",
    "2026-01-28",
    "2026-02-02",
    "2026-02-19",
    "2026-02-24",
    "2026-03-03",
  ];
  const outcomes = ["APPROVED", "OUTSIDE_PRODUCT_POLICY", "OTHER"] as const;
  // a spread of facts: answered, pending, withdrawn and from an offer; loans across the LPR changes
  const responses = days.flatMap((submitDay, i) => [
    {
      submitDay,
      responseDay: days[Math.min(i + 1, days.length - 1)],
      pending: false,
      fromOffer: false,
      count: i + 1,
    },
    { submitDay, responseDay: null, pending: i % 2 === 0, fromOffer: false, count: 2 },
    { submitDay, responseDay: submitDay, pending: false, fromOffer: i === 3, count: 1 },
  ]);
  const decisions = days.map((day, i) => ({ day, outcome: outcomes[i % 3], count: i + 2 }));
  const loans = days.slice(1).map((disburseDay, i) => ({
    submitDay: days[i],
    disburseDay,
    count: i + 1,
    amountYuan: 200_000 * (i + 1),
    amountRate: BigInt(200_000 * (i + 1) * (320 + i)),
    creditYuan: i % 2 ? 200_000 : 0,
    inclusiveYuan: 100_000,
    firstLoans: i % 3 === 0 ? 1 : 0,
  }));
  const extras = { firms: NO_FIRM_FACTS, book: null, renewals: [] };
  const month = (day: string) => day.slice(0, 7);

  it("equal the reduction of each month's facts, and of all of them", () => {
    const add = factAdder(context);
    const cells = new Map<string, FactTotals>();
    const cell = (day: string) => {
      const key = month(day);
      if (!cells.has(key)) cells.set(key, emptyTotals());
      return cells.get(key)!;
    };
    for (const fact of responses) add.response(cell(fact.submitDay), fact);
    for (const fact of decisions) add.decision(cell(fact.day), fact);
    for (const fact of loans) add.loan(cell(fact.disburseDay), fact);
    const whole = emptyTotals();
    for (const totals of cells.values()) mergeTotals(whole, totals);

    expect([...cells.keys()].sort()).toEqual(["2026-01", "2026-02", "2026-03"]);
    for (const [key, totals] of cells) {
      const facts = {
        ...extras,
        responses: responses.filter((f) => month(f.submitDay) === key),
        decisions: decisions.filter((f) => month(f.day) === key),
        loans: loans.filter((f) => month(f.disburseDay) === key),
      };
      expect(indicatorValues(totals, extras)).toEqual(reduceIndicators(facts, context));
    }
    const all = reduceIndicators({ ...extras, responses, decisions, loans }, context);
    expect(indicatorValues(whole, extras)).toEqual(all);
    // the figures are not empty: the comparison above compares something
    expect(all.applications).toBe(responses.reduce((sum, f) => sum + f.count, 0));
    expect([all.responseDue > 0, all.rejected > 0, all.disbursedCount, all.spreadBp !== null]).toEqual([
      true,
      true,
      21,
      true,
    ]);
    expect(all.timeToMoney.workingMedian).not.toBeNull();
  });
});
