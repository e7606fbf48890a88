import type { Prisma } from "@prisma/client";

import { db, type Db } from "~/db.server";
import { DEFAULT_SLA_SETTINGS, type SlaSettings } from "~/domain/application-machine";
import { DEFAULT_CLAIM_REVIEW_WORKING_DAYS } from "~/domain/claim-machine";
import { createCalendar, type DayOverride, type WorkingDayCalendar } from "~/domain/working-days";

/** Every setting the bureau can change, with its default when the row is missing. */
export const SETTING_DEFAULTS = {
  "sla.firstResponseWorkingDays": DEFAULT_SLA_SETTINGS.firstResponseWorkingDays,
  "sla.decisionWorkingDays": DEFAULT_SLA_SETTINGS.decisionWorkingDays,
  "sla.whitelistDecisionCalendarDays": DEFAULT_SLA_SETTINGS.whitelistDecisionCalendarDays,
  "credit.refreshMinIntervalMinutes": 60,
  "objection.answerCalendarDays": 20,
  "claim.reviewWorkingDays": DEFAULT_CLAIM_REVIEW_WORKING_DAYS,
  "invitation.validDays": 90,
  "alert.acknowledgeWorkingDays": 3,
  "credit.nightlyRequestsPerSecond": 5,
} as const;

export type SettingKey = keyof typeof SETTING_DEFAULTS;
export type Settings = { [K in SettingKey]: number } & { "commitment.version": string };

export const COMMITMENT_VERSION_DEFAULT = "2026-01";

export async function getSettings(
  client: Pick<Db, "setting"> | Prisma.TransactionClient = db,
): Promise<Settings> {
  const rows = await client.setting.findMany({ select: { key: true, value: true } });
  const stored = new Map(rows.map((row) => [row.key, row.value]));
  const settings = {
    "commitment.version": stored.get("commitment.version") ?? COMMITMENT_VERSION_DEFAULT,
  } as Settings;
  for (const [key, fallback] of Object.entries(SETTING_DEFAULTS) as [SettingKey, number][]) {
    const value = Number(stored.get(key));
    settings[key] = Number.isSafeInteger(value) && value > 0 ? value : fallback;
  }
  return settings;
}

export function slaSettingsOf(settings: Settings): SlaSettings {
  return {
    firstResponseWorkingDays: settings["sla.firstResponseWorkingDays"],
    decisionWorkingDays: settings["sla.decisionWorkingDays"],
    whitelistDecisionCalendarDays: settings["sla.whitelistDecisionCalendarDays"],
  };
}

type Client = Db | Prisma.TransactionClient;

/** The bureau's calendar overrides, day → HOLIDAY | WORKDAY. */
export async function getCalendarOverrides(client: Client = db): Promise<Map<string, DayOverride>> {
  const overrides = await client.calendarOverride.findMany({ select: { date: true, kind: true } });
  return new Map(overrides.map((o) => [o.date, o.kind as DayOverride]));
}

/** The working-day calendar: chinese-days' tables corrected by the bureau's overrides. */
export async function getCalendar(client: Client = db): Promise<WorkingDayCalendar> {
  return createCalendar(await getCalendarOverrides(client));
}
