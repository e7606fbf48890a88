/**
 * The 融资申请 state machine (SPEC "Application state machine") and its SLA
 * clocks.
 *
 *   SUBMITTED ─accept─▶ ACCEPTED ─approve─▶ APPROVED ─disburse─▶ DISBURSED
 *       │ reject / withdraw   │ reject / withdraw   │ cancel
 *       ▼                     ▼                     ▼
 *   REJECTED · WITHDRAWN   REJECTED · WITHDRAWN   CANCELLED
 *
 * Roles here are the actor's role on THIS application: "BANK" means an officer
 * of the bank the application is addressed to, "ENTERPRISE" a user of the
 * applying firm. Checking that relationship is the model's job.
 *
 * Cancel from APPROVED is open to both sides: the firm declines the offer
 * (reason FIRM_DECLINED, the only reason it may give), or the bank calls off
 * an approved loan before disbursement (any reason code). Government roles
 * only read.
 */
// Only the calendar's type from working-days, so UI code that imports this
// module for its action lists does not pull the holiday tables into the browser.
import { calendarDaysBetween } from "./shanghai-time";
import type { WorkingDayCalendar } from "./working-days";

export const APPLICATION_STATES = [
  "SUBMITTED",
  "ACCEPTED",
  "APPROVED",
  "DISBURSED",
  "REJECTED",
  "WITHDRAWN",
  "CANCELLED",
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const APPLICATION_ACTIONS = ["accept", "approve", "reject", "disburse", "withdraw", "cancel"] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

export type ActorRole = "ENTERPRISE" | "BANK" | "GOV_OFFICE" | "GOV_BUREAU";

export const TERMINAL_STATES: readonly ApplicationState[] = [
  "DISBURSED",
  "REJECTED",
  "WITHDRAWN",
  "CANCELLED",
];

/** Not yet decided: the firm may still withdraw. */
export const UNDECIDED_STATES: readonly ApplicationState[] = ["SUBMITTED", "ACCEPTED"];

export const REJECT_REASONS = [
  "INSUFFICIENT_CREDIT_HISTORY",
  "HIGH_LEVERAGE",
  "NO_COLLATERAL",
  "OUTSIDE_PRODUCT_POLICY",
  "DISHONESTY_LIST",
  "INCOMPLETE_MATERIALS",
  "FIRM_DECLINED",
  "OTHER",
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

interface Transition {
  from: ApplicationState;
  action: ApplicationAction;
  to: ApplicationState;
  roles: readonly ActorRole[];
}

export const TRANSITIONS: readonly Transition[] = [
  { from: "SUBMITTED", action: "accept", to: "ACCEPTED", roles: ["BANK"] },
  { from: "SUBMITTED", action: "reject", to: "REJECTED", roles: ["BANK"] },
  { from: "SUBMITTED", action: "withdraw", to: "WITHDRAWN", roles: ["ENTERPRISE"] },
  { from: "ACCEPTED", action: "approve", to: "APPROVED", roles: ["BANK"] },
  { from: "ACCEPTED", action: "reject", to: "REJECTED", roles: ["BANK"] },
  { from: "ACCEPTED", action: "withdraw", to: "WITHDRAWN", roles: ["ENTERPRISE"] },
  { from: "APPROVED", action: "disburse", to: "DISBURSED", roles: ["BANK"] },
  { from: "APPROVED", action: "cancel", to: "CANCELLED", roles: ["BANK", "ENTERPRISE"] },
];

function findTransition(state: ApplicationState, action: ApplicationAction): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === state && t.action === action);
}

export function isTerminal(state: ApplicationState): boolean {
  return TERMINAL_STATES.includes(state);
}

/** The state `action` leads to from `state`, or null when it is not a move of the machine. */
export function nextState(state: ApplicationState, action: ApplicationAction): ApplicationState | null {
  return findTransition(state, action)?.to ?? null;
}

/** The actions `role` may take on an application in `state` (for buttons and checks). */
export function allowedActions(state: ApplicationState, role: ActorRole): ApplicationAction[] {
  return TRANSITIONS.filter((t) => t.from === state && t.roles.includes(role)).map((t) => t.action);
}

/**
 * STALE_STATE: the action is no move from this state — usually someone else
 * changed the application first, so answer "this application has changed".
 * FORBIDDEN: the move exists but this role may not make it (403).
 */
export type TransitionCheck =
  { ok: true; to: ApplicationState } | { ok: false; error: "STALE_STATE" | "FORBIDDEN" };

export function checkTransition(
  state: ApplicationState,
  action: ApplicationAction,
  role: ActorRole,
): TransitionCheck {
  const transition = findTransition(state, action);
  if (!transition) return { ok: false, error: "STALE_STATE" };
  if (!transition.roles.includes(role)) return { ok: false, error: "FORBIDDEN" };
  return { ok: true, to: transition.to };
}

/** reject and cancel must carry a reason code. */
export function actionNeedsReason(action: ApplicationAction): boolean {
  return action === "reject" || action === "cancel";
}

/** The reason codes `role` may give for `action` ([] when the action takes no reason). */
export function reasonsFor(action: ApplicationAction, role: ActorRole): readonly RejectReason[] {
  if (action === "reject" && role === "BANK") return REJECT_REASONS;
  if (action === "cancel" && role === "BANK") return REJECT_REASONS;
  if (action === "cancel" && role === "ENTERPRISE") return ["FIRM_DECLINED"];
  return [];
}

/** OTHER needs a free-text explanation. */
export function reasonNeedsText(reason: RejectReason): boolean {
  return reason === "OTHER";
}

export type ReasonProblem = "REASON_REQUIRED" | "REASON_NOT_ALLOWED" | "TEXT_REQUIRED" | "UNEXPECTED_REASON";

/** Checks the reason part of a transition request; null when it is fine. */
export function reasonProblem(
  action: ApplicationAction,
  role: ActorRole,
  reason: { code?: string | null; text?: string | null } = {},
): ReasonProblem | null {
  const code = reason.code ?? "";
  if (!actionNeedsReason(action)) return code ? "UNEXPECTED_REASON" : null;
  if (!code) return "REASON_REQUIRED";
  const allowed = reasonsFor(action, role) as readonly string[];
  if (!allowed.includes(code)) return "REASON_NOT_ALLOWED";
  if (reasonNeedsText(code as RejectReason) && !reason.text?.trim()) return "TEXT_REQUIRED";
  return null;
}

// ---------------------------------------------------------------------------
// SLA clocks

export interface SlaSettings {
  /** First response (accept or reject) within this many working days of submission. */
  firstResponseWorkingDays: number;
  /** Decision (approve or reject) within this many working days of acceptance. */
  decisionWorkingDays: number;
  /** Whitelisted firms: decision within this many calendar days of submission. */
  whitelistDecisionCalendarDays: number;
}

export const DEFAULT_SLA_SETTINGS: SlaSettings = {
  firstResponseWorkingDays: 3,
  decisionWorkingDays: 10,
  whitelistDecisionCalendarDays: 30,
};

export interface SlaSubject {
  state: ApplicationState;
  submittedAt: Date;
  /** When the bank accepted; an application born from an accepted offer may leave it null (submittedAt is used). */
  acceptedAt?: Date | null;
  /** The firm was on the whitelist when it applied. */
  whitelisted: boolean;
}

export type SlaClock = "FIRST_RESPONSE" | "DECISION";

export interface SlaStatus {
  clock: SlaClock;
  /** How the deadline was counted. */
  basis: "WORKING_DAYS" | "CALENDAR_DAYS";
  startedAt: Date;
  /** End (23:59:59.999 Shanghai) of the last day allowed. */
  deadline: Date;
  overdue: boolean;
  /**
   * Working days after today up to the deadline day: 0 means "due today".
   * Negative when overdue, and then at least −1 even on a weekend after the
   * deadline, so an overdue application never reads as "0 days left".
   */
  workingDaysLeft: number;
  /** The same in calendar days (what the whitelist clock is measured in). */
  calendarDaysLeft: number;
}

/** Deadline for the first response to an application submitted at `submittedAt`. */
export function firstResponseDeadline(
  submittedAt: Date,
  calendar: WorkingDayCalendar,
  settings: SlaSettings = DEFAULT_SLA_SETTINGS,
): Date {
  return calendar.addWorkingDays(submittedAt, settings.firstResponseWorkingDays);
}

/** Deadline for the credit decision, and how it is counted. */
export function decisionDeadline(
  subject: Omit<SlaSubject, "state">,
  calendar: WorkingDayCalendar,
  settings: SlaSettings = DEFAULT_SLA_SETTINGS,
): { startedAt: Date; deadline: Date; basis: SlaStatus["basis"] } {
  if (subject.whitelisted) {
    return {
      startedAt: subject.submittedAt,
      deadline: calendar.addCalendarDays(subject.submittedAt, settings.whitelistDecisionCalendarDays),
      basis: "CALENDAR_DAYS",
    };
  }
  const startedAt = subject.acceptedAt ?? subject.submittedAt;
  return {
    startedAt,
    deadline: calendar.addWorkingDays(startedAt, settings.decisionWorkingDays),
    basis: "WORKING_DAYS",
  };
}

/** Whether an answer given at `answeredAt` met `deadline` (for the indicators). */
export function metDeadline(answeredAt: Date, deadline: Date): boolean {
  return answeredAt.getTime() <= deadline.getTime();
}

/**
 * The clock running on an application at `now`: FIRST_RESPONSE while
 * SUBMITTED, DECISION while ACCEPTED, null once the bank has decided or the
 * application has ended.
 */
export function slaStatus(
  application: SlaSubject,
  now: Date,
  calendar: WorkingDayCalendar,
  settings: SlaSettings = DEFAULT_SLA_SETTINGS,
): SlaStatus | null {
  let clock: SlaClock;
  let timing: { startedAt: Date; deadline: Date; basis: SlaStatus["basis"] };
  if (application.state === "SUBMITTED") {
    clock = "FIRST_RESPONSE";
    timing = {
      startedAt: application.submittedAt,
      deadline: firstResponseDeadline(application.submittedAt, calendar, settings),
      basis: "WORKING_DAYS",
    };
  } else if (application.state === "ACCEPTED") {
    clock = "DECISION";
    timing = decisionDeadline(application, calendar, settings);
  } else {
    return null;
  }

  const overdue = now.getTime() > timing.deadline.getTime();
  const workingDaysLeft = overdue
    ? -Math.max(1, calendar.workingDaysBetween(timing.deadline, now))
    : calendar.workingDaysBetween(now, timing.deadline);
  const calendarDaysLeft = overdue
    ? -calendarDaysBetween(timing.deadline, now)
    : calendarDaysBetween(now, timing.deadline);
  return { clock, ...timing, overdue, workingDaysLeft, calendarDaysLeft };
}
