/**
 * Codes of the government pages that both the server and the browser need (status tabs,
 * form choices, the settings form). Kept out of the *.server modules: the classic compiler
 * empties those in the browser bundle.
 */
import type { SettingKey } from "./settings.server";

export const RECOMMENDATION_STATUSES = [
  "REQUESTED",
  "PENDING",
  "APPROVED",
  "REJECTED",
  "DECLINED",
  "WITHDRAWN",
] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

export const ENTRY_STATUSES = ["ACTIVE", "SUSPENDED", "REVOKED"] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export const OBJECTION_STATUSES = ["OPEN", "ACCEPTED", "REJECTED"] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];
export const OBJECTION_RESOLUTIONS = ["CORRECTED", "REPAIRED"] as const;

/** The roles the bureau manages; enterprise accounts belong to their firms. */
export const MANAGED_ROLES = ["BANK", "GOV_OFFICE", "GOV_BUREAU"] as const;
export type ManagedRole = (typeof MANAGED_ROLES)[number];

export const FIRM_SORTS = ["name", "createdAt", "size", "taxGrade"] as const;
export type FirmSort = (typeof FIRM_SORTS)[number];
export const WHITELIST_FILTERS = ["yes", "no"] as const;

/** A demand that got no offer within this many working days asks for a call (回访). */
export const NO_OFFER_WORKING_DAYS = 10;

/** Sane bounds of each setting the bureau edits (inclusive). */
export const SETTING_RANGES: Record<SettingKey, readonly [number, number]> = {
  "sla.firstResponseWorkingDays": [1, 30],
  "sla.decisionWorkingDays": [1, 60],
  "sla.whitelistDecisionCalendarDays": [1, 180],
  "credit.refreshMinIntervalMinutes": [1, 1440],
  "objection.answerCalendarDays": [1, 90],
  "claim.reviewWorkingDays": [1, 60],
  "invitation.validDays": [1, 365],
};
export const SETTING_KEYS = Object.keys(SETTING_RANGES) as SettingKey[];
