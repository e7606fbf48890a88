/**
 * The demo seed's clock: the data is laid out relative to the day the seed runs, so the demo
 * never looks stale, and is the same for every run on that day (seeded PRNG, no wall-clock time).
 *
 * - `TODAY` is the Shanghai calendar day the seed runs on (or `SEED_TODAY=YYYY-MM-DD`, for a
 *   reproducible run), `NOW` its first instant (00:00 Asia/Shanghai): nothing is ever seeded
 *   after the moment the seed runs.
 * - `ago(n)` is the day n calendar days before today: the ends of random ranges ("the last 30
 *   days") are written with it.
 * - Scripted dates are written in the frame the demo was first written in, where "today" was
 *   {@link FRAME_TODAY} (a Thursday), and moved by `frame()` by whole weeks, never later than the
 *   real offset: a scripted Monday stays a Monday (so scripted office hours stay on weekdays),
 *   and a scripted moment is at most six days older than it was in its frame, never newer.
 *   Working-day clocks that must be "in time" today are laid on working days before today
 *   (`workingDaysAgo`), not on frame dates.
 *
 * Relative imports only (tsx).
 */
import {
  addDays,
  daysBetween,
  isIsoDay,
  shanghaiDate,
  startOfShanghaiDay,
} from "../app/domain/shanghai-time";
import { createCalendar } from "../app/domain/working-days";

/** "Today" of the frame the scripted dates are written in. */
export const FRAME_TODAY = "2026-11-26";

function seedToday(): string {
  const given = process.env.SEED_TODAY;
  if (given) {
    if (!isIsoDay(given)) throw new Error(`SEED_TODAY must be YYYY-MM-DD, got ${given}`);
    return given;
  }
  return shanghaiDate(new Date());
}

const shanghaiTime = (day: string, hour: number, minute: number) =>
  new Date(startOfShanghaiDay(day).getTime() + (hour * 60 + minute) * 60_000);

/** The Shanghai day the seed runs on. */
export const TODAY = seedToday();
/** The seed's "now": the start of today in Shanghai. */
export const NOW = shanghaiTime(TODAY, 0, 0);
/** Whole weeks from the frame to today, rounded down. */
export const FRAME_SHIFT_DAYS = 7 * Math.floor(daysBetween(FRAME_TODAY, TODAY) / 7);

/** The day `n` calendar days before today. */
export const ago = (n: number): string => addDays(TODAY, -n);

/** A scripted frame date moved to the real calendar (same weekday). */
export const frame = (day: string): string => addDays(day, FRAME_SHIFT_DAYS);

/** A scripted frame moment (Shanghai wall time) on the real calendar. */
export const frameTime = (day: string, hour = 9, minute = 0): Date => shanghaiTime(frame(day), hour, minute);

const calendar = createCalendar();

/** The working day `n` working days before today (n ≥ 1). */
export function workingDaysAgo(n: number): string {
  let day = TODAY;
  for (let left = n; left > 0;) {
    day = addDays(day, -1);
    if (calendar.isWorkingDay(day)) left--;
  }
  return day;
}

/** "2026年" of a day. */
export const yearOf = (day: string): number => Number(day.slice(0, 4));
