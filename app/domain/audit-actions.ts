/** The audit trail's action codes and the filter groups (shared by the server and the reader page). */

/** The actions written to the audit log; an export is "export.<what>". */
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
  "pool.deposit",
  "pool.compensation",
  "pool.recoveryReceived",
  "pool.rule.create",
  "pool.filing",
  "pool.claim.file",
  "pool.claim.refile",
  "pool.claim.approve",
  "pool.claim.return",
  "pool.claim.reject",
  "pool.recoveryAction",
  "pool.recovery",
  "pool.suspension.start",
  "pool.suspension.end",
  "pool.suspension.lift",
  "export.funnel",
  "notice.create",
  "notice.update",
  "notice.publish",
  "notice.withdraw",
  "training.create",
  "webhook.endpointSet",
  "webhook.redeliver",
  "job.run",
  "apiClient.issue",
  "apiClient.rotate",
  "apiClient.revoke",
  /** a bank system's POST/PUT/DELETE through /api/v1 (the client's key in the detail) */
  "api.write",
  /** a bank acknowledges a credit alert (贷后预警) with the action it took */
  "alert.acknowledge",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Groups offered by the filter: a value ending in "." matches every action it begins.
 */
export const AUDIT_ACTION_GROUPS = [
  "login.",
  "account.",
  "credit.",
  "export.",
  "notice.",
  "apiClient.",
  "api.",
  "pool.",
] as const;
export const AUDIT_FILTERS = [...AUDIT_ACTION_GROUPS, ...AUDIT_ACTIONS] as const;
export type AuditFilter = (typeof AUDIT_FILTERS)[number];
