import { describe, it, expect } from "vitest";
import { formatDate, formatDateTime, formatDay } from "~/domain/format-date";

// 2026-03-12 14:05:30 in Shanghai.
const INSTANT = new Date("2026-03-12T06:05:30Z");

describe("formatDate", () => {
  it("writes the Shanghai date", () => {
    expect(formatDate(INSTANT, "zh-CN")).toBe("2026年3月12日");
    expect(formatDate(INSTANT, "en")).toBe("12 Mar 2026");
  });

  it("switches day at midnight Shanghai time, not UTC", () => {
    expect(formatDate(new Date("2026-03-11T15:59:59.999Z"), "zh-CN")).toBe("2026年3月11日");
    expect(formatDate(new Date("2026-03-11T16:00:00Z"), "zh-CN")).toBe("2026年3月12日");
    expect(formatDate(new Date("2026-12-31T16:00:00Z"), "en")).toBe("1 Jan 2027");
  });

  it("accepts what JSON made of a Date", () => {
    expect(formatDate("2026-03-12T06:05:30.000Z", "zh-CN")).toBe("2026年3月12日");
    expect(formatDate(INSTANT.getTime(), "en")).toBe("12 Mar 2026");
  });

  it("treats any zh locale as Chinese and anything else as English", () => {
    expect(formatDate(INSTANT, "zh")).toBe("2026年3月12日");
    expect(formatDate(INSTANT, "en-GB")).toBe("12 Mar 2026");
  });

  it("throws on an invalid date", () => {
    expect(() => formatDate("not a date", "zh-CN")).toThrow(RangeError);
    expect(() => formatDate(new Date(Number.NaN), "en")).toThrow(RangeError);
  });
});

describe("formatDateTime", () => {
  it("adds the 24-hour Shanghai time to the minute", () => {
    expect(formatDateTime(INSTANT, "zh-CN")).toBe("2026年3月12日 14:05");
    expect(formatDateTime(INSTANT, "en")).toBe("12 Mar 2026, 14:05");
  });

  it("pads hours and minutes", () => {
    expect(formatDateTime(new Date("2026-10-01T01:07:00Z"), "zh-CN")).toBe("2026年10月1日 09:07");
    expect(formatDateTime(new Date("2026-10-01T16:00:00Z"), "en")).toBe("2 Oct 2026, 00:00");
  });

  it("shows the end-of-day deadline as 23:59", () => {
    expect(formatDateTime(new Date("2026-02-24T23:59:59.999+08:00"), "zh-CN")).toBe("2026年2月24日 23:59");
  });
});

describe("formatDay", () => {
  it("formats a stored calendar day without any time-zone shift", () => {
    expect(formatDay("2025-05-20", "zh-CN")).toBe("2025年5月20日");
    expect(formatDay("2025-05-20", "en")).toBe("20 May 2025");
    expect(formatDay("2026-12-01", "en")).toBe("1 Dec 2026");
  });

  it("throws on a malformed day", () => {
    expect(() => formatDay("2025-5-20", "zh-CN")).toThrow(RangeError);
    expect(() => formatDay("2025-02-30", "en")).toThrow(RangeError);
  });
});
