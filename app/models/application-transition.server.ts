import type { Prisma } from "@prisma/client";

import { db } from "~/db.server";
import {
  checkTransition,
  reasonProblem,
  type ApplicationAction,
  type ApplicationState,
} from "~/domain/application-machine";
import type { DecisionInput } from "~/domain/decision-rules";
import { termsProblem } from "~/domain/loan-schedule";
import { shanghaiDate } from "~/domain/shanghai-time";

import type { BankActor, EnterpriseActor } from "./actor";
import { refreshAuthorisedUntil } from "./authorization.server";
import { queueRules, refreshFollowUpRejectedAt, refreshSlaDueAt } from "./gov-queues.server";
import { updateWithFirmRollups } from "./indicator-rollup.server";
import { openLoan, RenewalRefused } from "./loan.server";
import { emitApplicationEvent } from "./bank-events.server";
import { notify } from "./notification.server";

/** The bank's decisions (decision-rules.ts parses them from its form) and the firm's withdrawal. */
export type TransitionInput = DecisionInput | { action: "withdraw" };

export type TransitionResult =
  | { ok: true; state: ApplicationState; version: number }
  | {
      ok: false;
      error:
        "NOT_FOUND" | "FORBIDDEN" | "CHANGED" | "INVALID_REASON" | "INVALID_LOAN_TERMS" | "RENEWAL_REFUSED";
    };

/** Thrown inside the transaction to roll it back when the conditional update found nothing. */
class Changed extends Error {}

const ENDS_AUTHORIZATION: readonly ApplicationState[] = ["REJECTED", "WITHDRAWN", "CANCELLED"];

function fieldsFor(input: TransitionInput, to: ApplicationState, now: Date, firstResponse: boolean) {
  const data: Prisma.ApplicationUpdateManyMutationInput = { state: to, version: { increment: 1 } };
  if (firstResponse && (input.action === "accept" || input.action === "reject")) data.firstResponseAt = now;
  switch (input.action) {
    case "accept":
      data.acceptedAt = now;
      break;
    case "approve":
      data.decidedAt = now;
      data.approvedAmountYuan = input.amountYuan;
      data.approvedRateBp = input.rateBp;
      data.approvedTermMonths = input.termMonths;
      break;
    case "reject":
      data.decidedAt = now;
      data.rejectReason = input.reason;
      data.rejectText = input.text?.trim() || null;
      data.closedAt = now;
      break;
    case "disburse":
      data.disbursedAt = input.disbursedAt;
      data.disbursedAmountYuan = input.amountYuan;
      data.disbursedRateBp = input.rateBp;
      data.closedAt = now;
      break;
    case "withdraw":
      data.closedAt = now;
      break;
    case "cancel":
      data.rejectReason = input.reason;
      data.rejectText = input.text?.trim() || null;
      data.closedAt = now;
      break;
  }
  return data;
}

function eventData(input: TransitionInput) {
  const { action: _action, ...rest } = input;
  return JSON.stringify(rest);
}

/**
 * Moves an application one step of the state machine for the bank or firm it belongs to.
 *
 * The move is a conditional update on (id, state, version): when two officers — or a double
 * click — act at once, exactly one update matches; the other gets CHANGED and writes
 * nothing. The event row, the side effects and the notification are in the same transaction.
 */
export async function transitionApplication({
  applicationId,
  actor,
  input,
  expectedVersion,
  now = new Date(),
}: {
  applicationId: string;
  actor: BankActor | EnterpriseActor;
  input: TransitionInput;
  /** the version the user saw; when given, a change since then is CHANGED even if the move is still legal */
  expectedVersion?: number;
  now?: Date;
}): Promise<TransitionResult> {
  const ownership = actor.role === "BANK" ? { bankId: actor.bankId } : { enterpriseId: actor.enterpriseId };
  const application = await db.application.findFirst({
    where: { id: applicationId, ...ownership },
    select: {
      id: true,
      number: true,
      state: true,
      version: true,
      bankId: true,
      enterpriseId: true,
      productId: true,
      approvedTermMonths: true,
      // what the update may replace that the rollups read (updateWithFirmRollups)
      firstResponseAt: true,
      decidedAt: true,
      approvedAmountYuan: true,
      rejectReason: true,
      disbursedAt: true,
      disbursedAmountYuan: true,
      disbursedRateBp: true,
      firstLoan: true,
      product: { select: { name: true } },
      enterprise: { select: { name: true, hadBankLoan: true } },
    },
  });
  if (!application) return { ok: false, error: "NOT_FOUND" };
  if (expectedVersion !== undefined && expectedVersion !== application.version)
    return { ok: false, error: "CHANGED" };

  const action: ApplicationAction = input.action;
  const check = checkTransition(application.state as ApplicationState, action, actor.role);
  if (!check.ok) return { ok: false, error: check.error === "FORBIDDEN" ? "FORBIDDEN" : "CHANGED" };
  if ("reason" in input && reasonProblem(action, actor.role, { code: input.reason, text: input.text })) {
    return { ok: false, error: "INVALID_REASON" };
  }
  if (!("reason" in input) && reasonProblem(action, actor.role, {}))
    return { ok: false, error: "INVALID_REASON" };

  const to = check.to;
  const loanTerms =
    input.action === "disburse"
      ? {
          principalFen: BigInt(input.amountYuan) * 100n,
          rateBp: input.rateBp,
          termMonths: application.approvedTermMonths ?? 0,
          disbursedOn: shanghaiDate(input.disbursedAt),
          method: input.repaymentMethod,
        }
      : null;
  if (loanTerms && termsProblem(loanTerms)) return { ok: false, error: "INVALID_LOAN_TERMS" };
  // read before the transaction (through db): the SLA deadline the government queues index
  const rules = await queueRules();
  try {
    await db.$transaction(async (tx) => {
      // The indicator rollups move with the application, in this transaction (decision 020).
      const data = fieldsFor(input, to, now, application.firstResponseAt === null);
      const update = {
        enterpriseId: application.enterpriseId,
        applicationId: application.id,
        data,
        previous: application,
      };
      await updateWithFirmRollups(tx, update, async () => {
        if (input.action === "disburse") {
          const earlier = await tx.application.count({
            where: {
              enterpriseId: application.enterpriseId,
              state: "DISBURSED",
              id: { not: application.id },
            },
          });
          data.firstLoan = earlier === 0 && !application.enterprise.hadBankLoan;
        }
        const updated = await tx.application.updateMany({
          where: { id: application.id, state: application.state, version: application.version },
          data,
        });
        if (updated.count !== 1) throw new Changed();
        if (input.action === "disburse" && loanTerms) {
          // The loan opens with the disbursement: never a DISBURSED application without its loan.
          await openLoan(tx, {
            applicationId: application.id,
            enterpriseId: application.enterpriseId,
            bankId: application.bankId,
            productId: application.productId,
            principalYuan: input.amountYuan,
            rateBp: input.rateBp,
            termMonths: loanTerms.termMonths,
            disbursedOn: loanTerms.disbursedOn,
            method: input.repaymentMethod,
            firstLoan: data.firstLoan === true,
            renewal: input.renewal,
          });
          // the bank's answer to a renewal request (ordinary renewal or 无还本续贷)
          if (input.renewal)
            await tx.renewalRequest.updateMany({
              where: { applicationId: application.id, loanId: input.renewal.loanId },
              data: { kind: input.renewal.kind },
            });
        }
      });
      // what the government queues filter on (gov-queues.server.ts)
      await refreshSlaDueAt(tx, application.id, rules);
      if (to === "REJECTED") await refreshFollowUpRejectedAt(tx, application.enterpriseId);
      await tx.applicationEvent.create({
        data: {
          applicationId: application.id,
          actorId: actor.id,
          fromState: application.state,
          toState: to,
          at: now,
          data: eventData(input),
        },
      });
      if (ENDS_AUTHORIZATION.includes(to)) {
        const ended = await tx.authorization.updateMany({
          where: { applicationId: application.id, revokedAt: null },
          data: { revokedAt: now },
        });
        if (ended.count) await refreshAuthorisedUntil(tx, application.enterpriseId);
      }
      const message = {
        kind: `application.${to}`,
        params: {
          number: application.number,
          product: application.product.name,
          enterprise: application.enterprise.name,
        },
        link:
          actor.role === "BANK"
            ? `/enterprise/applications/${application.id}`
            : `/bank/applications/${application.id}`,
      };
      if (actor.role === "BANK") await notify.enterprise(tx, application.enterpriseId, message);
      else await notify.bank(tx, application.bankId, message);
      await emitApplicationEvent(tx, {
        applicationId: application.id,
        from: application.state,
        to,
        by: actor.role,
        now,
      });
    });
  } catch (error) {
    if (error instanceof Changed) return { ok: false, error: "CHANGED" };
    if (error instanceof RenewalRefused) return { ok: false, error: "RENEWAL_REFUSED" };
    throw error;
  }
  return { ok: true, state: to, version: application.version + 1 };
}
