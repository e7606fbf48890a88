/**
 * What a bank's system reads of its loans through /api/v1 beyond the screens' own reads
 * (`getLoan`, loan-view.server.ts): the loans in the order they last changed, for a system that
 * pulls what is new, and the claim it filed on a loan. Scoped to the bank like every loan query.
 */
import type { Prisma } from "@prisma/client";

import { db } from "~/db.server";

import type { BankActor } from "./actor";
import { changedAfterWhere, type ChangeWindow } from "./change-feed.server";
import { loanScopeWhere } from "./loan-view.server";

export const LOAN_SYNC_STATUSES = ["ACTIVE", "SETTLED"] as const;

/** The bank's loans by (updatedAt, id), after a cursor: each loan once per change. */
export async function listBankLoansByChange(
  actor: BankActor,
  { status, limit, ...window }: ChangeWindow & { status?: (typeof LOAN_SYNC_STATUSES)[number] },
) {
  const where: Prisma.LoanWhereInput = {
    AND: [loanScopeWhere(actor), status ? { status } : {}, ...changedAfterWhere(window)],
  };
  return db.loan.findMany({
    where,
    select: { id: true, updatedAt: true },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    take: limit,
  });
}

/** The claim on one of the bank's loans, with the figures it was filed on; null when there is none. */
export async function getBankClaimOfLoan(actor: BankActor, loanId: string) {
  return db.claim.findFirst({
    where: { loanId, bankId: actor.bankId },
    select: {
      id: true,
      loanId: true,
      state: true,
      principalAtClaimFen: true,
      daysPastDue: true,
      coverageBp: true,
      computedFen: true,
      submittedAt: true,
      materials: { select: { title: true }, orderBy: { addedAt: "asc" } },
    },
  });
}

/** The bank's filing of one of its loans; null when it is not filed. */
export async function getBankFilingOfLoan(actor: BankActor, loanId: string) {
  return db.filing.findFirst({
    where: { loanId, bankId: actor.bankId },
    select: { id: true, loanId: true, filedAt: true, principalFen: true },
  });
}
