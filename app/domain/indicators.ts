/**
 * The financing-difficulty indicators (SPEC "Financing-difficulty indicators"): their
 * definitions, the shape of a report, and the pure arithmetic that turns aggregated facts into
 * figures. The SQL that gathers the facts lives in app/models/indicator-facts.server.ts; nothing
 * here does I/O, so every rule below is unit-tested with hand-computed numbers.
 *
 * Definitions (shown on the dashboard from app/i18n/{zh-CN,en}/indicators.server.ts; keep both in step):
 * - Period: Shanghai calendar days `fromDay`–`toDay`, both included. Each fact belongs to the
 *   period of its own date: submissions by submittedAt, decisions by decidedAt, loans by
 *   disbursedAt, demands by createdAt, firms by verifiedAt, whitelist entries by approvedAt.
 * - Filters: sub-district, industry section, size and whitelist apply to the firm; bank to the
 *   application's bank. The whitelist filter reads the flag the application carries (whitelisted
 *   when it was filed); for firm counts it reads whether the firm is whitelisted now.
 *   Registered firms and demands do not belong to a bank: under a bank filter they are null
 *   ("not applicable"), never a district figure presented as the bank's.
 * - registeredFirms: verified firms at the end of the period (stock); newFirms: verified in it.
 * - authorisingFirms: firms with at least one live authorisation (granted, not revoked, not
 *   expired) at the end of the period — or now, when the period has not ended; with a bank
 *   filter, authorisations for that bank or for all banks.
 * - demands / demandYuan: demands posted in the period, count and total amount.
 * - applications: applications submitted in the period.
 * - responseWithinSla: of the applications submitted in the period that have a first response
 *   (accept or reject) or whose first-response deadline has passed unanswered ("due"), the
 *   share answered by the deadline (n working days after the submission day; 调休 counts).
 *   Applications born from an accepted offer are left out: the offer was the answer. Withdrawn
 *   before any answer: left out.
 * - avgResponseDays: mean working days from submission to first response over the answered
 *   applications above (one decimal).
 * - approvalRate (对接成功率): approved ÷ (approved + rejected), decisions made in the period.
 * - disbursed: loans disbursed in the period, count and amount.
 * - creditShare (信用贷款占比): disbursed amount of products with guarantee type CREDIT ÷ all.
 * - firstTimeBorrowers (首贷户): firms whose first ever disbursed loan on the portal fell in the
 *   period and that did not declare an earlier bank loan at registration.
 * - weightedRate: Σ(amount × rate) ÷ Σ amount over the loans disbursed in the period; spread:
 *   Σ(amount × (rate − LPR in force on the disbursement day)) ÷ Σ amount.
 * - timeToMoney: calendar and working days from submission to disbursement of those loans,
 *   median and 90th percentile (nearest rank).
 * - whitelistConversion: firms whose whitelist entry was approved in the period that had a loan
 *   disbursed within 90 calendar days of the approval ÷ those firms.
 * - rejectionReasons: rejections decided in the period by reason code.
 * - inclusiveShare (普惠): disbursed amount to micro and small firms ÷ all disbursed amount.
 * - outstanding (贷款余额): principal not yet repaid at the end of the period (or now, when the
 *   period has not ended) over the loans disbursed by then: principal − Σ repaid principal
 *   (repayments dated on or before that day). Not kept per month.
 * - overdueRatio (逾期率): outstanding principal of the loans past due on that day (something due
 *   before it was still unpaid at its end) ÷ outstanding principal — the whole balance of an
 *   overdue loan counts, as in 逾期贷款余额 (docs/decisions/014-loans-and-schedules.md).
 * - nplRatio (不良率): outstanding principal of the non-performing loans (次级、可疑、损失: more
 *   than 90 days past due, or reported so by the bank — the class the bank reports now) ÷
 *   outstanding principal.
 * - renewals (续贷): loans disbursed in the period that settle an earlier loan, count and amount,
 *   and of them 无还本续贷 (renewed without first repaying the principal); new lending is the
 *   disbursed amount less the renewals.
 * - alertAcknowledgement (贷后预警确认): credit alerts whose acknowledgement deadline (N working days
 *   after the alert, setting alert.acknowledgeWorkingDays) fell in the period and that are either
 *   acknowledged or past the deadline at the report's "now"; late = acknowledged after the deadline,
 *   or still unacknowledged after it. By the alert's bank; the firm filters apply to the firm.
 * - Breakdowns of the loan figures: by the loan's bank, its sub-district (at disbursement), the
 *   product type, the firm's size and section, first loan (首贷) or repeat. Applications are
 *   first-loan when the firm declared no earlier bank loan and had none disbursed before it applied.
 *
 * Shares are per mille (integers, rounded half up); amounts whole 元; rates basis points.
 */
import { REJECT_REASONS, type RejectReason } from "./application-machine";
import { addDays, daysBetween, isIsoDay } from "./shanghai-time";
import type { WorkingDayCalendar } from "./working-days";

export const INDICATOR_IDS = [
  "registeredFirms",
  "authorisingFirms",
  "demands",
  "applications",
  "responseWithinSla",
  "avgResponseDays",
  "approvalRate",
  "disbursed",
  "creditShare",
  "firstTimeBorrowers",
  "weightedRate",
  "timeToMoney",
  "whitelistConversion",
  "rejectionReasons",
  "inclusiveShare",
  "outstanding",
  "overdueRatio",
  "nplRatio",
  "renewals",
  "alertAcknowledgement",
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

/** The periods a dashboard offers: presets up to today, or custom days (both included). */
export const INDICATOR_PERIODS = ["year", "lastYear", "quarter", "month", "custom"] as const;
export type IndicatorPeriod = (typeof INDICATOR_PERIODS)[number];

/** What a breakdown groups by. */
export const INDICATOR_DIMENSIONS = [
  "subDistrict",
  "bank",
  "section",
  "size",
  "productType",
  "borrower",
] as const;
/** The keys of the "borrower" dimension: 首贷 or repeat. */
export const BORROWER_KEYS = ["FIRST", "REPEAT"] as const;
export type IndicatorDimension = (typeof INDICATOR_DIMENSIONS)[number];

export const WHITELIST_FILTERS = ["yes", "no"] as const;
export type WhitelistFilter = (typeof WHITELIST_FILTERS)[number];

export interface IndicatorFilter {
  /** first day of the period, "YYYY-MM-DD" Shanghai */
  fromDay: string;
  /** last day of the period, included */
  toDay: string;
  subDistrictId?: string | null;
  bankId?: string | null;
  sectionCode?: string | null;
  size?: string | null;
  whitelist?: WhitelistFilter | null;
}

export interface TimeToMoney {
  calendarMedian: number | null;
  calendarP90: number | null;
  workingMedian: number | null;
  workingP90: number | null;
}

export interface IndicatorValues {
  /** null: not applicable (a bank filter, or a monthly point of a stock figure not kept per month) */
  registeredFirms: number | null;
  newFirms: number | null;
  authorisingFirms: number | null;
  demands: number | null;
  demandYuan: number | null;
  applications: number;
  /** answered or past the deadline unanswered */
  responseDue: number;
  responseWithinSla: number;
  responseWithinSlaPermille: number | null;
  responded: number;
  /** mean working days, one decimal */
  avgResponseDays: number | null;
  approved: number;
  rejected: number;
  approvalRatePermille: number | null;
  disbursedCount: number;
  disbursedYuan: number;
  creditYuan: number;
  creditSharePermille: number | null;
  firstTimeBorrowers: number;
  weightedRateBp: number | null;
  spreadBp: number | null;
  timeToMoney: TimeToMoney;
  whitelistedFirms: number | null;
  convertedFirms: number | null;
  whitelistConversionPermille: number | null;
  rejectionReasons: Record<RejectReason, number>;
  inclusiveYuan: number;
  inclusiveSharePermille: number | null;
  /** the loan book at the period's end: null when not kept (a monthly point) */
  activeLoans: number | null;
  outstandingYuan: number | null;
  overdueYuan: number | null;
  overdueRatioPermille: number | null;
  nplYuan: number | null;
  nplRatioPermille: number | null;
  /** loans disbursed in the period that renew an earlier one (all kinds), and 无还本续贷 apart */
  renewals: number;
  renewalYuan: number;
  withoutRepaymentRenewals: number;
  withoutRepaymentYuan: number;
  /** disbursed amount less renewals */
  newLendingYuan: number;
  /** credit alerts due in the period (acknowledged, or past the deadline), and the late ones */
  alertsDue: number;
  lateAlertAcks: number;
}

export interface IndicatorReport {
  filter: IndicatorFilter;
  /** ISO time the figures were computed */
  generatedAt: string;
  totals: IndicatorValues;
  /** one point per calendar month touched by the period, "YYYY-MM" */
  monthly: { month: string; values: IndicatorValues }[];
  breakdown: { dimension: IndicatorDimension; rows: { key: string; values: IndicatorValues }[] };
}

// ---------------------------------------------------------------------------------------------
// Facts: what the SQL returns, already aggregated. Every fact row belongs to one group (a month,
// a sub-district, a bank…, or "" for the whole period); the reducers below work per group.

/** Submissions, grouped by submission day and first-response day. */
export interface ResponseFact {
  submitDay: string;
  /** null: not answered */
  responseDay: string | null;
  /** unanswered and still waiting (state SUBMITTED); unanswered and not pending = withdrawn */
  pending: boolean;
  /** born from an accepted offer (left out of the response figures) */
  fromOffer: boolean;
  count: number;
}

/** Decisions in the period: outcome APPROVED or the reject reason. */
export interface DecisionFact {
  outcome: "APPROVED" | RejectReason;
  count: number;
}

/** Loans disbursed in the period, grouped by submission and disbursement day. */
export interface LoanFact {
  submitDay: string;
  disburseDay: string;
  count: number;
  amountYuan: number;
  /** Σ amount × rate (元·bp); can pass 2^53 over a year, hence bigint */
  amountRate: bigint;
  creditYuan: number;
  inclusiveYuan: number;
  firstLoans: number;
}

/** Firm-level figures of a group; null where not applicable (see the header). */
export interface FirmFacts {
  registered: number | null;
  newFirms: number | null;
  authorising: number | null;
  demands: number | null;
  demandYuan: number | null;
  whitelisted: number | null;
  converted: number | null;
}

/** No firm figures (a bank breakdown row, or a firm figure not kept for the group). */
export const NO_FIRM_FACTS: FirmFacts = {
  registered: null,
  newFirms: null,
  authorising: null,
  demands: null,
  demandYuan: null,
  whitelisted: null,
  converted: null,
};

/** The loan book of a group at the period's end, amounts in 分. */
export interface LoanBookFact {
  loans: number;
  outstandingFen: bigint;
  overdueFen: bigint;
  nplFen: bigint;
}

export const NO_LOAN_BOOK: LoanBookFact = { loans: 0, outstandingFen: 0n, overdueFen: 0n, nplFen: 0n };

/** Renewal loans disbursed in the period by kind, amounts in 分. */
export interface RenewalFact {
  kind: "STANDARD" | "WITHOUT_PRINCIPAL_REPAYMENT";
  count: number;
  amountFen: bigint;
}

/** Credit alerts whose acknowledgement fell due in the period: how many, and how many late. */
export interface AlertAckFact {
  due: number;
  late: number;
}

export interface GroupFacts {
  /** every submission of the group (its count of applications is their sum) */
  responses: ResponseFact[];
  decisions: DecisionFact[];
  loans: LoanFact[];
  firms: FirmFacts;
  /** null: not kept for the group (a monthly point) */
  book: LoanBookFact | null;
  renewals: RenewalFact[];
  /** absent: no alert figures for the group */
  alertAcks?: AlertAckFact[];
}

export interface ReduceContext {
  calendar: WorkingDayCalendar;
  /** working days allowed for the first response */
  firstResponseDays: number;
  /** the report's "now": an unanswered application is due once its deadline day has ended */
  today: string;
  /** LPR history, effective day ascending */
  lpr: readonly { effectiveDay: string; rateBp: number }[];
}

// ---------------------------------------------------------------------------------------------

/** part ÷ whole in ‰, rounded half up; null when whole is 0. */
export function permille(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.floor((part * 1000) / whole + 0.5);
}

/** part ÷ whole in ‰ with bigint amounts, rounded half up; null when whole is 0. */
export function permilleOf(part: bigint, whole: bigint): number | null {
  if (whole <= 0n) return null;
  return Number((part * 2000n + whole) / (2n * whole));
}

/** 分 → whole 元, half up (figures are shown in 万元). */
export function fenToYuan(fen: bigint): number {
  return Number((fen + 50n) / 100n);
}

/** Σ weighted ÷ Σ weight rounded half up to an integer (bigint arithmetic), null when weight is 0. */
export function weightedMean(weighted: bigint, weight: bigint): number | null {
  if (weight <= 0n) return null;
  const negative = weighted < 0n;
  const abs = negative ? -weighted : weighted;
  const rounded = (abs * 2n + weight) / (2n * weight);
  return Number(negative ? -rounded : rounded);
}

/**
 * Nearest-rank percentile of values given as (value, count) pairs: the smallest value whose
 * cumulative count reaches ⌈p × N⌉. Null when there are none.
 */
export function percentile(pairs: readonly { value: number; count: number }[], p: number): number | null {
  const counts = new Map<number, number>();
  for (const pair of pairs) counts.set(pair.value, (counts.get(pair.value) ?? 0) + pair.count);
  return percentileOfCounts(counts, p);
}

/**
 * `percentile` of a histogram, value → count: a report's groups hold tens of thousands of loan
 * facts but a few dozen distinct day counts, so only those are sorted.
 */
export function percentileOfCounts(counts: ReadonlyMap<number, number>, p: number): number | null {
  let total = 0;
  for (const count of counts.values()) total += count;
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  const values = [...counts.keys()].sort((a, b) => a - b);
  let seen = 0;
  for (const value of values) {
    seen += counts.get(value)!;
    if (seen >= rank) return value;
  }
  return values[values.length - 1];
}

/** The LPR in force on `day` (the latest effective on or before it); null before the first. */
export function lprOn(lpr: ReduceContext["lpr"], day: string): number | null {
  let rate: number | null = null;
  for (const row of lpr) {
    if (row.effectiveDay <= day) rate = row.rateBp;
    else break;
  }
  return rate;
}

function emptyReasons(): Record<RejectReason, number> {
  return Object.fromEntries(REJECT_REASONS.map((reason) => [reason, 0])) as Record<RejectReason, number>;
}

/**
 * What a group's responses, decisions and loans add up to. Sums of two disjoint groups add up
 * (`mergeTotals`): a report adds each fact once, to the cell of its breakdown key and month, and
 * makes its totals, months and breakdown rows by merging cells (a few hundred), not by reducing
 * tens of thousands of facts three times.
 */
export interface FactTotals {
  applications: number;
  responseDue: number;
  responseWithinSla: number;
  responded: number;
  responseDaysTotal: number;
  approved: number;
  rejected: number;
  rejectionReasons: Record<RejectReason, number>;
  disbursedCount: number;
  amount: bigint;
  amountRate: bigint;
  amountSpread: bigint;
  spreadWeight: bigint;
  creditYuan: number;
  inclusiveYuan: number;
  firstTimeBorrowers: number;
  /** time to money in calendar days: days → loans */
  calendarDays: Map<number, number>;
  /** time to money in working days: days → loans */
  workingDays: Map<number, number>;
}

export function emptyTotals(): FactTotals {
  return {
    applications: 0,
    responseDue: 0,
    responseWithinSla: 0,
    responded: 0,
    responseDaysTotal: 0,
    approved: 0,
    rejected: 0,
    rejectionReasons: emptyReasons(),
    disbursedCount: 0,
    amount: 0n,
    amountRate: 0n,
    amountSpread: 0n,
    spreadWeight: 0n,
    creditYuan: 0,
    inclusiveYuan: 0,
    firstTimeBorrowers: 0,
    calendarDays: new Map(),
    workingDays: new Map(),
  };
}

function addCount(into: Map<number, number>, value: number, count: number) {
  into.set(value, (into.get(value) ?? 0) + count);
}

function addCounts(into: Map<number, number>, from: ReadonlyMap<number, number>) {
  for (const [value, count] of from) addCount(into, value, count);
}

/** Adds `from` into `into` (the two groups' facts are disjoint). */
export function mergeTotals(into: FactTotals, from: FactTotals): FactTotals {
  into.applications += from.applications;
  into.responseDue += from.responseDue;
  into.responseWithinSla += from.responseWithinSla;
  into.responded += from.responded;
  into.responseDaysTotal += from.responseDaysTotal;
  into.approved += from.approved;
  into.rejected += from.rejected;
  for (const reason of REJECT_REASONS) into.rejectionReasons[reason] += from.rejectionReasons[reason];
  into.disbursedCount += from.disbursedCount;
  into.amount += from.amount;
  into.amountRate += from.amountRate;
  into.amountSpread += from.amountSpread;
  into.spreadWeight += from.spreadWeight;
  into.creditYuan += from.creditYuan;
  into.inclusiveYuan += from.inclusiveYuan;
  into.firstTimeBorrowers += from.firstTimeBorrowers;
  addCounts(into.calendarDays, from.calendarDays);
  addCounts(into.workingDays, from.workingDays);
  return into;
}

/**
 * Adds facts to totals under a context: the calendar, the SLA and the LPR. What a fact needs from
 * them depends on its days alone, so it is worked out once per day (a report's facts share a few
 * hundred days): each day's calendar-day and working-day count from a fixed day — a span is then
 * a difference of two, whatever its sign (the calendar's definition is antisymmetric and
 * additive) — a submission day's response deadline, a disbursement day's LPR.
 */
export function factAdder(context: ReduceContext) {
  const { calendar } = context;
  let origin: string | null = null;
  const counts = new Map<string, { days: number; working: number }>();
  const countsOf = (day: string) => {
    let known = counts.get(day);
    if (!known) {
      origin ??= day;
      known = { days: daysBetween(origin, day), working: calendar.workingDaysBetweenDays(origin, day) };
      counts.set(day, known);
    }
    return known;
  };
  const deadlines = new Map<string, string>();
  const deadlineOf = (submitDay: string) => {
    let deadline = deadlines.get(submitDay);
    if (deadline === undefined) {
      deadline = calendar.addWorkingDaysToDay(submitDay, context.firstResponseDays);
      deadlines.set(submitDay, deadline);
    }
    return deadline;
  };
  const rates = new Map<string, bigint | null>();
  const lprOf = (day: string) => {
    let rate = rates.get(day);
    if (rate === undefined) {
      const found = lprOn(context.lpr, day);
      rate = found === null ? null : BigInt(found);
      rates.set(day, rate);
    }
    return rate;
  };
  return {
    response(totals: FactTotals, fact: ResponseFact) {
      const { count, responseDay, submitDay } = fact;
      const answered = !fact.fromOffer && responseDay !== null;
      const overdue =
        !fact.fromOffer && responseDay === null && fact.pending && deadlineOf(submitDay) < context.today;
      addResponseSums(totals, {
        applications: count,
        responded: answered ? count : 0,
        responseDays: answered ? (countsOf(responseDay).working - countsOf(submitDay).working) * count : 0,
        withinSla: answered && responseDay <= deadlineOf(submitDay) ? count : 0,
        overdue: overdue ? count : 0,
      });
    },
    decision: addDecisionSums,
    loan(totals: FactTotals, fact: LoanFact) {
      const amount = BigInt(fact.amountYuan);
      const lpr = lprOf(fact.disburseDay);
      const submitted = countsOf(fact.submitDay);
      const disbursed = countsOf(fact.disburseDay);
      addLoanSums(totals, {
        count: fact.count,
        calendarDays: disbursed.days - submitted.days,
        workingDays: disbursed.working - submitted.working,
        amountYuan: amount,
        amountRate: fact.amountRate,
        amountSpread: lpr === null ? 0n : fact.amountRate - amount * lpr,
        spreadWeight: lpr === null ? 0n : amount,
        creditYuan: fact.creditYuan,
        inclusiveYuan: fact.inclusiveYuan,
        firstLoans: fact.firstLoans,
      });
    },
  };
}

/** The facts of one breakdown key and month, added up. */
export interface FactCell {
  key: string;
  month: string;
  totals: FactTotals;
}

/** Fact totals by (breakdown key, month "YYYY-MM"), each cell made on its first use. */
export function cellTable() {
  const cells = new Map<string, FactCell>();
  return {
    at(key: string, month: string): FactTotals {
      const id = `${key}\u0000${month}`;
      let found = cells.get(id);
      if (!found) cells.set(id, (found = { key, month, totals: emptyTotals() }));
      return found.totals;
    },
    cells: () => cells.values(),
  };
}

/**
 * Responses of one group (a breakdown key and month) summed in SQL, where each slot's days are
 * looked up in IndicatorDay (app/domain/indicator-days.ts): what `factAdder().response` adds up
 * fact by fact. Offers' applications count as applications only.
 */
export interface ResponseSums {
  applications: number;
  /** answered, not from an offer */
  responded: number;
  /** Σ working days from submission to first response over those */
  responseDays: number;
  /** answered on or before the deadline day */
  withinSla: number;
  /** unanswered, still SUBMITTED, and the deadline day before today */
  overdue: number;
}

export function addResponseSums(totals: FactTotals, sums: ResponseSums) {
  totals.applications += sums.applications;
  totals.responded += sums.responded;
  totals.responseDue += sums.responded + sums.overdue;
  totals.responseDaysTotal += sums.responseDays;
  totals.responseWithinSla += sums.withinSla;
}

/**
 * Loans of one group with the same calendar-day and working-day time to money, summed in SQL
 * against IndicatorDay: what `factAdder().loan` adds up fact by fact. `amountSpread` and
 * `spreadWeight` are over the loans disbursed on a day with an LPR.
 */
export interface LoanSums {
  count: number;
  calendarDays: number;
  workingDays: number;
  amountYuan: bigint;
  amountRate: bigint;
  amountSpread: bigint;
  spreadWeight: bigint;
  creditYuan: number;
  inclusiveYuan: number;
  firstLoans: number;
}

export function addLoanSums(totals: FactTotals, sums: LoanSums) {
  totals.disbursedCount += sums.count;
  totals.amount += sums.amountYuan;
  totals.amountRate += sums.amountRate;
  totals.amountSpread += sums.amountSpread;
  totals.spreadWeight += sums.spreadWeight;
  totals.creditYuan += sums.creditYuan;
  totals.inclusiveYuan += sums.inclusiveYuan;
  totals.firstTimeBorrowers += sums.firstLoans;
  addCount(totals.calendarDays, sums.calendarDays, sums.count);
  addCount(totals.workingDays, sums.workingDays, sums.count);
}

/** Decisions of one group with the same outcome: what `factAdder().decision` adds. */
export function addDecisionSums(totals: FactTotals, fact: DecisionFact) {
  if (fact.outcome === "APPROVED") totals.approved += fact.count;
  else {
    totals.rejected += fact.count;
    totals.rejectionReasons[fact.outcome] += fact.count;
  }
}

/** The figures kept per group beside the fact totals: firms, the loan book, renewals, alerts. */
export type GroupExtras = Pick<GroupFacts, "firms" | "book" | "renewals" | "alertAcks">;

/** Turns one group's facts into its figures. */
export function reduceIndicators(facts: GroupFacts, context: ReduceContext): IndicatorValues {
  const totals = emptyTotals();
  const add = factAdder(context);
  for (const fact of facts.responses) add.response(totals, fact);
  for (const fact of facts.decisions) add.decision(totals, fact);
  for (const fact of facts.loans) add.loan(totals, fact);
  return indicatorValues(totals, facts);
}

/** A group's figures from its fact totals and its other figures. */
export function indicatorValues(totals: FactTotals, extras: GroupExtras): IndicatorValues {
  const { responded, responseDue, responseWithinSla, approved, rejected, amount, creditYuan, inclusiveYuan } =
    totals;
  const disbursedYuan = Number(amount);
  const firms = extras.firms;
  const book = extras.book;
  let renewals = 0;
  let renewalFen = 0n;
  let withoutRepaymentRenewals = 0;
  let withoutRepaymentFen = 0n;
  for (const renewal of extras.renewals) {
    renewals += renewal.count;
    renewalFen += renewal.amountFen;
    if (renewal.kind === "WITHOUT_PRINCIPAL_REPAYMENT") {
      withoutRepaymentRenewals += renewal.count;
      withoutRepaymentFen += renewal.amountFen;
    }
  }
  return {
    registeredFirms: firms.registered,
    newFirms: firms.newFirms,
    authorisingFirms: firms.authorising,
    demands: firms.demands,
    demandYuan: firms.demandYuan,
    applications: totals.applications,
    responseDue,
    responseWithinSla,
    responseWithinSlaPermille: permille(responseWithinSla, responseDue),
    responded,
    avgResponseDays: responded ? Math.floor((totals.responseDaysTotal * 10) / responded + 0.5) / 10 : null,
    approved,
    rejected,
    approvalRatePermille: permille(approved, approved + rejected),
    disbursedCount: totals.disbursedCount,
    disbursedYuan,
    creditYuan,
    creditSharePermille: permille(creditYuan, disbursedYuan),
    firstTimeBorrowers: totals.firstTimeBorrowers,
    weightedRateBp: weightedMean(totals.amountRate, amount),
    spreadBp: weightedMean(totals.amountSpread, totals.spreadWeight),
    timeToMoney: {
      calendarMedian: percentileOfCounts(totals.calendarDays, 0.5),
      calendarP90: percentileOfCounts(totals.calendarDays, 0.9),
      workingMedian: percentileOfCounts(totals.workingDays, 0.5),
      workingP90: percentileOfCounts(totals.workingDays, 0.9),
    },
    whitelistedFirms: firms.whitelisted,
    convertedFirms: firms.converted,
    whitelistConversionPermille:
      firms.whitelisted === null || firms.converted === null
        ? null
        : permille(firms.converted, firms.whitelisted),
    rejectionReasons: { ...totals.rejectionReasons },
    inclusiveYuan,
    inclusiveSharePermille: permille(inclusiveYuan, disbursedYuan),
    activeLoans: book ? book.loans : null,
    outstandingYuan: book ? fenToYuan(book.outstandingFen) : null,
    overdueYuan: book ? fenToYuan(book.overdueFen) : null,
    overdueRatioPermille: book ? permilleOf(book.overdueFen, book.outstandingFen) : null,
    nplYuan: book ? fenToYuan(book.nplFen) : null,
    nplRatioPermille: book ? permilleOf(book.nplFen, book.outstandingFen) : null,
    renewals,
    renewalYuan: fenToYuan(renewalFen),
    withoutRepaymentRenewals,
    withoutRepaymentYuan: fenToYuan(withoutRepaymentFen),
    newLendingYuan: disbursedYuan - fenToYuan(renewalFen),
    alertsDue: (extras.alertAcks ?? []).reduce((sum, fact) => sum + fact.due, 0),
    lateAlertAcks: (extras.alertAcks ?? []).reduce((sum, fact) => sum + fact.late, 0),
  };
}

/** Every "YYYY-MM" from fromDay's month to toDay's month. */
export function monthsOf(fromDay: string, toDay: string): string[] {
  const months: string[] = [];
  let year = Number(fromDay.slice(0, 4));
  let month = Number(fromDay.slice(5, 7));
  const last = toDay.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    if (key > last) break;
    months.push(key);
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return months;
}

/** The period's last day, "now" permitting: firm stocks are counted at the end of this day. */
export function stockDay(filter: Pick<IndicatorFilter, "toDay">, today: string): string {
  return filter.toDay < today ? filter.toDay : today;
}

/** A period is valid when both ends are days, from ≤ to, and it spans at most 5 years. */
export function isValidPeriod(fromDay: string, toDay: string): boolean {
  return (
    isIsoDay(fromDay) &&
    isIsoDay(toDay) &&
    fromDay <= toDay &&
    fromDay >= "2000-01-01" &&
    toDay <= "2100-12-31" &&
    addDays(fromDay, 5 * 366) >= toDay
  );
}
