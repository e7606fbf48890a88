/**
 * Dates for people: always Asia/Shanghai wall-clock time, whatever the
 * server's or the browser's zone, so the server render and the hydrated page
 * print the same text.
 *   zh-CN: "2026年3月12日", "2026年3月12日 14:05"
 *   en:    "12 Mar 2026",   "12 Mar 2026, 14:05"
 * Built from fixed parts rather than Intl date styles, whose punctuation
 * differs between ICU versions (Node vs browsers).
 */
import { isIsoDay, shanghaiParts } from "./shanghai-time";

const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A Date, or what JSON made of one (ISO string or epoch milliseconds). */
export type Instant = Date | string | number;

function toDate(instant: Instant): Date {
  const date = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`invalid date: ${String(instant)}`);
  return date;
}

function isChinese(locale: string): boolean {
  return locale.toLowerCase().startsWith("zh");
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function dateText(year: number, month: number, day: number, locale: string): string {
  return isChinese(locale) ? `${year}年${month}月${day}日` : `${day} ${EN_MONTHS[month - 1]} ${year}`;
}

/** The Shanghai calendar date of an instant. */
export function formatDate(instant: Instant, locale: string): string {
  const p = shanghaiParts(toDate(instant));
  return dateText(p.year, p.month, p.day, locale);
}

/** The Shanghai date and 24-hour time (to the minute) of an instant. */
export function formatDateTime(instant: Instant, locale: string): string {
  const p = shanghaiParts(toDate(instant));
  const time = `${pad2(p.hour)}:${pad2(p.minute)}`;
  const date = dateText(p.year, p.month, p.day, locale);
  return isChinese(locale) ? `${date} ${time}` : `${date}, ${time}`;
}

/** A calendar day stored as "YYYY-MM-DD" (disbursement date, LPR effective date). */
export function formatDay(day: string, locale: string): string {
  if (!isIsoDay(day)) throw new RangeError(`not a YYYY-MM-DD date: ${day}`);
  const [year, month, date] = day.split("-").map(Number);
  return dateText(year, month, date, locale);
}
