import { describe, expect, it } from "vitest";

import {
  addMonthsClamped,
  buildSchedule,
  bulletInterest,
  dueDates,
  equalInstalment,
  maturityOf,
  termsProblem,
  type ScheduledPeriod,
} from "~/domain/loan-schedule";

/** [seq, dueOn, principal 分, interest 分] rows, as written in the hand-worked tables below. */
type Row = [number, string, number, number];

function rows(schedule: ScheduledPeriod[]): Row[] {
  return schedule.map((p) => [p.seq, p.dueOn, Number(p.principalFen), Number(p.interestFen)]);
}

describe("due dates", () => {
  it("falls on the same day of the month, or the month's last day where that day does not exist", () => {
    expect(addMonthsClamped("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonthsClamped("2028-01-31", 1)).toBe("2028-02-29"); // 2028 is a leap year
    expect(addMonthsClamped("2026-03-31", 1)).toBe("2026-04-30");
    expect(addMonthsClamped("2026-11-30", 3)).toBe("2027-02-28");
    expect(addMonthsClamped("2026-12-15", 1)).toBe("2027-01-15");
    expect(addMonthsClamped("2024-02-29", 12)).toBe("2025-02-28");
  });

  it("counts every period from the disbursement date, so 31 Jan → 28 Feb → 31 Mar (not 28 Mar)", () => {
    expect(dueDates("2026-01-31", 4)).toEqual(["2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31"]);
  });
});

describe("EQUAL_INSTALMENT (等额本息)", () => {
  // 1,000,000 元 at 4.35% over 12 months: r = 0.0435 / 12 = 0.003625;
  // A = P·r·(1+r)^12 / ((1+r)^12 − 1) = 85,309.8996… → 85,309.90 元.
  // Period 1: interest 100,000,000 分 × 0.003625 = 362,500; principal 8,530,990 − 362,500 = 8,168,490.
  // Period 2: outstanding 91,831,510 × 0.003625 = 332,888.72 → 332,889; principal 8,198,101. …
  // Period 12 repays what is left (8,500,176) with interest 30,813: 85,309.89 元, 1 分 less than A.
  const schedule = buildSchedule({
    principalFen: 100_000_000n,
    rateBp: 435,
    termMonths: 12,
    disbursedOn: "2026-01-31",
    method: "EQUAL_INSTALMENT",
  });

  it("pays 85,309.90 元 a month", () => {
    expect(equalInstalment(100_000_000n, 435, 12)).toBe(8_530_990n);
  });

  it("splits each payment into interest on the outstanding principal and the rest", () => {
    expect(rows(schedule)).toEqual([
      [1, "2026-02-28", 8_168_490, 362_500],
      [2, "2026-03-31", 8_198_101, 332_889],
      [3, "2026-04-30", 8_227_819, 303_171],
      [4, "2026-05-31", 8_257_645, 273_345],
      [5, "2026-06-30", 8_287_579, 243_411],
      [6, "2026-07-31", 8_317_621, 213_369],
      [7, "2026-08-31", 8_347_773, 183_217],
      [8, "2026-09-30", 8_378_033, 152_957],
      [9, "2026-10-31", 8_408_404, 122_586],
      [10, "2026-11-30", 8_438_884, 92_106],
      [11, "2026-12-31", 8_469_475, 61_515],
      [12, "2027-01-31", 8_500_176, 30_813],
    ]);
  });

  it("lets the last period repay the remainder, so the principal adds up exactly", () => {
    const payments = schedule.map((p) => p.principalFen + p.interestFen);
    expect(payments.slice(0, 11).every((a) => a === 8_530_990n)).toBe(true);
    expect(payments[11]).toBe(8_530_989n);
    expect(schedule.reduce((s, p) => s + p.principalFen, 0n)).toBe(100_000_000n);
  });

  it("keeps a 3,000万元 loan exact (3e9 分 is past 2^31)", () => {
    // 3.45% over 36 months from 15 Mar 2026: r = 0.002875; first interest 3e9 × 0.002875 = 8,625,000;
    // A = 878,398.38 元; the last period pays 87,588,034 + 251,816 = 878,398.50 元.
    const big = buildSchedule({
      principalFen: 3_000_000_000n,
      rateBp: 345,
      termMonths: 36,
      disbursedOn: "2026-03-15",
      method: "EQUAL_INSTALMENT",
    });
    expect(equalInstalment(3_000_000_000n, 345, 36)).toBe(87_839_838n);
    expect(rows(big.slice(0, 2))).toEqual([
      [1, "2026-04-15", 79_214_838, 8_625_000],
      [2, "2026-05-15", 79_442_581, 8_397_257],
    ]);
    expect(rows(big.slice(34))).toEqual([
      [35, "2029-02-15", 87_336_929, 502_909],
      [36, "2029-03-15", 87_588_034, 251_816],
    ]);
  });

  it("divides evenly at 0%", () => {
    const free = buildSchedule({
      principalFen: 1_000n,
      rateBp: 0,
      termMonths: 3,
      disbursedOn: "2026-01-10",
      method: "EQUAL_INSTALMENT",
    });
    // A = 1000 / 3 = 333.33… → 333; the last period takes 334.
    expect(rows(free)).toEqual([
      [1, "2026-02-10", 333, 0],
      [2, "2026-03-10", 333, 0],
      [3, "2026-04-10", 334, 0],
    ]);
  });
});

describe("EQUAL_PRINCIPAL (等额本金)", () => {
  it("repays ⌊P ÷ n⌋ each period and the remainder last, over a leap February", () => {
    // 100,000.01 元 at 3.65% over 3 months from 31 Jan 2028: r = 0.0365 / 12 = 0.00304166…
    // ⌊10,000,001 / 3⌋ = 3,333,333; the last period takes 3,333,335.
    // Interest: 10,000,001 × r = 30,416.67 → 30,417; 6,666,668 × r = 20,277.78 → 20,278;
    //           3,333,335 × r = 10,138.89 → 10,139.
    const schedule = buildSchedule({
      principalFen: 10_000_001n,
      rateBp: 365,
      termMonths: 3,
      disbursedOn: "2028-01-31",
      method: "EQUAL_PRINCIPAL",
    });
    expect(rows(schedule)).toEqual([
      [1, "2028-02-29", 3_333_333, 30_417],
      [2, "2028-03-31", 3_333_333, 20_278],
      [3, "2028-04-30", 3_333_335, 10_139],
    ]);
  });
});

describe("INTEREST_MONTHLY (按月付息、到期还本)", () => {
  it("charges interest every month and all principal at the end", () => {
    // 500,000 元 at 4.80% over 6 months from 31 Aug 2026: r = 0.004; 50,000,000 × 0.004 = 200,000 分.
    const schedule = buildSchedule({
      principalFen: 50_000_000n,
      rateBp: 480,
      termMonths: 6,
      disbursedOn: "2026-08-31",
      method: "INTEREST_MONTHLY",
    });
    expect(rows(schedule)).toEqual([
      [1, "2026-09-30", 0, 200_000],
      [2, "2026-10-31", 0, 200_000],
      [3, "2026-11-30", 0, 200_000],
      [4, "2026-12-31", 0, 200_000],
      [5, "2027-01-31", 0, 200_000],
      [6, "2027-02-28", 50_000_000, 200_000],
    ]);
  });
});

describe("BULLET (到期一次还本付息)", () => {
  it("charges P × rate ÷ 360 × actual days in one period at maturity", () => {
    // 2,000,000 元 at 3.65% for 6 months from 31 Jan 2028 to 31 Jul 2028: 29 + 31 + 30 + 31 + 30 + 31
    // = 182 days (leap February); 200,000,000 × 0.0365 / 360 × 182 = 3,690,555.56 → 3,690,556 分.
    const schedule = buildSchedule({
      principalFen: 200_000_000n,
      rateBp: 365,
      termMonths: 6,
      disbursedOn: "2028-01-31",
      method: "BULLET",
    });
    expect(rows(schedule)).toEqual([[1, "2028-07-31", 200_000_000, 3_690_556]]);
    expect(bulletInterest(200_000_000n, 365, "2028-01-31", "2028-07-31")).toBe(3_690_556n);
  });

  it("rounds half up: 10,000 元 at 3.60% for 1 day is 0.5 分 → 1 分", () => {
    // 1,000,000 × 0.036 / 360 × 1 = 100 分; at 0.018% (2 bp): 1,000,000 × 0.0002 / 360 = 0.555… → 1.
    expect(bulletInterest(1_000_000n, 360, "2026-05-01", "2026-05-02")).toBe(100n);
    expect(bulletInterest(1_000_000n, 2, "2026-05-01", "2026-05-02")).toBe(1n);
    // 900,000 × 0.0002 / 360 = 0.5 exactly → rounds up to 1
    expect(bulletInterest(900_000n, 2, "2026-05-01", "2026-05-02")).toBe(1n);
  });

  it("is refused for terms over 12 months", () => {
    const terms = {
      principalFen: 100n,
      rateBp: 400,
      termMonths: 13,
      disbursedOn: "2026-01-01",
      method: "BULLET" as const,
    };
    expect(termsProblem(terms)).toBe("BULLET_TERM");
    expect(() => buildSchedule(terms)).toThrow(RangeError);
  });
});

describe("terms", () => {
  const base = {
    principalFen: 100n,
    rateBp: 400,
    termMonths: 12,
    disbursedOn: "2026-01-01",
    method: "EQUAL_INSTALMENT" as const,
  };
  it("refuses what has no schedule", () => {
    expect(termsProblem(base)).toBeNull();
    expect(termsProblem({ ...base, principalFen: 0n })).toBe("PRINCIPAL");
    expect(termsProblem({ ...base, rateBp: -1 })).toBe("RATE");
    expect(termsProblem({ ...base, termMonths: 0 })).toBe("TERM");
    expect(termsProblem({ ...base, disbursedOn: "2026-02-30" })).toBe("DATE");
    expect(termsProblem({ ...base, method: "WEEKLY" as never })).toBe("METHOD");
  });
  it("matures on the last period's due date", () => {
    expect(maturityOf({ disbursedOn: "2026-08-31", termMonths: 6 })).toBe("2027-02-28");
  });
});
