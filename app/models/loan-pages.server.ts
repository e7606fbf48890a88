/**
 * What the loan screens read beyond loan-view.server.ts: the next due instalment of each loan in
 * a list, the settlement quote of a bank's loan on a chosen day, and the government's loan
 * figures by bank and by sub-district. Every query starts from the actor's loan scope.
 */
import { Prisma } from "@prisma/client";

import { db } from "~/db.server";
import { quoteSettlement, unpaidOf } from "~/domain/loan-servicing";
import { ratioBp } from "~/domain/money-fen";
import { shanghaiDate } from "~/domain/shanghai-time";

import type { Actor, BankActor, GovActor } from "./actor";
import { POSITION_SELECT, PERIOD_SELECT, dayToDb, periodStateOf, positionOf } from "./loan.server";
import { loanScopeWhere, loanStandingSql } from "./loan-view.server";

/**
 * The next instalment still to pay of each of `loanIds` the actor may see (due today or later),
 * as loanId → { dueOn, amountFen }. Loans with nothing left to fall due are absent.
 */
export async function nextDueOf(actor: Actor, loanIds: readonly string[], now = new Date()) {
  const result = new Map<string, { dueOn: string; amountFen: string }>();
  if (!loanIds.length) return result;
  const today = shanghaiDate(now);
  const periods = await db.loanPeriod.findMany({
    where: {
      loanId: { in: [...loanIds] },
      loan: { AND: [loanScopeWhere(actor), { status: "ACTIVE" }] },
      paidOffOn: null,
      dueOn: { gte: dayToDb(today) },
    },
    select: { loanId: true, ...PERIOD_SELECT },
    orderBy: [{ loanId: "asc" }, { seq: "asc" }],
  });
  for (const p of periods) {
    if (result.has(p.loanId)) continue;
    const state = periodStateOf(p);
    const unpaid = unpaidOf(state);
    if (unpaid > 0n) result.set(p.loanId, { dueOn: state.dueOn, amountFen: unpaid.toString() });
  }
  return result;
}

/** Whether the loan is the bank's own (its actions answer 404 otherwise, as for an id of nothing). */
export async function isBankLoan(actor: BankActor, loanId: string): Promise<boolean> {
  const loan = await db.loan.findFirst({ where: { id: loanId, bankId: actor.bankId }, select: { id: true } });
  return loan !== null;
}

/**
 * What settling the bank's own loan on `on` costs, or null when the loan is not the bank's or
 * is settled. `version` is the loan's, so that a settlement can be refused when the loan changed
 * since the quote.
 */
export async function settlementQuoteOn(actor: BankActor, loanId: string, on: string) {
  const loan = await db.loan.findFirst({
    where: { id: loanId, bankId: actor.bankId },
    select: POSITION_SELECT,
  });
  if (!loan || loan.status !== "ACTIVE") return null;
  const quote = quoteSettlement(positionOf(loan), on);
  return { version: loan.version, settlementFen: quote.settlementFen };
}

export type FigureRow = {
  key: string;
  name: string;
  nameEn: string;
  active: number;
  outstandingFen: string;
  overdueFen: string;
  nplFen: string;
  /** overdue principal ÷ outstanding principal, basis points */
  overdueBp: number;
  nplBp: number;
};

type Grouped = { key: string; count: number; sum: bigint };

type Cell = {
  bankId: string;
  subDistrictId: string;
  n: number | bigint;
  total: string;
  overdue: string;
  npl: string;
};

/**
 * The active loans in scope, summed per (bank, sub-district) in one scan: count, outstanding
 * principal, and the part of it overdue and non-performing on `today` — the conditions of
 * overdueWhere and nonPerformingWhere (loan-view.server.ts), written once more as SQL CASEs so
 * that a city's loan book is read once instead of six times (tests compare the two).
 */
async function loanBookCells(where: Prisma.Sql[], today: string): Promise<Cell[]> {
  const standing = loanStandingSql("l", today);
  return db.$queryRaw<Cell[]>`
    SELECT "bankId", "subDistrictId", COUNT(*) AS "n",
           CAST(SUM("outstandingPrincipalFen") AS TEXT) AS "total",
           CAST(SUM(CASE WHEN ${standing.overdue} THEN "outstandingPrincipalFen" ELSE 0 END) AS TEXT) AS "overdue",
           CAST(SUM(CASE WHEN ${standing.nonPerforming} THEN "outstandingPrincipalFen" ELSE 0 END) AS TEXT) AS "npl"
      FROM "Loan" "l"
     WHERE "status" = 'ACTIVE' AND ${Prisma.join(where, " AND ")}
     GROUP BY "bankId", "subDistrictId"`;
}

function groupCells(cells: Cell[], by: "bankId" | "subDistrictId", value: "total" | "overdue" | "npl") {
  const groups = new Map<string, Grouped>();
  for (const cell of cells) {
    const group = groups.get(cell[by]) ?? { key: cell[by], count: 0, sum: 0n };
    group.count += Number(cell.n);
    group.sum += BigInt(cell[value] ?? "0");
    groups.set(cell[by], group);
  }
  return [...groups.values()];
}

/**
 * The government's loan figures (贷款余额, 逾期率, 不良率) of the active loans it may see, by bank
 * and by sub-district: the office its own sub-district (the scope is in the query, not the
 * page); the bureau every one, optionally narrowed to one sub-district.
 */
export async function govLoanFigures(
  actor: GovActor,
  { subDistrictId = null }: { subDistrictId?: string | null } = {},
  now = new Date(),
) {
  const today = shanghaiDate(now);
  const where: Prisma.Sql[] = [Prisma.sql`1 = 1`];
  if (actor.role === "GOV_OFFICE") where.push(Prisma.sql`"subDistrictId" = ${actor.subDistrictId ?? "-"}`);
  if (subDistrictId) where.push(Prisma.sql`"subDistrictId" = ${subDistrictId}`);
  const cells = await loanBookCells(where, today);
  const [byBank, overdueByBank, nplByBank, bySd, overdueBySd, nplBySd] = [
    groupCells(cells, "bankId", "total"),
    groupCells(cells, "bankId", "overdue"),
    groupCells(cells, "bankId", "npl"),
    groupCells(cells, "subDistrictId", "total"),
    groupCells(cells, "subDistrictId", "overdue"),
    groupCells(cells, "subDistrictId", "npl"),
  ];
  const [banks, subDistricts] = await Promise.all([
    db.bank.findMany({
      where: { id: { in: byBank.map((r) => r.key) } },
      select: { id: true, name: true, nameEn: true },
    }),
    db.subDistrict.findMany({
      where: { id: { in: bySd.map((r) => r.key) } },
      select: { id: true, name: true, nameEn: true },
    }),
  ]);
  const rowsOf = (
    all: Grouped[],
    overdue: Grouped[],
    npl: Grouped[],
    names: { id: string; name: string; nameEn: string }[],
  ): FigureRow[] =>
    all
      .map((row) => {
        const overdueFen = overdue.find((r) => r.key === row.key)?.sum ?? 0n;
        const nplFen = npl.find((r) => r.key === row.key)?.sum ?? 0n;
        const named = names.find((n) => n.id === row.key);
        return {
          key: row.key,
          name: named?.name ?? "",
          nameEn: named?.nameEn ?? "",
          active: row.count,
          outstandingFen: row.sum.toString(),
          overdueFen: overdueFen.toString(),
          nplFen: nplFen.toString(),
          overdueBp: ratioBp(overdueFen, row.sum),
          nplBp: ratioBp(nplFen, row.sum),
        };
      })
      .sort((a, b) => {
        const diff = BigInt(b.outstandingFen) - BigInt(a.outstandingFen);
        return diff > 0n ? 1 : diff < 0n ? -1 : a.key.localeCompare(b.key);
      });
  const total = (rows: Grouped[]) => rows.reduce((s, r) => s + r.sum, 0n);
  const outstanding = total(byBank);
  const overdue = total(overdueByBank);
  const npl = total(nplByBank);
  return {
    today,
    totals: {
      active: byBank.reduce((s, r) => s + r.count, 0),
      outstandingFen: outstanding.toString(),
      overdueFen: overdue.toString(),
      nplFen: npl.toString(),
      overdueBp: ratioBp(overdue, outstanding),
      nplBp: ratioBp(npl, outstanding),
    },
    byBank: rowsOf(byBank, overdueByBank, nplByBank, banks),
    bySubDistrict: rowsOf(bySd, overdueBySd, nplBySd, subDistricts),
  };
}
