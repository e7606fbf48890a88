/**
 * IndicatorDay (app/models/indicator-days.server.ts) follows its inputs: built for the inputs a
 * report has, rebuilt at once by the bureau's calendar edit, rebuilt by a report when the stamp
 * is behind, and by one of two reports that ask at once (two servers on PostgreSQL).
 */
import { describe, expect, it } from "vitest";

import { INDICATOR_DAY_RANGE } from "~/domain/indicator-days";
import { daysBetween } from "~/domain/shanghai-time";
import type { BureauActor } from "~/models/actor";
import { addCalendarOverride } from "~/models/admin.server";
import { ensureIndicatorDays, loadReportCalendar } from "~/models/indicator-days.server";
import { getActorById } from "~/models/user.server";

import { bureauUser } from "../../prisma/factories";
import { db } from "./helpers";

const NOW = new Date("2026-11-20T04:00:00Z");
const DAYS = daysBetween(INDICATOR_DAY_RANGE.first, INDICATOR_DAY_RANGE.last) + 1;

async function stamp() {
  return db.indicatorDayStamp.findUnique({ where: { id: 1 } });
}

/** Working days after Monday 2 November 2026 up to Wednesday 4 November, by the table. */
async function workingDaysTo4November() {
  const days = await db.indicatorDay.findMany({ where: { day: { in: ["2026-11-02", "2026-11-04"] } } });
  const index = (day: string) => days.find((d) => d.day === day)!.workIndex;
  return index("2026-11-04") - index("2026-11-02");
}

describe("the indicators' day table", () => {
  it("is built for a report's inputs, and rebuilt only when they change", async () => {
    // (the test template holds the table of an empty database's inputs: an LPR makes them new)
    await db.lprRate.create({ data: { effectiveOn: new Date("2026-10-20T16:00:00Z"), rateBp: 300 } });
    const first = await loadReportCalendar(NOW);
    expect(await ensureIndicatorDays(first.fingerprint)).toBe(true);
    expect((await stamp())?.fingerprint).toBe(first.fingerprint);
    expect(await db.indicatorDay.count()).toBe(DAYS);
    expect(await workingDaysTo4November()).toBe(2);
    expect((await db.indicatorDay.findUniqueOrThrow({ where: { day: "2026-10-21" } })).lprBp).toBe(300);
    expect(await ensureIndicatorDays(first.fingerprint)).toBe(false);
    expect(await ensureIndicatorDays()).toBe(false);

    // the bureau marks Tuesday 3 November a holiday: the edit rebuilds the table at once
    const bureau = (await getActorById((await bureauUser(db)).id)) as BureauActor;
    const added = await addCalendarOverride(
      { ...bureau, ip: "127.0.0.1" },
      { date: "2026-11-03", kind: "HOLIDAY", note: "" },
    );
    expect(added.ok).toBe(true);
    const edited = await loadReportCalendar(NOW);
    expect(edited.fingerprint).not.toBe(first.fingerprint);
    expect((await stamp())?.fingerprint).toBe(edited.fingerprint);
    expect(await workingDaysTo4November()).toBe(1);
    expect((await db.indicatorDay.findUniqueOrThrow({ where: { day: "2026-11-02" } })).deadline).toBe(
      edited.context.calendar.addWorkingDaysToDay("2026-11-02", edited.context.firstResponseDays),
    );
  });

  it("is rebuilt by one of two reports that find the stamp behind at once, from the newest inputs", async () => {
    // an edit written behind the portal's back (no rebuild): the reports find the stamp behind
    await db.calendarOverride.create({ data: { date: "2026-11-02", kind: "HOLIDAY" } });
    const report = await loadReportCalendar(NOW);
    expect((await stamp())?.fingerprint).not.toBe(report.fingerprint);
    const rebuilt = await Promise.all([
      ensureIndicatorDays(report.fingerprint),
      ensureIndicatorDays(report.fingerprint),
    ]);
    expect(rebuilt.filter(Boolean)).toHaveLength(1);
    expect((await stamp())?.fingerprint).toBe(report.fingerprint);
    expect(await db.indicatorDay.count()).toBe(DAYS);

    // a report that read its inputs before another edit does not rebuild back to them
    await db.calendarOverride.deleteMany({ where: { date: "2026-11-02" } });
    expect(await ensureIndicatorDays()).toBe(true);
    const newest = (await stamp())?.fingerprint;
    expect(newest).toBe((await loadReportCalendar(NOW)).fingerprint);
    expect(await ensureIndicatorDays(report.fingerprint)).toBe(false);
    expect((await stamp())?.fingerprint).toBe(newest);
  });
});
