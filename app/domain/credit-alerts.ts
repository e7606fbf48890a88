/**
 * 贷后预警 on the bank's desk (SPEC "Early warning and renewals"): what a bank answers to a credit
 * alert, and where an alert stands against its acknowledgement deadline. Pure: the models and the
 * pages read the rows, this module says what they mean.
 */

import { CREDIT_CHANGE_KINDS } from "./credit-changes";
import { parseChoice, parseListQuery, parseSearch } from "./list-query";

/** What the bank did about an alert: none, contacted the firm, adjusted the limit, recalled early, other (+ text). */
export const ALERT_ACTIONS = ["NONE", "CONTACTED", "LIMIT_ADJUSTED", "RECALLED", "OTHER"] as const;
export type AlertAction = (typeof ALERT_ACTIONS)[number];

/** The longest note an acknowledgement keeps. */
export const ALERT_NOTE_MAX = 500;

/**
 * OPEN: not acknowledged, deadline ahead; OVERDUE: not acknowledged, deadline passed;
 * ACKNOWLEDGED: acknowledged by the deadline; LATE: acknowledged after it.
 */
export type AlertStanding = "OPEN" | "OVERDUE" | "ACKNOWLEDGED" | "LATE";

/** The list filters of the bank's page. */
export const ALERT_STATUS_FILTERS = ["open", "overdue", "acknowledged"] as const;
export type AlertStatusFilter = (typeof ALERT_STATUS_FILTERS)[number];

export const ALERT_SORTS = ["detectedAt", "dueAt", "enterprise", "kind"] as const;
export type AlertSort = (typeof ALERT_SORTS)[number];

/** The filters, sort and page of an alerts list (the bank's desk, the government's summary): newest first. */
export function parseAlertQuery(params: URLSearchParams) {
  const { page, sort } = parseListQuery(params, ALERT_SORTS, { key: "detectedAt", dir: "desc" });
  return {
    status: parseChoice(ALERT_STATUS_FILTERS, params.get("status")),
    kind: parseChoice(CREDIT_CHANGE_KINDS, params.get("kind")),
    q: parseSearch(params.get("q")),
    sort,
    page,
  };
}

export function alertStanding(
  alert: { dueAt: Date | string; acknowledgedAt: Date | string | null },
  now: Date,
): AlertStanding {
  const due = new Date(alert.dueAt).getTime();
  if (alert.acknowledgedAt === null) return now.getTime() > due ? "OVERDUE" : "OPEN";
  return new Date(alert.acknowledgedAt).getTime() > due ? "LATE" : "ACKNOWLEDGED";
}

/** Whether an acknowledgement counts as late in the league table (late, or still unanswered past the deadline). */
export function isLateAcknowledgement(
  alert: { dueAt: Date | string; acknowledgedAt: Date | string | null },
  now: Date,
): boolean {
  const standing = alertStanding(alert, now);
  return standing === "LATE" || standing === "OVERDUE";
}

/**
 * The acknowledgement a bank submits, checked: the action from the list, a note required for
 * OTHER (optional otherwise), at most ALERT_NOTE_MAX characters. Answers the catalogue key of the
 * note's problem, or null.
 */
export function acknowledgementProblem(action: AlertAction, note: string): string | null {
  if (note.length > ALERT_NOTE_MAX) return "alerts.errors.noteTooLong";
  if (action === "OTHER" && note.trim().length === 0) return "alerts.errors.noteRequired";
  return null;
}

/** The link that opens the firm's objection form on the record an alert is about (null: nothing to object to). */
export function objectionLink(alert: { source: string; recordKey: string | null }): string | null {
  if (!alert.recordKey) return null;
  return `/enterprise/credit?record=${encodeURIComponent(`${alert.source}::${alert.recordKey}`)}#objection`;
}
