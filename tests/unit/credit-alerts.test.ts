import { describe, expect, it } from "vitest";

import {
  acknowledgementProblem,
  alertStanding,
  isLateAcknowledgement,
  objectionLink,
} from "~/domain/credit-alerts";
import { NO_FIRM_FACTS, reduceIndicators } from "~/domain/indicators";
import { createCalendar } from "~/domain/working-days";

const due = new Date("2027-01-13T15:59:59.999Z");
const before = new Date("2027-01-13T08:00:00Z");
const after = new Date("2027-01-14T01:00:00Z");

describe("where an alert stands", () => {
  it("open before the deadline, overdue after it while unacknowledged", () => {
    expect(alertStanding({ dueAt: due, acknowledgedAt: null }, before)).toBe("OPEN");
    expect(alertStanding({ dueAt: due, acknowledgedAt: null }, after)).toBe("OVERDUE");
  });

  it("acknowledged on time stays so; after the deadline is late, whenever asked", () => {
    expect(alertStanding({ dueAt: due, acknowledgedAt: before }, after)).toBe("ACKNOWLEDGED");
    expect(alertStanding({ dueAt: due.toISOString(), acknowledgedAt: after.toISOString() }, after)).toBe(
      "LATE",
    );
    // the deadline's last millisecond is still on time
    expect(alertStanding({ dueAt: due, acknowledgedAt: due }, after)).toBe("ACKNOWLEDGED");
  });

  it("counts late and overdue ones as late acknowledgements", () => {
    expect(isLateAcknowledgement({ dueAt: due, acknowledgedAt: null }, after)).toBe(true);
    expect(isLateAcknowledgement({ dueAt: due, acknowledgedAt: after }, after)).toBe(true);
    expect(isLateAcknowledgement({ dueAt: due, acknowledgedAt: before }, after)).toBe(false);
    expect(isLateAcknowledgement({ dueAt: due, acknowledgedAt: null }, before)).toBe(false);
  });
});

describe("the acknowledgement", () => {
  it("requires a note for OTHER only, and caps it", () => {
    expect(acknowledgementProblem("OTHER", "   ")).toBe("alerts.errors.noteRequired");
    expect(acknowledgementProblem("OTHER", "已约谈")).toBeNull();
    expect(acknowledgementProblem("NONE", "")).toBeNull();
    expect(acknowledgementProblem("CONTACTED", "x".repeat(501))).toBe("alerts.errors.noteTooLong");
  });
});

describe("the objection link", () => {
  it("opens the firm's objection form on the record, or nothing for a registry change", () => {
    expect(objectionLink({ source: "penalties", recordKey: "郑东罚〔2026〕1号" })).toBe(
      `/enterprise/credit?record=${encodeURIComponent("penalties::郑东罚〔2026〕1号")}#objection`,
    );
    expect(objectionLink({ source: "registry", recordKey: null })).toBeNull();
  });
});

describe("late acknowledgements in the indicators", () => {
  it("adds up the due and late alerts of a group", () => {
    const values = reduceIndicators(
      {
        responses: [],
        decisions: [],
        loans: [],
        firms: NO_FIRM_FACTS,
        book: null,
        renewals: [],
        alertAcks: [
          { due: 3, late: 1 },
          { due: 2, late: 2 },
        ],
      },
      { calendar: createCalendar(), firstResponseDays: 3, today: "2027-01-20", lpr: [] },
    );
    expect(values.alertsDue).toBe(5);
    expect(values.lateAlertAcks).toBe(3);
  });
});
