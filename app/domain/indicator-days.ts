/**
 * The calendar the indicator rollups are summed against (table IndicatorDay, issue 15; decision
 * 026). A rollup slot keeps a calendar-day lag; what the dashboard reports is in working days,
 * against the response deadline and the LPR of the day — all of which the bureau may edit at any
 * time. Instead of reading every day slot into JavaScript to work those out (84,000 slots for a
 * city's two-year report), the report's SQL joins each slot to this table and sums by month:
 *
 * - `ordinal`: days since the range's first day, so that a slot's other day (day ± lag) is a
 *   lookup of ordinal ± lag;
 * - `workIndex`: working days after the range's first day up to and including the day, so that
 *   the working days between two days (workingDaysBetweenDays) are the difference of their
 *   indexes — negative when the second day is earlier, as there;
 * - `deadline`: the day `firstResponseDays` working days after the day (a submission's first
 *   response deadline);
 * - `lprBp`: the LPR in effect on the day (null before the first).
 *
 * The table is a pure function of its inputs: the working-day calendar (the holiday package's
 * version and the bureau's overrides), the SLA days and the LPR history. Its fingerprint is
 * stored beside it; a report whose inputs have another fingerprint rebuilds it first.
 */
import { createHash } from "node:crypto";

import type { DayOverride, WorkingDayCalendar } from "./working-days";
import { addDays } from "./shanghai-time";

/**
 * The days the table holds: every valid report period (isValidPeriod: 2000-01-01 to 2100-12-31)
 * and a year either side, for the other day of a slot (a submission before the period's first
 * loan, a response after its last submission).
 */
export const INDICATOR_DAY_RANGE = { first: "1999-01-01", last: "2101-12-31" } as const;

/** Bump when the table's definition changes: every database rebuilds it on its next report. */
const DEFINITION_VERSION = 1;

export interface IndicatorDayRow {
  ordinal: number;
  day: string;
  workIndex: number;
  deadline: string;
  lprBp: number | null;
}

export interface IndicatorDayInputs {
  /** the holiday package's version: its tables decide the days without an override */
  holidayTables: string;
  /** the bureau's overrides, day → HOLIDAY | WORKDAY */
  overrides: ReadonlyMap<string, DayOverride>;
  firstResponseDays: number;
  /** effective day ascending */
  lpr: readonly { effectiveDay: string; rateBp: number }[];
}

/** A digest of everything the table is computed from. */
export function indicatorDaysFingerprint(inputs: IndicatorDayInputs): string {
  const canonical = JSON.stringify({
    version: DEFINITION_VERSION,
    range: INDICATOR_DAY_RANGE,
    holidayTables: inputs.holidayTables,
    overrides: [...inputs.overrides].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    firstResponseDays: inputs.firstResponseDays,
    lpr: inputs.lpr.map((row) => [row.effectiveDay, row.rateBp]),
  });
  return createHash("sha256").update(canonical).digest("hex");
}

/** Every day of the range with its indexes, deadline and LPR. */
export function indicatorDayRows(
  calendar: WorkingDayCalendar,
  firstResponseDays: number,
  lpr: IndicatorDayInputs["lpr"],
): IndicatorDayRow[] {
  const rows: IndicatorDayRow[] = [];
  // workingDay[k]: the day whose work index became k (the k-th working day after the first day)
  const workingDay: string[] = [INDICATOR_DAY_RANGE.first];
  let workIndex = 0;
  let rate: number | null = null;
  let nextRate = 0;
  let day: string = INDICATOR_DAY_RANGE.first;
  for (let ordinal = 0; day <= INDICATOR_DAY_RANGE.last; ordinal++, day = addDays(day, 1)) {
    if (ordinal > 0 && calendar.isWorkingDay(day)) workingDay[++workIndex] = day;
    while (nextRate < lpr.length && lpr[nextRate].effectiveDay <= day) rate = lpr[nextRate++].rateBp;
    rows.push({ ordinal, day, workIndex, deadline: "", lprBp: rate });
  }
  // the n-th working day after a day is the one of index workIndex + n (n = 0: the day itself);
  // past the range's last working day, walk the calendar
  for (const row of rows) {
    row.deadline =
      firstResponseDays === 0
        ? row.day
        : (workingDay[row.workIndex + firstResponseDays] ??
          calendar.addWorkingDaysToDay(row.day, firstResponseDays));
  }
  return rows;
}
