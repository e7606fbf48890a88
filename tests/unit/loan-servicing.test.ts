import { describe, expect, it } from "vitest";

import { buildSchedule } from "~/domain/loan-schedule";
import {
  applyRepayment,
  classReportProblem,
  daysPastDue,
  dpdBandOf,
  dpdRangeOfBand,
  dueDateWindow,
  freshPeriods,
  oldestUnpaidDueOn,
  outstandingPrincipal,
  quoteSettlement,
  replayRepayments,
  repaymentDateProblem,
  riskClassFloor,
  riskClassInForce,
  type LoanPosition,
  type PeriodState,
} from "~/domain/loan-servicing";

// 12,000 元 at 12% (r = 1% a month) over 3 months, 等额本金, from 31 Jan 2026:
//   period 1  28 Feb  principal 400,000 分  interest 12,000 (1,200,000 × 1%)
//   period 2  31 Mar  principal 400,000     interest  8,000 (  800,000 × 1%)
//   period 3  30 Apr  principal 400,000     interest  4,000 (  400,000 × 1%)
function smallLoan(): LoanPosition {
  return {
    disbursedOn: "2026-01-31",
    rateBp: 1200,
    method: "EQUAL_PRINCIPAL",
    periods: freshPeriods(
      buildSchedule({
        principalFen: 1_200_000n,
        rateBp: 1200,
        termMonths: 3,
        disbursedOn: "2026-01-31",
        method: "EQUAL_PRINCIPAL",
      }),
    ),
  };
}

function paid(periods: readonly PeriodState[]) {
  return periods.map((p) => [p.seq, Number(p.paidInterestFen), Number(p.paidPrincipalFen), p.paidOffOn]);
}

function pay(position: LoanPosition, paidOn: string, amount: number) {
  const result = applyRepayment(position, { paidOn, amountFen: BigInt(amount) });
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe("repayments", () => {
  it("pays the instalment due on the day", () => {
    const result = pay(smallLoan(), "2026-02-28", 412_000);
    expect(result.kind).toBe("INSTALMENT");
    expect(result.allocation).toEqual([{ seq: 1, interestFen: 12_000n, principalFen: 400_000n }]);
    expect(paid(result.periods)).toEqual([
      [1, 12_000, 400_000, "2026-02-28"],
      [2, 0, 0, null],
      [3, 0, 0, null],
    ]);
    expect(outstandingPrincipal(result.periods)).toBe(800_000n);
  });

  it("pays interest before principal, and the loan stays late until the period is paid in full", () => {
    const loan = smallLoan();
    const first = pay(loan, "2026-03-05", 10_000);
    expect(first.allocation).toEqual([{ seq: 1, interestFen: 10_000n, principalFen: 0n }]);
    // 28 Feb → 5 Mar is 5 days
    expect(daysPastDue(first.periods, "2026-03-05")).toBe(5);
    const second = pay({ ...loan, periods: first.periods }, "2026-03-10", 402_000);
    expect(second.allocation).toEqual([{ seq: 1, interestFen: 2_000n, principalFen: 400_000n }]);
    expect(paid(second.periods)[0]).toEqual([1, 12_000, 400_000, "2026-03-10"]);
    expect(daysPastDue(second.periods, "2026-03-10")).toBe(0);
    expect(oldestUnpaidDueOn(second.periods)).toBe("2026-03-31");
  });

  it("pays the oldest period first", () => {
    // nothing paid by 5 Apr: periods 1 and 2 are due. 430,000 = 12,000 + 400,000 (period 1)
    // + 8,000 interest of period 2 + 10,000 of its principal.
    const result = pay(smallLoan(), "2026-04-05", 430_000);
    expect(result.allocation).toEqual([
      { seq: 1, interestFen: 12_000n, principalFen: 400_000n },
      { seq: 2, interestFen: 8_000n, principalFen: 10_000n },
    ]);
    // period 2 (due 31 Mar) is still short: 5 days past due on 5 Apr
    expect(daysPastDue(result.periods, "2026-04-05")).toBe(5);
  });

  it("pays an instalment a few days early, and what is more reduces the later principal", () => {
    // 10 Feb, nothing due yet: 612,000 pays period 1 (412,000) and prepays 200,000 of principal;
    // periods 2 and 3 are rescheduled on 600,000: 300,000 each, interest 6,000 and 3,000.
    const result = pay(smallLoan(), "2026-02-10", 612_000);
    expect(result.kind).toBe("PREPAYMENT");
    expect(result.allocation).toEqual([{ seq: 1, interestFen: 12_000n, principalFen: 600_000n }]);
    expect(
      result.periods.map((p) => [p.seq, p.dueOn, Number(p.principalFen), Number(p.interestFen)]),
    ).toEqual([
      [1, "2026-02-28", 600_000, 12_000],
      [2, "2026-03-31", 300_000, 6_000],
      [3, "2026-04-30", 300_000, 3_000],
    ]);
    expect(outstandingPrincipal(result.periods)).toBe(600_000n);
  });

  it("reschedules 等额本息 on the lower principal with a lower instalment over the same dates", () => {
    // 1,000,000 元 at 4.35% over 12 months from 31 Jan 2026 (see loan-schedule.test.ts).
    // Period 1 paid on 28 Feb; on 10 Mar 385,309.90 元 pays period 2 (85,309.90) and prepays
    // 300,000 元. Left: 100,000,000 − 8,168,490 − 8,198,101 − 30,000,000 = 53,633,409 分 over
    // periods 3–12: A' = 54,708.53 元; period 3 interest 53,633,409 × 0.003625 = 194,421.11 → 194,421.
    const terms = {
      principalFen: 100_000_000n,
      rateBp: 435,
      termMonths: 12,
      disbursedOn: "2026-01-31",
      method: "EQUAL_INSTALMENT" as const,
    };
    const position: LoanPosition = {
      disbursedOn: terms.disbursedOn,
      rateBp: terms.rateBp,
      method: terms.method,
      periods: freshPeriods(buildSchedule(terms)),
    };
    const after = replayRepayments(position, [
      { paidOn: "2026-02-28", amountFen: 8_530_990n },
      { paidOn: "2026-03-10", amountFen: 38_530_990n },
    ]);
    const later = after.periods
      .slice(2)
      .map((p) => [p.seq, p.dueOn, Number(p.principalFen), Number(p.interestFen)]);
    expect(later).toEqual([
      [3, "2026-04-30", 5_276_432, 194_421],
      [4, "2026-05-31", 5_295_559, 175_294],
      [5, "2026-06-30", 5_314_755, 156_098],
      [6, "2026-07-31", 5_334_021, 136_832],
      [7, "2026-08-31", 5_353_357, 117_496],
      [8, "2026-09-30", 5_372_763, 98_090],
      [9, "2026-10-31", 5_392_239, 78_614],
      [10, "2026-11-30", 5_411_786, 59_067],
      [11, "2026-12-31", 5_431_404, 39_449],
      [12, "2027-01-31", 5_451_093, 19_760],
    ]);
    expect(outstandingPrincipal(after.periods)).toBe(53_633_409n);
  });
});

describe("settlement (结清)", () => {
  it("costs what is due, the current period's interest accrued to the day, and all principal", () => {
    // 10 Feb is 10 of period 1's 28 days: 12,000 × 10 / 28 = 4,285.71 → 4,286 分.
    const quote = quoteSettlement(smallLoan(), "2026-02-10");
    expect(quote).toEqual({
      dueFen: 0n,
      accruedInterestFen: 4_286n,
      futurePrincipalFen: 1_200_000n,
      settlementFen: 1_204_286n,
      maxFen: 1_212_000n, // period 1 in full (412,000) + the later principal (800,000)
    });
    const result = pay(smallLoan(), "2026-02-10", 1_204_286);
    expect(result.kind).toBe("SETTLEMENT");
    expect(result.settled).toBe(true);
    expect(
      result.periods.map((p) => [p.seq, Number(p.principalFen), Number(p.interestFen), p.paidOffOn]),
    ).toEqual([[1, 1_200_000, 4_286, "2026-02-10"]]);
  });

  it("never refunds interest already paid: after the early instalment, settling costs the principal left", () => {
    const loan = smallLoan();
    const early = pay(loan, "2026-02-10", 412_000);
    // 20 Feb: accrued 12,000 × 20 / 28 = 8,571 < the 12,000 already paid → nothing more.
    const quote = quoteSettlement({ ...loan, periods: early.periods }, "2026-02-20");
    expect(quote.settlementFen).toBe(800_000n);
    expect(quote.accruedInterestFen).toBe(0n);
    const result = pay({ ...loan, periods: early.periods }, "2026-02-20", 800_000);
    expect(result.settled).toBe(true);
    expect(result.periods).toHaveLength(1);
    expect(result.periods[0].principalFen).toBe(1_200_000n);
  });

  it("after maturity is everything unpaid, and the loan is as late as its oldest period", () => {
    const quote = quoteSettlement(smallLoan(), "2026-05-10");
    expect(quote.settlementFen).toBe(1_224_000n);
    expect(quote.maxFen).toBe(1_224_000n);
    // 28 Feb → 10 May: 31 (Mar) + 30 (Apr) + 10 = 71 days
    expect(daysPastDue(smallLoan().periods, "2026-05-10")).toBe(71);
    const result = pay(smallLoan(), "2026-05-10", 1_224_000);
    expect(result.settled).toBe(true);
    expect(daysPastDue(result.periods, "2026-05-11")).toBe(0);
  });

  it("refuses nothing, a negative amount, or more than is owed", () => {
    expect(applyRepayment(smallLoan(), { paidOn: "2026-02-10", amountFen: 0n })).toEqual({
      ok: false,
      error: "AMOUNT_NOT_POSITIVE",
    });
    expect(applyRepayment(smallLoan(), { paidOn: "2026-02-10", amountFen: -5n })).toEqual({
      ok: false,
      error: "AMOUNT_NOT_POSITIVE",
    });
    expect(applyRepayment(smallLoan(), { paidOn: "2026-02-10", amountFen: 1_212_001n })).toEqual({
      ok: false,
      error: "MORE_THAN_OWED",
      maxFen: 1_212_000n,
    });
    const settled = pay(smallLoan(), "2026-05-10", 1_224_000);
    expect(
      applyRepayment({ ...smallLoan(), periods: settled.periods }, { paidOn: "2026-05-11", amountFen: 1n }),
    ).toEqual({
      ok: false,
      error: "NOTHING_OWED",
    });
  });
});

describe("repayment dates", () => {
  const base = { today: "2026-06-01", disbursedOn: "2026-01-31", lastPaidOn: "2026-03-10" };
  it("refuses a date in the future, before disbursement, or before a recorded repayment", () => {
    expect(repaymentDateProblem({ ...base, paidOn: "2026-06-01" })).toBeNull();
    expect(repaymentDateProblem({ ...base, paidOn: "2026-06-02" })).toBe("FUTURE");
    expect(repaymentDateProblem({ ...base, paidOn: "2026-01-30", lastPaidOn: null })).toBe(
      "BEFORE_DISBURSEMENT",
    );
    expect(repaymentDateProblem({ ...base, paidOn: "2026-03-09" })).toBe("BEFORE_LAST_REPAYMENT");
    expect(repaymentDateProblem({ ...base, paidOn: "2026-03-10" })).toBeNull();
    expect(repaymentDateProblem({ ...base, paidOn: "2026-13-01" })).toBe("INVALID");
  });
});

describe("risk class", () => {
  it("has a floor by days past due (金融资产风险分类办法 2023)", () => {
    expect([0, 1, 90, 91, 270, 271, 360, 361].map(riskClassFloor)).toEqual([
      "NORMAL",
      "SPECIAL_MENTION",
      "SPECIAL_MENTION",
      "SUBSTANDARD",
      "SUBSTANDARD",
      "DOUBTFUL",
      "DOUBTFUL",
      "LOSS",
    ]);
  });

  it("takes the bank's class when it is worse, never when it is better", () => {
    expect(riskClassInForce(0, "SUBSTANDARD")).toBe("SUBSTANDARD");
    expect(riskClassInForce(100, "SPECIAL_MENTION")).toBe("SUBSTANDARD");
    expect(riskClassInForce(100, null)).toBe("SUBSTANDARD");
    expect(classReportProblem("SPECIAL_MENTION", 100)).toBe("BETTER_THAN_FLOOR");
    expect(classReportProblem("DOUBTFUL", 100)).toBeNull();
    expect(classReportProblem("SUBSTANDARD", 91)).toBeNull();
  });
});

describe("DPD bands", () => {
  it("turn into windows of the oldest unpaid due date", () => {
    expect([0, 1, 30, 31, 90, 91, 360, 361].map(dpdBandOf)).toEqual([
      "0",
      "1-30",
      "1-30",
      "31-60",
      "61-90",
      "91-180",
      "181-360",
      "361+",
    ]);
    // on 1 Jun 2026, 1–30 days past due means due between 2 May and 31 May
    expect(dueDateWindow(dpdRangeOfBand("1-30"), "2026-06-01")).toEqual({
      latest: "2026-05-31",
      earliest: "2026-05-02",
    });
    expect(dueDateWindow(dpdRangeOfBand("361+"), "2026-06-01")).toEqual({
      latest: "2025-06-05",
      earliest: null,
    });
  });
});
