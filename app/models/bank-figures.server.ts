import { db } from "~/db.server";
import { FIGURE_PERIODS, type FigurePeriod } from "~/domain/decision-rules";
import { addDays, isIsoDay, shanghaiDate, startOfShanghaiDay } from "~/domain/shanghai-time";

import type { BankActor } from "./actor";
import { countOverdue } from "./bank-application.server";
import { getCalendar } from "./settings.server";

/**
 * A bank's own figures for a period [from, to) — the same definitions as the district's
 * indicators (SPEC "Financing-difficulty indicators"), restricted to this bank:
 * - response time: mean working days from submission to first response (accept or reject),
 *   over first responses given in the period; applications born from an accepted offer are
 *   left out (the offer was the answer, there was no wait);
 * - overdue: open applications past their SLA now (not period-bound);
 * - approval rate: approved ÷ (approved + rejected), decisions made in the period;
 * - disbursed: count and sum of loans disbursed in the period;
 * - weighted average rate: Σ(amount × rate) ÷ Σ amount over those loans.
 */
export async function getBankFigures(
  actor: BankActor,
  { from, to, now = new Date() }: { from: Date; to: Date; now?: Date },
) {
  const inPeriod = { gte: from, lt: to };
  const [responses, approved, rejected, loans, overdue, calendar] = await Promise.all([
    db.application.findMany({
      where: { bankId: actor.bankId, firstResponseAt: inPeriod, offerId: null },
      select: { submittedAt: true, firstResponseAt: true },
    }),
    db.application.count({
      where: { bankId: actor.bankId, decidedAt: inPeriod, approvedAmountYuan: { not: null } },
    }),
    db.application.count({ where: { bankId: actor.bankId, decidedAt: inPeriod, state: "REJECTED" } }),
    db.application.findMany({
      where: { bankId: actor.bankId, state: "DISBURSED", disbursedAt: inPeriod },
      select: { disbursedAmountYuan: true, disbursedRateBp: true },
    }),
    countOverdue(actor, now),
    getCalendar(),
  ]);

  let workingDays = 0;
  for (const row of responses)
    workingDays += calendar.workingDaysBetween(row.submittedAt, row.firstResponseAt!);
  // BigInt: Σ amount × rate can pass 2^53 for a large bank's year.
  let amount = 0n;
  let weighted = 0n;
  for (const loan of loans) {
    const yuan = BigInt(loan.disbursedAmountYuan ?? 0);
    amount += yuan;
    weighted += yuan * BigInt(loan.disbursedRateBp ?? 0);
  }
  return {
    responses: responses.length,
    /** mean working days, one decimal; null without responses */
    responseDays: responses.length ? Math.round((workingDays / responses.length) * 10) / 10 : null,
    overdue,
    approved,
    rejected,
    /** per mille, null without decisions */
    approvalRatePermille: approved + rejected ? Math.round((approved * 1000) / (approved + rejected)) : null,
    disbursedCount: loans.length,
    disbursedYuan: Number(amount),
    /** basis points, rounded; null without loans */
    weightedRateBp: amount > 0n ? Number((weighted + amount / 2n) / amount) : null,
  };
}

/**
 * The period of the figures from the query string: a preset (this year by default) or custom
 * days `from`–`to` (both included). A bad custom range falls back to this year with an error
 * key, never an error page.
 */
export function parseFigurePeriod(params: URLSearchParams, now = new Date()) {
  const today = shanghaiDate(now);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const requested = params.get("period") ?? "year";
  const period: FigurePeriod = (FIGURE_PERIODS as readonly string[]).includes(requested)
    ? (requested as FigurePeriod)
    : "year";
  const pad = (n: number) => String(n).padStart(2, "0");
  const thisYear = { period: "year" as FigurePeriod, fromDay: `${year}-01-01`, toDay: today };
  let range = thisYear;
  let error: string | null = null;
  switch (period) {
    case "lastYear":
      range = { period, fromDay: `${year - 1}-01-01`, toDay: `${year - 1}-12-31` };
      break;
    case "quarter": {
      const first = Math.floor((month - 1) / 3) * 3 + 1;
      range = { period, fromDay: `${year}-${pad(first)}-01`, toDay: today };
      break;
    }
    case "month":
      range = { period, fromDay: `${year}-${pad(month)}-01`, toDay: today };
      break;
    case "custom": {
      const fromDay = params.get("from") ?? "";
      const toDay = params.get("to") ?? "";
      if (
        !isIsoDay(fromDay) ||
        !isIsoDay(toDay) ||
        fromDay > toDay ||
        fromDay < "2000-01-01" ||
        toDay > "2100-12-31"
      ) {
        error = "bank.figures.badPeriod";
      } else range = { period, fromDay, toDay };
      break;
    }
  }
  return {
    ...range,
    error,
    from: startOfShanghaiDay(range.fromDay),
    to: startOfShanghaiDay(addDays(range.toDay, 1)),
  };
}
