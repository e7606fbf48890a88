/**
 * Calendar days in Asia/Shanghai. China has used UTC+8 all year since 1991
 * (no daylight saving), so a fixed offset is exact and keeps this module free
 * of the process time zone and of ICU data.
 *
 * A "day" is an ISO date string "YYYY-MM-DD"; day arithmetic runs on UTC dates
 * so it never depends on the server's zone either.
 */

export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * UTC midnight of a real calendar date written "YYYY-MM-DD" (years 0100–9999; no 2026-02-30),
 * else NaN. Arithmetic only: the indicators call it hundreds of thousands of times a report.
 */
function isoDayMs(value: string): number {
  const m = ISO_DAY.exec(value);
  if (!m) return NaN;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 100 || month < 1 || month > 12 || day < 1) return NaN;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const length = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day > length ? NaN : Date.UTC(year, month - 1, day);
}

/** True for a real calendar date written "YYYY-MM-DD" (no 2026-02-30). */
export function isIsoDay(value: string): boolean {
  return !Number.isNaN(isoDayMs(value));
}

function assertInstant(instant: Date): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError("invalid Date");
  }
}

/** UTC midnight of a day; internal pivot for day arithmetic. */
function dayToUtcMs(day: string): number {
  const ms = isoDayMs(day);
  if (Number.isNaN(ms)) throw new RangeError(`not a YYYY-MM-DD date: ${day}`);
  return ms;
}

/** The calendar day in Shanghai on which `instant` falls. */
export function shanghaiDate(instant: Date): string {
  assertInstant(instant);
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** 00:00:00.000 Shanghai time on `day`. */
export function startOfShanghaiDay(day: string): Date {
  return new Date(dayToUtcMs(day) - SHANGHAI_OFFSET_MS);
}

/** 23:59:59.999 Shanghai time on `day`. */
export function endOfShanghaiDay(day: string): Date {
  return new Date(dayToUtcMs(day) + DAY_MS - 1 - SHANGHAI_OFFSET_MS);
}

/** `day` moved by n calendar days (n may be negative). */
export function addDays(day: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a whole number of days: ${n}`);
  return new Date(dayToUtcMs(day) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar days from day `from` to day `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayToUtcMs(to) - dayToUtcMs(from)) / DAY_MS);
}

/** Calendar days between the Shanghai days of two instants (negative when `to` is earlier). */
export function calendarDaysBetween(from: Date, to: Date): number {
  return daysBetween(shanghaiDate(from), shanghaiDate(to));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: string): number {
  return new Date(dayToUtcMs(day)).getUTCDay();
}

export function isWeekend(day: string): boolean {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
}

export interface ShanghaiParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Wall-clock fields of `instant` in Shanghai. */
export function shanghaiParts(instant: Date): ShanghaiParts {
  assertInstant(instant);
  const shifted = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}

/** 00:00 Shanghai time on 1 January of the year `instant` falls in (in Shanghai). */
export function startOfShanghaiYear(instant: Date): Date {
  return startOfShanghaiDay(`${shanghaiDate(instant).slice(0, 4)}-01-01`);
}
