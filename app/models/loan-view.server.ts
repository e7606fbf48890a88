import { pageWindow } from "~/domain/list-query";
import { Prisma } from "@prisma/client";

import { db } from "~/db.server";
import { sqlDialect } from "~/db/dialect.server";
import {
  RISK_CLASSES,
  daysPastDueFrom,
  dpdRangeOfBand,
  isNonPerforming,
  minDpdOfClass,
  quoteSettlement,
  riskClassFloor,
  riskClassInForce,
  unpaidOf,
  type DpdBand,
  type RiskClass,
} from "~/domain/loan-servicing";
import { addDays, shanghaiDate } from "~/domain/shanghai-time";

import type { Actor, RowOfActor } from "./actor";
import { PERIOD_SELECT, dayToDb, dbToDay, periodStateOf, positionOf } from "./loan.server";

/**
 * What each role may read of loans (SPEC access table): the firm its own, a bank its own, an
 * office its sub-district's, the bureau all. Every query here starts from this filter, so a
 * loan outside it is simply not found.
 */
export function loanScopeWhere(actor: Actor): Prisma.LoanWhereInput {
  switch (actor.role) {
    case "ENTERPRISE":
      return { enterpriseId: actor.enterpriseId ?? "-" };
    case "BANK":
      return { bankId: actor.bankId ?? "-" };
    case "GOV_OFFICE":
      return { subDistrictId: actor.subDistrictId ?? "-" };
    case "GOV_BUREAU":
      return {};
  }
}

/** A loan's terms and standing, as the list and the loan page both show them. */
const loanRowSelect = {
  id: true,
  principalFen: true,
  outstandingPrincipalFen: true,
  rateBp: true,
  termMonths: true,
  repaymentMethod: true,
  disbursedOn: true,
  maturityOn: true,
  status: true,
  oldestUnpaidDueOn: true,
  reportedRiskClass: true,
  renewalKind: true,
} satisfies Prisma.LoanSelect;

// ---------------------------------------------------------------- DPD and class as range filters

/** Loans `min`–`max` days past due on `today`, as a condition on the oldest unpaid due date. */
export function dpdWhere(min: number, max: number | null, today: string): Prisma.LoanWhereInput {
  const conditions: Prisma.LoanWhereInput[] = [];
  if (min > 0) conditions.push({ oldestUnpaidDueOn: { lte: dayToDb(addDays(today, -min)) } });
  if (max !== null) {
    const earliest = { oldestUnpaidDueOn: { gte: dayToDb(addDays(today, -max)) } };
    // 0 days past due includes loans with nothing unpaid at all
    conditions.push(min === 0 ? { OR: [{ oldestUnpaidDueOn: null }, earliest] } : earliest);
  }
  return conditions.length ? { AND: conditions } : {};
}

const UPPER_DPD: Record<RiskClass, number | null> = {
  NORMAL: 0,
  SPECIAL_MENTION: 90,
  SUBSTANDARD: 270,
  DOUBTFUL: 360,
  LOSS: null,
};

/**
 * Loans whose class in force is `riskClass` on `today`: the DPD floor is that class and the bank
 * reported nothing worse, or the bank reported that class over a better floor.
 */
export function riskClassWhere(riskClass: RiskClass, today: string): Prisma.LoanWhereInput {
  const index = RISK_CLASSES.indexOf(riskClass);
  const notWorse = RISK_CLASSES.slice(0, index + 1);
  const byFloor: Prisma.LoanWhereInput = {
    AND: [
      dpdWhere(minDpdOfClass(riskClass), UPPER_DPD[riskClass], today),
      { OR: [{ reportedRiskClass: null }, { reportedRiskClass: { in: [...notWorse] } }] },
    ],
  };
  if (index === 0) return byFloor;
  const byReport: Prisma.LoanWhereInput = {
    AND: [{ reportedRiskClass: riskClass }, dpdWhere(0, minDpdOfClass(riskClass) - 1, today)],
  };
  return { OR: [byFloor, byReport] };
}

/** Non-performing (次级+可疑+损失) on `today`: more than 90 days past due, or reported so. */
export function nonPerformingWhere(today: string): Prisma.LoanWhereInput {
  return {
    OR: [dpdWhere(91, null, today), { reportedRiskClass: { in: ["SUBSTANDARD", "DOUBTFUL", "LOSS"] } }],
  };
}

/** Overdue on `today`: something due before today is unpaid. */
export function overdueWhere(today: string): Prisma.LoanWhereInput {
  return dpdWhere(1, null, today);
}

/**
 * overdueWhere and nonPerformingWhere as SQL conditions on the loan row aliased `alias`, for the
 * hand-written aggregates (the government's loan figures, the pool's filed figures, the
 * indicators' loan book): the one other place the definitions are written, next to them.
 */
export function loanStandingSql(alias: string, today: string) {
  const dialect = sqlDialect();
  const column = (name: string) => Prisma.raw(`"${alias}"."${name}"`);
  return {
    overdue: Prisma.sql`${column("oldestUnpaidDueOn")} < ${dialect.instant(dayToDb(today))}`,
    nonPerforming: Prisma.sql`(${column("oldestUnpaidDueOn")} <= ${dialect.instant(dayToDb(addDays(today, -91)))}
      OR ${column("reportedRiskClass")} IN ('SUBSTANDARD', 'DOUBTFUL', 'LOSS'))`,
  };
}

// ---------------------------------------------------------------- lists

export const LOAN_SORTS = ["dpd", "outstanding", "disbursed", "maturity"] as const;
export type LoanSort = (typeof LOAN_SORTS)[number];
export const LOAN_STATUSES = ["ACTIVE", "SETTLED"] as const;

export interface LoanFilters {
  status?: (typeof LOAN_STATUSES)[number] | null;
  riskClass?: RiskClass | null;
  band?: DpdBand | null;
  productId?: string | null;
  bankId?: string | null;
  subDistrictId?: string | null;
  /** filed with the risk pool (备案) or not */
  filed?: boolean | null;
}

function filtersWhere(filters: LoanFilters, today: string): Prisma.LoanWhereInput[] {
  const where: Prisma.LoanWhereInput[] = [];
  if (filters.status) where.push({ status: filters.status });
  if (filters.riskClass) where.push({ status: "ACTIVE" }, riskClassWhere(filters.riskClass, today));
  if (filters.band) {
    const { min, max } = dpdRangeOfBand(filters.band);
    where.push({ status: "ACTIVE" }, dpdWhere(min, max, today));
  }
  if (filters.productId) where.push({ productId: filters.productId });
  if (filters.bankId) where.push({ bankId: filters.bankId });
  if (filters.subDistrictId) where.push({ subDistrictId: filters.subDistrictId });
  if (filters.filed === true) where.push({ filed: true });
  if (filters.filed === false) where.push({ filed: false });
  return where;
}

function orderOf(sort: LoanSort, dir: "asc" | "desc"): Prisma.LoanOrderByWithRelationInput[] {
  switch (sort) {
    case "dpd":
      // most days past due = the oldest unpaid due date first; nothing unpaid last
      return [{ oldestUnpaidDueOn: { sort: dir === "desc" ? "asc" : "desc", nulls: "last" } }, { id: "asc" }];
    case "outstanding":
      return [{ outstandingPrincipalFen: dir }, { id: "asc" }];
    case "disbursed":
      return [{ disbursedOn: dir }, { id: "asc" }];
    case "maturity":
      return [{ maturityOn: dir }, { id: "asc" }];
  }
}

/** How a loan stands on `today`, in JSON-safe form (分 as decimal strings). */
export function standingOf(
  loan: { status: string; oldestUnpaidDueOn: Date | null; reportedRiskClass: string | null },
  today: string,
) {
  const dpd =
    loan.status === "ACTIVE"
      ? daysPastDueFrom(loan.oldestUnpaidDueOn ? dbToDay(loan.oldestUnpaidDueOn) : null, today)
      : 0;
  const reported = (loan.reportedRiskClass as RiskClass | null) ?? null;
  const riskClass = loan.status === "ACTIVE" ? riskClassInForce(dpd, reported) : "NORMAL";
  return { dpd, riskClass, floor: riskClassFloor(dpd), nonPerforming: isNonPerforming(riskClass) };
}

export async function listLoans(
  actor: Actor,
  {
    filters = {},
    sort = "dpd",
    dir = "desc",
    page = 1,
    now = new Date(),
  }: { filters?: LoanFilters; sort?: LoanSort; dir?: "asc" | "desc"; page?: number; now?: Date } = {},
) {
  const today = shanghaiDate(now);
  const where: Prisma.LoanWhereInput = { AND: [loanScopeWhere(actor), ...filtersWhere(filters, today)] };
  const [rows, total] = await Promise.all([
    db.loan.findMany({
      where,
      select: {
        ...loanRowSelect,
        application: { select: { number: true } },
        // the firm's name: the bank lent to it, the office and bureau see their firms; a firm its own
        enterprise: { select: { id: true, name: true } },
        bank: { select: { name: true, nameEn: true } },
        product: { select: { name: true, type: true } },
        subDistrict: { select: { name: true, nameEn: true } },
        filing: { select: { id: true } },
      },
      orderBy: orderOf(sort, dir),
      ...pageWindow(page),
    }),
    db.loan.count({ where }),
  ]);
  const items = rows.map(({ filing, principalFen, outstandingPrincipalFen, ...loan }) => ({
    ...loan,
    principalFen: principalFen.toString(),
    outstandingPrincipalFen: outstandingPrincipalFen.toString(),
    // a firm learns only that its loan is covered (SPEC); the same boolean for everyone else
    filed: filing !== null,
    ...standingOf(loan, today),
  }));
  return { items, total, today };
}

// ---------------------------------------------------------------- one loan

/**
 * One loan with its schedule, repayments and standing on `now`, or null when the actor may not
 * see it. The settlement quote is the bank's (it reports repayments); every role sees the
 * schedule, what is paid, the next due date and what is overdue.
 */
export async function getLoan({ id, actor, now = new Date() }: RowOfActor<Actor>) {
  const today = shanghaiDate(now);
  const loan = await db.loan.findFirst({
    where: { AND: [{ id }, loanScopeWhere(actor)] },
    select: {
      ...loanRowSelect,
      paidPrincipalFen: true,
      paidInterestFen: true,
      settledOn: true,
      settledBy: true,
      reportedRiskClassAt: true,
      firstLoan: true,
      version: true,
      renews: { select: { id: true, application: { select: { number: true } } } },
      renewedBy: { select: { id: true, renewalKind: true, application: { select: { number: true } } } },
      application: { select: { id: true, number: true } },
      enterprise: { select: { id: true, name: true, uscc: true } },
      bank: { select: { name: true, nameEn: true } },
      product: { select: { name: true, type: true, guaranteeType: true } },
      subDistrict: { select: { name: true, nameEn: true } },
      filing: { select: { id: true } },
      periods: { select: PERIOD_SELECT, orderBy: { seq: "asc" } },
      repayments: {
        select: {
          id: true,
          paidOn: true,
          amountFen: true,
          principalFen: true,
          interestFen: true,
          kind: true,
          reference: true,
          channel: true,
          createdAt: true,
        },
        orderBy: [{ paidOn: "desc" }, { createdAt: "desc" }],
      },
    },
  });
  if (!loan) return null;
  const periods = loan.periods.map(periodStateOf);
  const standing = standingOf(loan, today);
  const overdueFen = periods.filter((p) => p.dueOn < today).reduce((s, p) => s + unpaidOf(p), 0n);
  const next = periods.find((p) => p.dueOn >= today && unpaidOf(p) > 0n) ?? null;
  const quote = loan.status === "ACTIVE" ? quoteSettlement(positionOf(loan), today) : null;
  const fen = (v: bigint) => v.toString();
  return {
    id: loan.id,
    number: loan.application.number,
    applicationId: loan.application.id,
    enterprise: loan.enterprise,
    bank: loan.bank,
    product: loan.product,
    subDistrict: loan.subDistrict,
    principalFen: fen(loan.principalFen),
    outstandingPrincipalFen: fen(loan.outstandingPrincipalFen),
    paidPrincipalFen: fen(loan.paidPrincipalFen),
    paidInterestFen: fen(loan.paidInterestFen),
    rateBp: loan.rateBp,
    termMonths: loan.termMonths,
    repaymentMethod: loan.repaymentMethod,
    disbursedOn: dbToDay(loan.disbursedOn),
    maturityOn: dbToDay(loan.maturityOn),
    status: loan.status,
    settledOn: loan.settledOn ? dbToDay(loan.settledOn) : null,
    settledBy: loan.settledBy,
    reportedRiskClass: loan.reportedRiskClass,
    firstLoan: loan.firstLoan,
    renewalKind: loan.renewalKind,
    renews: loan.renews ? { id: loan.renews.id, number: loan.renews.application.number } : null,
    renewedBy: loan.renewedBy
      ? { id: loan.renewedBy.id, number: loan.renewedBy.application.number, kind: loan.renewedBy.renewalKind }
      : null,
    version: loan.version,
    covered: loan.filing !== null,
    today,
    ...standing,
    overdueFen: fen(overdueFen),
    nextDue: next ? { dueOn: next.dueOn, amountFen: fen(unpaidOf(next)), seq: next.seq } : null,
    quote: quote
      ? { settlementFen: fen(quote.settlementFen), maxFen: fen(quote.maxFen), dueFen: fen(quote.dueFen) }
      : null,
    periods: periods.map((p) => ({
      seq: p.seq,
      dueOn: p.dueOn,
      principalFen: fen(p.principalFen),
      interestFen: fen(p.interestFen),
      paidFen: fen(p.paidPrincipalFen + p.paidInterestFen),
      unpaidFen: fen(unpaidOf(p)),
      paidOffOn: p.paidOffOn,
      overdue: p.dueOn < today && unpaidOf(p) > 0n,
    })),
    repayments: loan.repayments.map((r) => ({
      ...r,
      paidOn: dbToDay(r.paidOn),
      amountFen: fen(r.amountFen),
      principalFen: fen(r.principalFen),
      interestFen: fen(r.interestFen),
    })),
  };
}

export type LoanView = NonNullable<Awaited<ReturnType<typeof getLoan>>>;

// ---------------------------------------------------------------- portfolio figures

/**
 * Count, outstanding principal, overdue and non-performing principal of the active loans the
 * actor may see (optionally narrowed), on `now`: the office's sub-district figures, the head of
 * the portfolio pages.
 */
export async function loanFigures(actor: Actor, filters: LoanFilters = {}, now = new Date()) {
  const today = shanghaiDate(now);
  const base: Prisma.LoanWhereInput[] = [
    loanScopeWhere(actor),
    ...filtersWhere(filters, today),
    { status: "ACTIVE" },
  ];
  const sum = (extra: Prisma.LoanWhereInput[]) =>
    db.loan.aggregate({
      where: { AND: [...base, ...extra] },
      _count: true,
      _sum: { outstandingPrincipalFen: true },
    });
  const [all, overdue, npl] = await Promise.all([
    sum([]),
    sum([overdueWhere(today)]),
    sum([nonPerformingWhere(today)]),
  ]);
  const fen = (v: bigint | null | undefined) => (v ?? 0n).toString();
  return {
    today,
    active: all._count,
    outstandingFen: fen(all._sum.outstandingPrincipalFen),
    overdueCount: overdue._count,
    overdueFen: fen(overdue._sum.outstandingPrincipalFen),
    nplCount: npl._count,
    nplFen: fen(npl._sum.outstandingPrincipalFen),
  };
}

/** The actor's product names that have loans (the portfolio's product filter). */
export async function listLoanProducts(actor: Actor) {
  // the products of the actor's loans, read from the loans (an index range for a bank) rather
  // than "every product with some loan in scope" (an EXISTS per product: 250 ms at city scale)
  const used = await db.loan.groupBy({ by: ["productId"], where: loanScopeWhere(actor) });
  return db.product.findMany({
    where: { id: { in: used.map((row) => row.productId) } },
    select: { id: true, name: true, version: true },
    orderBy: [{ name: "asc" }, { version: "desc" }],
  });
}
