/**
 * What the pool needs to know about a loan, read in one query: its terms, the firm's size and
 * whitelist standing, the product's guarantee type, and how far past due it is. Filing, claims
 * and the suspension check all read loans through here, scoped to the bank that made them.
 */
import type { Prisma } from "@prisma/client";

import type { FilingSubject } from "~/domain/risk-pool";
import { daysPastDueFrom } from "~/domain/loan-servicing";
import { addDays, shanghaiDate, startOfShanghaiDay } from "~/domain/shanghai-time";

export const poolLoanSelect = {
  id: true,
  bankId: true,
  enterpriseId: true,
  principalFen: true,
  outstandingPrincipalFen: true,
  disbursedOn: true,
  status: true,
  oldestUnpaidDueOn: true,
  firstLoan: true,
  product: { select: { guaranteeType: true } },
  enterprise: { select: { name: true, size: true, whitelistedUntil: true } },
  application: { select: { number: true, whitelisted: true } },
} satisfies Prisma.LoanSelect;

export type PoolLoan = Prisma.LoanGetPayload<{ select: typeof poolLoanSelect }>;

/** Days past due on `today` (Shanghai): days since the earliest due date with an unpaid amount. */
export function daysPastDue(oldestUnpaidDueOn: Date | null, today: string): number {
  return daysPastDueFrom(oldestUnpaidDueOn && shanghaiDate(oldestUnpaidDueOn), today);
}

/**
 * Loans at least `days` past due on `today`: their earliest unpaid due day is on or before
 * today − days, i.e. before the start of the day after. True whether due dates are stored as the
 * Shanghai or the UTC midnight of their day.
 */
export function pastDueWhere(today: string, days = 1): Prisma.LoanWhereInput {
  return { oldestUnpaidDueOn: { lt: startOfShanghaiDay(addDays(today, 1 - days)) } };
}

/** The loan as the filing rules see it. */
export function filingSubjectOf(loan: PoolLoan, now: Date): FilingSubject {
  const whitelistedNow = loan.enterprise.whitelistedUntil !== null && loan.enterprise.whitelistedUntil > now;
  return {
    principalFen: loan.principalFen,
    guaranteeType: loan.product.guaranteeType,
    disbursedOn: shanghaiDate(loan.disbursedOn),
    firmSize: loan.enterprise.size,
    whitelisted: loan.application.whitelisted || whitelistedNow,
    settled: loan.status !== "ACTIVE",
  };
}
