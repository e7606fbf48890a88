import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  INDICATOR_DAY_RANGE,
  indicatorDayRows,
  indicatorDaysFingerprint,
  type IndicatorDayInputs,
} from "~/domain/indicator-days";
import { lprOn } from "~/domain/indicators";
import { addDays, daysBetween } from "~/domain/shanghai-time";
import { createCalendar, type DayOverride } from "~/domain/working-days";

// the bureau's corrections: a 调休 Saturday that is worked, a Tuesday off
const overrides = new Map([
  ["2026-02-28", "WORKDAY"],
  ["2026-03-03", "HOLIDAY"],
] as const);
const calendar = createCalendar(overrides);
const lpr = [
  { effectiveDay: "2025-01-20", rateBp: 310 },
  { effectiveDay: "2026-05-20", rateBp: 300 },
];
const rows = indicatorDayRows(calendar, 3, lpr);
const rowOf = (day: string) => rows[daysBetween(INDICATOR_DAY_RANGE.first, day)];
const span = daysBetween(INDICATOR_DAY_RANGE.first, INDICATOR_DAY_RANGE.last);
const anyDay = fc.integer({ min: 0, max: span }).map((n) => addDays(INDICATOR_DAY_RANGE.first, n));

describe("the indicators' day table", () => {
  it("holds every day of the range once, by ordinal", () => {
    expect(rows).toHaveLength(span + 1);
    expect(rows[0]).toMatchObject({ ordinal: 0, day: INDICATOR_DAY_RANGE.first });
    expect(rows.at(-1)).toMatchObject({ ordinal: span, day: INDICATOR_DAY_RANGE.last });
    expect(rowOf("2026-03-03").day).toBe("2026-03-03");
  });

  it("gives the calendar's working days between any two days as a difference of indexes", () => {
    fc.assert(
      fc.property(anyDay, anyDay, (a, b) => {
        // (+ 0: the calendar counts a backward span of no working day as -0)
        expect(rowOf(b).workIndex - rowOf(a).workIndex).toBe(calendar.workingDaysBetweenDays(a, b) + 0);
      }),
      { numRuns: 300, seed: 20261207 },
    );
    // across the overrides: Fri 27 Feb → Wed 4 Mar 2026 is Sat 28 (worked), Mon 2, Wed 4
    expect(rowOf("2026-03-04").workIndex - rowOf("2026-02-27").workIndex).toBe(3);
    // backwards: from Sunday 1 March to Friday 27 February is one working day back (the 28th is worked)
    expect(rowOf("2026-02-27").workIndex - rowOf("2026-03-01").workIndex).toBe(-1);
  });

  it("gives the calendar's response deadline and the LPR in effect on any day", () => {
    fc.assert(
      fc.property(anyDay, (day) => {
        expect(rowOf(day).deadline).toBe(calendar.addWorkingDaysToDay(day, 3));
        expect(rowOf(day).lprBp).toBe(lprOn(lpr, day));
      }),
      { numRuns: 300, seed: 20261207 },
    );
    expect(rowOf("2026-02-27").deadline).toBe("2026-03-04");
    expect(rowOf("2025-01-19").lprBp).toBe(null);
    expect(rowOf("2026-05-20").lprBp).toBe(300);
    expect(rowOf(INDICATOR_DAY_RANGE.last).deadline > INDICATOR_DAY_RANGE.last).toBe(true);
  });
});

describe("its fingerprint", () => {
  const inputs: IndicatorDayInputs = {
    holidayTables: "chinese-days@1.5.7",
    overrides: new Map(overrides),
    firstResponseDays: 3,
    lpr,
  };
  const base = indicatorDaysFingerprint(inputs);

  it("does not depend on the order the overrides were read in", () => {
    const reversed = new Map([...overrides].reverse());
    expect(indicatorDaysFingerprint({ ...inputs, overrides: reversed })).toBe(base);
  });

  it("changes with each input", () => {
    const changed: IndicatorDayInputs[] = [
      { ...inputs, holidayTables: "chinese-days@1.5.8" },
      { ...inputs, overrides: new Map<string, DayOverride>([...overrides, ["2026-10-10", "WORKDAY"]]) },
      {
        ...inputs,
        overrides: new Map<string, DayOverride>([
          ["2026-02-28", "HOLIDAY"],
          ["2026-03-03", "HOLIDAY"],
        ]),
      },
      { ...inputs, firstResponseDays: 4 },
      { ...inputs, lpr: [...lpr, { effectiveDay: "2026-11-20", rateBp: 295 }] },
      { ...inputs, lpr: [lpr[0], { ...lpr[1], rateBp: 305 }] },
    ];
    const prints = changed.map(indicatorDaysFingerprint);
    expect(new Set([base, ...prints]).size).toBe(changed.length + 1);
  });
});
