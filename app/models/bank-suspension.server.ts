/**
 * Suspension of a bank from new filings (SPEC: a bank whose filed loans' overdue ratio passes the
 * threshold is suspended until the ratio falls back or the bureau lifts it with a reason).
 *
 * The overdue ratio of a bank = outstanding principal of its filed, active loans at least one day
 * past due ÷ outstanding principal of all its filed, active loans (the regulator's 逾期贷款: a loan
 * with anything past due counts whole). The threshold is the one of the rule version in force
 * today. `checkSuspensions(now)` runs the test for every bank and is idempotent (a scheduler may
 * run it nightly, and twice); `checkBankSuspension` runs it for one bank inside the transaction
 * of an event that changes its ratio (a filing, a repayment) or needs its standing (a filing).
 * The system suspends and reinstates (no actor); the audit row carries the address of the request
 * that ran the check, when a request did.
 */
import { Prisma } from "@prisma/client";

import { sqlDialect } from "~/db/dialect.server";
import { db } from "~/db.server";
import { lockRow } from "~/db/row-lock.server";
import {
  isOverThreshold,
  suspensionStep,
  type SuspensionStanding,
  type SuspensionStep,
} from "~/domain/risk-pool";
import { shanghaiDate } from "~/domain/shanghai-time";
import { formatBp } from "~/domain/money";
import { ratioBp } from "~/domain/money-fen";

import type { AuditedActor, BureauActor } from "./actor";
import { recordAudit } from "./audit.server";
import { notify } from "./notification.server";
import { loanStandingSql } from "./loan-view.server";
import { ruleInForce } from "./pool-rule.server";

type Client = Prisma.TransactionClient | typeof db;

export type FiledFigures = { outstandingFen: bigint; overdueFen: bigint };
const NONE: FiledFigures = { outstandingFen: 0n, overdueFen: 0n };

/** Outstanding and overdue principal of the filed, active loans, by bank (one bank or all). */
export async function filedLoanFigures(client: Client, today: string, bankId?: string) {
  // The filed active loans are one range of the loans' covering index (Loan.filed, set by the
  // writers of a filing: decision 025), in bank order. "Overdue" is pastDueWhere(today): the oldest unpaid
  // instalment fell due before today (a test holds the two equal).
  const { overdue } = loanStandingSql("l", today);
  const rows = await client.$queryRaw<
    { bankId: string; outstanding: string | null; overdue: string | null }[]
  >`
    SELECT l."bankId" AS "bankId",
           CAST(SUM(l."outstandingPrincipalFen") AS TEXT) AS "outstanding",
           CAST(SUM(CASE WHEN ${overdue} THEN l."outstandingPrincipalFen" ELSE 0 END) AS TEXT) AS "overdue"
      FROM "Loan" l
     WHERE l."filed" = ${sqlDialect().true} AND l."status" = 'ACTIVE'${bankId ? Prisma.sql` AND l."bankId" = ${bankId}` : Prisma.empty}
     GROUP BY l."bankId"`;
  const figures = new Map<string, FiledFigures>();
  for (const row of rows)
    figures.set(row.bankId, {
      outstandingFen: BigInt(row.outstanding ?? "0"),
      overdueFen: BigInt(row.overdue ?? "0"),
    });
  return figures;
}

/** CLEAR, SUSPENDED, or WAIVED (the bureau lifted a suspension while the ratio was still over). */
export async function bankStanding(client: Client, bankId: string): Promise<SuspensionStanding> {
  const latest = await client.bankSuspension.findFirst({
    where: { bankId },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    select: { endedAt: true, endKind: true, waiverEndedAt: true },
  });
  if (!latest) return "CLEAR";
  if (!latest.endedAt) return "SUSPENDED";
  if (latest.endKind === "LIFTED_BY_BUREAU" && !latest.waiverEndedAt) return "WAIVED";
  return "CLEAR";
}

/**
 * Runs the test for one bank inside the caller's transaction and acts on it. The bank's row is
 * locked first, so two checks of the same bank (a repayment and the nightly run) never both
 * suspend it.
 */
export async function checkBankSuspension(
  tx: Prisma.TransactionClient,
  bankId: string,
  now: Date,
  /** the address of the request whose change ran the check (a filing); null for the nightly run */
  ip: string | null = null,
): Promise<SuspensionStep> {
  await lockRow(tx, "Bank", bankId);
  const today = shanghaiDate(now);
  const rule = await ruleInForce(tx, today);
  const standing = await bankStanding(tx, bankId);
  const figures = (await filedLoanFigures(tx, today, bankId)).get(bankId) ?? NONE;
  const over = rule
    ? isOverThreshold(figures.overdueFen, figures.outstandingFen, rule.suspensionThresholdBp)
    : false;
  const step = suspensionStep(standing, over);
  const ratio = ratioBp(figures.overdueFen, figures.outstandingFen);
  if (step === "SUSPEND" && rule) {
    const suspension = await tx.bankSuspension.create({
      data: {
        bankId,
        startedAt: now,
        ratioBp: ratio,
        thresholdBp: rule.suspensionThresholdBp,
        overdueFen: figures.overdueFen,
        outstandingFen: figures.outstandingFen,
        activeKey: bankId,
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: null,
        ip,
        action: "pool.suspension.start",
        targetType: "Bank",
        targetId: bankId,
        detail: { suspensionId: suspension.id, ratioBp: ratio, thresholdBp: rule.suspensionThresholdBp },
      },
      tx,
    );
    await notify.bank(tx, bankId, {
      kind: "bankSuspension.SUSPENDED",
      params: { ratio: formatBp(ratio), threshold: formatBp(rule.suspensionThresholdBp) },
      link: "/bank/claims",
    });
  } else if (step === "LIFT") {
    const ended = await tx.bankSuspension.updateMany({
      where: { bankId, activeKey: bankId },
      data: { endedAt: now, endKind: "RATIO_RECOVERED", activeKey: null },
    });
    if (ended.count === 1) {
      await recordAudit(
        {
          actorId: null,
          ip,
          action: "pool.suspension.end",
          targetType: "Bank",
          targetId: bankId,
          detail: { ratioBp: ratio },
        },
        tx,
      );
      await notify.bank(tx, bankId, {
        kind: "bankSuspension.ENDED",
        params: { ratio: formatBp(ratio) },
        link: "/bank/claims",
      });
    }
  } else if (step === "END_WAIVER") {
    await tx.bankSuspension.updateMany({
      where: { bankId, endKind: "LIFTED_BY_BUREAU", waiverEndedAt: null },
      data: { waiverEndedAt: now },
    });
  }
  return step;
}

/** The banks the nightly test looks at: those with filed loans or a suspension or waiver in force. */
export async function banksToCheck(): Promise<string[]> {
  const [filing, suspended] = await Promise.all([
    db.filing.findMany({ distinct: ["bankId"], select: { bankId: true } }),
    db.bankSuspension.findMany({
      where: { OR: [{ endedAt: null }, { endKind: "LIFTED_BY_BUREAU", waiverEndedAt: null }] },
      select: { bankId: true },
    }),
  ]);
  return [...new Set([...filing, ...suspended].map((row) => row.bankId))].sort();
}

/** The test for one bank in a short transaction of its own (what the nightly job does per bank). */
export function checkOneBank(bankId: string, now = new Date()) {
  return db.$transaction((tx) => checkBankSuspension(tx, bankId, now));
}

/**
 * The test for every bank of `banksToCheck()`: suspends, lifts and ends waivers as the figures
 * say. Idempotent: a second run on the same data changes nothing.
 */
export async function checkSuspensions(now = new Date()) {
  const summary = { checked: 0, suspended: 0, lifted: 0, waiversEnded: 0 };
  for (const bankId of await banksToCheck()) {
    const step = await checkOneBank(bankId, now);
    summary.checked++;
    if (step === "SUSPEND") summary.suspended++;
    else if (step === "LIFT") summary.lifted++;
    else if (step === "END_WAIVER") summary.waiversEnded++;
  }
  return summary;
}

export type LiftResult = { ok: true } | { ok: false; error: "NOT_FOUND" | "CHANGED" };

/**
 * The bureau lifts a suspension with a reason. When the ratio is still over, the lifting holds as
 * a waiver until the ratio has once fallen back (the nightly check does not suspend the bank
 * again the same night).
 */
export async function liftSuspension(
  actor: AuditedActor<BureauActor>,
  suspensionId: string,
  reason: string,
  now = new Date(),
): Promise<LiftResult> {
  const suspension = await db.bankSuspension.findUnique({
    where: { id: suspensionId },
    select: { bankId: true },
  });
  if (!suspension) return { ok: false, error: "NOT_FOUND" };
  return db.$transaction(async (tx) => {
    await lockRow(tx, "Bank", suspension.bankId);
    const today = shanghaiDate(now);
    const rule = await ruleInForce(tx, today);
    const figures = (await filedLoanFigures(tx, today, suspension.bankId)).get(suspension.bankId) ?? NONE;
    const over = rule
      ? isOverThreshold(figures.overdueFen, figures.outstandingFen, rule.suspensionThresholdBp)
      : false;
    const lifted = await tx.bankSuspension.updateMany({
      where: { id: suspensionId, endedAt: null },
      data: {
        endedAt: now,
        endKind: "LIFTED_BY_BUREAU",
        endReason: reason,
        endedById: actor.id,
        activeKey: null,
        waiverEndedAt: over ? null : now,
      },
    });
    if (lifted.count !== 1) return { ok: false, error: "CHANGED" } as const;
    await recordAudit(
      {
        actorId: actor.id,
        ip: actor.ip,
        action: "pool.suspension.lift",
        targetType: "Bank",
        targetId: suspension.bankId,
        detail: { suspensionId, reason, stillOver: over },
      },
      tx,
    );
    await notify.bank(tx, suspension.bankId, {
      kind: "bankSuspension.LIFTED",
      params: { reason },
      link: "/bank/claims",
    });
    return { ok: true } as const;
  });
}

/** Banks suspended now (for the league table and the filing check). */
export async function suspendedBankIds(client: Client = db) {
  const rows = await client.bankSuspension.findMany({ where: { endedAt: null }, select: { bankId: true } });
  return new Set(rows.map((row) => row.bankId));
}

/** Every bank with filed loans or a suspension: its figures against today's threshold, and its standing. */
export async function listBankStandings(_actor: BureauActor, now = new Date()) {
  const today = shanghaiDate(now);
  const [figures, rule, banks, suspensions] = await Promise.all([
    filedLoanFigures(db, today),
    ruleInForce(db, today),
    db.bank.findMany({ select: { id: true, name: true, nameEn: true }, orderBy: { code: "asc" } }),
    db.bankSuspension.findMany({
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        bankId: true,
        startedAt: true,
        ratioBp: true,
        thresholdBp: true,
        endedAt: true,
        endKind: true,
        endReason: true,
        waiverEndedAt: true,
      },
    }),
  ]);
  const latest = new Map<string, (typeof suspensions)[number]>();
  for (const suspension of suspensions)
    if (!latest.has(suspension.bankId)) latest.set(suspension.bankId, suspension);
  return {
    thresholdBp: rule?.suspensionThresholdBp ?? null,
    banks: banks
      .filter((bank) => figures.has(bank.id) || latest.has(bank.id))
      .map((bank) => {
        const own = figures.get(bank.id) ?? NONE;
        const suspension = latest.get(bank.id) ?? null;
        return {
          ...bank,
          ...own,
          ratioBp: ratioBp(own.overdueFen, own.outstandingFen),
          suspension,
          suspended: suspension !== null && suspension.endedAt === null,
        };
      }),
  };
}
