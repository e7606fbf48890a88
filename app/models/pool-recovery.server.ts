/**
 * 追偿: what a bank does to recover a defaulted loan (recovery actions, needed before a claim),
 * and what it recovers after the pool has paid (recoveries). The pool's share of a recovery — the
 * paid percentage — is owed back until the bureau confirms it received the money, which credits
 * the pool in the same transaction (and pays any claims waiting for money).
 */
import { pageWindow } from "~/domain/list-query";
import { Prisma } from "@prisma/client";

import { db } from "~/db.server";
import { lockRow } from "~/db/row-lock.server";
import type { RecoveryActionKind } from "~/domain/risk-pool-codes";
import { poolShareOfRecovery } from "~/domain/risk-pool";
import { shanghaiDate } from "~/domain/shanghai-time";

import type { AuditedActor, BankActor, BureauActor } from "./actor";
import { recordAudit } from "./audit.server";
import { notify } from "./notification.server";
import { creditRecovery } from "./risk-pool.server";

/** A recovery as the claim page and the bureau's list show it: what came back and the pool's share. */
export const recoverySelect = {
  id: true,
  recoveredOn: true,
  amountFen: true,
  shareFen: true,
  reference: true,
  receivedAt: true,
} satisfies Prisma.RecoverySelect;

export type RecoveryActionInput = { takenOn: string; kind: RecoveryActionKind; description: string };

export type RecoveryActionResult =
  | { ok: true; id: string }
  | { ok: false; error: "NOT_FOUND" }
  | { ok: false; error: "DATE_BEFORE_DISBURSEMENT" | "DATE_IN_FUTURE"; field: "takenOn" };

/** Records a recovery action (追偿措施) on one of the bank's loans; dated between disbursement and today. */
export async function addRecoveryAction(
  actor: AuditedActor<BankActor>,
  loanId: string,
  input: RecoveryActionInput,
  now = new Date(),
): Promise<RecoveryActionResult> {
  const loan = await db.loan.findFirst({
    where: { id: loanId, bankId: actor.bankId },
    select: { disbursedOn: true },
  });
  if (!loan) return { ok: false, error: "NOT_FOUND" };
  if (input.takenOn > shanghaiDate(now)) return { ok: false, error: "DATE_IN_FUTURE", field: "takenOn" };
  if (input.takenOn < shanghaiDate(loan.disbursedOn))
    return { ok: false, error: "DATE_BEFORE_DISBURSEMENT", field: "takenOn" };
  return db.$transaction(async (tx) => {
    const action = await tx.recoveryAction.create({
      data: { loanId, bankId: actor.bankId, ...input, createdById: actor.id, createdAt: now },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: actor.id,
        ip: actor.ip,
        action: "pool.recoveryAction",
        targetType: "Loan",
        targetId: loanId,
        detail: { kind: input.kind, takenOn: input.takenOn },
      },
      tx,
    );
    return { ok: true, id: action.id } as const;
  });
}

export type RecoveryInput = { recoveredOn: string; amountFen: bigint; reference: string; note: string };

export type RecoveryResult =
  | { ok: true; id: string; shareFen: bigint }
  | { ok: false; error: "NOT_FOUND" | "NOT_PAID" }
  | { ok: false; error: "DATE_BEFORE_PAYMENT" | "DATE_IN_FUTURE"; field: "recoveredOn" }
  | { ok: false; error: "AMOUNT_NOT_POSITIVE"; field: "amount" }
  | { ok: false; error: "DUPLICATE_REFERENCE"; field: "reference" };

/**
 * A recovery on a compensated loan. The claim's row is locked so that two recoveries reported at
 * once each see the other's amount in "recovered before" (the share is on the running total).
 */
export async function reportRecovery(
  actor: AuditedActor<BankActor>,
  claimId: string,
  input: RecoveryInput,
  now = new Date(),
): Promise<RecoveryResult> {
  const claim = await db.claim.findFirst({
    where: { id: claimId, bankId: actor.bankId },
    select: {
      id: true,
      state: true,
      paidAt: true,
      approvedFen: true,
      principalAtClaimFen: true,
      loan: { select: { application: { select: { number: true } }, enterprise: { select: { name: true } } } },
    },
  });
  if (!claim) return { ok: false, error: "NOT_FOUND" };
  if (claim.state !== "PAID" || !claim.paidAt || claim.approvedFen === null)
    return { ok: false, error: "NOT_PAID" };
  if (input.amountFen <= 0n) return { ok: false, error: "AMOUNT_NOT_POSITIVE", field: "amount" };
  if (input.recoveredOn > shanghaiDate(now))
    return { ok: false, error: "DATE_IN_FUTURE", field: "recoveredOn" };
  if (input.recoveredOn < shanghaiDate(claim.paidAt))
    return { ok: false, error: "DATE_BEFORE_PAYMENT", field: "recoveredOn" };
  try {
    return await db.$transaction(async (tx) => {
      await lockRow(tx, "Claim", claim.id);
      const before = await tx.recovery.aggregate({ where: { claimId: claim.id }, _sum: { amountFen: true } });
      const shareFen = poolShareOfRecovery({
        paidFen: claim.approvedFen ?? 0n,
        principalAtClaimFen: claim.principalAtClaimFen,
        recoveredBeforeFen: before._sum.amountFen ?? 0n,
        recoveryFen: input.amountFen,
      });
      const recovery = await tx.recovery.create({
        data: {
          claimId: claim.id,
          bankId: actor.bankId,
          ...input,
          shareFen,
          reportedById: actor.id,
          reportedAt: now,
        },
        select: { id: true },
      });
      await recordAudit(
        {
          actorId: actor.id,
          ip: actor.ip,
          action: "pool.recovery",
          targetType: "Recovery",
          targetId: recovery.id,
          detail: { claimId: claim.id, amountFen: input.amountFen.toString(), shareFen: shareFen.toString() },
        },
        tx,
      );
      if (shareFen > 0n)
        await notify.bureau(tx, {
          kind: "recovery.REPORTED",
          params: { number: claim.loan.application.number, enterprise: claim.loan.enterprise.name },
          link: "/gov/risk-pool/recoveries",
        });
      return { ok: true, id: recovery.id, shareFen } as const;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return { ok: false, error: "DUPLICATE_REFERENCE", field: "reference" };
    throw error;
  }
}

export type ReceiptResult = { ok: true } | { ok: false; error: "NOT_FOUND" | "CHANGED" };

/** The bureau confirms it received the pool's share: the receipt and the ledger's credit in one transaction. */
export async function markRecoveryReceived(
  actor: AuditedActor<BureauActor>,
  recoveryId: string,
  now = new Date(),
): Promise<ReceiptResult> {
  const recovery = await db.recovery.findUnique({
    where: { id: recoveryId },
    select: { id: true, bankId: true, shareFen: true, reference: true, claim: { select: { loanId: true } } },
  });
  if (!recovery || recovery.shareFen <= 0n) return { ok: false, error: "NOT_FOUND" };
  return db.$transaction(async (tx) => {
    const marked = await tx.recovery.updateMany({
      where: { id: recovery.id, receivedAt: null },
      data: { receivedAt: now, receivedById: actor.id },
    });
    if (marked.count !== 1) return { ok: false, error: "CHANGED" } as const;
    const { movementId } = await creditRecovery(tx, recovery, actor, now);
    await recordAudit(
      {
        actorId: actor.id,
        ip: actor.ip,
        action: "pool.recoveryReceived",
        targetType: "Recovery",
        targetId: recovery.id,
        detail: { shareFen: recovery.shareFen.toString(), movementId },
      },
      tx,
    );
    await notify.bank(tx, recovery.bankId, {
      kind: "recovery.RECEIVED",
      params: { reference: recovery.reference },
      link: `/bank/loans/${recovery.claim.loanId}`,
    });
    return { ok: true } as const;
  });
}

/** The recoveries whose share is owed (or, with `received`, those already returned), for the bureau. */
export async function listRecoveries(
  _actor: BureauActor,
  { page, received }: { page: number; received: boolean },
) {
  const where: Prisma.RecoveryWhereInput = {
    shareFen: { gt: 0n },
    receivedAt: received ? { not: null } : null,
  };
  const [total, owed, rows] = await Promise.all([
    db.recovery.count({ where }),
    db.recovery.aggregate({ where: { shareFen: { gt: 0n }, receivedAt: null }, _sum: { shareFen: true } }),
    db.recovery.findMany({
      where,
      orderBy: received ? [{ receivedAt: "desc" }, { id: "desc" }] : [{ reportedAt: "asc" }, { id: "asc" }],
      ...pageWindow(page),
      select: {
        ...recoverySelect,
        reportedAt: true,
        bank: { select: { name: true, nameEn: true } },
        claim: {
          select: {
            id: true,
            loan: {
              select: { application: { select: { number: true } }, enterprise: { select: { name: true } } },
            },
          },
        },
      },
    }),
  ]);
  return { total, owedFen: owed._sum.shareFen ?? 0n, rows };
}
