/**
 * A small world for the risk pool's tests: two banks with an officer each, a bureau user, a
 * small firm, credit and mortgage products, the 郑科贷 rule version, and loans made to measure
 * (principal, what is still outstanding, how many days past due).
 */
import type { Loan } from "@prisma/client";

import type { AuditedActor, BankActor, BureauActor } from "~/models/actor";
import { DEFAULT_RULE_TERMS } from "~/domain/risk-pool";
import { addDays, shanghaiDate, startOfShanghaiDay } from "~/domain/shanghai-time";
import { getActorById } from "~/models/user.server";

import {
  createApplication,
  createBank,
  createEnterprise,
  createProduct,
  createSubDistrict,
  createUser,
  loanCopiedFields,
} from "../../../prisma/factories";
import { db } from "../helpers";

export const TODAY = shanghaiDate(new Date());

export async function createPoolWorld() {
  const subDistrict = await createSubDistrict(db);
  const bank = await createBank(db);
  const otherBank = await createBank(db);
  const officer = await createUser(db, { role: "BANK", bankId: bank.id });
  const otherOfficer = await createUser(db, { role: "BANK", bankId: otherBank.id });
  const bureau = await createUser(db, { role: "GOV_BUREAU" });
  const firm = await createEnterprise(db, { subDistrictId: subDistrict.id, employees: 30, revenueWan: 800 });
  const firmUser = await createUser(db, { role: "ENTERPRISE", enterpriseId: firm.id });
  const product = (bankId: string, guaranteeType: "CREDIT" | "MORTGAGE" = "CREDIT") =>
    createProduct(db, { bankId, guaranteeType, minAmountYuan: 1, maxAmountYuan: 100_000_000 });
  const products = {
    credit: await product(bank.id),
    mortgage: await product(bank.id, "MORTGAGE"),
    otherCredit: await product(otherBank.id),
  };
  // Rules are district-wide: every world shares this version. Its suspension threshold is 100%
  // (no bank is ever over it), so that tests of filing and claims do not suspend their bank; the
  // suspension tests add a version in force today with the real 5%.
  const rule = await db.poolRule.upsert({
    where: { effectiveOn: "2020-01-01" },
    create: {
      effectiveOn: "2020-01-01",
      ...DEFAULT_RULE_TERMS,
      guaranteeTypes: DEFAULT_RULE_TERMS.guaranteeTypes.join(","),
      sizes: DEFAULT_RULE_TERMS.sizes.join(","),
      suspensionThresholdBp: 10_000,
    },
    update: {},
  });
  const actor = async <A>(id: string) => ({ ...(await getActorById(id)), ip: "127.0.0.1" }) as A;
  return {
    subDistrict,
    bank,
    otherBank,
    firm,
    products,
    rule,
    users: { officer, otherOfficer, bureau, firmUser },
    actors: {
      officer: await actor<AuditedActor<BankActor>>(officer.id),
      otherOfficer: await actor<AuditedActor<BankActor>>(otherOfficer.id),
      bureau: await actor<AuditedActor<BureauActor>>(bureau.id),
    },
  };
}

export type PoolWorld = Awaited<ReturnType<typeof createPoolWorld>>;

export type LoanOptions = {
  productId: string;
  enterpriseId: string;
  subDistrictId: string;
  principalFen?: bigint;
  /** default: the principal */
  outstandingFen?: bigint;
  /** default 120 days ago */
  disbursedOn?: string;
  /** days past due today (0 = nothing unpaid) */
  dpd?: number;
  firstLoan?: boolean;
  status?: "ACTIVE" | "SETTLED";
};

/** A disbursed application and its loan, as the loan module would have opened it. */
export async function createLoan(options: LoanOptions): Promise<Loan> {
  const principalFen = options.principalFen ?? 100_000_000n; // 100万元
  const disbursedOn = options.disbursedOn ?? addDays(TODAY, -120);
  const product = await db.product.findUniqueOrThrow({ where: { id: options.productId } });
  const application = await createApplication(db, {
    enterpriseId: options.enterpriseId,
    productId: options.productId,
    state: "DISBURSED",
    amountYuan: Number(principalFen / 100n),
    submittedAt: startOfShanghaiDay(addDays(disbursedOn, -10)),
    // the loan is made to measure below (outstanding principal, days past due)
    loan: false,
  });
  const dpd = options.dpd ?? 0;
  return db.loan.create({
    data: {
      applicationId: application.id,
      enterpriseId: options.enterpriseId,
      bankId: product.bankId,
      productId: product.id,
      ...(await loanCopiedFields(db, application.id)),
      // a loan may be placed in another sub-district than its firm's (scoping tests)
      subDistrictId: options.subDistrictId,
      principalFen,
      rateBp: 435,
      termMonths: 12,
      disbursedOn: startOfShanghaiDay(disbursedOn),
      maturityOn: startOfShanghaiDay(addDays(disbursedOn, 365)),
      repaymentMethod: "EQUAL_INSTALMENT",
      status: options.status ?? "ACTIVE",
      outstandingPrincipalFen: options.outstandingFen ?? principalFen,
      oldestUnpaidDueOn: dpd > 0 ? startOfShanghaiDay(addDays(TODAY, -dpd)) : null,
      firstLoan: options.firstLoan ?? false,
    },
  });
}

/** The instant `days` after the loan's disbursement, at noon Shanghai (inside the filing window when days ≤ 30). */
/** A loan of the world's firm on its credit product; `options` override the rest. */
export function loanIn(world: PoolWorld, options: Partial<LoanOptions> = {}): Promise<Loan> {
  return createLoan({
    productId: world.products.credit.id,
    enterpriseId: world.firm.id,
    subDistrictId: world.subDistrict.id,
    ...options,
  });
}

export function daysAfterDisbursement(loan: Loan, days: number) {
  return new Date(
    startOfShanghaiDay(addDays(shanghaiDate(loan.disbursedOn), days)).getTime() + 12 * 3_600_000,
  );
}

/** Σ of the ledger and the balance column agree (checked after every test of the pool). */
export async function expectLedgerMatchesBalance(expect: (value: unknown) => { toBe(v: unknown): void }) {
  const pool = await db.riskPool.findUnique({ where: { id: "district" }, select: { balanceFen: true } });
  const sum = await db.poolMovement.aggregate({ _sum: { amountFen: true } });
  expect(sum._sum.amountFen ?? 0n).toBe(pool?.balanceFen ?? 0n);
  expect((pool?.balanceFen ?? 0n) >= 0n).toBe(true);
}
