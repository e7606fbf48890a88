/**
 * The history of a claim: one append-only ClaimEvent per transition, written in the transaction
 * of the transition itself.
 */
import type { Prisma } from "@prisma/client";

import type { ClaimState } from "~/domain/risk-pool-codes";

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
