/**
 * Keeps IndicatorDay (app/domain/indicator-days.ts) equal to its inputs. Every report reads its
 * inputs anyway (the calendar, the SLA days, the LPR history) and compares their fingerprint with
 * the stamp's: one small read. When they differ — a calendar, SLA or LPR edit on any server, or a
 * deploy with a newer holiday package — the report rebuilds the table first, in one transaction,
 * so no edit path has to remember it and two servers cannot disagree.
 */
import { createRequire } from "node:module";

import { Prisma } from "@prisma/client";

import { db } from "~/db.server";
import {
  indicatorDayRows,
  indicatorDaysFingerprint,
  type IndicatorDayInputs,
} from "~/domain/indicator-days";
import type { ReduceContext } from "~/domain/indicators";
import { shanghaiDate } from "~/domain/shanghai-time";
import { createCalendar, type DayOverride } from "~/domain/working-days";
import { getSettings } from "~/models/settings.server";

/** The holiday package's name and version: its tables decide every day without an override. */
const HOLIDAY_TABLES = (() => {
  const { name, version } = createRequire(import.meta.url)("chinese-days/package.json") as {
    name: string;
    version: string;
  };
  return `${name}@${version}`;
})();

/** A report's calendar, SLA and LPR (its ReduceContext), and the fingerprint of those inputs. */
export async function loadReportCalendar(now: Date): Promise<{ context: ReduceContext; fingerprint: string }> {
  const [overrideRows, settings, lprRows] = await Promise.all([
    db.calendarOverride.findMany({ select: { date: true, kind: true } }),
    getSettings(),
    db.lprRate.findMany({ select: { effectiveOn: true, rateBp: true }, orderBy: { effectiveOn: "asc" } }),
  ]);
  const overrides = new Map(overrideRows.map((o) => [o.date, o.kind as DayOverride]));
  const inputs: IndicatorDayInputs = {
    holidayTables: HOLIDAY_TABLES,
    overrides,
    firstResponseDays: settings["sla.firstResponseWorkingDays"],
    lpr: lprRows.map((row) => ({ effectiveDay: shanghaiDate(row.effectiveOn), rateBp: row.rateBp })),
  };
  return {
    context: {
      calendar: createCalendar(overrides),
      firstResponseDays: inputs.firstResponseDays,
      today: shanghaiDate(now),
      lpr: inputs.lpr,
    },
    fingerprint: indicatorDaysFingerprint(inputs),
  };
}

const BATCH = 2000;

/**
 * Makes IndicatorDay the table of `context` (whose inputs have `fingerprint`), unless it is
 * already. Concurrent rebuilds queue on the stamp's row; the second finds the work done.
 */
export async function ensureIndicatorDays(context: ReduceContext, fingerprint: string): Promise<void> {
  const stamp = await db.indicatorDayStamp.findUnique({ where: { id: 1 } });
  if (stamp?.fingerprint === fingerprint) return;
  const rows = indicatorDayRows(context.calendar, context.firstResponseDays, context.lpr);
  await db.$transaction(
    async (tx) => {
      // the stamp's row exists, and this transaction holds it until it commits
      await tx.$executeRaw`INSERT INTO "IndicatorDayStamp" ("id", "fingerprint", "builtAt")
                           VALUES (1, '', ${new Date()}) ON CONFLICT ("id") DO NOTHING`;
      await tx.$executeRaw`UPDATE "IndicatorDayStamp" SET "id" = "id" WHERE "id" = 1`;
      const current = await tx.indicatorDayStamp.findUniqueOrThrow({ where: { id: 1 } });
      if (current.fingerprint === fingerprint) return;
      await tx.indicatorDay.deleteMany();
      for (let start = 0; start < rows.length; start += BATCH) {
        const values = rows
          .slice(start, start + BATCH)
          .map((r) => Prisma.sql`(${r.ordinal}, ${r.day}, ${r.workIndex}, ${r.deadline}, ${r.lprBp})`);
        await tx.$executeRaw`INSERT INTO "IndicatorDay" ("ordinal", "day", "workIndex", "deadline", "lprBp")
                             VALUES ${Prisma.join(values)}`;
      }
      await tx.indicatorDayStamp.update({ where: { id: 1 }, data: { fingerprint, builtAt: new Date() } });
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}
