import { describe, expect, it } from "vitest";

import { dueRenewalWindow, renewalNoticeDay, renewalRequestOpen } from "~/domain/renewal-windows";
import { createCalendar } from "~/domain/working-days";

// the State Council's 2026 table (chinese-days): National Day 1–7 October; 28–30 September work
const calendar = createCalendar();

describe("the day a renewal notice goes out", () => {
  it("is maturity − 60 / − 30 calendar days on a working day", () => {
    expect(renewalNoticeDay("2027-03-31", 30, calendar)).toBe("2027-03-01");
    expect(renewalNoticeDay("2026-11-06", 60, calendar)).toBe("2026-09-07");
  });

  it("across a month end and a short February", () => {
    // 2027-03-01 − 60 days = 2026-12-31 (over the year end); − 30 days = Saturday 2027-01-30 → Friday
    expect(renewalNoticeDay("2027-03-01", 60, calendar)).toBe("2026-12-31");
    expect(renewalNoticeDay("2027-03-01", 30, calendar)).toBe("2027-01-29");
    expect(renewalNoticeDay("2027-03-31", 60, calendar)).toBe("2027-01-29");
  });

  it("moves back before a public holiday, never later", () => {
    // 2026-11-30 − 60 days = 1 October, National Day → 30 September
    expect(renewalNoticeDay("2026-11-30", 60, calendar)).toBe("2026-09-30");
    // 2026-11-06 − 30 days = 7 October, the holiday's last day → 30 September, before all of it
    expect(renewalNoticeDay("2026-11-06", 30, calendar)).toBe("2026-09-30");
    // a bureau's own holiday counts as well
    const withOverride = createCalendar(new Map([["2027-03-01", "HOLIDAY"]]));
    expect(renewalNoticeDay("2027-03-31", 30, withOverride)).toBe("2027-02-26");
  });
});

describe("the window due on a day", () => {
  const due = (today: string) => dueRenewalWindow("2026-11-30", today, calendar);

  it("none before the 60-day notice day, 60 from it, 30 from the 30-day day, none from maturity", () => {
    expect(due("2026-09-29")).toBeNull();
    expect(due("2026-09-30")).toBe(60);
    expect(due("2026-10-03")).toBe(60);
    expect(due("2026-10-29")).toBe(60);
    // 2026-10-31 is a Saturday: the 30-day notice goes out on Friday the 30th
    expect(due("2026-10-30")).toBe(30);
    expect(due("2026-11-29")).toBe(30);
    expect(due("2026-11-30")).toBeNull();
  });

  it("when both windows are open only the narrower is due (a loan first seen late)", () => {
    expect(dueRenewalWindow("2026-11-06", "2026-09-30", calendar)).toBe(30);
  });

  it("the firm may ask from the 60-day notice day until maturity", () => {
    expect(renewalRequestOpen("2026-11-30", "2026-09-29", calendar)).toBe(false);
    expect(renewalRequestOpen("2026-11-30", "2026-09-30", calendar)).toBe(true);
    expect(renewalRequestOpen("2026-11-30", "2026-11-29", calendar)).toBe(true);
    expect(renewalRequestOpen("2026-11-30", "2026-11-30", calendar)).toBe(false);
  });
});
