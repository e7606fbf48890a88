/**
 * The pool's money: deposits (财政注资), compensation payments and recoveries returned, each one
 * line of the append-only ledger (PoolMovement) written in the same transaction as the balance it
 * changes. The balance moves only through a conditional update (balance ≥ amount), so it never
 * goes below zero even when requests race; the database's triggers refuse it too.
 *
 * Approved claims are paid strictly in approval order (domain/risk-pool.ts `payInOrder`): an
 * approval, a deposit and a recovery received each pay as much of the queue as the balance
 * covers, inside the transaction that caused it.
 */
import { pageWindow } from "~/domain/list-query";
import type { Prisma } from "@prisma/client";

import { db } from "~/db.server";
import { lockRow } from "~/db/row-lock.server";
import { payInOrder } from "~/domain/risk-pool";

import type { AuditedActor, BureauActor } from "./actor";
import { recordAudit } from "./audit.server";
import { notify } from "./notification.server";
import { recordClaimDecided, recordClaimEvent } from "./pool-events.server";

type Tx = Prisma.TransactionClient;

/** The district has one pool; its row is created by the first movement (or the seed). */
export const DISTRICT_POOL_ID = "district";
const DISTRICT_POOL_NAME = "郑东新区信易贷风险补偿资金池";

async function ensurePool(tx: Tx) {
  await tx.riskPool.upsert({
    where: { id: DISTRICT_POOL_ID },
    create: { id: DISTRICT_POOL_ID, name: DISTRICT_POOL_NAME },
    update: {},
  });
}

/**
 * Takes the pool row's lock until the transaction ends. Everything that may pay takes it before
 * it records an event (which locks the event feed's counter), so that locks are always taken
 * in the same order — pool, then feed — and two transactions on PostgreSQL cannot deadlock.
 */
export async function lockPool(tx: Tx) {
  await ensurePool(tx);
  await lockRow(tx, "RiskPool", DISTRICT_POOL_ID);
}

/** Adds to the balance and writes the ledger line; returns the balance after. */
async function credit(
  tx: Tx,
  movement: {
    kind: "DEPOSIT" | "RECOVERY";
    amountFen: bigint;
    recoveryId?: string;
    reference?: string;
    note?: string;
  },
  actorId: string | null,
  now: Date,
) {
  const pool = await tx.riskPool.update({
    where: { id: DISTRICT_POOL_ID },
    data: { balanceFen: { increment: movement.amountFen } },
    select: { balanceFen: true },
  });
  return tx.poolMovement.create({
    data: {
      poolId: DISTRICT_POOL_ID,
      kind: movement.kind,
      amountFen: movement.amountFen,
      balanceAfterFen: pool.balanceFen,
      recoveryId: movement.recoveryId ?? null,
      reference: movement.reference ?? "",
      note: movement.note ?? "",
      actorId,
      at: now,
    },
    select: { id: true, balanceAfterFen: true },
  });
}

/** Thrown when the conditional update of the balance finds less than the payment (never expected under the lock). */
class BalanceChanged extends Error {}

/**
 * Pays the approved claims the balance covers, in approval order, stopping at the first it
 * cannot cover. Takes the pool row's lock first, so that on PostgreSQL two transactions never
 * read the same balance: the second waits, then sees what the first paid.
 */
export async function payWaitingClaims(
  tx: Tx,
  { actorId, ip, now }: { actorId: string | null; ip: string | null; now: Date },
) {
  await lockPool(tx);
  const pool = await tx.riskPool.findUniqueOrThrow({
    where: { id: DISTRICT_POOL_ID },
    select: { balanceFen: true },
  });
  const queue = await tx.claim.findMany({
    where: { state: "APPROVED" },
    orderBy: [{ approvedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      bankId: true,
      version: true,
      approvedFen: true,
      loan: {
        select: {
          id: true,
          application: { select: { number: true } },
          enterprise: { select: { name: true } },
        },
      },
    },
  });
  const { paid } = payInOrder(
    pool.balanceFen,
    queue.map((claim) => ({ ...claim, amountFen: claim.approvedFen ?? 0n })),
  );
  for (const claim of paid) {
    const taken = await tx.riskPool.updateMany({
      where: { id: DISTRICT_POOL_ID, balanceFen: { gte: claim.amountFen } },
      data: { balanceFen: { decrement: claim.amountFen } },
    });
    if (taken.count !== 1) throw new BalanceChanged();
    const moved = await tx.claim.updateMany({
      where: { id: claim.id, state: "APPROVED", version: claim.version },
      data: { state: "PAID", version: { increment: 1 }, paidAt: now },
    });
    if (moved.count !== 1) throw new BalanceChanged();
    const after = await tx.riskPool.findUniqueOrThrow({
      where: { id: DISTRICT_POOL_ID },
      select: { balanceFen: true },
    });
    const movement = await tx.poolMovement.create({
      data: {
        poolId: DISTRICT_POOL_ID,
        kind: "COMPENSATION",
        amountFen: -claim.amountFen,
        balanceAfterFen: after.balanceFen,
        claimId: claim.id,
        reference: claim.loan.application.number,
        actorId,
        at: now,
      },
      select: { id: true },
    });
    await recordClaimEvent(tx, {
      claimId: claim.id,
      actorId,
      fromState: "APPROVED",
      toState: "PAID",
      at: now,
      data: { amountFen: claim.amountFen.toString(), movementId: movement.id },
    });
    await recordAudit(
      {
        actorId,
        ip,
        action: "pool.compensation",
        targetType: "Claim",
        targetId: claim.id,
        detail: { amountFen: claim.amountFen.toString(), balanceAfterFen: after.balanceFen.toString() },
      },
      tx,
    );
    await recordClaimDecided(tx, claim.id, now);
    await notify.bank(tx, claim.bankId, {
      kind: "claim.PAID",
      params: { number: claim.loan.application.number, enterprise: claim.loan.enterprise.name },
      link: `/bank/loans/${claim.loan.id}`,
    });
  }
  return paid.map((claim) => claim.id);
}

export type DepositInput = { amountFen: bigint; reference: string; note: string };

/** 财政注资: money into the pool, then whatever the queue of approved claims can now be paid. */
export async function recordDeposit(actor: AuditedActor<BureauActor>, input: DepositInput, now = new Date()) {
  return db.$transaction(async (tx) => {
    await lockPool(tx);
    const movement = await credit(tx, { kind: "DEPOSIT", ...input }, actor.id, now);
    await recordAudit(
      {
        actorId: actor.id,
        ip: actor.ip,
        action: "pool.deposit",
        targetType: "PoolMovement",
        targetId: movement.id,
        detail: { amountFen: input.amountFen.toString(), reference: input.reference },
      },
      tx,
    );
    const paidClaimIds = await payWaitingClaims(tx, { actorId: actor.id, ip: actor.ip, now });
    return { movementId: movement.id, paidClaimIds };
  });
}

/** A recovery's share returned to the pool (the bureau confirmed receipt). Same transaction as the receipt. */
export async function creditRecovery(
  tx: Tx,
  recovery: { id: string; shareFen: bigint; reference: string },
  actor: { id: string; ip: string },
  now: Date,
) {
  await lockPool(tx);
  const movement = await credit(
    tx,
    {
      kind: "RECOVERY",
      amountFen: recovery.shareFen,
      recoveryId: recovery.id,
      reference: recovery.reference,
    },
    actor.id,
    now,
  );
  const paidClaimIds = await payWaitingClaims(tx, { actorId: actor.id, ip: actor.ip, now });
  return { movementId: movement.id, paidClaimIds };
}

/** The balance, and Σ of the ledger beside it (the two must agree: tests check it after every change). */
export async function poolBalance(client: Tx | typeof db = db) {
  const [pool, sum] = await Promise.all([
    client.riskPool.findUnique({ where: { id: DISTRICT_POOL_ID }, select: { balanceFen: true } }),
    client.poolMovement.aggregate({ where: { poolId: DISTRICT_POOL_ID }, _sum: { amountFen: true } }),
  ]);
  return { balanceFen: pool?.balanceFen ?? 0n, ledgerSumFen: sum._sum.amountFen ?? 0n };
}

/** One page of the ledger, newest first (bureau only). */
export async function listLedger(_actor: BureauActor, { page, kind }: { page: number; kind: string | null }) {
  const where: Prisma.PoolMovementWhereInput = { poolId: DISTRICT_POOL_ID, ...(kind ? { kind } : {}) };
  const [total, rows] = await Promise.all([
    db.poolMovement.count({ where }),
    db.poolMovement.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      ...pageWindow(page),
      select: {
        id: true,
        kind: true,
        amountFen: true,
        balanceAfterFen: true,
        reference: true,
        note: true,
        at: true,
        claim: { select: { id: true, bank: { select: { name: true, nameEn: true } } } },
        recovery: { select: { id: true, bank: { select: { name: true, nameEn: true } } } },
      },
    }),
  ]);
  return { total, rows };
}
