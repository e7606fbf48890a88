/** The audit trail's action codes and the filter groups (shared by the server and the reader page). */

/** The actions written today; an export is "<what>.export" or "export.<what>". */
export const AUDIT_ACTIONS = [
  "login.success",
  "login.failure",
  "login.lockout",
  "logout",
  "account.create",
  "account.disable",
  "account.enable",
  "account.unlock",
  "account.resetPassword",
  "account.passwordChange",
  "account.passwordChangeFailure",
  "session.revokeOthers",
  "credit.view",
  "indicators.export",
  "subDistrict.create",
  "subDistrict.update",
  "bank.create",
  "bank.update",
  "lpr.create",
  "lpr.correct",
  "calendar.add",
  "calendar.remove",
  "settings.update",
  "export.indicators",
] as const;

/**
 * Groups offered by the filter: a value ending in "." matches every action it begins; "export."
 * also matches every action ending in ".export".
 */
export const AUDIT_ACTION_GROUPS = ["login.", "account.", "credit.", "export."] as const;
export const AUDIT_FILTERS = [...AUDIT_ACTION_GROUPS, ...AUDIT_ACTIONS] as const;
export type AuditFilter = (typeof AUDIT_FILTERS)[number];
