import { describe, expect, it } from "vitest";

import {
  DEFAULT_RULE_TERMS,
  balanceOf,
  claimRefusals,
  compensationFor,
  coverageOf,
  filingDeadline,
  filingRefusals,
  isOverThreshold,
  leverageOf,
  paidShareBp,
  payInOrder,
  poolShareOfRecovery,
  ruleForDay,
  ruleTermsProblems,
  suspensionStep,
  type FilingSubject,
  type PoolRuleTerms,
} from "~/domain/risk-pool";
import { ratioBp } from "~/domain/money-fen";

const RULE: PoolRuleTerms = { effectiveOn: "2026-01-01", ...DEFAULT_RULE_TERMS };

/** 500万元, credit, a small firm, disbursed 10 March 2026. */
const LOAN: FilingSubject = {
  principalFen: 500_000_000n,
  guaranteeType: "CREDIT",
  disbursedOn: "2026-03-10",
  firmSize: "SMALL",
  whitelisted: false,
  settled: false,
};

describe("rule version by disbursement date", () => {
  const v1 = { effectiveOn: "2026-01-01", name: "v1" };
  const v2 = { effectiveOn: "2026-07-01", name: "v2" };

  it("takes the latest version that had begun on the day, whatever the list order", () => {
    expect(ruleForDay([v2, v1], "2026-06-30")?.name).toBe("v1");
    expect(ruleForDay([v2, v1], "2026-07-01")?.name).toBe("v2");
    expect(ruleForDay([v1, v2], "2027-02-01")?.name).toBe("v2");
  });

  it("has no version before the first one began", () => {
    expect(ruleForDay([v1, v2], "2025-12-31")).toBeNull();
    expect(ruleForDay([], "2026-03-01")).toBeNull();
  });
});

describe("filing eligibility", () => {
  it("accepts a qualifying loan up to the last day of the window (10 March + 30 days = 9 April)", () => {
    expect(filingDeadline("2026-03-10", 30)).toBe("2026-04-09");
    expect(filingRefusals({ rule: RULE, loan: LOAN, filedOn: "2026-03-10", bankSuspended: false })).toEqual(
      [],
    );
    expect(filingRefusals({ rule: RULE, loan: LOAN, filedOn: "2026-04-09", bankSuspended: false })).toEqual(
      [],
    );
  });

  it("refuses the day after the window", () => {
    expect(filingRefusals({ rule: RULE, loan: LOAN, filedOn: "2026-04-10", bankSuspended: false })).toEqual([
      "LATE",
    ]);
  });

  it("takes the largest amount itself (1,000万元) and refuses one 分 more", () => {
    const atMax = { ...LOAN, principalFen: 1_000_000_000n };
    expect(filingRefusals({ rule: RULE, loan: atMax, filedOn: "2026-03-11", bankSuspended: false })).toEqual(
      [],
    );
    const over = { ...LOAN, principalFen: 1_000_000_001n };
    expect(filingRefusals({ rule: RULE, loan: over, filedOn: "2026-03-11", bankSuspended: false })).toEqual([
      "AMOUNT",
    ]);
  });

  it("lists every reason at once, not the first", () => {
    const bad: FilingSubject = {
      principalFen: 1_000_000_001n,
      guaranteeType: "MORTGAGE",
      disbursedOn: "2026-03-10",
      firmSize: "LARGE",
      whitelisted: false,
      settled: true,
    };
    expect(
      filingRefusals({
        rule: { ...RULE, whitelistOnly: true },
        loan: bad,
        filedOn: "2026-05-01",
        bankSuspended: true,
      }),
    ).toEqual(["AMOUNT", "GUARANTEE", "SIZE", "WHITELIST", "LATE", "BANK_SUSPENDED", "SETTLED"]);
  });

  it("refuses a firm off the whitelist only under a whitelist-only rule", () => {
    const rule = { ...RULE, whitelistOnly: true };
    expect(filingRefusals({ rule, loan: LOAN, filedOn: "2026-03-11", bankSuspended: false })).toEqual([
      "WHITELIST",
    ]);
    const listed = { ...LOAN, whitelisted: true };
    expect(filingRefusals({ rule, loan: listed, filedOn: "2026-03-11", bankSuspended: false })).toEqual([]);
  });

  it("says there is no rule (and still that the bank is suspended) when none covers the date", () => {
    expect(filingRefusals({ rule: null, loan: LOAN, filedOn: "2026-03-11", bankSuspended: false })).toEqual([
      "NO_RULE",
    ]);
    expect(filingRefusals({ rule: null, loan: LOAN, filedOn: "2026-03-11", bankSuspended: true })).toEqual([
      "NO_RULE",
      "BANK_SUSPENDED",
    ]);
  });
});

describe("compensation = min(cap, outstanding principal × (coverage + first-loan bonus))", () => {
  const rule = { coverageBp: 8000, firstLoanBonusBp: 500, capYuan: 5_000_000 };

  it("pays 80% of 1,000,000.00 元 = 800,000.00 元, 85% for a first loan", () => {
    expect(compensationFor({ outstandingPrincipalFen: 100_000_000n, firstLoan: false, rule })).toBe(
      80_000_000n,
    );
    expect(compensationFor({ outstandingPrincipalFen: 100_000_000n, firstLoan: true, rule })).toBe(
      85_000_000n,
    );
    expect(coverageOf(rule, true)).toBe(8500);
  });

  it("rounds half-up to the 分", () => {
    // 1,234,567.89 元 × 80% = 987,654.312 元 → 987,654.31; × 85% = 1,049,382.7065 → 1,049,382.71
    expect(compensationFor({ outstandingPrincipalFen: 123_456_789n, firstLoan: false, rule })).toBe(
      98_765_431n,
    );
    expect(compensationFor({ outstandingPrincipalFen: 123_456_789n, firstLoan: true, rule })).toBe(
      104_938_271n,
    );
    // 0.10 元 × 85% = 8.5 分 → 9 分; 0.03 元 × 80% = 2.4 分 → 2 分
    expect(compensationFor({ outstandingPrincipalFen: 10n, firstLoan: true, rule })).toBe(9n);
    expect(compensationFor({ outstandingPrincipalFen: 3n, firstLoan: false, rule })).toBe(2n);
  });

  it("stops at the cap: 800万元 × 85% = 680万元 is capped at 500万元", () => {
    expect(compensationFor({ outstandingPrincipalFen: 800_000_000n, firstLoan: true, rule })).toBe(
      500_000_000n,
    );
  });

  it("works past 2^31 分: 3,000万元 × 80% = 2,400万元 under a 1亿元 cap", () => {
    const big = { ...rule, capYuan: 100_000_000 };
    expect(compensationFor({ outstandingPrincipalFen: 3_000_000_000n, firstLoan: false, rule: big })).toBe(
      2_400_000_000n,
    );
  });

  it("pays nothing when nothing is outstanding, and never more than 100% whatever the bonus", () => {
    expect(compensationFor({ outstandingPrincipalFen: 0n, firstLoan: true, rule })).toBe(0n);
    expect(coverageOf({ coverageBp: 9800, firstLoanBonusBp: 500 }, true)).toBe(10_000);
  });
});

describe("claim eligibility", () => {
  const ok = {
    filed: true,
    daysPastDue: 90,
    outstandingPrincipalFen: 1n,
    recoveryActionCount: 1,
    materialCount: 1,
  };

  it("opens at the threshold (90 DPD), not a day before", () => {
    expect(claimRefusals(ok, RULE)).toEqual([]);
    expect(claimRefusals({ ...ok, daysPastDue: 89 }, RULE)).toEqual(["BELOW_THRESHOLD"]);
  });

  it("lists every reason", () => {
    expect(
      claimRefusals(
        {
          filed: false,
          daysPastDue: 10,
          outstandingPrincipalFen: 0n,
          recoveryActionCount: 0,
          materialCount: 0,
        },
        RULE,
      ),
    ).toEqual(["NOT_FILED", "NOTHING_OUTSTANDING", "NO_RECOVERY_ACTIONS", "NO_MATERIALS"]);
    expect(claimRefusals(ok, null)).toEqual(["NOT_FILED"]);
  });
});

describe("the pool's share of a recovery (the paid percentage)", () => {
  it("owes back 80% of 100,000 元 recovered on a loan the pool paid 80% of", () => {
    expect(
      poolShareOfRecovery({
        paidFen: 80_000_000n,
        principalAtClaimFen: 100_000_000n,
        recoveredBeforeFen: 0n,
        recoveryFen: 10_000_000n,
      }),
    ).toBe(8_000_000n);
    expect(paidShareBp(80_000_000n, 100_000_000n)).toBe(8000);
  });

  it("uses the percentage actually paid when the cap cut it: 500万 of 800万 = 62.5%", () => {
    expect(paidShareBp(500_000_000n, 800_000_000n)).toBe(6250);
    expect(
      poolShareOfRecovery({
        paidFen: 500_000_000n,
        principalAtClaimFen: 800_000_000n,
        recoveredBeforeFen: 0n,
        recoveryFen: 1_000_001n,
      }),
    ).toBe(625_001n); // 1,000,001 × 0.625 = 625,000.625 → 625,001
  });

  it("does not drift over many small recoveries: 2/3 of three 1-分 recoveries is 1, 0, 1", () => {
    const subject = { paidFen: 200n, principalAtClaimFen: 300n };
    const shares = [0n, 1n, 2n].map((before) =>
      poolShareOfRecovery({ ...subject, recoveredBeforeFen: before, recoveryFen: 1n }),
    );
    expect(shares).toEqual([1n, 0n, 1n]);
  });

  it("owes nothing for what is recovered past the principal at claim", () => {
    const subject = { paidFen: 80_000_000n, principalAtClaimFen: 100_000_000n };
    // 90万 before, 20万 now: only the 10万 up to the principal counts → 8万
    expect(
      poolShareOfRecovery({ ...subject, recoveredBeforeFen: 90_000_000n, recoveryFen: 20_000_000n }),
    ).toBe(8_000_000n);
    expect(
      poolShareOfRecovery({ ...subject, recoveredBeforeFen: 110_000_000n, recoveryFen: 5_000_000n }),
    ).toBe(0n);
  });

  it("owes nothing on a claim that was never paid", () => {
    expect(
      poolShareOfRecovery({
        paidFen: 0n,
        principalAtClaimFen: 100n,
        recoveredBeforeFen: 0n,
        recoveryFen: 50n,
      }),
    ).toBe(0n);
  });
});

describe("the ledger and the payment queue", () => {
  it("sums movements to the balance", () => {
    expect(balanceOf([{ amountFen: 1_000_000n }, { amountFen: -400_000n }, { amountFen: 32_000n }])).toBe(
      632_000n,
    );
    expect(balanceOf([])).toBe(0n);
  });

  it("pays approved claims strictly in approval order and stops at the first that does not fit", () => {
    const queue = [
      { id: "a", amountFen: 400n },
      { id: "b", amountFen: 700n },
      { id: "c", amountFen: 100n },
    ];
    // 1000: a (left 600); b does not fit; c must wait behind b although it would fit
    expect(payInOrder(1000n, queue)).toEqual({ paid: [queue[0]], balanceFen: 600n });
    expect(payInOrder(1100n, queue)).toEqual({ paid: [queue[0], queue[1]], balanceFen: 0n });
    expect(payInOrder(1200n, queue)).toEqual({ paid: queue, balanceFen: 0n });
    expect(payInOrder(399n, queue)).toEqual({ paid: [], balanceFen: 399n });
  });

  it("states leverage to two decimals: 3亿 filed on a 3,000万 pool is 10.00", () => {
    expect(leverageOf(30_000_000_000n, 3_000_000_000n)).toBe("10.00");
    expect(leverageOf(2n, 3n)).toBe("0.67");
    expect(leverageOf(1n, 3n)).toBe("0.33");
    expect(leverageOf(5n, 0n)).toBeNull();
  });
});

describe("suspension", () => {
  it("is over only past the threshold: exactly 5% is not, 5% and one 分 is", () => {
    expect(isOverThreshold(5_000_000n, 100_000_000n, 500)).toBe(false);
    expect(isOverThreshold(5_000_001n, 100_000_000n, 500)).toBe(true);
    expect(isOverThreshold(0n, 0n, 500)).toBe(false);
    expect(isOverThreshold(1n, 0n, 500)).toBe(false);
  });

  it("shows the ratio in basis points, half-up", () => {
    expect(ratioBp(5_000_001n, 100_000_000n)).toBe(500);
    expect(ratioBp(1n, 3n)).toBe(3333);
    expect(ratioBp(2n, 3n)).toBe(6667);
    expect(ratioBp(1n, 0n)).toBe(0);
  });

  it("suspends, lifts when the ratio recovers, and keeps the bureau's waiver until the ratio has fallen back once", () => {
    expect(suspensionStep("CLEAR", true)).toBe("SUSPEND");
    expect(suspensionStep("CLEAR", false)).toBeNull();
    expect(suspensionStep("SUSPENDED", true)).toBeNull();
    expect(suspensionStep("SUSPENDED", false)).toBe("LIFT");
    expect(suspensionStep("WAIVED", true)).toBeNull();
    expect(suspensionStep("WAIVED", false)).toBe("END_WAIVER");
  });
});

describe("a new rule version", () => {
  const context = { today: "2026-06-01", existingDays: ["2026-01-01"] };

  it("accepts Zhengzhou's terms from today", () => {
    expect(ruleTermsProblems({ ...RULE, effectiveOn: "2026-06-01" }, context)).toEqual({});
  });

  it("refuses a date in the past, a date another version starts on, and a bad date", () => {
    expect(ruleTermsProblems({ ...RULE, effectiveOn: "2026-05-31" }, context)).toEqual({
      effectiveOn: "DATE_PAST",
    });
    expect(
      ruleTermsProblems({ ...RULE, effectiveOn: "2026-01-01" }, { ...context, today: "2025-12-01" }),
    ).toEqual({
      effectiveOn: "DATE_TAKEN",
    });
    expect(ruleTermsProblems({ ...RULE, effectiveOn: "2026-02-30" }, context)).toEqual({
      effectiveOn: "DATE_INVALID",
    });
  });

  it("refuses coverage and bonus over 100%, empty lists and numbers out of range, field by field", () => {
    expect(
      ruleTermsProblems(
        {
          ...RULE,
          effectiveOn: "2026-07-01",
          coverageBp: 9600,
          firstLoanBonusBp: 500,
          capYuan: 0,
          guaranteeTypes: [],
          sizes: ["LARGE"],
          filingWindowDays: 366,
          claimThresholdDpd: 0.5,
        },
        context,
      ),
    ).toEqual({
      firstLoanBonusBp: "COVERAGE_OVER_100",
      capYuan: "OUT_OF_RANGE",
      guaranteeTypes: "EMPTY",
      sizes: "UNKNOWN_VALUE",
      filingWindowDays: "OUT_OF_RANGE",
      claimThresholdDpd: "OUT_OF_RANGE",
    });
  });
});
