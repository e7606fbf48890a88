/**
 * 代偿申请: a bank claims compensation on a filed loan past the threshold; the bureau approves
 * (up to what the rules compute), returns it for more material, or rejects it; an approval pays
 * from the balance in the same transaction, or waits in approval order when the balance is short.
 *
 * One claim per loan is the database's rule (Claim.loanId is unique); every transition is a
 * conditional update on (id, state, version), so two reviewers — or a double click — apply once.
 */
import { Prisma } from "@prisma/client";

import { db } from "~/db.server";
import { approvalProblem, checkClaimTransition, rejectionProblem } from "~/domain/claim-machine";
import type { ClaimRefusal, ClaimRejectReason, ClaimState } from "~/domain/risk-pool-codes";
import { claimRefusals, compensationFor, coverageOf } from "~/domain/risk-pool";
import { shanghaiDate } from "~/domain/shanghai-time";

import type { AuditedActor, BankActor, BureauActor } from "./actor";
import { recordAudit } from "./audit.server";
import { notify } from "./notification.server";
import { recordClaimDecided, recordClaimEvent } from "./pool-events.server";
import { daysPastDue, poolLoanSelect, type PoolLoan } from "./pool-loan.server";
import { termsOf } from "./pool-rule.server";
import { DISTRICT_POOL_ID, lockPool, payWaitingClaims } from "./risk-pool.server";

type Tx = Prisma.TransactionClient;

export type ClaimInput = { statement: string; materials: string[] };

export type FileClaimResult =
  | { ok: true; claimId: string }
  | { ok: false; error: "NOT_FOUND" | "ALREADY_CLAIMED" }
  | { ok: false; error: "REFUSED"; reasons: ClaimRefusal[] };

/** Thrown inside a transaction to roll it back and answer with `result`. */
class Abort<T> extends Error {
  constructor(readonly result: T) {
    super("aborted");
  }
}

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** The figures a (re)submission is judged on, from the loan as it stands now. */
async function assessClaim(tx: Tx, loan: PoolLoan, materialCount: number, now: Date) {
  const filing = await tx.filing.findUnique({ where: { loanId: loan.id }, select: { id: true, rule: true } });
  const recoveryActionCount = await tx.recoveryAction.count({ where: { loanId: loan.id } });
  const rule = filing ? termsOf(filing.rule) : null;
  const dpd = daysPastDue(loan.oldestUnpaidDueOn, shanghaiDate(now));
  const outstanding = loan.status === "ACTIVE" ? loan.outstandingPrincipalFen : 0n;
  const reasons = claimRefusals(
    {
      filed: filing !== null,
      daysPastDue: dpd,
      outstandingPrincipalFen: outstanding,
      recoveryActionCount,
      materialCount,
    },
    rule,
  );
  const figures = rule
    ? {
        principalAtClaimFen: outstanding,
        daysPastDue: dpd,
        firstLoan: loan.firstLoan,
        coverageBp: coverageOf(rule, loan.firstLoan),
        computedFen: compensationFor({
          outstandingPrincipalFen: outstanding,
          firstLoan: loan.firstLoan,
          rule,
        }),
      }
    : null;
  return { filing, reasons, figures };
}

/** Files the claim for the loan's own bank; a second claim on the loan (a double click, two officers) is refused. */
export async function fileClaim(
  actor: AuditedActor<BankActor>,
  loanId: string,
  input: ClaimInput,
  now = new Date(),
): Promise<FileClaimResult> {
  try {
    return await db.$transaction(async (tx) => {
      const loan = await tx.loan.findFirst({
        where: { id: loanId, bankId: actor.bankId },
        select: poolLoanSelect,
      });
      if (!loan) return { ok: false, error: "NOT_FOUND" } as const;
      if (await tx.claim.findUnique({ where: { loanId }, select: { id: true } }))
        return { ok: false, error: "ALREADY_CLAIMED" } as const;
      const { filing, reasons, figures } = await assessClaim(tx, loan, input.materials.length, now);
      if (!filing || !figures || reasons.length) return { ok: false, error: "REFUSED", reasons } as const;
      const claim = await tx.claim.create({
        data: {
          loanId,
          filingId: filing.id,
          bankId: actor.bankId,
          state: "FILED",
          ...figures,
          statement: input.statement,
          submittedAt: now,
          firstSubmittedAt: now,
          filedById: actor.id,
          materials: { create: input.materials.map((title) => ({ title, round: 1, addedAt: now })) },
        },
        select: { id: true },
      });
      await recordClaimEvent(tx, {
        claimId: claim.id,
        actorId: actor.id,
        fromState: null,
        toState: "FILED",
        at: now,
        data: {
          computedFen: figures.computedFen.toString(),
          principalAtClaimFen: figures.principalAtClaimFen.toString(),
        },
      });
      await recordAudit(
        {
          actorId: actor.id,
          ip: actor.ip,
          action: "pool.claim.file",
          targetType: "Claim",
          targetId: claim.id,
          detail: { loanId, computedFen: figures.computedFen.toString() },
        },
        tx,
      );
      await notify.bureau(tx, {
        kind: "claim.FILED",
        params: { number: loan.application.number, enterprise: loan.enterprise.name },
        link: `/gov/risk-pool/claims/${claim.id}`,
      });
      return { ok: true, claimId: claim.id } as const;
    });
  } catch (error) {
    // the same claim filed twice at once: the database let one in
    if (isUniqueViolation(error)) return { ok: false, error: "ALREADY_CLAIMED" };
    throw error;
  }
}

export type RefileResult =
  | { ok: true }
  | { ok: false; error: "NOT_FOUND" | "CHANGED" }
  | { ok: false; error: "REFUSED"; reasons: ClaimRefusal[] };

/** A returned claim goes back to the bureau with more material; its figures and review clock start again. */
export async function refileClaim(
  actor: AuditedActor<BankActor>,
  claimId: string,
  input: ClaimInput,
  expectedVersion: number | undefined,
  now = new Date(),
): Promise<RefileResult> {
  const claim = await db.claim.findFirst({
    where: { id: claimId, bankId: actor.bankId },
    select: { id: true, state: true, version: true, loanId: true },
  });
  if (!claim) return { ok: false, error: "NOT_FOUND" };
  if (expectedVersion !== undefined && expectedVersion !== claim.version)
    return { ok: false, error: "CHANGED" };
  if (!checkClaimTransition(claim.state as ClaimState, "refile", "BANK").ok)
    return { ok: false, error: "CHANGED" };
  try {
    return await db.$transaction(async (tx) => {
      const loan = await tx.loan.findUniqueOrThrow({ where: { id: claim.loanId }, select: poolLoanSelect });
      const { reasons, figures } = await assessClaim(tx, loan, input.materials.length, now);
      if (!figures || reasons.length) throw new Abort({ ok: false, error: "REFUSED", reasons } as const);
      const moved = await tx.claim.updateMany({
        where: { id: claim.id, state: "RETURNED", version: claim.version },
        data: {
          state: "FILED",
          version: { increment: 1 },
          ...figures,
          statement: input.statement,
          submittedAt: now,
        },
      });
      if (moved.count !== 1) throw new Abort({ ok: false, error: "CHANGED" } as const);
      const last = await tx.claimMaterial.aggregate({ where: { claimId: claim.id }, _max: { round: true } });
      const round = (last._max.round ?? 0) + 1;
      await tx.claimMaterial.createMany({
        data: input.materials.map((title) => ({ claimId: claim.id, title, round, addedAt: now })),
      });
      await recordClaimEvent(tx, {
        claimId: claim.id,
        actorId: actor.id,
        fromState: "RETURNED",
        toState: "FILED",
        at: now,
        data: { round, computedFen: figures.computedFen.toString() },
      });
      await recordAudit(
        {
          actorId: actor.id,
          ip: actor.ip,
          action: "pool.claim.refile",
          targetType: "Claim",
          targetId: claim.id,
          detail: { round },
        },
        tx,
      );
      await notify.bureau(tx, {
        kind: "claim.REFILED",
        params: { number: loan.application.number, enterprise: loan.enterprise.name },
        link: `/gov/risk-pool/claims/${claim.id}`,
      });
      return { ok: true } as const;
    });
  } catch (error) {
    if (error instanceof Abort) return error.result as RefileResult;
    throw error;
  }
}

export type ReviewDecision =
  | { action: "approve"; amountFen: bigint }
  | { action: "return"; note: string }
  | { action: "reject"; reason: ClaimRejectReason; text: string };

export type ReviewResult =
  | { ok: true; state: ClaimState; paid: boolean }
  | {
      ok: false;
      error:
        | "NOT_FOUND"
        | "CHANGED"
        | "AMOUNT_NOT_POSITIVE"
        | "AMOUNT_OVER_COMPUTED"
        | "REASON_REQUIRED"
        | "TEXT_REQUIRED";
    };

const REVIEW_AUDIT = {
  approve: "pool.claim.approve",
  return: "pool.claim.return",
  reject: "pool.claim.reject",
} as const;
const REVIEW_KIND = {
  approve: "claim.APPROVED",
  return: "claim.RETURNED",
  reject: "claim.REJECTED",
} as const;

function reviewFields(
  decision: ReviewDecision,
  now: Date,
  actorId: string,
): Prisma.ClaimUpdateManyMutationInput {
  switch (decision.action) {
    case "approve":
      return { approvedFen: decision.amountFen, approvedAt: now, decidedAt: now, reviewedById: actorId };
    case "return":
      return { returnNote: decision.note, reviewedById: actorId };
    case "reject":
      return {
        rejectReason: decision.reason,
        rejectText: decision.text.trim() || null,
        decidedAt: now,
        reviewedById: actorId,
      };
  }
}

/**
 * The bureau's decision on a filed claim. An approval pays at once when the balance covers it and
 * no earlier approval is waiting; otherwise the claim waits its turn (risk-pool.server.ts).
 */
export async function reviewClaim(
  actor: AuditedActor<BureauActor>,
  claimId: string,
  decision: ReviewDecision,
  expectedVersion: number | undefined,
  now = new Date(),
): Promise<ReviewResult> {
  const claim = await db.claim.findUnique({
    where: { id: claimId },
    select: {
      id: true,
      state: true,
      version: true,
      bankId: true,
      computedFen: true,
      loan: {
        select: {
          id: true,
          application: { select: { number: true } },
          enterprise: { select: { name: true } },
        },
      },
    },
  });
  if (!claim) return { ok: false, error: "NOT_FOUND" };
  if (expectedVersion !== undefined && expectedVersion !== claim.version)
    return { ok: false, error: "CHANGED" };
  const check = checkClaimTransition(claim.state as ClaimState, decision.action, "GOV_BUREAU");
  if (!check.ok) return { ok: false, error: "CHANGED" };
  if (decision.action === "approve") {
    const problem = approvalProblem(decision.amountFen, claim.computedFen);
    if (problem) return { ok: false, error: problem };
  }
  if (decision.action === "reject") {
    const problem = rejectionProblem(decision.reason, decision.text);
    if (problem) return { ok: false, error: problem };
  }
  try {
    return await db.$transaction(async (tx) => {
      const moved = await tx.claim.updateMany({
        where: { id: claim.id, state: claim.state, version: claim.version },
        data: { state: check.to, version: { increment: 1 }, ...reviewFields(decision, now, actor.id) },
      });
      if (moved.count !== 1) throw new Abort({ ok: false, error: "CHANGED" } as const);
      const detail: Record<string, string> =
        decision.action === "approve"
          ? { amountFen: decision.amountFen.toString() }
          : decision.action === "return"
            ? { note: decision.note }
            : { reason: decision.reason, text: decision.text };
      await recordClaimEvent(tx, {
        claimId: claim.id,
        actorId: actor.id,
        fromState: claim.state as ClaimState,
        toState: check.to,
        at: now,
        data: detail,
      });
      await recordAudit(
        {
          actorId: actor.id,
          ip: actor.ip,
          action: REVIEW_AUDIT[decision.action],
          targetType: "Claim",
          targetId: claim.id,
          detail,
        },
        tx,
      );
      await notify.bank(tx, claim.bankId, {
        kind: REVIEW_KIND[decision.action],
        params: { number: claim.loan.application.number, enterprise: claim.loan.enterprise.name },
        link: `/bank/loans/${claim.loan.id}`,
      });
      // an approval may pay: the pool's lock before the event's (lockPool explains the order)
      if (decision.action === "approve") await lockPool(tx);
      await recordClaimDecided(tx, claim.id, now);
      const paid =
        decision.action === "approve" &&
        (await payWaitingClaims(tx, { actorId: actor.id, ip: actor.ip, now })).includes(claim.id);
      return { ok: true, state: paid ? "PAID" : check.to, paid } as const;
    });
  } catch (error) {
    if (error instanceof Abort) return error.result as ReviewResult;
    throw error;
  }
}

export type PayResult =
  | { ok: true; paid: true }
  | { ok: true; paid: false; ahead: number; shortfallFen: bigint }
  | { ok: false; error: "NOT_FOUND" | "CHANGED" };

/**
 * 拨付: pays the approved claims as far as the balance goes, in approval order. The claim asked
 * for is paid when its turn has come and the money is there; otherwise the answer says how many
 * claims are ahead of it and how much more the pool needs.
 */
export async function payClaim(
  actor: AuditedActor<BureauActor>,
  claimId: string,
  now = new Date(),
): Promise<PayResult> {
  const claim = await db.claim.findUnique({ where: { id: claimId }, select: { state: true } });
  if (!claim) return { ok: false, error: "NOT_FOUND" };
  if (!checkClaimTransition(claim.state as ClaimState, "pay", "GOV_BUREAU").ok)
    return { ok: false, error: "CHANGED" };
  return db.$transaction(async (tx) => {
    const paid = await payWaitingClaims(tx, { actorId: actor.id, ip: actor.ip, now });
    if (paid.includes(claimId)) return { ok: true, paid: true } as const;
    const position = await queuePosition(tx, claimId);
    if (!position) return { ok: false, error: "CHANGED" } as const;
    return { ok: true, paid: false, ...position } as const;
  });
}

/** Where an approved claim stands in the payment queue: claims ahead of it and the money missing to reach it. */
export async function queuePosition(client: Tx | typeof db, claimId: string) {
  const pool = await client.riskPool.findUnique({
    where: { id: DISTRICT_POOL_ID },
    select: { balanceFen: true },
  });
  const queue = await client.claim.findMany({
    where: { state: "APPROVED" },
    orderBy: [{ approvedAt: "asc" }, { id: "asc" }],
    select: { id: true, approvedFen: true },
  });
  const index = queue.findIndex((claim) => claim.id === claimId);
  if (index < 0) return null;
  const needed = queue.slice(0, index + 1).reduce((sum, claim) => sum + (claim.approvedFen ?? 0n), 0n);
  const balance = pool?.balanceFen ?? 0n;
  return { ahead: index, shortfallFen: needed > balance ? needed - balance : 0n };
}
