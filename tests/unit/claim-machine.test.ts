import { describe, expect, it } from "vitest";

import {
  approvalProblem,
  checkClaimTransition,
  claimActions,
  claimReviewClock,
  rejectionProblem,
  type ClaimActorRole,
} from "~/domain/claim-machine";
import { CLAIM_ACTIONS, CLAIM_STATES, type ClaimAction, type ClaimState } from "~/domain/risk-pool-codes";
import { createCalendar } from "~/domain/working-days";

/** Every move of the SPEC's claim machine, by hand, with who makes it; everything else is illegal. */
const EXPECTED: Record<ClaimState, Partial<Record<ClaimAction, [ClaimState, ClaimActorRole]>>> = {
  FILED: {
    approve: ["APPROVED", "GOV_BUREAU"],
    return: ["RETURNED", "GOV_BUREAU"],
    reject: ["REJECTED", "GOV_BUREAU"],
  },
  APPROVED: { pay: ["PAID", "GOV_BUREAU"] },
  PAID: {},
  RETURNED: { refile: ["FILED", "BANK"] },
  REJECTED: {},
};

describe("claim state machine", () => {
  for (const state of CLAIM_STATES) {
    for (const action of CLAIM_ACTIONS) {
      const expected = EXPECTED[state][action];
      for (const role of ["BANK", "GOV_BUREAU"] as const) {
        it(`${state} --${action}--> as ${role}`, () => {
          const check = checkClaimTransition(state, action, role);
          if (!expected) expect(check).toEqual({ ok: false, error: "STALE_STATE" });
          else if (expected[1] !== role) expect(check).toEqual({ ok: false, error: "FORBIDDEN" });
          else expect(check).toEqual({ ok: true, to: expected[0] });
        });
      }
    }
  }

  it("offers the bureau three decisions on a filed claim and the bank a refile on a returned one", () => {
    expect(claimActions("FILED", "GOV_BUREAU")).toEqual(["approve", "return", "reject"]);
    expect(claimActions("FILED", "BANK")).toEqual([]);
    expect(claimActions("RETURNED", "BANK")).toEqual(["refile"]);
    expect(claimActions("PAID", "GOV_BUREAU")).toEqual([]);
  });
});

describe("approval amount and rejection reason", () => {
  it("approves up to the computed compensation, never more and never nothing", () => {
    expect(approvalProblem(80_000_000n, 80_000_000n)).toBeNull();
    expect(approvalProblem(1n, 80_000_000n)).toBeNull();
    expect(approvalProblem(80_000_001n, 80_000_000n)).toBe("AMOUNT_OVER_COMPUTED");
    expect(approvalProblem(0n, 80_000_000n)).toBe("AMOUNT_NOT_POSITIVE");
  });

  it("needs a known reason, and a text for OTHER", () => {
    expect(rejectionProblem("FALSE_MATERIALS", "")).toBeNull();
    expect(rejectionProblem("OTHER", "  ")).toBe("TEXT_REQUIRED");
    expect(rejectionProblem("OTHER", "贷款用途与申请不符")).toBeNull();
    expect(rejectionProblem("FIRM_DECLINED", "x")).toBe("REASON_REQUIRED");
  });
});

describe("review clock in working days", () => {
  const calendar = createCalendar();
  // Monday 2 March 2026, 10:00 Shanghai; 5 working days → Tue 3, Wed 4, Thu 5, Fri 6, Mon 9 March
  const submittedAt = new Date("2026-03-02T10:00:00+08:00");

  it("runs to the end of the fifth working day after submission", () => {
    const clock = claimReviewClock(
      { state: "FILED", submittedAt },
      new Date("2026-03-05T12:00:00+08:00"),
      calendar,
      5,
    );
    expect(clock).toEqual({
      deadline: new Date("2026-03-09T23:59:59.999+08:00"),
      overdue: false,
      workingDaysLeft: 2, // Fri 6 and Mon 9
    });
  });

  it("is overdue the morning after, by at least one working day, then by each working day", () => {
    expect(
      claimReviewClock({ state: "FILED", submittedAt }, new Date("2026-03-10T09:00:00+08:00"), calendar, 5),
    ).toMatchObject({ overdue: true, workingDaysLeft: -1 });
    // Tue 10 … Mon 16 March: 10, 11, 12, 13, 16 = 5 working days late
    expect(
      claimReviewClock({ state: "FILED", submittedAt }, new Date("2026-03-16T09:00:00+08:00"), calendar, 5),
    ).toMatchObject({ overdue: true, workingDaysLeft: -5 });
  });

  it("skips the National Day holiday and counts its 调休 Saturday", () => {
    // 2026: 1–7 Oct are holidays, Sat 10 Oct is a working day. Filed Tue 29 Sep:
    // 3 working days → Wed 30 Sep, Thu 8 Oct, Fri 9 Oct; 4 → Sat 10 Oct.
    const claim = { state: "FILED" as const, submittedAt: new Date("2026-09-29T15:00:00+08:00") };
    expect(claimReviewClock(claim, claim.submittedAt, calendar, 3)?.deadline).toEqual(
      new Date("2026-10-09T23:59:59.999+08:00"),
    );
    expect(claimReviewClock(claim, claim.submittedAt, calendar, 4)?.deadline).toEqual(
      new Date("2026-10-10T23:59:59.999+08:00"),
    );
  });

  it("has no clock while the bank holds the claim or once it is decided", () => {
    for (const state of ["RETURNED", "APPROVED", "PAID", "REJECTED"] as const) {
      expect(claimReviewClock({ state, submittedAt }, submittedAt, calendar, 5)).toBeNull();
    }
  });
});
