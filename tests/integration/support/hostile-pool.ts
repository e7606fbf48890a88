/**
 * The risk pool's actions in the hostile-input suite (and so in the audit trail's route-driven
 * cases): one case per form, each on rows of its own. The fixture is written as rows, not through
 * the models, so that building it writes no audit row (the audit test checks every row written
 * after it starts carries the address of the request that wrote it).
 *
 * Order matters: "pay" runs while the pool is empty (the claim waits), the deposit then fills it,
 * and the approval after it is paid at once (pool.compensation). The filing cases use banks of
 * their own: one over the suspension threshold (its filing suspends it: pool.suspension.start),
 * one suspended whose ratio has fallen back (its filing reinstates it: pool.suspension.end).
 */
import type { Loan } from "@prisma/client";

import { DEFAULT_RULE_TERMS } from "~/domain/risk-pool";
import { addDays, shanghaiDate } from "~/domain/shanghai-time";
import * as bankClaim from "~/routes/bank.claims.$id/route";
import * as loanClaim from "~/routes/bank.loans.$id_.claim/route";
import * as filing from "~/routes/bank.loans.$id_.filing";
import * as overview from "~/routes/gov.risk-pool._index/route";
import * as banksPage from "~/routes/gov.risk-pool.banks";
import * as review from "~/routes/gov.risk-pool.claims.$id/route";
import * as recoveries from "~/routes/gov.risk-pool.recoveries/route";
import * as rules from "~/routes/gov.risk-pool.rules/route";

import {
  createBank,
  createEnterprise,
  createFiling,
  createProduct,
  createSubDistrict,
  createUser,
} from "../../../prisma/factories";
import { db, sessionCookieFor } from "../helpers";

import type { ActionCase } from "./hostile-world";
import { createLoan } from "./pool-world";

const today = () => shanghaiDate(new Date());

type ClaimState = "FILED" | "APPROVED" | "PAID" | "RETURNED";

export async function poolCases(): Promise<ActionCase[]> {
  const rule = await db.poolRule.upsert({
    where: { effectiveOn: "2020-01-01" },
    create: {
      effectiveOn: "2020-01-01",
      ...DEFAULT_RULE_TERMS,
      guaranteeTypes: DEFAULT_RULE_TERMS.guaranteeTypes.join(","),
      sizes: DEFAULT_RULE_TERMS.sizes.join(","),
    },
    update: {},
  });
  const subDistrict = await createSubDistrict(db);
  const firm = await createEnterprise(db, { subDistrictId: subDistrict.id, employees: 30, revenueWan: 800 });

  /** A bank with an officer, a credit product and the officer's session. */
  const bankWithOfficer = async () => {
    const bank = await createBank(db);
    const officer = await createUser(db, { role: "BANK", bankId: bank.id });
    const product = await createProduct(db, {
      bankId: bank.id,
      minAmountYuan: 1,
      maxAmountYuan: 100_000_000,
    });
    return { bank, officer, product, cookie: await sessionCookieFor(officer.id) };
  };
  const main = await bankWithOfficer();
  const loanOf = (productId: string, options: { dpd?: number; disbursedOn?: string } = {}) =>
    createLoan({ productId, enterpriseId: firm.id, subDistrictId: subDistrict.id, ...options });
  const file = (loan: Loan) =>
    createFiling(db, {
      loanId: loan.id,
      bankId: loan.bankId,
      ruleId: rule.id,
      principalFen: loan.principalFen,
      filedAt: new Date(loan.disbursedOn.getTime() + 3 * 86_400_000),
    });
  const recoveryAction = (loan: Loan) =>
    db.recoveryAction.create({
      data: {
        loanId: loan.id,
        bankId: loan.bankId,
        takenOn: addDays(today(), -20),
        kind: "LAWSUIT",
        description: "已起诉",
      },
    });
  /** A filed loan 120 days past due with a recovery action and a claim in `state`. */
  const claimIn = async (state: ClaimState, approvedFen = 100_000n) => {
    const loan = await loanOf(main.product.id, { dpd: 120 });
    const filed = await file(loan);
    await recoveryAction(loan);
    const at = new Date(Date.now() - 5 * 86_400_000);
    return db.claim.create({
      data: {
        loanId: loan.id,
        filingId: filed.id,
        bankId: loan.bankId,
        state,
        version: state === "FILED" ? 0 : 1,
        principalAtClaimFen: loan.outstandingPrincipalFen,
        daysPastDue: 120,
        coverageBp: 8000,
        firstLoan: false,
        computedFen: (loan.outstandingPrincipalFen * 8n) / 10n,
        approvedFen: state === "APPROVED" || state === "PAID" ? approvedFen : null,
        approvedAt: state === "APPROVED" || state === "PAID" ? at : null,
        paidAt: state === "PAID" ? at : null,
        returnNote: state === "RETURNED" ? "请补充判决书" : null,
        statement: "借款人停止经营",
        submittedAt: at,
        firstSubmittedAt: at,
        materials: { create: [{ title: "借款合同", round: 1 }] },
      },
    });
  };

  const toApprove = await claimIn("FILED");
  const toReturn = await claimIn("FILED");
  const toReject = await claimIn("FILED");
  const toPay = await claimIn("APPROVED", 200_000n);
  const toRefile = await claimIn("RETURNED");
  const paid = await claimIn("PAID", 40_000_000n);
  const owed = await claimIn("PAID", 40_000_000n);
  const recovery = await db.recovery.create({
    data: {
      claimId: owed.id,
      bankId: main.bank.id,
      recoveredOn: today(),
      amountFen: 1_000_000n,
      shareFen: 800_000n,
      reference: "HOSTILE-OWED-1",
    },
  });
  const forAction = await loanOf(main.product.id, { dpd: 40 });
  const claimable = await loanOf(main.product.id, { dpd: 120 });
  await file(claimable);
  await recoveryAction(claimable);

  // a bank over the threshold: one filed loan far past due; its new loan's filing suspends it
  const over = await bankWithOfficer();
  await file(await loanOf(over.product.id, { dpd: 120 }));
  const overFresh = await loanOf(over.product.id, { disbursedOn: addDays(today(), -2) });
  // a suspended bank whose filed loans are all paid up: its filing reinstates it, then files
  const back = await bankWithOfficer();
  await file(await loanOf(back.product.id, { disbursedOn: addDays(today(), -20) }));
  await db.bankSuspension.create({
    data: {
      bankId: back.bank.id,
      startedAt: new Date(Date.now() - 10 * 86_400_000),
      ratioBp: 1000,
      thresholdBp: 500,
      overdueFen: 1n,
      outstandingFen: 10n,
      activeKey: back.bank.id,
    },
  });
  const backFresh = await loanOf(back.product.id, { disbursedOn: addDays(today(), -2) });
  // a suspension for the bureau to lift
  const liftable = await db.bankSuspension.create({
    data: {
      bankId: (await createBank(db)).id,
      ratioBp: 900,
      thresholdBp: 500,
      overdueFen: 9n,
      outstandingFen: 100n,
      activeKey: `lift-${rule.id}`,
    },
  });

  const reviewCase = (
    name: string,
    claimId: string,
    form: Record<string, string>,
    fields: ActionCase["fields"],
  ) => ({
    route: "gov.risk-pool.claims.$id",
    name,
    action: review.action,
    path: `/gov/risk-pool/claims/${claimId}`,
    params: { id: claimId },
    role: "bureau" as const,
    form: { intent: name, ...form },
    fields,
    required: ["intent", ...Object.keys(fields)].filter((f) => f !== "text"),
  });
  const filingCase = (name: string, loanId: string, cookie: string): ActionCase => ({
    route: "bank.loans.$id_.filing",
    name,
    action: filing.action,
    path: `/bank/loans/${loanId}/filing`,
    params: { id: loanId },
    role: "bank",
    cookie,
    form: { intent: "file", back: "loan" },
    fields: { back: "enum" },
    required: ["intent"],
  });

  return [
    reviewCase("pay", toPay.id, {}, {}),
    {
      route: "gov.risk-pool._index",
      name: "deposit",
      action: overview.action,
      path: "/gov/risk-pool",
      role: "bureau",
      form: { amount: "100", reference: "郑东财〔2026〕3号", note: "" },
      fields: { amount: "wan", reference: "text", note: "optText" },
      required: ["amount", "reference"],
    },
    reviewCase(
      "approve",
      toApprove.id,
      { amount: "1000", version: "0" },
      { amount: "wan", version: "version" },
    ),
    reviewCase(
      "return",
      toReturn.id,
      { note: "请补充法院判决书", version: "0" },
      { note: "text", version: "version" },
    ),
    reviewCase(
      "reject",
      toReject.id,
      { reason: "NOT_COVERED", text: "", version: "0" },
      { reason: "enum", text: "optText", version: "version" },
    ),
    {
      route: "gov.risk-pool.rules",
      name: "create",
      action: rules.action,
      path: "/gov/risk-pool/rules",
      role: "bureau",
      form: {
        effectiveOn: addDays(today(), 700),
        coverage: "80",
        bonus: "5",
        cap: "500",
        maxPrincipal: "1000",
        guaranteeTypes: ["CREDIT", "GUARANTEE"],
        sizes: ["SMALL", "MICRO"],
        whitelistOnly: "on",
        filingWindow: "30",
        claimThreshold: "90",
        suspension: "5",
        note: "",
      },
      // coverage and bonus: "100" is refused with the other (over 100% together); the
      // suspension threshold may be 100%, so its bad values are the amount's
      fields: {
        effectiveOn: "day",
        coverage: "rate",
        bonus: "rate",
        cap: "wan",
        maxPrincipal: "wan",
        guaranteeTypes: "list",
        sizes: "list",
        whitelistOnly: "flag",
        filingWindow: "int",
        claimThreshold: "int",
        suspension: "wan",
        note: "optText",
      },
      required: [
        "effectiveOn",
        "coverage",
        "bonus",
        "cap",
        "maxPrincipal",
        "guaranteeTypes",
        "sizes",
        "filingWindow",
        "claimThreshold",
        "suspension",
      ],
    },
    {
      route: "gov.risk-pool.recoveries",
      name: "receive",
      action: recoveries.action,
      path: "/gov/risk-pool/recoveries",
      role: "bureau",
      form: { id: recovery.id },
      fields: { id: "id" },
      required: ["id"],
    },
    {
      route: "gov.risk-pool.banks",
      name: "lift",
      action: banksPage.action,
      path: "/gov/risk-pool/banks",
      role: "bureau",
      form: { id: liftable.id, reason: "已完成整改" },
      fields: { id: "id", reason: "text" },
      required: ["id", "reason"],
    },
    filingCase("file (suspends the bank over the threshold)", overFresh.id, over.cookie),
    filingCase("file (reinstates the bank whose ratio fell back)", backFresh.id, back.cookie),
    {
      route: "bank.loans.$id_.claim",
      name: "action",
      action: loanClaim.action,
      path: `/bank/loans/${forAction.id}/claim`,
      params: { id: forAction.id },
      role: "bank",
      cookie: main.cookie,
      form: { intent: "action", takenOn: addDays(today(), -1), kind: "REMINDER", description: "电话催收" },
      fields: { takenOn: "day", kind: "enum", description: "text" },
      required: ["intent", "takenOn", "kind", "description"],
    },
    {
      route: "bank.loans.$id_.claim",
      name: "claim",
      action: loanClaim.action,
      path: `/bank/loans/${claimable.id}/claim`,
      params: { id: claimable.id },
      role: "bank",
      cookie: main.cookie,
      form: { intent: "claim", statement: "借款人停产", materials: "借款合同\n催收记录" },
      fields: { statement: "text", materials: "text" },
      required: ["intent", "statement", "materials"],
    },
    {
      route: "bank.claims.$id",
      name: "refile",
      action: bankClaim.action,
      path: `/bank/claims/${toRefile.id}`,
      params: { id: toRefile.id },
      role: "bank",
      cookie: main.cookie,
      form: { intent: "refile", statement: "已补充判决书", materials: "民事判决书", version: "1" },
      fields: { statement: "text", materials: "text", version: "version" },
      required: ["intent", "statement", "materials", "version"],
    },
    {
      route: "bank.claims.$id",
      name: "recovery",
      action: bankClaim.action,
      path: `/bank/claims/${paid.id}`,
      params: { id: paid.id },
      role: "bank",
      cookie: main.cookie,
      form: {
        intent: "recovery",
        recoveredOn: today(),
        amount: "5000",
        reference: "HOSTILE-RCV-1",
        note: "",
      },
      fields: { recoveredOn: "day", amount: "wan", reference: "text", note: "optText" },
      required: ["intent", "recoveredOn", "amount", "reference"],
    },
  ];
}
