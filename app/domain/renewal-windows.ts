/**
 * 续贷提醒 (SPEC "Early warning and renewals"): 60 and 30 days before a loan's maturity the firm
 * and the bank are told. Pure, on Shanghai calendar days ("YYYY-MM-DD").
 *
 * - The notice of a window W is due on maturity − W calendar days; when that day is not a working
 *   day (a weekend, a public holiday), on the last working day before it — a notice never goes
 *   out later than W days ahead, nor on a day nobody reads it.
 * - On a given day the window due is the narrowest whose day has come, while the loan has not
 *   matured: a loan first seen 45 days before maturity gets the 60-day notice, one seen 20 days
 *   before only the 30-day one (a missed night is caught up, never sent twice: the notice is
 *   recorded per (loan, window)).
 * - The firm may ask for a renewal from the 60-day notice day until maturity.
 */
import { addDays } from "./shanghai-time";
import type { WorkingDayCalendar } from "./working-days";

export const RENEWAL_WINDOWS = [60, 30] as const;
export type RenewalWindow = (typeof RENEWAL_WINDOWS)[number];

/** The last working day on or before `day` (a year back at most, whatever the calendar says). */
export function workingDayOnOrBefore(day: string, calendar: WorkingDayCalendar): string {
  let current = day;
  for (let i = 0; i < 366 && !calendar.isWorkingDay(current); i++) current = addDays(current, -1);
  return current;
}

/** The day the notice of `window` goes out for a loan maturing on `maturity`. */
export function renewalNoticeDay(
  maturity: string,
  window: RenewalWindow,
  calendar: WorkingDayCalendar,
): string {
  return workingDayOnOrBefore(addDays(maturity, -window), calendar);
}

/** The window whose notice is due on `today` (null: none yet, or the loan has matured). */
export function dueRenewalWindow(
  maturity: string,
  today: string,
  calendar: WorkingDayCalendar,
): RenewalWindow | null {
  if (today >= maturity) return null;
  let due: RenewalWindow | null = null;
  for (const window of RENEWAL_WINDOWS) {
    if (renewalNoticeDay(maturity, window, calendar) <= today) due = window;
  }
  return due;
}

/** Whether the firm may ask to renew a loan maturing on `maturity` on `today`. */
export function renewalRequestOpen(maturity: string, today: string, calendar: WorkingDayCalendar): boolean {
  return today < maturity && renewalNoticeDay(maturity, 60, calendar) <= today;
}
