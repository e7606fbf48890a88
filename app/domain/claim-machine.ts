/**
 * The 代偿申请 state machine (SPEC "The district's risk-compensation pool") and its review clock.
 *
 *   FILED ─approve(amount ≤ computed)─▶ APPROVED ─pay─▶ PAID
 *     │ ▲                                   (waits while the balance is short)
 *     │ └──refile (bank, more material)──┐
 *     ├─return (bureau, what is missing)─▶ RETURNED
 *     └─reject(reason)─▶ REJECTED
 *
 * The bureau reviews and pays; the bank files and refiles. A claim is reviewed within N working
 * days of its latest submission (a setting); a returned claim's clock starts again when the bank
 * refiles it.
 */
import type { WorkingDayCalendar } from "./working-days";
import {
  CLAIM_REJECT_REASONS,
  type ClaimAction,
  type ClaimRejectReason,
  type ClaimState,
} from "./risk-pool-codes";

export type ClaimActorRole = "BANK" | "GOV_BUREAU";

interface ClaimTransition {
  from: ClaimState;
  action: ClaimAction;
  to: ClaimState;
  role: ClaimActorRole;
}

export const CLAIM_TRANSITIONS: readonly ClaimTransition[] = [
  { from: "FILED", action: "approve", to: "APPROVED", role: "GOV_BUREAU" },
  { from: "FILED", action: "return", to: "RETURNED", role: "GOV_BUREAU" },
  { from: "FILED", action: "reject", to: "REJECTED", role: "GOV_BUREAU" },
  { from: "APPROVED", action: "pay", to: "PAID", role: "GOV_BUREAU" },
  { from: "RETURNED", action: "refile", to: "FILED", role: "BANK" },
];

export const FINAL_CLAIM_STATES: readonly ClaimState[] = ["PAID", "REJECTED"];

export type ClaimTransitionCheck =
  { ok: true; to: ClaimState } | { ok: false; error: "STALE_STATE" | "FORBIDDEN" };

/**
 * STALE_STATE: not a move from this state (usually someone acted first: "this claim has
 * changed"); FORBIDDEN: the move exists but not for this role.
 */
export function checkClaimTransition(
  state: ClaimState,
  action: ClaimAction,
  role: ClaimActorRole,
): ClaimTransitionCheck {
  const transition = CLAIM_TRANSITIONS.find((t) => t.from === state && t.action === action);
  if (!transition) return { ok: false, error: "STALE_STATE" };
  if (transition.role !== role) return { ok: false, error: "FORBIDDEN" };
  return { ok: true, to: transition.to };
}

/** The actions `role` may take on a claim in `state` (for buttons). */
export function claimActions(state: ClaimState, role: ClaimActorRole): ClaimAction[] {
  return CLAIM_TRANSITIONS.filter((t) => t.from === state && t.role === role).map((t) => t.action);
}

export type ApprovalProblem = "AMOUNT_NOT_POSITIVE" | "AMOUNT_OVER_COMPUTED";

/** The bureau may approve less than the rules compute (a partial loss), never more, never nothing. */
export function approvalProblem(amountFen: bigint, computedFen: bigint): ApprovalProblem | null {
  if (amountFen <= 0n) return "AMOUNT_NOT_POSITIVE";
  if (amountFen > computedFen) return "AMOUNT_OVER_COMPUTED";
  return null;
}

export function isClaimRejectReason(value: string): value is ClaimRejectReason {
  return (CLAIM_REJECT_REASONS as readonly string[]).includes(value);
}

/** A rejection carries a known reason; OTHER needs a text. */
export function rejectionProblem(
  reason: string,
  text: string | null | undefined,
): "REASON_REQUIRED" | "TEXT_REQUIRED" | null {
  if (!isClaimRejectReason(reason)) return "REASON_REQUIRED";
  if (reason === "OTHER" && !text?.trim()) return "TEXT_REQUIRED";
  return null;
}

export interface ClaimReviewClock {
  deadline: Date;
  overdue: boolean;
  /** working days after today up to the deadline (0 = due today); negative (≤ −1) when overdue */
  workingDaysLeft: number;
}

/**
 * The review clock of a claim awaiting the bureau (FILED), from its latest submission; null in
 * every other state (the bank holds a returned claim; a decided one has no clock).
 */
export function claimReviewClock(
  claim: { state: ClaimState; submittedAt: Date },
  now: Date,
  calendar: WorkingDayCalendar,
  reviewWorkingDays: number,
): ClaimReviewClock | null {
  if (claim.state !== "FILED") return null;
  const deadline = calendar.addWorkingDays(claim.submittedAt, reviewWorkingDays);
  const overdue = now.getTime() > deadline.getTime();
  const workingDaysLeft = overdue
    ? -Math.max(1, calendar.workingDaysBetween(deadline, now))
    : calendar.workingDaysBetween(now, deadline);
  return { deadline, overdue, workingDaysLeft };
}

/** The review SLA when the bureau has not set one: 20 working days. */
export const DEFAULT_CLAIM_REVIEW_WORKING_DAYS = 20;
