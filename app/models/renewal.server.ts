/**
 * 续贷 (SPEC "Early warning and renewals"): the 60- and 30-day notices before maturity, and the
 * firm's one-step renewal request — an application to the loan's product, prefilled from the loan
 * and linked to it (RenewalRequest). The bank answers when it disburses (ordinary renewal or
 * 无还本续贷, application-transition.server.ts), and the new loan settles the old one
 * (loan.server.ts, openLoan).
 */
import { Prisma } from "@prisma/client";

import { db } from "~/db.server";
import {
  dueRenewalWindow,
  renewalNoticeDay,
  renewalRequestOpen,
  type RenewalWindow,
} from "~/domain/renewal-windows";
import { addDays, shanghaiDate } from "~/domain/shanghai-time";
import { shanghaiIsoTime } from "~/domain/webhook-events";
import { fenToYuanInput } from "~/domain/money-fen";

import type { EnterpriseActor } from "./actor";
import {
  OPEN_APPLICATION_STATES,
  submitApplication,
  type SubmitResult,
} from "./enterprise-application.server";
import { dayToDb, dbToDay, type RenewalKind } from "./loan.server";
import { notify } from "./notification.server";
import { getCalendar } from "./settings.server";
import { recordEvent } from "./webhook-event.server";

const BATCH = 200;

/**
 * Sends the renewal notice due today for every running loan maturing within the widest window:
 * a notification to the firm and to the bank's officers, and a `loan.renewal_due` event to the
 * bank's systems, in one transaction with the RenewalNotice row. Idempotent per (loan, window):
 * the row's unique key refuses a second notice — a run repeated, or one on another server.
 */
export async function sendRenewalReminders(now = new Date()): Promise<{ sent: number }> {
  const calendar = await getCalendar();
  const today = shanghaiDate(now);
  let sent = 0;
  let cursor: string | undefined;
  for (;;) {
    const loans = await db.loan.findMany({
      where: {
        status: "ACTIVE",
        // a few days beyond 60: a notice day moved back before a long holiday
        maturityOn: { gt: dayToDb(today), lte: dayToDb(addDays(today, 75)) },
        ...(cursor ? { id: { gt: cursor } } : {}),
      },
      select: {
        id: true,
        enterpriseId: true,
        bankId: true,
        maturityOn: true,
        outstandingPrincipalFen: true,
        application: { select: { number: true } },
        enterprise: { select: { name: true, uscc: true } },
        renewalNotices: { select: { daysBefore: true } },
      },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (loans.length === 0) break;
    cursor = loans[loans.length - 1].id;
    for (const loan of loans) {
      const maturity = dbToDay(loan.maturityOn);
      const window = dueRenewalWindow(maturity, today, calendar);
      if (window === null || loan.renewalNotices.some((n) => n.daysBefore === window)) continue;
      if (await sendNotice(loan, window, maturity, now)) sent += 1;
    }
  }
  return { sent };
}

async function sendNotice(
  loan: {
    id: string;
    enterpriseId: string;
    bankId: string;
    outstandingPrincipalFen: bigint;
    application: { number: string };
    enterprise: { name: string; uscc: string };
  },
  window: RenewalWindow,
  maturity: string,
  now: Date,
): Promise<boolean> {
  const params = {
    number: loan.application.number,
    enterprise: loan.enterprise.name,
    date: maturity,
    days: window,
    amount: fenToYuanInput(loan.outstandingPrincipalFen),
  };
  try {
    await db.$transaction(async (tx) => {
      await tx.renewalNotice.create({ data: { loanId: loan.id, daysBefore: window, sentAt: now } });
      await notify.enterprise(tx, loan.enterpriseId, {
        kind: "loan.RENEWAL_DUE",
        params,
        link: `/enterprise/renewals/${loan.id}`,
      });
      await notify.bank(tx, loan.bankId, {
        kind: "loan.RENEWAL_DUE_BANK",
        params,
        link: `/bank/loans/${loan.id}`,
      });
      await recordEvent(tx, {
        type: "loan.renewal_due",
        bankIds: [loan.bankId],
        orderingKey: `enterprise:${loan.enterpriseId}`,
        now,
        data: {
          loan: { id: loan.id, applicationNumber: loan.application.number },
          enterprise: { uscc: loan.enterprise.uscc, name: loan.enterprise.name },
          maturityOn: maturity,
          daysBefore: window,
          outstandingPrincipal: params.amount,
          noticeAt: shanghaiIsoTime(now),
        },
      });
    });
    return true;
  } catch (error) {
    // the notice of this window is already on record (another run got there first)
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
}

// ---------------------------------------------------------------- the firm's request

export type RenewalPrefill = {
  loan: {
    id: string;
    number: string;
    maturityOn: string;
    principalYuan: number;
    outstandingYuan: number;
    termMonths: number;
    rateBp: number;
    bank: { name: string; nameEn: string };
    product: { id: string; name: string; minTermMonths: number; maxTermMonths: number; published: boolean };
  };
  /** null: the firm may ask now; otherwise why not */
  closed: null | "NOT_YET" | "MATURED" | "NOT_ACTIVE" | "PRODUCT_UNAVAILABLE";
  /** the firm's open renewal request of this loan, if any */
  pending: { applicationId: string; number: string } | null;
  opensOn: string;
};

/** The firm's loan as a renewal request starts from (null: not the firm's loan → 404). */
export async function getRenewalPrefill(
  actor: EnterpriseActor,
  loanId: string,
  now = new Date(),
): Promise<RenewalPrefill | null> {
  const loan = await db.loan.findFirst({
    where: { id: loanId, enterpriseId: actor.enterpriseId },
    select: {
      id: true,
      status: true,
      maturityOn: true,
      principalFen: true,
      outstandingPrincipalFen: true,
      termMonths: true,
      rateBp: true,
      application: { select: { number: true } },
      bank: { select: { name: true, nameEn: true, active: true } },
      product: {
        select: { id: true, name: true, status: true, minTermMonths: true, maxTermMonths: true },
      },
      renewalRequests: {
        where: { application: { state: { in: [...OPEN_APPLICATION_STATES] } } },
        select: { application: { select: { id: true, number: true } } },
        take: 1,
      },
    },
  });
  if (!loan) return null;
  const calendar = await getCalendar();
  const today = shanghaiDate(now);
  const maturity = dbToDay(loan.maturityOn);
  const published = loan.product.status === "PUBLISHED" && loan.bank.active;
  let closed: RenewalPrefill["closed"] = null;
  if (loan.status !== "ACTIVE") closed = "NOT_ACTIVE";
  else if (today >= maturity) closed = "MATURED";
  else if (!renewalRequestOpen(maturity, today, calendar)) closed = "NOT_YET";
  else if (!published) closed = "PRODUCT_UNAVAILABLE";
  const pending = loan.renewalRequests[0]?.application ?? null;
  return {
    loan: {
      id: loan.id,
      number: loan.application.number,
      maturityOn: maturity,
      principalYuan: Number(loan.principalFen / 100n),
      outstandingYuan: Number(loan.outstandingPrincipalFen / 100n),
      termMonths: loan.termMonths,
      rateBp: loan.rateBp,
      bank: { name: loan.bank.name, nameEn: loan.bank.nameEn },
      product: {
        id: loan.product.id,
        name: loan.product.name,
        minTermMonths: loan.product.minTermMonths,
        maxTermMonths: loan.product.maxTermMonths,
        published,
      },
    },
    closed,
    pending: pending ? { applicationId: pending.id, number: pending.number } : null,
    opensOn: renewalNoticeDay(maturity, 60, calendar),
  };
}

export type RenewalRequestResult =
  | SubmitResult
  | { ok: false; error: "CLOSED"; reason: NonNullable<RenewalPrefill["closed"]> }
  | { ok: false; error: "PENDING"; existing: { id: string; number: string } };

/**
 * The firm asks to renew its loan: an application to the loan's product (eligibility, the FULL
 * authorisation and the bank's notification as for any application) with its RenewalRequest in the
 * same transaction. Refused outside the window, for a loan not running, or with a request pending.
 */
export async function requestRenewal(
  actor: EnterpriseActor,
  loanId: string,
  input: { amountYuan: number; termMonths: number; purpose: string; kind: RenewalKind },
  now = new Date(),
): Promise<RenewalRequestResult> {
  const prefill = await getRenewalPrefill(actor, loanId, now);
  if (!prefill) return { ok: false, error: "NOT_FOUND" };
  if (prefill.closed) return { ok: false, error: "CLOSED", reason: prefill.closed };
  if (prefill.pending)
    return {
      ok: false,
      error: "PENDING",
      existing: { id: prefill.pending.applicationId, number: prefill.pending.number },
    };
  return submitApplication(
    actor,
    {
      productId: prefill.loan.product.id,
      amountYuan: input.amountYuan,
      termMonths: input.termMonths,
      purpose: input.purpose,
    },
    now,
    {
      inTransaction: async (tx, applicationId) => {
        await tx.renewalRequest.create({
          data: { applicationId, loanId, requestedKind: input.kind, createdAt: now },
        });
      },
    },
  );
}
