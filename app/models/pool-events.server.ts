/**
 * The history of a claim: one append-only ClaimEvent per transition, and the `claim.decided`
 * event for the bank's system, each written in the transaction of the transition itself.
 */
import type { Prisma } from "@prisma/client";

import { fenToYuanInput as fenToYuanString } from "~/domain/money-fen";
import type { ClaimState } from "~/domain/risk-pool-codes";
import { shanghaiIsoTime } from "~/domain/webhook-events";

import { recordEvent } from "./webhook-event.server";

export async function recordClaimEvent(
  tx: Prisma.TransactionClient,
  event: {
    claimId: string;
    actorId: string | null;
    fromState: ClaimState | null;
    toState: ClaimState;
    at: Date;
    data?: Record<string, string | number | null>;
  },
) {
  await tx.claimEvent.create({
    data: {
      claimId: event.claimId,
      actorId: event.actorId,
      fromState: event.fromState,
      toState: event.toState,
      at: event.at,
      data: JSON.stringify(event.data ?? {}),
    },
  });
}

/**
 * `claim.decided` for the claim's bank (SPEC webhooks), in the transaction of the decision: the
 * bureau approved, returned or rejected the claim, or the pool paid it. Ordered per claim.
 */
export async function recordClaimDecided(tx: Prisma.TransactionClient, claimId: string, now: Date) {
  const c = await tx.claim.findUniqueOrThrow({
    where: { id: claimId },
    select: {
      id: true,
      bankId: true,
      state: true,
      version: true,
      principalAtClaimFen: true,
      daysPastDue: true,
      coverageBp: true,
      computedFen: true,
      approvedFen: true,
      paidAt: true,
      decidedAt: true,
      returnNote: true,
      rejectReason: true,
      rejectText: true,
      loan: {
        select: {
          id: true,
          application: { select: { number: true } },
          enterprise: { select: { uscc: true, name: true } },
        },
      },
    },
  });
  await recordEvent(tx, {
    type: "claim.decided",
    bankIds: [c.bankId],
    orderingKey: `claim:${c.id}`,
    now,
    data: {
      claimId: c.id,
      loanId: c.loan.id,
      applicationNumber: c.loan.application.number,
      enterprise: { uscc: c.loan.enterprise.uscc, name: c.loan.enterprise.name },
      state: c.state,
      version: c.version,
      principalAtClaim: fenToYuanString(c.principalAtClaimFen),
      daysPastDue: c.daysPastDue,
      coverageBp: c.coverageBp,
      computed: fenToYuanString(c.computedFen),
      approved: c.approvedFen === null ? null : fenToYuanString(c.approvedFen),
      paidAt: c.paidAt ? shanghaiIsoTime(c.paidAt) : null,
      returnNote: c.state === "RETURNED" ? c.returnNote : null,
      rejection: c.rejectReason ? { reasonCode: c.rejectReason, reasonText: c.rejectText } : null,
      decidedAt: shanghaiIsoTime(now),
    },
  });
}
