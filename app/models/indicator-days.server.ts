/**
 * Keeps IndicatorDay (app/domain/indicator-days.ts) equal to its inputs: the calendar, the SLA
 * days, the LPR history and the holiday package. The bureau's edits of those rebuild it at once
 * (refreshIndicatorDays, app/models/admin.server.ts); and every report compares its inputs'
 * fingerprint with the stamp's (one small read) and rebuilds first when they differ — after a
 * deploy with a newer holiday package, or an edit whose rebuild did not happen — so no report
 * reads a table of other inputs than its own. A rebuild reads the inputs again under the
 * stamp's lock: it always builds from the newest committed ones, never back to what a slower
 * report had read before an edit.
 */
import { createRequire } from "node:module";

import { Prisma } from "@prisma/client";

import { db, type Db } from "~/db.server";
import { indicatorDayRows, indicatorDaysFingerprint, type IndicatorDayInputs } from "~/domain/indicator-days";
import type { ReduceContext } from "~/domain/indicators";
import { shanghaiDate } from "~/domain/shanghai-time";
import { CALENDAR_RULES_VERSION, createCalendar } from "~/domain/working-days";
import { getCalendarOverrides, getSettings } from "~/models/settings.server";

type Client = Db | Prisma.TransactionClient;

/**
 * What decides a day without an override: the holiday package's name and version, and the
 * version of our own rules around it (working-days.ts).
 */
const HOLIDAY_TABLES = (() => {
  const { name, version } = createRequire(import.meta.url)("chinese-days/package.json") as {
    name: string;
    version: string;
  };
  return `${name}@${version}+rules${CALENDAR_RULES_VERSION}`;
})();

async function readInputs(client: Client): Promise<IndicatorDayInputs> {
  const [overrides, settings, lprRows] = await Promise.all([
    getCalendarOverrides(client),
    getSettings(client),
    client.lprRate.findMany({ select: { effectiveOn: true, rateBp: true }, orderBy: { effectiveOn: "asc" } }),
  ]);
  return {
    holidayTables: HOLIDAY_TABLES,
    overrides,
    firstResponseDays: settings["sla.firstResponseWorkingDays"],
    lpr: lprRows.map((row) => ({ effectiveDay: shanghaiDate(row.effectiveOn), rateBp: row.rateBp })),
  };
}

/** A report's calendar, SLA and LPR (its ReduceContext), and the fingerprint of those inputs. */
export async function loadReportCalendar(
  now: Date,
): Promise<{ context: ReduceContext; fingerprint: string }> {
  const inputs = await readInputs(db);
  return {
    context: {
      calendar: createCalendar(inputs.overrides),
      firstResponseDays: inputs.firstResponseDays,
      today: shanghaiDate(now),
      lpr: inputs.lpr,
    },
    fingerprint: indicatorDaysFingerprint(inputs),
  };
}

const BATCH = 2000;

/**
 * Rebuilds IndicatorDay from the current inputs unless the stamp already has their fingerprint.
 * With `fingerprint` (a report's), nothing is done while the stamp has it. Concurrent rebuilds
 * queue on the stamp's row; the second finds the work done. Returns whether it rebuilt.
 */
export async function ensureIndicatorDays(fingerprint?: string): Promise<boolean> {
  if (fingerprint) {
    const stamp = await db.indicatorDayStamp.findUnique({ where: { id: 1 } });
    if (stamp?.fingerprint === fingerprint) return false;
  }
  return db.$transaction(
    async (tx) => {
      // the stamp's row exists, and this transaction holds it until it commits
      await tx.$executeRaw`INSERT INTO "IndicatorDayStamp" ("id", "fingerprint", "builtAt")
                           VALUES (1, '', ${new Date()}) ON CONFLICT ("id") DO NOTHING`;
      await tx.$executeRaw`UPDATE "IndicatorDayStamp" SET "id" = "id" WHERE "id" = 1`;
      const inputs = await readInputs(tx);
      const current = indicatorDaysFingerprint(inputs);
      const stamp = await tx.indicatorDayStamp.findUniqueOrThrow({ where: { id: 1 } });
      if (stamp.fingerprint === current) return false;
      const calendar = createCalendar(inputs.overrides);
      const rows = indicatorDayRows(calendar, inputs.firstResponseDays, inputs.lpr);
      await tx.indicatorDay.deleteMany();
      for (let start = 0; start < rows.length; start += BATCH) {
        const values = rows
          .slice(start, start + BATCH)
          .map((r) => Prisma.sql`(${r.ordinal}, ${r.day}, ${r.workIndex}, ${r.deadline}, ${r.lprBp})`);
        await tx.$executeRaw`INSERT INTO "IndicatorDay" ("ordinal", "day", "workIndex", "deadline", "lprBp")
                             VALUES ${Prisma.join(values)}`;
      }
      await tx.indicatorDayStamp.update({
        where: { id: 1 },
        data: { fingerprint: current, builtAt: new Date() },
      });
      return true;
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

/**
 * After an edit of the calendar, the SLA days or the LPR (committed): the table follows at once.
 * A failure here does not fail the edit — the next report finds the fingerprint changed and
 * rebuilds.
 */
export async function refreshIndicatorDays(): Promise<void> {
  try {
    await ensureIndicatorDays();
  } catch (error) {
    console.error("indicator day table not rebuilt after an edit (the next report will):", error);
  }
}
