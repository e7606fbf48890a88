import { describe, it, expect } from "vitest";
import {
  APPLICATION_ACTIONS,
  APPLICATION_STATES,
  DEFAULT_SLA_SETTINGS,
  REJECT_REASONS,
  TERMINAL_STATES,
  UNDECIDED_STATES,
  actionNeedsReason,
  allowedActions,
  checkTransition,
  decisionDeadline,
  firstResponseDeadline,
  isTerminal,
  metDeadline,
  nextState,
  reasonNeedsText,
  reasonProblem,
  reasonsFor,
  slaStatus,
  type ActorRole,
  type ApplicationAction,
  type ApplicationState,
} from "~/domain/application-machine";
import { createCalendar } from "~/domain/working-days";

const ROLES: ActorRole[] = ["ENTERPRISE", "BANK", "GOV_OFFICE", "GOV_BUREAU"];

/** Every move of SPEC's diagram, written out by hand; everything else is illegal. */
const EXPECTED_NEXT: Record<ApplicationState, Partial<Record<ApplicationAction, ApplicationState>>> = {
  SUBMITTED: { accept: "ACCEPTED", reject: "REJECTED", withdraw: "WITHDRAWN" },
  ACCEPTED: { approve: "APPROVED", reject: "REJECTED", withdraw: "WITHDRAWN" },
  APPROVED: { disburse: "DISBURSED", cancel: "CANCELLED" },
  DISBURSED: {},
  REJECTED: {},
  WITHDRAWN: {},
  CANCELLED: {},
};

/** Who may do what in each state, by hand. */
const EXPECTED_ALLOWED: Record<ApplicationState, Record<ActorRole, ApplicationAction[]>> = {
  SUBMITTED: { ENTERPRISE: ["withdraw"], BANK: ["accept", "reject"], GOV_OFFICE: [], GOV_BUREAU: [] },
  ACCEPTED: { ENTERPRISE: ["withdraw"], BANK: ["approve", "reject"], GOV_OFFICE: [], GOV_BUREAU: [] },
  APPROVED: { ENTERPRISE: ["cancel"], BANK: ["disburse", "cancel"], GOV_OFFICE: [], GOV_BUREAU: [] },
  DISBURSED: { ENTERPRISE: [], BANK: [], GOV_OFFICE: [], GOV_BUREAU: [] },
  REJECTED: { ENTERPRISE: [], BANK: [], GOV_OFFICE: [], GOV_BUREAU: [] },
  WITHDRAWN: { ENTERPRISE: [], BANK: [], GOV_OFFICE: [], GOV_BUREAU: [] },
  CANCELLED: { ENTERPRISE: [], BANK: [], GOV_OFFICE: [], GOV_BUREAU: [] },
};

describe("nextState: every state × every action", () => {
  for (const state of APPLICATION_STATES) {
    for (const action of APPLICATION_ACTIONS) {
      const expected = EXPECTED_NEXT[state][action] ?? null;
      it(`${state} --${action}--> ${expected ?? "illegal"}`, () => {
        expect(nextState(state, action)).toBe(expected);
      });
    }
  }

  it("has exactly the eight moves of the diagram", () => {
    let legal = 0;
    for (const state of APPLICATION_STATES) {
      for (const action of APPLICATION_ACTIONS) if (nextState(state, action)) legal++;
    }
    expect(legal).toBe(8);
  });
});

describe("allowedActions: every state × every role", () => {
  for (const state of APPLICATION_STATES) {
    for (const role of ROLES) {
      it(`${role} in ${state}: [${EXPECTED_ALLOWED[state][role].join(", ")}]`, () => {
        expect([...allowedActions(state, role)].sort()).toEqual([...EXPECTED_ALLOWED[state][role]].sort());
      });
    }
  }
});

describe("checkTransition: every state × action × role", () => {
  for (const state of APPLICATION_STATES) {
    for (const action of APPLICATION_ACTIONS) {
      for (const role of ROLES) {
        const to = EXPECTED_NEXT[state][action];
        const expected = !to
          ? { ok: false, error: "STALE_STATE" }
          : EXPECTED_ALLOWED[state][role].includes(action)
            ? { ok: true, to }
            : { ok: false, error: "FORBIDDEN" };
        it(`${role} ${action} on ${state} → ${JSON.stringify(expected)}`, () => {
          expect(checkTransition(state, action, role)).toEqual(expected);
        });
      }
    }
  }

  it("the firm cannot move its own application forward", () => {
    expect(checkTransition("SUBMITTED", "accept", "ENTERPRISE")).toEqual({ ok: false, error: "FORBIDDEN" });
    expect(checkTransition("APPROVED", "disburse", "ENTERPRISE")).toEqual({ ok: false, error: "FORBIDDEN" });
  });

  it("the bank cannot withdraw for the firm", () => {
    expect(checkTransition("ACCEPTED", "withdraw", "BANK")).toEqual({ ok: false, error: "FORBIDDEN" });
  });

  it("a second officer's approve after a reject meets a stale state", () => {
    expect(checkTransition("REJECTED", "approve", "BANK")).toEqual({ ok: false, error: "STALE_STATE" });
    expect(checkTransition("ACCEPTED", "accept", "BANK")).toEqual({ ok: false, error: "STALE_STATE" });
  });
});

describe("states", () => {
  it("terminal states are the four ends", () => {
    expect([...TERMINAL_STATES].sort()).toEqual(["CANCELLED", "DISBURSED", "REJECTED", "WITHDRAWN"]);
    expect(APPLICATION_STATES.filter(isTerminal).sort()).toEqual([...TERMINAL_STATES].sort());
  });

  it("no action leaves a terminal state", () => {
    for (const state of TERMINAL_STATES) {
      for (const role of ROLES) expect(allowedActions(state, role)).toEqual([]);
    }
  });

  it("undecided states are where the firm may withdraw", () => {
    expect(APPLICATION_STATES.filter((s) => allowedActions(s, "ENTERPRISE").includes("withdraw"))).toEqual([
      ...UNDECIDED_STATES,
    ]);
  });
});

describe("reasons", () => {
  it("lists the eight SPEC reason codes", () => {
    expect(REJECT_REASONS).toEqual([
      "INSUFFICIENT_CREDIT_HISTORY",
      "HIGH_LEVERAGE",
      "NO_COLLATERAL",
      "OUTSIDE_PRODUCT_POLICY",
      "DISHONESTY_LIST",
      "INCOMPLETE_MATERIALS",
      "FIRM_DECLINED",
      "OTHER",
    ]);
  });

  it("reject and cancel need a reason; the others do not", () => {
    expect(APPLICATION_ACTIONS.filter(actionNeedsReason)).toEqual(["reject", "cancel"]);
  });

  it("the bank may give any code; the firm cancels only with FIRM_DECLINED", () => {
    expect(reasonsFor("reject", "BANK")).toEqual(REJECT_REASONS);
    expect(reasonsFor("cancel", "BANK")).toEqual(REJECT_REASONS);
    expect(reasonsFor("cancel", "ENTERPRISE")).toEqual(["FIRM_DECLINED"]);
    expect(reasonsFor("reject", "ENTERPRISE")).toEqual([]);
    expect(reasonsFor("approve", "BANK")).toEqual([]);
    expect(reasonsFor("cancel", "GOV_BUREAU")).toEqual([]);
  });

  it("OTHER needs a text", () => {
    expect(REJECT_REASONS.filter(reasonNeedsText)).toEqual(["OTHER"]);
  });

  it.each([
    ["reject", "BANK", { code: "HIGH_LEVERAGE" }, null],
    ["reject", "BANK", {}, "REASON_REQUIRED"],
    ["reject", "BANK", { code: "" }, "REASON_REQUIRED"],
    ["reject", "BANK", { code: "BAD_LUCK" }, "REASON_NOT_ALLOWED"],
    ["reject", "BANK", { code: "OTHER" }, "TEXT_REQUIRED"],
    ["reject", "BANK", { code: "OTHER", text: "   " }, "TEXT_REQUIRED"],
    ["reject", "BANK", { code: "OTHER", text: "经营场所无法核实" }, null],
    ["cancel", "ENTERPRISE", { code: "FIRM_DECLINED" }, null],
    ["cancel", "ENTERPRISE", { code: "HIGH_LEVERAGE" }, "REASON_NOT_ALLOWED"],
    ["cancel", "ENTERPRISE", {}, "REASON_REQUIRED"],
    ["cancel", "BANK", { code: "INCOMPLETE_MATERIALS" }, null],
    ["cancel", "BANK", { code: "FIRM_DECLINED" }, null],
    ["approve", "BANK", {}, null],
    ["approve", "BANK", { code: "OTHER" }, "UNEXPECTED_REASON"],
    ["withdraw", "ENTERPRISE", { code: null }, null],
  ] as const)("%s by %s with %j → %s", (action, role, reason, problem) => {
    expect(reasonProblem(action, role, reason)).toBe(problem);
  });
});

// ---------------------------------------------------------------------------
// SLA

/** An instant given as Shanghai wall-clock time. */
function sh(day: string, time = "10:00"): Date {
  return new Date(`${day}T${time}:00+08:00`);
}

function endOf(day: string): Date {
  return new Date(`${day}T23:59:59.999+08:00`);
}

const calendar = createCalendar();

describe("deadlines", () => {
  it("first response: 3 working days, counting the 调休 Saturday Oct 10", () => {
    expect(firstResponseDeadline(sh("2026-10-08"), calendar)).toEqual(endOf("2026-10-12"));
  });

  it("decision: 10 working days from acceptance across 中秋 and 国庆", () => {
    const d = decisionDeadline(
      { submittedAt: sh("2026-09-21"), acceptedAt: sh("2026-09-23"), whitelisted: false },
      calendar,
    );
    expect(d).toEqual({ startedAt: sh("2026-09-23"), deadline: endOf("2026-10-14"), basis: "WORKING_DAYS" });
  });

  it("decision for a whitelisted firm: 30 calendar days from submission, holidays included", () => {
    const d = decisionDeadline(
      { submittedAt: sh("2026-09-15"), acceptedAt: sh("2026-09-17"), whitelisted: true },
      calendar,
    );
    expect(d).toEqual({ startedAt: sh("2026-09-15"), deadline: endOf("2026-10-15"), basis: "CALENDAR_DAYS" });
  });

  it("decision without acceptedAt (an accepted offer) starts at submission", () => {
    const d = decisionDeadline(
      { submittedAt: sh("2026-03-09"), acceptedAt: null, whitelisted: false },
      calendar,
    );
    // Mon Mar 9 + 10 working days → Mon Mar 23.
    expect(d.deadline).toEqual(endOf("2026-03-23"));
  });

  it("metDeadline includes the last millisecond", () => {
    const deadline = endOf("2026-10-12");
    expect(metDeadline(deadline, deadline)).toBe(true);
    expect(metDeadline(new Date(deadline.getTime() + 1), deadline)).toBe(false);
  });
});

describe("slaStatus", () => {
  const submitted = { state: "SUBMITTED" as const, submittedAt: sh("2026-10-08"), whitelisted: false };

  it("runs FIRST_RESPONSE while SUBMITTED and counts down in working days", () => {
    expect(slaStatus(submitted, sh("2026-10-08", "15:00"), calendar)).toEqual({
      clock: "FIRST_RESPONSE",
      basis: "WORKING_DAYS",
      startedAt: sh("2026-10-08"),
      deadline: endOf("2026-10-12"),
      overdue: false,
      workingDaysLeft: 3, // Oct 9, Oct 10 (Sat, worked), Oct 12
      calendarDaysLeft: 4,
    });
    // On the worked Saturday: only Monday is left.
    expect(slaStatus(submitted, sh("2026-10-10"), calendar)?.workingDaysLeft).toBe(1);
  });

  it("is due today (0 left) until the last millisecond of the deadline day", () => {
    const status = slaStatus(submitted, sh("2026-10-12", "23:59"), calendar);
    expect(status?.overdue).toBe(false);
    expect(status?.workingDaysLeft).toBe(0);
    expect(status?.calendarDaysLeft).toBe(0);
  });

  it("is overdue from midnight after the deadline day, with negative days", () => {
    const justAfter = slaStatus(submitted, new Date(endOf("2026-10-12").getTime() + 1), calendar);
    expect(justAfter?.overdue).toBe(true);
    expect(justAfter?.workingDaysLeft).toBe(-1);
    expect(justAfter?.calendarDaysLeft).toBe(-1);
    expect(slaStatus(submitted, sh("2026-10-14"), calendar)?.workingDaysLeft).toBe(-2);
  });

  it("an overdue application never shows 0 days left on a weekend", () => {
    // Tue Mar 10 → deadline end of Fri Mar 13.
    const app = { state: "SUBMITTED" as const, submittedAt: sh("2026-03-10"), whitelisted: false };
    const saturday = slaStatus(app, sh("2026-03-14"), calendar);
    expect(saturday?.deadline).toEqual(endOf("2026-03-13"));
    expect(saturday?.overdue).toBe(true);
    expect(saturday?.workingDaysLeft).toBe(-1);
    expect(slaStatus(app, sh("2026-03-16"), calendar)?.workingDaysLeft).toBe(-1);
    expect(slaStatus(app, sh("2026-03-17"), calendar)?.workingDaysLeft).toBe(-2);
  });

  it("does not run down during 春节", () => {
    // Thu Feb 12 → Fri 13, Sat 14 (worked), Tue 24.
    const app = { state: "SUBMITTED" as const, submittedAt: sh("2026-02-12"), whitelisted: false };
    const status = slaStatus(app, sh("2026-02-18"), calendar);
    expect(status?.deadline).toEqual(endOf("2026-02-24"));
    expect(status?.overdue).toBe(false);
    expect(status?.workingDaysLeft).toBe(1);
    expect(status?.calendarDaysLeft).toBe(6);
  });

  it("a whitelisted firm still gets the 3-working-day first response", () => {
    const app = { state: "SUBMITTED" as const, submittedAt: sh("2026-10-08"), whitelisted: true };
    expect(slaStatus(app, sh("2026-10-08"), calendar)?.deadline).toEqual(endOf("2026-10-12"));
  });

  it("runs DECISION while ACCEPTED: 10 working days from acceptance", () => {
    const app = {
      state: "ACCEPTED" as const,
      submittedAt: sh("2026-09-21"),
      acceptedAt: sh("2026-09-23"),
      whitelisted: false,
    };
    expect(slaStatus(app, sh("2026-09-30"), calendar)).toEqual({
      clock: "DECISION",
      basis: "WORKING_DAYS",
      startedAt: sh("2026-09-23"),
      deadline: endOf("2026-10-14"),
      overdue: false,
      workingDaysLeft: 6, // Oct 8, 9, 10, 12, 13, 14
      calendarDaysLeft: 14,
    });
  });

  it("runs DECISION for a whitelisted firm on 30 calendar days from submission", () => {
    const app = {
      state: "ACCEPTED" as const,
      submittedAt: sh("2026-09-15"),
      acceptedAt: sh("2026-09-17"),
      whitelisted: true,
    };
    expect(slaStatus(app, sh("2026-10-01"), calendar)).toEqual({
      clock: "DECISION",
      basis: "CALENDAR_DAYS",
      startedAt: sh("2026-09-15"),
      deadline: endOf("2026-10-15"),
      overdue: false,
      workingDaysLeft: 7, // Oct 8, 9, 10, 12, 13, 14, 15
      calendarDaysLeft: 14,
    });
    const late = slaStatus(app, sh("2026-10-16"), calendar);
    expect(late?.overdue).toBe(true);
    expect(late?.calendarDaysLeft).toBe(-1);
    expect(late?.workingDaysLeft).toBe(-1);
  });

  it.each(["APPROVED", "DISBURSED", "REJECTED", "WITHDRAWN", "CANCELLED"] as const)(
    "has no clock in %s",
    (state) => {
      const app = { state, submittedAt: sh("2026-10-08"), acceptedAt: sh("2026-10-09"), whitelisted: false };
      expect(slaStatus(app, sh("2026-12-01"), calendar)).toBeNull();
    },
  );

  it("follows the settings", () => {
    const settings = { ...DEFAULT_SLA_SETTINGS, firstResponseWorkingDays: 5 };
    // Thu Oct 8: 9, 10, 12, 13, 14.
    expect(slaStatus(submitted, sh("2026-10-08"), calendar, settings)?.deadline).toEqual(endOf("2026-10-14"));
  });

  it("follows the bureau's calendar overrides", () => {
    const bureau = createCalendar({ "2026-10-10": "HOLIDAY" });
    // Without the worked Saturday: Oct 9, 12, 13.
    expect(slaStatus(submitted, sh("2026-10-08"), bureau)?.deadline).toEqual(endOf("2026-10-13"));
  });
});
