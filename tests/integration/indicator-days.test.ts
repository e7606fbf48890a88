/**
 * IndicatorDay (app/models/indicator-days.server.ts) follows its inputs: built by the first
 * report, rebuilt once after an edit of the calendar, the SLA days or the LPR, also when two
 * reports ask at once (two servers on PostgreSQL); and a report's working days follow the edit.
 */
import { describe, expect, it } from "vitest";

import { INDICATOR_DAY_RANGE } from "~/domain/indicator-days";
import { daysBetween } from "~/domain/shanghai-time";
import { ensureIndicatorDays, loadReportCalendar } from "~/models/indicator-days.server";

import { db } from "./helpers";

const NOW = new Date("2026-11-20T04:00:00Z");
const DAYS = daysBetween(INDICATOR_DAY_RANGE.first, INDICATOR_DAY_RANGE.last) + 1;

async function stamp() {
  return (await db.indicatorDayStamp.findUnique({ where: { id: 1 } }))?.fingerprint ?? null;
}

async function workIndex(day: string) {
  return (await db.indicatorDay.findUniqueOrThrow({ where: { day } })).workIndex;
}

describe("the indicators' day table", () => {
  it("is built for the inputs it is asked for, and rebuilt only when they change, also by two reports at once", async () => {
    const first = await loadReportCalendar(NOW);
    await ensureIndicatorDays(first.context, first.fingerprint);
    expect(await stamp()).toBe(first.fingerprint);
    expect(await db.indicatorDay.count()).toBe(DAYS);
    // Mon 2 Nov → Wed 4 Nov 2026: two working days
    expect((await workIndex("2026-11-04")) - (await workIndex("2026-11-02"))).toBe(2);

    const built = (await db.indicatorDayStamp.findUniqueOrThrow({ where: { id: 1 } })).builtAt;
    await ensureIndicatorDays(first.context, first.fingerprint);
    expect((await db.indicatorDayStamp.findUniqueOrThrow({ where: { id: 1 } })).builtAt).toEqual(built);

    // the bureau marks Tuesday 3 November a holiday: two reports at once rebuild it without colliding
    await db.calendarOverride.create({ data: { date: "2026-11-03", kind: "HOLIDAY" } });
    const edited = await loadReportCalendar(NOW);
    expect(edited.fingerprint).not.toBe(first.fingerprint);
    await Promise.all([
      ensureIndicatorDays(edited.context, edited.fingerprint),
      ensureIndicatorDays(edited.context, edited.fingerprint),
    ]);
    expect(await stamp()).toBe(edited.fingerprint);
    expect(await db.indicatorDay.count()).toBe(DAYS);
    expect((await workIndex("2026-11-04")) - (await workIndex("2026-11-02"))).toBe(1);
    expect((await db.indicatorDay.findUniqueOrThrow({ where: { day: "2026-11-02" } })).deadline).toBe(
      edited.context.calendar.addWorkingDaysToDay("2026-11-02", edited.context.firstResponseDays),
    );
  });
});
