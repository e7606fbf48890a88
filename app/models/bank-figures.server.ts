import { INDICATOR_PERIODS, type IndicatorPeriod } from "~/domain/indicators";
import { addDays, isIsoDay, shanghaiDate, startOfShanghaiDay } from "~/domain/shanghai-time";

import type { BankActor } from "./actor";
import { countOverdue } from "./bank-application.server";
import { getApplicationTotals } from "./indicators.server";

/**
 * A bank's own figures for the days fromDay–toDay: the district's indicators (same definitions,
 * app/domain/indicators.ts) restricted to this bank, plus the open applications past their SLA
 * now (not period-bound).
 */
export async function getBankFigures(
  actor: BankActor,
  { fromDay, toDay, now = new Date() }: { fromDay: string; toDay: string; now?: Date },
) {
  const [totals, overdue] = await Promise.all([
    getApplicationTotals(actor, { fromDay, toDay }, now),
    countOverdue(actor, now),
  ]);
  return {
    responses: totals.responded,
    /** mean working days, one decimal; null without responses */
    responseDays: totals.avgResponseDays,
    overdue,
    approved: totals.approved,
    rejected: totals.rejected,
    /** per mille, null without decisions */
    approvalRatePermille: totals.approvalRatePermille,
    disbursedCount: totals.disbursedCount,
    disbursedYuan: totals.disbursedYuan,
    /** basis points, rounded; null without loans */
    weightedRateBp: totals.weightedRateBp,
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
  const period: IndicatorPeriod = (INDICATOR_PERIODS as readonly string[]).includes(requested)
    ? (requested as IndicatorPeriod)
    : "year";
  const pad = (n: number) => String(n).padStart(2, "0");
  const thisYear = { period: "year" as IndicatorPeriod, fromDay: `${year}-01-01`, toDay: today };
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
