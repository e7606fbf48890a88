/**
 * What the pool's screens read, each scoped to the actor: the bureau sees everything; an office
 * its sub-district's figures; a bank its own filings, claims and recoveries; a firm only whether
 * its loans are covered. Money leaves here as decimal strings of 分 (JSON has no bigint);
 * `fenOf` reads them back in the browser.
 */
import { pageWindow } from "~/domain/list-query";
import { Prisma } from "@prisma/client";

import { sqlDialect } from "~/db/dialect.server";
import { db } from "~/db.server";
import { claimReviewClock } from "~/domain/claim-machine";
import { filingDeadline, leverageOf, paidShareBp, ruleForDay } from "~/domain/risk-pool";
import type { ClaimState } from "~/domain/risk-pool-codes";
import { shanghaiDate } from "~/domain/shanghai-time";

import type { BankActor, BureauActor, EnterpriseActor, OfficeActor } from "./actor";
import { bankStanding } from "./bank-suspension.server";
import { queuePosition } from "./pool-claim.server";
import { filingRefusalsNow } from "./pool-filing.server";
import { recoverySelect } from "./pool-recovery.server";
import { daysPastDue, poolLoanSelect } from "./pool-loan.server";
import { listRuleTerms, termsOf } from "./pool-rule.server";
import { DISTRICT_POOL_ID } from "./risk-pool.server";
import { getCalendar, getSettings } from "./settings.server";

const fen = (value: bigint | null | undefined) => (value ?? 0n).toString();

/**
 * The active loans filed with the pool (备案), district-wide or in one sub-district: how many and
 * their outstanding principal, from the range of the filed active loans in the loans' covering
 * index (Loan.filed, set by the writers of a filing: decision 025) — no join from every filing to
 * its loan.
 */
async function filedActiveLoans(subDistrictId?: string) {
  const rows = await db.$queryRaw<{ n: number | bigint; outstanding: string | null }[]>`
    SELECT COUNT(*) AS "n", CAST(SUM(l."outstandingPrincipalFen") AS TEXT) AS "outstanding"
      FROM "Loan" l
     WHERE l."filed" = ${sqlDialect().true} AND l."status" = 'ACTIVE'${subDistrictId ? Prisma.sql` AND l."subDistrictId" = ${subDistrictId}` : Prisma.empty}`;
  return { count: Number(rows[0]?.n ?? 0), outstandingFen: BigInt(rows[0]?.outstanding ?? "0") };
}

/** Sums of the ledger by kind, the balance, the queue and the leverage (bureau). */
export async function poolOverview(_actor: BureauActor, now = new Date()) {
  const today = shanghaiDate(now);
  const [pool, byKind, filed, waiting, owed, states, rule] = await Promise.all([
    db.riskPool.findUnique({ where: { id: DISTRICT_POOL_ID }, select: { balanceFen: true } }),
    db.poolMovement.groupBy({ by: ["kind"], _sum: { amountFen: true }, _count: { _all: true } }),
    filedActiveLoans(),
    db.claim.aggregate({ where: { state: "APPROVED" }, _sum: { approvedFen: true }, _count: { _all: true } }),
    db.recovery.aggregate({ where: { shareFen: { gt: 0n }, receivedAt: null }, _sum: { shareFen: true } }),
    db.claim.groupBy({ by: ["state"], _count: { _all: true } }),
    listRuleTerms().then((rules) => ruleForDay(rules, today)),
  ]);
  const sumOf = (kind: string) => byKind.find((row) => row.kind === kind)?._sum.amountFen ?? 0n;
  const balance = pool?.balanceFen ?? 0n;
  const filedFen = filed.outstandingFen;
  return {
    balanceFen: fen(balance),
    depositsFen: fen(sumOf("DEPOSIT")),
    compensationFen: fen(-sumOf("COMPENSATION")),
    recoveriesFen: fen(sumOf("RECOVERY")),
    filedLoans: filed.count,
    filedOutstandingFen: fen(filedFen),
    leverage: leverageOf(filedFen, balance),
    waitingClaims: waiting._count._all,
    waitingFen: fen(waiting._sum.approvedFen),
    owedRecoveriesFen: fen(owed._sum.shareFen),
    claimsByState: Object.fromEntries(states.map((row) => [row.state, row._count._all])) as Partial<
      Record<ClaimState, number>
    >,
    rule: rule ? { ...rule } : null,
  };
}

/** The pool's figures for the loans of one sub-district (the office: no ledger, no firms' claims). */
export async function officePoolFigures(actor: OfficeActor) {
  const [filed, claims] = await Promise.all([
    filedActiveLoans(actor.subDistrictId),
    // the claims (a few thousand in a city) each looked up on its loan's sub-district: Prisma's
    // relation filter read every loan of the sub-district first (100 ms at city scale, 10 ms so)
    db.$queryRaw<{ state: ClaimState; n: number | bigint; paid: string | null }[]>`
      SELECT c."state" AS "state", COUNT(*) AS "n",
             CAST(SUM(CASE WHEN c."state" = 'PAID' THEN c."approvedFen" ELSE 0 END) AS TEXT) AS "paid"
        FROM "Claim" c CROSS JOIN "Loan" l
       WHERE l."id" = c."loanId" AND l."subDistrictId" = ${actor.subDistrictId}
       GROUP BY c."state"`,
  ]);
  return {
    filedLoans: filed.count,
    filedOutstandingFen: fen(filed.outstandingFen),
    compensationFen: claims.reduce((sum, row) => sum + BigInt(row.paid ?? "0"), 0n).toString(),
    claimsByState: Object.fromEntries(claims.map((row) => [row.state, Number(row.n)])) as Partial<
      Record<ClaimState, number>
    >,
  };
}

const CLAIM_LIST_SELECT = {
  id: true,
  state: true,
  version: true,
  principalAtClaimFen: true,
  computedFen: true,
  approvedFen: true,
  daysPastDue: true,
  submittedAt: true,
  approvedAt: true,
  paidAt: true,
  bank: { select: { id: true, name: true, nameEn: true } },
  loan: {
    select: {
      id: true,
      application: { select: { number: true } },
      enterprise: { select: { name: true } },
    },
  },
} satisfies Prisma.ClaimSelect;

type ClaimRow = Prisma.ClaimGetPayload<{ select: typeof CLAIM_LIST_SELECT }>;

function claimRow(row: ClaimRow) {
  return {
    id: row.id,
    state: row.state as ClaimState,
    principalAtClaimFen: fen(row.principalAtClaimFen),
    computedFen: fen(row.computedFen),
    approvedFen: row.approvedFen === null ? null : fen(row.approvedFen),
    daysPastDue: row.daysPastDue,
    submittedAt: row.submittedAt,
    approvedAt: row.approvedAt,
    paidAt: row.paidAt,
    bank: row.bank,
    loanId: row.loan.id,
    number: row.loan.application.number,
    enterprise: row.loan.enterprise.name,
  };
}

export const CLAIM_SORTS = ["due", "newest", "amount"] as const;
export type ClaimSort = (typeof CLAIM_SORTS)[number];

function claimOrder(sort: ClaimSort): Prisma.ClaimOrderByWithRelationInput[] {
  if (sort === "newest") return [{ submittedAt: "desc" }, { id: "desc" }];
  if (sort === "amount") return [{ computedFen: "desc" }, { id: "asc" }];
  // the review queue: waiting longest first, and approved claims in their payment order
  return [{ submittedAt: "asc" }, { id: "asc" }];
}

/** The bureau's claims queue with each claim's review clock (working days, a setting). */
export async function listClaimsForReview(
  _actor: BureauActor,
  { state, page, sort }: { state: ClaimState | null; page: number; sort: ClaimSort },
  now = new Date(),
) {
  const where: Prisma.ClaimWhereInput = state ? { state } : {};
  const [total, rows, calendar, settings] = await Promise.all([
    db.claim.count({ where }),
    db.claim.findMany({
      where,
      orderBy:
        state === "APPROVED" && sort === "due" ? [{ approvedAt: "asc" }, { id: "asc" }] : claimOrder(sort),
      ...pageWindow(page),
      select: CLAIM_LIST_SELECT,
    }),
    getCalendar(),
    getSettings(),
  ]);
  const days = settings["claim.reviewWorkingDays"];
  return {
    total,
    reviewWorkingDays: days,
    claims: rows.map((row) => ({
      ...claimRow(row),
      clock: claimReviewClock(
        { state: row.state as ClaimState, submittedAt: row.submittedAt },
        now,
        calendar,
        days,
      ),
    })),
  };
}

/** A bank's own claims (never another bank's). */
export async function listBankClaims(
  actor: BankActor,
  { state, page }: { state: ClaimState | null; page: number },
) {
  const where: Prisma.ClaimWhereInput = { bankId: actor.bankId, ...(state ? { state } : {}) };
  const [total, rows, standing] = await Promise.all([
    db.claim.count({ where }),
    db.claim.findMany({
      where,
      orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
      ...pageWindow(page),
      select: CLAIM_LIST_SELECT,
    }),
    bankStanding(db, actor.bankId),
  ]);
  return { total, suspended: standing === "SUSPENDED", claims: rows.map(claimRow) };
}

const CLAIM_DETAIL_SELECT = {
  ...CLAIM_LIST_SELECT,
  coverageBp: true,
  firstLoan: true,
  statement: true,
  firstSubmittedAt: true,
  decidedAt: true,
  returnNote: true,
  rejectReason: true,
  rejectText: true,
  filing: { select: { filedAt: true, rule: true } },
  materials: {
    orderBy: [{ round: "asc" }, { addedAt: "asc" }],
    select: { id: true, title: true, round: true },
  },
  events: {
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { id: true, toState: true, at: true, data: true },
  },
  recoveries: {
    orderBy: [{ recoveredOn: "asc" }, { id: "asc" }],
    select: recoverySelect,
  },
} satisfies Prisma.ClaimSelect;

type ClaimDetailRow = Prisma.ClaimGetPayload<{ select: typeof CLAIM_DETAIL_SELECT }>;

function claimDetail(row: ClaimDetailRow) {
  return {
    ...claimRow(row),
    version: row.version,
    coverageBp: row.coverageBp,
    firstLoan: row.firstLoan,
    statement: row.statement,
    firstSubmittedAt: row.firstSubmittedAt,
    decidedAt: row.decidedAt,
    returnNote: row.returnNote,
    rejectReason: row.rejectReason,
    rejectText: row.rejectText,
    filedAt: row.filing.filedAt,
    rule: termsOf(row.filing.rule),
    materials: row.materials,
    events: row.events.map((event) => ({ ...event, data: JSON.parse(event.data) as Record<string, string> })),
    recoveries: row.recoveries.map((r) => ({ ...r, amountFen: fen(r.amountFen), shareFen: fen(r.shareFen) })),
  };
}

/** One claim for the bureau: everything about it, its loan's recovery actions, its clock and place in the queue. */
export async function getClaimForBureau(_actor: BureauActor, claimId: string, now = new Date()) {
  const row = await db.claim.findUnique({ where: { id: claimId }, select: CLAIM_DETAIL_SELECT });
  if (!row) return null;
  const [actions, calendar, settings, position, balance] = await Promise.all([
    db.recoveryAction.findMany({
      where: { loanId: row.loan.id },
      orderBy: [{ takenOn: "asc" }, { id: "asc" }],
      select: { id: true, takenOn: true, kind: true, description: true },
    }),
    getCalendar(),
    getSettings(),
    row.state === "APPROVED" ? queuePosition(db, row.id) : Promise.resolve(null),
    db.riskPool.findUnique({ where: { id: DISTRICT_POOL_ID }, select: { balanceFen: true } }),
  ]);
  return {
    claim: claimDetail(row),
    recoveryActions: actions,
    clock: claimReviewClock(
      { state: row.state as ClaimState, submittedAt: row.submittedAt },
      now,
      calendar,
      settings["claim.reviewWorkingDays"],
    ),
    queue: position ? { ahead: position.ahead, shortfallFen: fen(position.shortfallFen) } : null,
    balanceFen: fen(balance?.balanceFen),
  };
}

/** Filings, newest first, optionally of one bank (bureau). */
export async function listFilings(
  _actor: BureauActor,
  { page, bankId }: { page: number; bankId: string | null },
) {
  const where: Prisma.FilingWhereInput = bankId ? { bankId } : {};
  const [total, rows] = await Promise.all([
    db.filing.count({ where }),
    db.filing.findMany({
      where,
      orderBy: [{ filedAt: "desc" }, { id: "desc" }],
      ...pageWindow(page),
      select: {
        id: true,
        filedAt: true,
        principalFen: true,
        rule: { select: { effectiveOn: true } },
        bank: { select: { name: true, nameEn: true } },
        loan: {
          select: {
            id: true,
            status: true,
            outstandingPrincipalFen: true,
            oldestUnpaidDueOn: true,
            disbursedOn: true,
            application: { select: { number: true } },
            enterprise: { select: { name: true } },
            claim: { select: { id: true, state: true } },
          },
        },
      },
    }),
  ]);
  const today = shanghaiDate(new Date());
  return {
    total,
    filings: rows.map((row) => ({
      id: row.id,
      filedAt: row.filedAt,
      principalFen: fen(row.principalFen),
      ruleEffectiveOn: row.rule.effectiveOn,
      bank: row.bank,
      loanId: row.loan.id,
      number: row.loan.application.number,
      enterprise: row.loan.enterprise.name,
      disbursedOn: shanghaiDate(row.loan.disbursedOn),
      status: row.loan.status,
      outstandingFen: fen(row.loan.outstandingPrincipalFen),
      daysPastDue: daysPastDue(row.loan.oldestUnpaidDueOn, today),
      claim: row.loan.claim,
    })),
  };
}

/**
 * Everything the bank's loan page shows of the pool, for the bank that made the loan: the filing
 * (or what a filing would be refused for now, and its last day), the claim, the recovery
 * actions and the recoveries. Null when the loan is not the bank's.
 */
export async function bankLoanPoolSection(actor: BankActor, loanId: string, now = new Date()) {
  const loan = await db.loan.findFirst({
    where: { id: loanId, bankId: actor.bankId },
    select: poolLoanSelect,
  });
  if (!loan) return null;
  const today = shanghaiDate(now);
  const [filing, claim, actions, preview] = await Promise.all([
    db.filing.findUnique({ where: { loanId }, select: { filedAt: true, rule: true } }),
    db.claim.findUnique({ where: { loanId }, select: CLAIM_DETAIL_SELECT }),
    db.recoveryAction.findMany({
      where: { loanId },
      orderBy: [{ takenOn: "asc" }, { id: "asc" }],
      select: { id: true, takenOn: true, kind: true, description: true },
    }),
    filingRefusalsNow(actor, loanId, now),
  ]);
  const rule = filing ? termsOf(filing.rule) : (preview?.rule ?? null);
  const disbursedOn = shanghaiDate(loan.disbursedOn);
  return {
    loanId: loan.id,
    number: loan.application.number,
    enterprise: loan.enterprise.name,
    filing: filing ? { filedAt: filing.filedAt, rule: termsOf(filing.rule) } : null,
    filingRefusals: filing ? [] : (preview?.reasons ?? []),
    filingDeadline: rule ? filingDeadline(disbursedOn, rule.filingWindowDays) : null,
    claimThresholdDpd: rule?.claimThresholdDpd ?? null,
    daysPastDue: daysPastDue(loan.oldestUnpaidDueOn, today),
    outstandingFen: fen(loan.status === "ACTIVE" ? loan.outstandingPrincipalFen : 0n),
    disbursedOn,
    claim: claim ? claimDetail(claim) : null,
    recoveryActions: actions,
  };
}

/** Which of the firm's loans are filed with the pool — that they are covered, and nothing more. */
export async function coveredLoanIds(actor: EnterpriseActor, loanIds: readonly string[]) {
  if (!loanIds.length) return new Set<string>();
  const rows = await db.filing.findMany({
    where: { loanId: { in: [...loanIds] }, loan: { enterpriseId: actor.enterpriseId } },
    select: { loanId: true },
  });
  return new Set(rows.map((row) => row.loanId));
}

/**
 * One of the bank's own claims (null for another bank's: the page answers 404): everything about
 * it, the loan's recovery actions, and the share of later recoveries owed to the pool.
 */
export async function getClaimForBank(actor: BankActor, claimId: string) {
  const row = await db.claim.findFirst({
    where: { id: claimId, bankId: actor.bankId },
    select: CLAIM_DETAIL_SELECT,
  });
  if (!row) return null;
  const actions = await db.recoveryAction.findMany({
    where: { loanId: row.loan.id, bankId: actor.bankId },
    orderBy: [{ takenOn: "asc" }, { id: "asc" }],
    select: { id: true, takenOn: true, kind: true, description: true },
  });
  return {
    claim: claimDetail(row),
    recoveryActions: actions,
    paidShareBp: row.approvedFen === null ? null : paidShareBp(row.approvedFen, row.principalAtClaimFen),
  };
}

/** Whether the loan is the bank's (its pages answer 404 before reading a form otherwise). */
export async function isOwnLoan(actor: BankActor, loanId: string) {
  return (await db.loan.count({ where: { id: loanId, bankId: actor.bankId } })) === 1;
}

/** Whether the claim is the bank's. */
export async function isOwnClaim(actor: BankActor, claimId: string) {
  return (await db.claim.count({ where: { id: claimId, bankId: actor.bankId } })) === 1;
}
