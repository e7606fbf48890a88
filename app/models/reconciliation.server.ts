/**
 * 对账: a bank's day as its system reconciles it (GET /api/v1/reconciliation/{date}): every
 * transition of its applications that day — the rows of the applications' timelines on the
 * screens — and every repayment reported for that day. Scoped to the actor's bank.
 */
import { db } from "~/db.server";
import { addDays, startOfShanghaiDay } from "~/domain/shanghai-time";

import type { BankActor } from "./actor";
import { eventData } from "./application-timeline.server";

export async function listBankDay(actor: BankActor, day: string) {
  const from = startOfShanghaiDay(day);
  const to = startOfShanghaiDay(addDays(day, 1));
  const [transitions, repayments] = await Promise.all([
    db.applicationEvent.findMany({
      where: { at: { gte: from, lt: to }, application: { bankId: actor.bankId } },
      select: {
        id: true,
        at: true,
        fromState: true,
        toState: true,
        data: true,
        actor: { select: { displayName: true } },
        application: { select: { number: true, enterprise: { select: { uscc: true, name: true } } } },
      },
      orderBy: [{ at: "asc" }, { id: "asc" }],
    }),
    db.repayment.findMany({
      where: { bankId: actor.bankId, paidOn: { gte: from, lt: to } },
      select: {
        id: true,
        reference: true,
        paidOn: true,
        createdAt: true,
        amountFen: true,
        principalFen: true,
        interestFen: true,
        kind: true,
        reportedBy: { select: { displayName: true } },
        loan: {
          select: {
            id: true,
            application: { select: { number: true } },
            enterprise: { select: { uscc: true, name: true } },
          },
        },
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  return {
    transitions: transitions.map((event) => ({ ...event, data: eventData(event.data) })),
    repayments,
  };
}
