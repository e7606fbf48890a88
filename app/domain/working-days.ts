/**
 * Working days in mainland China: weekends, the State Council's public
 * holidays and the weekend days that become workdays (调休), from the
 * `chinese-days` package, corrected or extended by the bureau's own calendar
 * entries (overrides win). All days are calendar days in Asia/Shanghai.
 */
import chineseDays from "chinese-days";
import { addDays, daysBetween, endOfShanghaiDay, isIsoDay, isWeekend, shanghaiDate } from "./shanghai-time";

export { addDays, calendarDaysBetween, isIsoDay, shanghaiDate } from "./shanghai-time";

export type DayOverride = "HOLIDAY" | "WORKDAY";

/**
 * The version of the rules below, beside the holiday package's own: bump it when a change here
 * changes which days are working days, so that the tables derived from the calendar
 * (IndicatorDay, decision 026) are rebuilt.
 */
export const CALENDAR_RULES_VERSION = 1;

/** Bureau-maintained corrections keyed by "YYYY-MM-DD". */
export type CalendarOverrides = ReadonlyMap<string, DayOverride> | Readonly<Record<string, DayOverride>>;

export interface WorkingDayCalendar {
  /** Whether `day` ("YYYY-MM-DD", Shanghai) is a working day. */
  isWorkingDay(day: string): boolean;
  /** The day n working days after `day` (n ≥ 0; n = 0 gives `day` itself). */
  addWorkingDaysToDay(day: string, n: number): string;
  /**
   * Deadline of a clock started at `from` and running n working days: the
   * end (23:59:59.999 Shanghai) of the n-th working day after the Shanghai day
   * of `from`. The starting day never counts, whatever the hour — a request
   * filed at 09:00 or 23:00 on a Monday gets the same deadline — and a request
   * filed on a holiday starts counting on the next working day. n = 0 is the
   * end of `from`'s own day.
   */
  addWorkingDays(from: Date, n: number): Date;
  /**
   * Working days strictly after `from`'s day up to and including `to`'s day:
   * 0 on the same day; negative (the same count, reversed) when `to` is on an
   * earlier day. Used for "response time in working days".
   */
  workingDaysBetween(from: Date, to: Date): number;
  /** workingDaysBetween for Shanghai days "YYYY-MM-DD". */
  workingDaysBetweenDays(fromDay: string, toDay: string): number;
  /** Like addWorkingDays with calendar days: end of the day n days after `from`'s day. */
  addCalendarDays(from: Date, n: number): Date;
}

const WEEKDAY_NAMES = new Set(["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]);

/**
 * The package's verdict for a day. Only its holiday/调休 table is trusted:
 * it builds that table and reads plain weekdays in the process time zone,
 * which goes wrong west of UTC, so a day missing from the table is decided by
 * our own zone-free weekday. getDayDetail names table days after the holiday
 * ("Spring Festival,春节,4") and other days after the weekday.
 */
function packageSaysWorkingDay(day: string): boolean {
  let verdict = packageVerdicts.get(day);
  if (verdict === undefined) {
    const detail = chineseDays.getDayDetail(day);
    verdict = WEEKDAY_NAMES.has(detail.name) ? !isWeekend(day) : detail.work;
    packageVerdicts.set(day, verdict);
  }
  return verdict;
}

/**
 * The package's verdicts, kept for the process: they depend on the day alone, and every
 * calendar (one per report, per queue refresh, per rebuild of the indicators' day table — a
 * century of days) asks the same ones. The package parses each day it is asked (≈ 13 µs).
 */
const packageVerdicts = new Map<string, boolean>();

function toOverrideMap(overrides: CalendarOverrides | undefined): Map<string, DayOverride> {
  const entries: Iterable<[string, DayOverride]> =
    overrides === undefined
      ? []
      : overrides instanceof Map
        ? overrides.entries()
        : Object.entries(overrides as Readonly<Record<string, DayOverride>>);
  const map = new Map<string, DayOverride>();
  for (const [day, kind] of entries) {
    if (!isIsoDay(day)) throw new RangeError(`calendar override for a bad date: ${day}`);
    if (kind !== "HOLIDAY" && kind !== "WORKDAY") {
      throw new RangeError(`calendar override ${day} has unknown kind ${String(kind)}`);
    }
    map.set(day, kind);
  }
  return map;
}

function assertCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`expected a non-negative whole number of days, got ${n}`);
  }
}

export function createCalendar(overrides?: CalendarOverrides): WorkingDayCalendar {
  const overrideMap = toOverrideMap(overrides);
  const cache = new Map<string, boolean>();

  function isWorkingDay(day: string): boolean {
    const cached = cache.get(day);
    if (cached !== undefined) return cached;
    if (!isIsoDay(day)) throw new RangeError(`not a YYYY-MM-DD date: ${day}`);
    const override = overrideMap.get(day);
    const result = override ? override === "WORKDAY" : packageSaysWorkingDay(day);
    cache.set(day, result);
    return result;
  }

  // The indicators ask the same (day, n) and (from, to) questions for every group of a report
  // (totals, months, breakdown rows): each answer is computed once per calendar.
  const added = new Map<string, string>();
  function addWorkingDaysToDay(day: string, n: number): string {
    const key = `${day}+${n}`;
    const known = added.get(key);
    if (known !== undefined) return known;
    const result = walkWorkingDays(day, n);
    added.set(key, result);
    return result;
  }
  function walkWorkingDays(day: string, n: number): string {
    assertCount(n);
    let current = day;
    let left = n;
    while (left > 0) {
      current = addDays(current, 1);
      if (isWorkingDay(current)) left--;
    }
    return current;
  }

  // Working days counted through a per-year running total, so that a count costs two lookups
  // whatever its span (the indicators count thousands of spans per report).
  const runningTotals = new Map<number, Uint16Array>();
  function runningTotal(year: number): Uint16Array {
    let totals = runningTotals.get(year);
    if (!totals) {
      const days = daysBetween(`${year}-01-01`, `${year + 1}-01-01`);
      totals = new Uint16Array(days);
      let count = 0;
      let day = `${year}-01-01`;
      for (let i = 0; i < days; i++, day = addDays(day, 1)) {
        if (isWorkingDay(day)) count++;
        totals[i] = count;
      }
      runningTotals.set(year, totals);
    }
    return totals;
  }
  /** Working days from January 1st of `baseYear` up to and including `day`. */
  function workingDaysThrough(day: string, baseYear: number): number {
    const year = Number(day.slice(0, 4));
    let count = 0;
    for (let y = baseYear; y < year; y++) {
      const totals = runningTotal(y);
      count += totals[totals.length - 1];
    }
    return count + runningTotal(year)[daysBetween(`${year}-01-01`, day)];
  }

  /** Working days strictly after fromDay up to and including toDay (fromDay ≤ toDay). */
  function countWorkingDays(fromDay: string, toDay: string): number {
    if (!isIsoDay(fromDay) || !isIsoDay(toDay))
      throw new RangeError(`not YYYY-MM-DD dates: ${fromDay}, ${toDay}`);
    const baseYear = Number(fromDay.slice(0, 4));
    return workingDaysThrough(toDay, baseYear) - workingDaysThrough(fromDay, baseYear);
  }

  const between = new Map<string, number>();
  function workingDaysBetweenDays(fromDay: string, toDay: string): number {
    const key = `${fromDay}/${toDay}`;
    const known = between.get(key);
    if (known !== undefined) return known;
    const result = fromDay <= toDay ? countWorkingDays(fromDay, toDay) : -countWorkingDays(toDay, fromDay);
    between.set(key, result);
    return result;
  }

  return {
    isWorkingDay,
    addWorkingDaysToDay,
    addWorkingDays(from, n) {
      return endOfShanghaiDay(addWorkingDaysToDay(shanghaiDate(from), n));
    },
    workingDaysBetween(from, to) {
      return workingDaysBetweenDays(shanghaiDate(from), shanghaiDate(to));
    },
    workingDaysBetweenDays,
    addCalendarDays(from, n) {
      assertCount(n);
      return endOfShanghaiDay(addDays(shanghaiDate(from), n));
    },
  };
}
