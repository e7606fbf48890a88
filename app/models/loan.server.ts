import { Prisma } from "@prisma/client";

import { db } from "~/db.server";
import { buildSchedule, maturityOf, type RepaymentMethod } from "~/domain/loan-schedule";
import {
  applyRepayment,
  classReportProblem,
  daysPastDueFrom,
  oldestUnpaidDueOn,
  outstandingPrincipal,
  quoteSettlement,
  repaymentDateProblem,
  type LoanPosition,
  type PeriodState,
  type RepaymentKind,
  type RiskClass,
} from "~/domain/loan-servicing";
import { fenToYuanInput } from "~/domain/money-fen";
import { addDays, shanghaiDate, startOfShanghaiDay } from "~/domain/shanghai-time";

import type { BankActor } from "./actor";
import { checkBankSuspension } from "./bank-suspension.server";
import { notify } from "./notification.server";

type Tx = Prisma.TransactionClient;

export const RENEWAL_KINDS = ["STANDARD", "WITHOUT_PRINCIPAL_REPAYMENT"] as const;
export type RenewalKind = (typeof RENEWAL_KINDS)[number];

/** A Shanghai day as the Date stored in `...On` columns (Shanghai midnight, decision 007). */
export function dayToDb(day: string): Date {
  return startOfShanghaiDay(day);
}

export function dbToDay(date: Date): string {
  return shanghaiDate(date);
}

type StoredPeriod = {
  seq: number;
  dueOn: Date;
  principalFen: bigint;
  interestFen: bigint;
  paidPrincipalFen: bigint;
  paidInterestFen: bigint;
  paidOffOn: Date | null;
};

export function periodStateOf(p: StoredPeriod): PeriodState {
  return {
    seq: p.seq,
    dueOn: dbToDay(p.dueOn),
    principalFen: p.principalFen,
    interestFen: p.interestFen,
    paidPrincipalFen: p.paidPrincipalFen,
    paidInterestFen: p.paidInterestFen,
    paidOffOn: p.paidOffOn ? dbToDay(p.paidOffOn) : null,
  };
}

export const PERIOD_SELECT = {
  seq: true,
  dueOn: true,
  principalFen: true,
  interestFen: true,
  paidPrincipalFen: true,
  paidInterestFen: true,
  paidOffOn: true,
} as const;

/** What a loan's position — its schedule and what is paid, so a settlement quote — is computed from. */
export const POSITION_SELECT = {
  status: true,
  version: true,
  disbursedOn: true,
  rateBp: true,
  repaymentMethod: true,
  periods: { select: PERIOD_SELECT, orderBy: { seq: "asc" } },
} as const;

// ---------------------------------------------------------------- opening a loan

export type OpenLoanInput = {
  applicationId: string;
  enterpriseId: string;
  bankId: string;
  productId: string;
  principalYuan: number;
  rateBp: number;
  termMonths: number;
  /** "YYYY-MM-DD" */
  disbursedOn: string;
  method: RepaymentMethod;
  firstLoan: boolean;
  /** 续贷: the loan this one settles (early-warning helper's renewal flow passes it) */
  renewal?: { loanId: string; kind: RenewalKind };
};

/** Thrown inside the caller's transaction (rolls the disbursement back) when the renewal link is not allowed. */
export class RenewalRefused extends Error {}

/**
 * What a loan copies from its firm, application and product when it is disbursed — fixed from
 * then on: the sub-district (office scoping), section, size, whitelist flag and product type
 * (the indicators' loan-book filters read them from the loan's covering index; the schema's Loan).
 */
export async function loanCopiedFields(client: Tx | typeof db, applicationId: string) {
  const application = await client.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: {
      whitelisted: true,
      enterprise: { select: { subDistrictId: true, sectionCode: true, size: true } },
      product: { select: { type: true } },
    },
  });
  return {
    subDistrictId: application.enterprise.subDistrictId,
    sectionCode: application.enterprise.sectionCode,
    size: application.enterprise.size,
    whitelisted: application.whitelisted,
    productType: application.product.type,
  };
}

/**
 * Opens the loan of a disbursed application with its schedule, inside the transaction that moves
 * the application to DISBURSED (application-transition.server.ts): there is never a disbursed
 * application without its loan. A renewal settles the loan it renews in the same transaction.
 */
export async function openLoan(tx: Tx, input: OpenLoanInput) {
  const copied = await loanCopiedFields(tx, input.applicationId);
  const principalFen = BigInt(input.principalYuan) * 100n;
  const schedule = buildSchedule({
    principalFen,
    rateBp: input.rateBp,
    termMonths: input.termMonths,
    disbursedOn: input.disbursedOn,
    method: input.method,
  });
  const loan = await tx.loan.create({
    data: {
      applicationId: input.applicationId,
      enterpriseId: input.enterpriseId,
      bankId: input.bankId,
      productId: input.productId,
      ...copied,
      principalFen,
      rateBp: input.rateBp,
      termMonths: input.termMonths,
      disbursedOn: dayToDb(input.disbursedOn),
      maturityOn: dayToDb(maturityOf(input)),
      repaymentMethod: input.method,
      outstandingPrincipalFen: principalFen,
      oldestUnpaidDueOn: dayToDb(schedule[0].dueOn),
      firstLoan: input.firstLoan,
      renewsLoanId: input.renewal?.loanId ?? null,
      renewalKind: input.renewal?.kind ?? null,
    },
    select: { id: true },
  });
  await tx.loanPeriod.createMany({
    data: schedule.map((p) => ({
      loanId: loan.id,
      seq: p.seq,
      dueOn: dayToDb(p.dueOn),
      principalFen: p.principalFen,
      interestFen: p.interestFen,
    })),
  });
  if (input.renewal) await settleByRenewal(tx, input, loan.id);
  return loan;
}

/**
 * The old loan of a renewal: same firm and bank. 无还本续贷 takes over a loan still running (the
 * new loan settles it: one SETTLEMENT repayment on the RENEWAL channel, so the old loan's
 * repayments still add up to what it was paid); a plain 续贷 follows a loan already repaid.
 */
async function settleByRenewal(tx: Tx, input: OpenLoanInput, newLoanId: string) {
  const renewal = input.renewal!;
  const old = await tx.loan.findFirst({
    where: { id: renewal.loanId, enterpriseId: input.enterpriseId, bankId: input.bankId },
    select: { id: true, ...POSITION_SELECT },
  });
  if (!old) throw new RenewalRefused("the renewed loan is not this firm's loan at this bank");
  if (renewal.kind === "STANDARD") {
    if (old.status !== "SETTLED") throw new RenewalRefused("a plain renewal follows a repaid loan");
    await tx.loan.update({ where: { id: old.id }, data: { settledBy: "RENEWED" } });
    return;
  }
  if (old.status !== "ACTIVE") throw new RenewalRefused("无还本续贷 renews a running loan");
  const position = positionOf(old);
  const on = input.disbursedOn;
  const amountFen = quoteSettlement(position, on).settlementFen;
  const result = applyRepayment(position, { paidOn: on, amountFen });
  if (!result.ok) throw new RenewalRefused(result.error);
  await writeRepayment(tx, {
    loan: old,
    bankId: input.bankId,
    paidOn: on,
    amountFen,
    reference: `RENEWAL-${newLoanId}`,
    channel: "RENEWAL",
    reportedById: null,
    formKey: null,
    result,
    settledBy: "RENEWED",
  });
}

export function positionOf(loan: {
  disbursedOn: Date;
  rateBp: number;
  repaymentMethod: string;
  periods: StoredPeriod[];
}): LoanPosition {
  return {
    disbursedOn: dbToDay(loan.disbursedOn),
    rateBp: loan.rateBp,
    method: loan.repaymentMethod as RepaymentMethod,
    periods: loan.periods.map(periodStateOf),
  };
}

// ---------------------------------------------------------------- repayments

export type RepaymentFieldError =
  | "DATE_INVALID"
  | "DATE_FUTURE"
  | "DATE_BEFORE_DISBURSEMENT"
  | "DATE_BEFORE_LAST_REPAYMENT"
  | "AMOUNT_NOT_POSITIVE"
  | "MORE_THAN_OWED"
  | "NOTHING_OWED"
  | "DUPLICATE_REFERENCE";

/** The loans catalogue's message for each refusal, as the bank's screen and the API both say it. */
export const REPAYMENT_ERROR_MESSAGES = {
  DATE_INVALID: "loans.errors.paidOnInvalid",
  DATE_FUTURE: "loans.errors.paidOnFuture",
  DATE_BEFORE_DISBURSEMENT: "loans.errors.paidOnBeforeDisbursement",
  DATE_BEFORE_LAST_REPAYMENT: "loans.errors.paidOnBeforeLast",
  AMOUNT_NOT_POSITIVE: "loans.errors.amountNotPositive",
  MORE_THAN_OWED: "loans.errors.amountTooHigh",
  NOTHING_OWED: "loans.errors.nothingOwed",
  DUPLICATE_REFERENCE: "loans.errors.referenceDuplicate",
} as const satisfies Record<RepaymentFieldError, string>;

export type RecordRepaymentResult =
  | { ok: true; repaymentId: string; kind: RepaymentKind; settled: boolean; replayed: boolean }
  | { ok: false; error: "NOT_FOUND" | "CHANGED" | "KEY_TAKEN" }
  | {
      ok: false;
      error: "FIELD";
      field: "paidOn" | "amount" | "reference";
      code: RepaymentFieldError;
      maxFen?: bigint;
    };

class Changed extends Error {}

const DATE_ERRORS = {
  INVALID: "DATE_INVALID",
  FUTURE: "DATE_FUTURE",
  BEFORE_DISBURSEMENT: "DATE_BEFORE_DISBURSEMENT",
  BEFORE_LAST_REPAYMENT: "DATE_BEFORE_LAST_REPAYMENT",
} as const;

const LOAN_FOR_REPAYMENT = {
  id: true,
  ...POSITION_SELECT,
  enterpriseId: true,
  application: { select: { number: true } },
  repayments: { select: { paidOn: true }, orderBy: { paidOn: "desc" }, take: 1 },
} as const;

/**
 * Records a repayment the bank reports (its date, amount in 分 and its own reference) and applies
 * it to the schedule: the periods, the loan's totals and its oldest unpaid due date change in one
 * transaction, conditional on the loan's version, so two reports at once cannot both apply to
 * the same state. A refused repayment stores nothing and names the field.
 */
export async function recordRepayment({
  loanId,
  actor,
  paidOn,
  amountFen,
  reference,
  formKey = null,
  channel = "PORTAL",
  now = new Date(),
}: {
  loanId: string;
  actor: BankActor;
  paidOn: string;
  amountFen: bigint;
  reference: string;
  formKey?: string | null;
  channel?: "PORTAL" | "API";
  now?: Date;
}): Promise<RecordRepaymentResult> {
  if (formKey) {
    const earlier = await db.repayment.findUnique({
      where: { formKey },
      select: { id: true, loanId: true, bankId: true, kind: true, loan: { select: { status: true } } },
    });
    if (earlier) {
      if (earlier.bankId !== actor.bankId || earlier.loanId !== loanId)
        return { ok: false, error: "KEY_TAKEN" };
      return {
        ok: true,
        repaymentId: earlier.id,
        kind: earlier.kind as RepaymentKind,
        settled: earlier.loan.status === "SETTLED",
        replayed: true,
      };
    }
  }
  const loan = await db.loan.findFirst({
    where: { id: loanId, bankId: actor.bankId },
    select: LOAN_FOR_REPAYMENT,
  });
  if (!loan) return { ok: false, error: "NOT_FOUND" };
  const field = (f: "paidOn" | "amount" | "reference", code: RepaymentFieldError, maxFen?: bigint) =>
    ({ ok: false, error: "FIELD", field: f, code, ...(maxFen !== undefined ? { maxFen } : {}) }) as const;

  const dateProblem = repaymentDateProblem({
    paidOn,
    today: shanghaiDate(now),
    disbursedOn: dbToDay(loan.disbursedOn),
    lastPaidOn: loan.repayments[0] ? dbToDay(loan.repayments[0].paidOn) : null,
  });
  if (dateProblem) return field("paidOn", DATE_ERRORS[dateProblem]);
  if (amountFen <= 0n) return field("amount", "AMOUNT_NOT_POSITIVE");
  if (loan.status !== "ACTIVE") return field("amount", "NOTHING_OWED");
  const taken = await db.repayment.findUnique({
    where: { bankId_reference: { bankId: actor.bankId, reference } },
    select: { id: true },
  });
  if (taken) return field("reference", "DUPLICATE_REFERENCE");

  const result = applyRepayment(positionOf(loan), { paidOn, amountFen });
  if (!result.ok)
    return field("amount", result.error, result.error === "MORE_THAN_OWED" ? result.maxFen : undefined);

  try {
    const repaymentId = await db.$transaction(async (tx) => {
      const id = await writeRepayment(tx, {
        loan,
        bankId: actor.bankId,
        paidOn,
        amountFen,
        reference,
        channel,
        reportedById: actor.id,
        formKey,
        result,
        settledBy: "REPAID",
      });
      // a repayment on a loan filed with the pool changes its bank's overdue ratio there
      if (await tx.filing.findUnique({ where: { loanId: loan.id }, select: { id: true } }))
        await checkBankSuspension(tx, actor.bankId, now);
      await notify.enterprise(tx, loan.enterpriseId, {
        kind: result.settled ? "loan.SETTLED" : "loan.REPAID",
        params: { number: loan.application.number, amount: fenToYuanInput(amountFen), date: paidOn },
        link: `/enterprise/loans/${loan.id}`,
      });
      return id;
    });
    return { ok: true, repaymentId, kind: result.kind, settled: result.settled, replayed: false };
  } catch (error) {
    if (error instanceof Changed) return { ok: false, error: "CHANGED" };
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      // A double submit of the same form, or the same reference reported twice at once.
      if (formKey) {
        const again = await recordRepayment({
          loanId,
          actor,
          paidOn,
          amountFen,
          reference,
          formKey,
          channel,
          now,
        });
        if (again.ok) return again;
      }
      return field("reference", "DUPLICATE_REFERENCE");
    }
    throw error;
  }
}

type Applied = Extract<ReturnType<typeof applyRepayment>, { ok: true }>;

/** Stores an applied repayment: the row, the periods that changed, the loan's totals (conditional on its version). */
async function writeRepayment(
  tx: Tx,
  {
    loan,
    bankId,
    paidOn,
    amountFen,
    reference,
    channel,
    reportedById,
    formKey,
    result,
    settledBy,
  }: {
    loan: { id: string; version: number; periods: StoredPeriod[] };
    bankId: string;
    paidOn: string;
    amountFen: bigint;
    reference: string;
    channel: "PORTAL" | "API" | "RENEWAL";
    reportedById: string | null;
    formKey: string | null;
    result: Applied;
    settledBy: "REPAID" | "RENEWED";
  },
): Promise<string> {
  const outstanding = outstandingPrincipal(result.periods);
  const oldest = oldestUnpaidDueOn(result.periods);
  const updated = await tx.loan.updateMany({
    where: { id: loan.id, version: loan.version, status: "ACTIVE" },
    data: {
      version: { increment: 1 },
      outstandingPrincipalFen: outstanding,
      paidPrincipalFen: { increment: result.principalFen },
      paidInterestFen: { increment: result.interestFen },
      oldestUnpaidDueOn: oldest ? dayToDb(oldest) : null,
      ...(result.settled ? { status: "SETTLED", settledOn: dayToDb(paidOn), settledBy } : {}),
    },
  });
  if (updated.count !== 1) throw new Changed();

  const before = new Map(loan.periods.map((p) => [p.seq, periodStateOf(p)]));
  const kept = new Set(result.periods.map((p) => p.seq));
  const removed = [...before.keys()].filter((seq) => !kept.has(seq));
  if (removed.length) await tx.loanPeriod.deleteMany({ where: { loanId: loan.id, seq: { in: removed } } });
  for (const p of result.periods) {
    const old = before.get(p.seq);
    if (
      old &&
      old.principalFen === p.principalFen &&
      old.interestFen === p.interestFen &&
      old.paidPrincipalFen === p.paidPrincipalFen &&
      old.paidInterestFen === p.paidInterestFen &&
      old.paidOffOn === p.paidOffOn
    )
      continue;
    await tx.loanPeriod.update({
      where: { loanId_seq: { loanId: loan.id, seq: p.seq } },
      data: {
        principalFen: p.principalFen,
        interestFen: p.interestFen,
        paidPrincipalFen: p.paidPrincipalFen,
        paidInterestFen: p.paidInterestFen,
        paidOffOn: p.paidOffOn ? dayToDb(p.paidOffOn) : null,
      },
    });
  }
  const row = await tx.repayment.create({
    data: {
      loanId: loan.id,
      bankId,
      reference,
      paidOn: dayToDb(paidOn),
      amountFen,
      principalFen: result.principalFen,
      interestFen: result.interestFen,
      kind: result.kind,
      allocation: JSON.stringify(
        result.allocation.map((a) => ({
          seq: a.seq,
          interestFen: a.interestFen.toString(),
          principalFen: a.principalFen.toString(),
        })),
      ),
      channel,
      reportedById,
      formKey,
    },
    select: { id: true },
  });
  return row.id;
}

// ---------------------------------------------------------------- risk class

export type ReportClassResult =
  { ok: true } | { ok: false; error: "NOT_FOUND" | "CHANGED" | "BETTER_THAN_FLOOR" | "SETTLED" };

/** The bank reports the loan's class: worse than the DPD floor is allowed, better never. */
export async function reportRiskClass({
  loanId,
  actor,
  riskClass,
  now = new Date(),
}: {
  loanId: string;
  actor: BankActor;
  riskClass: RiskClass;
  now?: Date;
}): Promise<ReportClassResult> {
  const loan = await db.loan.findFirst({
    where: { id: loanId, bankId: actor.bankId },
    select: { id: true, version: true, status: true, oldestUnpaidDueOn: true },
  });
  if (!loan) return { ok: false, error: "NOT_FOUND" };
  if (loan.status !== "ACTIVE") return { ok: false, error: "SETTLED" };
  const dpd = daysPastDueFrom(
    loan.oldestUnpaidDueOn ? dbToDay(loan.oldestUnpaidDueOn) : null,
    shanghaiDate(now),
  );
  if (classReportProblem(riskClass, dpd)) return { ok: false, error: "BETTER_THAN_FLOOR" };
  const updated = await db.loan.updateMany({
    where: { id: loan.id, version: loan.version },
    data: { reportedRiskClass: riskClass, reportedRiskClassAt: now, version: { increment: 1 } },
  });
  return updated.count === 1 ? { ok: true } : { ok: false, error: "CHANGED" };
}

// ---------------------------------------------------------------- due-date reminders

export const REMINDER_DAYS = 7;
const REMINDER_BATCH = 200;

/**
 * Tells each firm of a period falling due within the next 7 days (SPEC: reminded 7 days before a
 * due date; a night the job did not run is caught up the next). Safe to run twice, or on two
 * servers at once: a period is claimed by a conditional update of its reminderSentAt, and only the
 * run whose update matched writes the notification, in the same transaction.
 */
export async function sendDueReminders(now = new Date()): Promise<{ sent: number }> {
  const today = shanghaiDate(now);
  const from = dayToDb(today);
  const to = dayToDb(addDays(today, REMINDER_DAYS));
  let sent = 0;
  let cursor: string | undefined;
  for (;;) {
    const periods = await db.loanPeriod.findMany({
      where: {
        dueOn: { gte: from, lte: to },
        paidOffOn: null,
        reminderSentAt: null,
        loan: { status: "ACTIVE" },
        ...(cursor ? { id: { gt: cursor } } : {}),
      },
      select: {
        id: true,
        dueOn: true,
        principalFen: true,
        interestFen: true,
        paidPrincipalFen: true,
        paidInterestFen: true,
        loan: { select: { id: true, enterpriseId: true, application: { select: { number: true } } } },
      },
      orderBy: { id: "asc" },
      take: REMINDER_BATCH,
    });
    if (periods.length === 0) break;
    cursor = periods[periods.length - 1].id;
    await db.$transaction(async (tx) => {
      for (const p of periods) {
        const claimed = await tx.loanPeriod.updateMany({
          where: { id: p.id, reminderSentAt: null },
          data: { reminderSentAt: now },
        });
        if (claimed.count !== 1) continue;
        const unpaid = p.principalFen + p.interestFen - p.paidPrincipalFen - p.paidInterestFen;
        await notify.enterprise(tx, p.loan.enterpriseId, {
          kind: "loan.DUE_SOON",
          params: {
            number: p.loan.application.number,
            amount: fenToYuanInput(unpaid),
            date: dbToDay(p.dueOn),
          },
          link: `/enterprise/loans/${p.loan.id}`,
        });
        sent++;
      }
    });
  }
  return { sent };
}
