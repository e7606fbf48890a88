import { describe, it, expect } from "vitest";
import chineseDays from "chinese-days";
import { addDays, calendarDaysBetween, createCalendar, isIsoDay, shanghaiDate } from "~/domain/working-days";

/** An instant given as Shanghai wall-clock time. */
function sh(day: string, time = "10:00"): Date {
  return new Date(`${day}T${time}:00+08:00`);
}

/** The deadline instant: 23:59:59.999 Shanghai on `day`. */
function endOf(day: string): Date {
  return new Date(`${day}T23:59:59.999+08:00`);
}

const calendar = createCalendar();

describe("shanghaiDate", () => {
  it("uses UTC+8, so 16:00 UTC is already the next day", () => {
    expect(shanghaiDate(new Date("2026-03-11T15:59:59.999Z"))).toBe("2026-03-11");
    expect(shanghaiDate(new Date("2026-03-11T16:00:00.000Z"))).toBe("2026-03-12");
    expect(shanghaiDate(sh("2026-12-31", "23:59"))).toBe("2026-12-31");
    expect(shanghaiDate(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01");
  });

  it("throws on an invalid Date", () => {
    expect(() => shanghaiDate(new Date("nonsense"))).toThrow(RangeError);
  });
});

describe("day helpers", () => {
  it("isIsoDay accepts real dates only", () => {
    expect(isIsoDay("2026-02-28")).toBe(true);
    expect(isIsoDay("2028-02-29")).toBe(true);
    expect(isIsoDay("2026-02-29")).toBe(false);
    expect(isIsoDay("2026-2-1")).toBe(false);
    expect(isIsoDay("2026-13-01")).toBe(false);
    expect(isIsoDay("20260101")).toBe(false);
    expect(isIsoDay("")).toBe(false);
    // the Gregorian leap rule: 1900 was not a leap year, 2000 was; day 0, day 31 of a 30-day month
    expect(isIsoDay("1900-02-29")).toBe(false);
    expect(isIsoDay("2000-02-29")).toBe(true);
    expect(isIsoDay("2026-04-31")).toBe(false);
    expect(isIsoDay("2026-12-31")).toBe(true);
    expect(isIsoDay("2026-01-00")).toBe(false);
    expect(isIsoDay("2026-00-10")).toBe(false);
  });

  it("a calendar answers repeated questions as a fresh one does (answers are memoised per calendar)", () => {
    const overrides = { "2026-10-10": "WORKDAY" } as const;
    const calendar = createCalendar(overrides);
    const days = ["2026-09-28", "2026-09-30", "2026-10-09", "2026-12-31", "2027-01-04"];
    for (let round = 0; round < 2; round++) {
      for (const day of days) {
        for (const n of [0, 1, 3, 10, 31]) {
          expect(calendar.addWorkingDaysToDay(day, n)).toBe(
            createCalendar(overrides).addWorkingDaysToDay(day, n),
          );
        }
        for (const other of days) {
          expect(calendar.workingDaysBetweenDays(day, other)).toBe(
            createCalendar(overrides).workingDaysBetweenDays(day, other),
          );
        }
      }
    }
    expect(() => calendar.addWorkingDaysToDay("2026-09-30", -1)).toThrow(RangeError);
  });

  it("addDays crosses months and years", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-01-15", 30)).toBe("2026-02-14");
  });

  it("calendarDaysBetween counts Shanghai days", () => {
    expect(calendarDaysBetween(sh("2026-03-01", "23:00"), sh("2026-03-02", "01:00"))).toBe(1);
    expect(calendarDaysBetween(sh("2026-03-02", "01:00"), sh("2026-03-02", "23:00"))).toBe(0);
    expect(calendarDaysBetween(sh("2026-03-31"), sh("2026-03-01"))).toBe(-30);
  });
});

describe("the 2026 State Council schedule (国办发明电〔2025〕7号) through chinese-days", () => {
  const expectDays = (days: string[], working: boolean) => {
    for (const day of days) expect([day, calendar.isWorkingDay(day)]).toEqual([day, working]);
  };

  it("元旦: Jan 1–3 off, Sunday Jan 4 worked", () => {
    expectDays(["2026-01-01", "2026-01-02", "2026-01-03"], false);
    expectDays(["2026-01-04", "2026-01-05"], true);
  });

  it("春节: Feb 15 (Sun) – Feb 23 (Mon) off, Saturdays Feb 14 and Feb 28 worked", () => {
    expectDays(
      [
        "2026-02-15",
        "2026-02-16",
        "2026-02-17",
        "2026-02-18",
        "2026-02-19",
        "2026-02-20",
        "2026-02-21",
        "2026-02-22",
        "2026-02-23",
      ],
      false,
    );
    expectDays(["2026-02-13", "2026-02-14", "2026-02-24", "2026-02-28"], true);
    // An ordinary Saturday and Sunday around it stay off.
    expectDays(["2026-02-07", "2026-02-08", "2026-03-01"], false);
  });

  it("清明 Apr 4–6, 劳动节 May 1–5 with Saturday May 9 worked, 端午 Jun 19–21", () => {
    expectDays(["2026-04-04", "2026-04-05", "2026-04-06"], false);
    expectDays(["2026-04-07"], true);
    expectDays(["2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05"], false);
    expectDays(["2026-05-06", "2026-05-09"], true);
    expectDays(["2026-06-19", "2026-06-20", "2026-06-21"], false);
  });

  it("中秋 Sep 25–27 and 国庆 Oct 1–7 off, Sunday Sep 20 and Saturday Oct 10 worked", () => {
    expectDays(["2026-09-25", "2026-09-26", "2026-09-27"], false);
    expectDays(
      ["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"],
      false,
    );
    expectDays(["2026-09-20", "2026-10-08", "2026-10-09", "2026-10-10"], true);
    expectDays(["2026-10-11"], false);
  });

  it("has 248 working days in 2026 (365 − 104 weekend days − 19 weekdays off + 6 调休 days)", () => {
    let count = 0;
    for (let day = "2026-01-01"; day <= "2026-12-31"; day = addDays(day, 1)) {
      if (calendar.isWorkingDay(day)) count++;
    }
    // 19 − 6 = 13, the statutory holiday days since the 2025 reform.
    expect(count).toBe(248);
  });

  it.runIf(new Date("2026-01-01T00:00:00Z").getTimezoneOffset() <= 0)(
    "agrees with the package's own isWorkday for every day of 2026",
    () => {
      for (let day = "2026-01-01"; day <= "2026-12-31"; day = addDays(day, 1)) {
        expect([day, calendar.isWorkingDay(day)]).toEqual([day, chineseDays.isWorkday(day)]);
      }
    },
  );

  it("falls back to plain weekdays outside the package's years", () => {
    expect(calendar.isWorkingDay("2031-03-10")).toBe(true); // Monday
    expect(calendar.isWorkingDay("2031-03-15")).toBe(false); // Saturday
  });

  it("throws on a malformed day", () => {
    expect(() => calendar.isWorkingDay("2026-02-30")).toThrow(RangeError);
    expect(() => calendar.isWorkingDay("next monday")).toThrow(RangeError);
  });
});

describe("overrides", () => {
  it("turn a weekday into a holiday and a Saturday into a workday", () => {
    const custom = createCalendar({ "2026-03-10": "HOLIDAY", "2026-03-14": "WORKDAY" });
    expect(calendar.isWorkingDay("2026-03-10")).toBe(true);
    expect(custom.isWorkingDay("2026-03-10")).toBe(false);
    expect(calendar.isWorkingDay("2026-03-14")).toBe(false);
    expect(custom.isWorkingDay("2026-03-14")).toBe(true);
    // Untouched days keep the package's answer.
    expect(custom.isWorkingDay("2026-03-11")).toBe(true);
    expect(custom.isWorkingDay("2026-02-16")).toBe(false);
  });

  it("win over the package table both ways, given as a Map", () => {
    const custom = createCalendar(
      new Map([
        ["2026-10-07", "WORKDAY"],
        ["2026-02-14", "HOLIDAY"],
      ] as const),
    );
    expect(custom.isWorkingDay("2026-10-07")).toBe(true);
    expect(custom.isWorkingDay("2026-02-14")).toBe(false);
  });

  it("add a year the package does not know", () => {
    const custom = createCalendar({ "2031-01-01": "HOLIDAY" }); // a Wednesday
    expect(calendar.isWorkingDay("2031-01-01")).toBe(true);
    expect(custom.isWorkingDay("2031-01-01")).toBe(false);
  });

  it("move deadlines: a holiday pushes, a worked Saturday pulls", () => {
    // Monday 2026-03-09: plain calendar → Tue, Wed, Thu.
    expect(calendar.addWorkingDays(sh("2026-03-09"), 3)).toEqual(endOf("2026-03-12"));
    const withHoliday = createCalendar({ "2026-03-11": "HOLIDAY" });
    expect(withHoliday.addWorkingDays(sh("2026-03-09"), 3)).toEqual(endOf("2026-03-13"));
    // Thursday 2026-03-12: Fri, (Sat worked), Mon.
    const withSaturday = createCalendar({ "2026-03-14": "WORKDAY" });
    expect(calendar.addWorkingDays(sh("2026-03-12"), 3)).toEqual(endOf("2026-03-17"));
    expect(withSaturday.addWorkingDays(sh("2026-03-12"), 3)).toEqual(endOf("2026-03-16"));
  });

  it("reject malformed entries", () => {
    expect(() => createCalendar({ "2026-3-1": "HOLIDAY" })).toThrow(RangeError);
    expect(() => createCalendar({ "2026-03-01": "DAY_OFF" as "HOLIDAY" })).toThrow(RangeError);
  });
});

describe("addWorkingDays (deadline: end of the n-th working day after the start day)", () => {
  it("ends at 23:59:59.999 Shanghai time", () => {
    const deadline = calendar.addWorkingDays(sh("2026-03-09", "09:00"), 3);
    expect(deadline.toISOString()).toBe("2026-03-12T15:59:59.999Z");
  });

  it("does not count the start day, whatever the hour", () => {
    expect(calendar.addWorkingDays(sh("2026-03-09", "00:00"), 1)).toEqual(endOf("2026-03-10"));
    expect(calendar.addWorkingDays(sh("2026-03-09", "23:59"), 1)).toEqual(endOf("2026-03-10"));
  });

  it("uses the Shanghai day of the instant, not the UTC day", () => {
    // 2026-03-12T16:30Z is Friday 00:30 in Shanghai.
    expect(calendar.addWorkingDays(new Date("2026-03-12T16:30:00Z"), 1)).toEqual(endOf("2026-03-16"));
    // 2026-03-12T15:59Z is still Thursday in Shanghai.
    expect(calendar.addWorkingDays(new Date("2026-03-12T15:59:00Z"), 1)).toEqual(endOf("2026-03-13"));
  });

  it("a 3-working-day SLA across the 国庆 调休 Saturday (Oct 10) ends a day earlier", () => {
    // Thu Oct 8: Fri Oct 9 (1), Sat Oct 10 worked (2), Mon Oct 12 (3).
    expect(calendar.addWorkingDays(sh("2026-10-08"), 3)).toEqual(endOf("2026-10-12"));
  });

  it("a 3-working-day SLA across the Sunday Sep 20 调休 workday", () => {
    // Fri Sep 18: Sat off, Sun Sep 20 worked (1), Mon (2), Tue Sep 22 (3).
    expect(calendar.addWorkingDays(sh("2026-09-18"), 3)).toEqual(endOf("2026-09-22"));
  });

  it("a 3-working-day SLA across 春节 counts Saturday Feb 14 and skips the nine days off", () => {
    // Thu Feb 12: Fri Feb 13 (1), Sat Feb 14 worked (2), Feb 15–23 off, Tue Feb 24 (3).
    expect(calendar.addWorkingDays(sh("2026-02-12"), 3)).toEqual(endOf("2026-02-24"));
  });

  it("a request filed during a holiday starts on the next working day", () => {
    // Sat Oct 3 (holiday): Thu Oct 8 (1), Fri Oct 9 (2), Sat Oct 10 (3).
    expect(calendar.addWorkingDays(sh("2026-10-03"), 3)).toEqual(endOf("2026-10-10"));
  });

  it("a 10-working-day decision clock over 中秋 and 国庆", () => {
    // Wed Sep 23: Sep 24 (1), [25–27 off], 28 (2), 29 (3), 30 (4), [Oct 1–7 off],
    // Oct 8 (5), 9 (6), 10 worked Saturday (7), 12 (8), 13 (9), 14 (10).
    expect(calendar.addWorkingDays(sh("2026-09-23"), 10)).toEqual(endOf("2026-10-14"));
  });

  it("n = 0 is the end of the start day; negative or fractional n throws", () => {
    expect(calendar.addWorkingDays(sh("2026-10-03"), 0)).toEqual(endOf("2026-10-03"));
    expect(() => calendar.addWorkingDays(sh("2026-10-03"), -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays(sh("2026-10-03"), 1.5)).toThrow(RangeError);
  });

  it("addWorkingDaysToDay works on plain days", () => {
    expect(calendar.addWorkingDaysToDay("2026-02-13", 2)).toBe("2026-02-24");
    expect(calendar.addWorkingDaysToDay("2026-02-13", 0)).toBe("2026-02-13");
  });
});

describe("workingDaysBetween (after from's day, up to and including to's day)", () => {
  it("is 0 on the same day, at any hours", () => {
    expect(calendar.workingDaysBetween(sh("2026-03-09", "00:00"), sh("2026-03-09", "23:59"))).toBe(0);
  });

  it("counts a plain week", () => {
    // Mon → Fri: Tue, Wed, Thu, Fri.
    expect(calendar.workingDaysBetween(sh("2026-03-09"), sh("2026-03-13"))).toBe(4);
    // Fri → Mon: only Mon.
    expect(calendar.workingDaysBetween(sh("2026-03-13"), sh("2026-03-16"))).toBe(1);
    // Fri → Sun: nothing.
    expect(calendar.workingDaysBetween(sh("2026-03-13"), sh("2026-03-15"))).toBe(0);
  });

  it("counts 调休 workdays and skips holidays", () => {
    // Thu Feb 12 → Tue Feb 24: Feb 13, Feb 14 (Sat, worked), Feb 24.
    expect(calendar.workingDaysBetween(sh("2026-02-12"), sh("2026-02-24"))).toBe(3);
    // Fri Feb 13 → Mon Feb 23: only Sat Feb 14.
    expect(calendar.workingDaysBetween(sh("2026-02-13"), sh("2026-02-23"))).toBe(1);
    // Fri Oct 9 → Mon Oct 12: Sat Oct 10 and Mon Oct 12.
    expect(calendar.workingDaysBetween(sh("2026-10-09"), sh("2026-10-12"))).toBe(2);
    // Wed Sep 30 → Thu Oct 8: only Oct 8.
    expect(calendar.workingDaysBetween(sh("2026-09-30"), sh("2026-10-08"))).toBe(1);
  });

  it("is the inverse of addWorkingDays", () => {
    const start = sh("2026-09-23");
    expect(calendar.workingDaysBetween(start, calendar.addWorkingDays(start, 10))).toBe(10);
  });

  it("is negative when `to` is on an earlier day", () => {
    expect(calendar.workingDaysBetween(sh("2026-02-24"), sh("2026-02-12"))).toBe(-3);
  });

  it("uses Shanghai days", () => {
    // Thu 23:30 Shanghai → Fri 00:30 Shanghai is one working day, though one hour apart.
    expect(
      calendar.workingDaysBetween(new Date("2026-03-12T15:30:00Z"), new Date("2026-03-12T16:30:00Z")),
    ).toBe(1);
  });
});

describe("addCalendarDays", () => {
  it("ends at the end of the n-th calendar day after the start day, holidays included", () => {
    expect(calendar.addCalendarDays(sh("2026-01-15"), 30)).toEqual(endOf("2026-02-14"));
    expect(calendar.addCalendarDays(sh("2026-09-20"), 30)).toEqual(endOf("2026-10-20"));
    expect(calendar.addCalendarDays(sh("2026-03-09"), 0)).toEqual(endOf("2026-03-09"));
  });

  it("starts from the Shanghai day", () => {
    // 2026-01-15T17:00Z is Jan 16, 01:00 in Shanghai.
    expect(calendar.addCalendarDays(new Date("2026-01-15T17:00:00Z"), 30)).toEqual(endOf("2026-02-15"));
  });

  it("throws on negative n", () => {
    expect(() => calendar.addCalendarDays(sh("2026-01-15"), -1)).toThrow(RangeError);
  });
});

describe("workingDaysBetweenDays agrees with counting day by day", () => {
  it("over spans inside a year, across year ends and reversed", () => {
    const calendar = createCalendar({ "2026-12-31": "HOLIDAY", "2027-01-09": "WORKDAY" });
    const naive = (from: string, to: string) => {
      let count = 0;
      for (let day = addDays(from, 1); day <= to; day = addDays(day, 1))
        if (calendar.isWorkingDay(day)) count++;
      return count;
    };
    const days = [
      "2025-12-30",
      "2026-01-01",
      "2026-02-13",
      "2026-02-28",
      "2026-10-08",
      "2026-12-31",
      "2027-01-10",
    ];
    for (const from of days) {
      for (const to of days) {
        const expected = from <= to ? naive(from, to) : -naive(to, from);
        expect(calendar.workingDaysBetweenDays(from, to), `${from} → ${to}`).toBe(expected);
      }
    }
  });
});
