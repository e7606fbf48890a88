/**
 * 备案: a bank files one of its loans with the pool. The refusal lists every reason at once
 * (domain/risk-pool.ts `filingRefusals`); nothing is stored for a refused filing.
 */
import type { Prisma } from "@prisma/client";

import { db } from "~/db.server";
import { lockRow } from "~/db/row-lock.server";
import type { FilingRefusal } from "~/domain/risk-pool-codes";
import { filingRefusals, ruleForDay } from "~/domain/risk-pool";
import { shanghaiDate } from "~/domain/shanghai-time";

import type { AuditedActor, BankActor } from "./actor";
import { recordAudit } from "./audit.server";
import { bankStanding, checkBankSuspension } from "./bank-suspension.server";
import { filingSubjectOf, poolLoanSelect } from "./pool-loan.server";
import { listRuleTerms } from "./pool-rule.server";

export type FilingResult =
  | { ok: true; filingId: string }
  | { ok: false; error: "NOT_FOUND" | "ALREADY_FILED" }
  | { ok: false; error: "REFUSED"; reasons: FilingRefusal[] };

/**
 * The loan says it is filed (Loan.filed: the pool's figures read the filed loans from the loans'
 * index), in the transaction that writes its filing. Every writer of a filing calls it
 * (decision 025).
 */
export async function markLoanFiled(tx: Prisma.TransactionClient, loanId: string) {
  await tx.loan.update({ where: { id: loanId }, data: { filed: true }, select: { id: true } });
}

/**
 * Files the loan for its own bank. The bank's row is locked first: a double click waits for the
 * first filing and then finds it. The suspension check runs before the refusals (a bank whose
 * ratio has fallen back is reinstated, one over the threshold suspended, before its standing is
 * read) and again after a filing, which changes the ratio.
 */
export async function fileLoan(
  actor: AuditedActor<BankActor>,
  loanId: string,
  now = new Date(),
): Promise<FilingResult> {
  return db.$transaction(async (tx) => {
    const loan = await tx.loan.findFirst({
      where: { id: loanId, bankId: actor.bankId },
      select: poolLoanSelect,
    });
    if (!loan) return { ok: false, error: "NOT_FOUND" } as const;
    await lockRow(tx, "Bank", actor.bankId);
    if (await tx.filing.findUnique({ where: { loanId }, select: { id: true } }))
      return { ok: false, error: "ALREADY_FILED" } as const;
    // the bank's standing as of now: a ratio fallen back reinstates it before it is asked
    await checkBankSuspension(tx, actor.bankId, now, actor.ip);
    const subject = filingSubjectOf(loan, now);
    const rule = ruleForDay(await listRuleTerms(tx), subject.disbursedOn);
    const standing = await bankStanding(tx, actor.bankId);
    const reasons = filingRefusals({
      rule,
      loan: subject,
      filedOn: shanghaiDate(now),
      bankSuspended: standing === "SUSPENDED",
    });
    if (!rule || reasons.length) return { ok: false, error: "REFUSED", reasons } as const;
    const filing = await tx.filing.create({
      data: {
        loanId,
        bankId: actor.bankId,
        ruleId: rule.id,
        principalFen: loan.principalFen,
        filedAt: now,
        filedById: actor.id,
      },
      select: { id: true },
    });
    await markLoanFiled(tx, loanId);
    await recordAudit(
      {
        actorId: actor.id,
        ip: actor.ip,
        action: "pool.filing",
        targetType: "Loan",
        targetId: loanId,
        detail: { filingId: filing.id, ruleId: rule.id, principalFen: loan.principalFen.toString() },
      },
      tx,
    );
    // a new filed loan changes the bank's overdue ratio
    await checkBankSuspension(tx, actor.bankId, now, actor.ip);
    return { ok: true, filingId: filing.id } as const;
  });
}

/** The refusals a filing would get now (for the loan page, before the bank presses the button). */
export async function filingRefusalsNow(actor: BankActor, loanId: string, now = new Date()) {
  const loan = await db.loan.findFirst({
    where: { id: loanId, bankId: actor.bankId },
    select: poolLoanSelect,
  });
  if (!loan) return null;
  const subject = filingSubjectOf(loan, now);
  const rule = ruleForDay(await listRuleTerms(), subject.disbursedOn);
  const standing = await bankStanding(db, actor.bankId);
  return {
    rule,
    reasons: filingRefusals({
      rule,
      loan: subject,
      filedOn: shanghaiDate(now),
      bankSuspended: standing === "SUSPENDED",
    }),
  };
}
