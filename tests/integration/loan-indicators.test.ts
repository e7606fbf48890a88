/**
 * The loan-book indicators (贷款余额、逾期率、不良率、续贷) against a hand-built fixture. Every
 * expected number was worked out by hand from the loans written in beforeAll (the working is in
 * the comments). Report time: 2026-06-15 10:00 Shanghai. All loans at 12% a year (1% a month).
 *
 *   L1  F1 (SD1, first loan)  B1 P1 CREDIT    120,000 元 等额本金 3 months from 31 Jan:
 *       due 28 Feb / 31 Mar / 30 Apr, 40,000 元 principal each; all paid on their due dates.
 *   L2  F2 (SD1, first loan)  B1 P2 MORTGAGE   60,000 元 按月付息 6 months from 15 Jan:
 *       interest 600 元 a month; only the 15 Feb interest paid, nothing since.
 *   L3  F3 (SD2, had a loan)  B2 P3 CREDIT    200,000 元 BULLET 6 months from 1 Mar (due 1 Sep);
 *       settled on 20 May by L5 (无还本续贷).
 *   L4  F1 (SD1, repeat)      B1 P1 CREDIT    100,000 元 等额本金 2 months from 1 May, renews L1
 *       (续贷 after L1 was repaid): 50,000 元 principal paid on 1 Jun.
 *   L5  F3 (SD2, repeat)      B2 P3 CREDIT     30,000 元 按月付息 3 months from 20 May, renews L3
 *       without repayment; the bank reports it 次级 (SUBSTANDARD).
 */
import { beforeAll, describe, expect, it } from "vitest";

import type { IndicatorFilter } from "~/domain/indicators";
import { SECTIONS } from "~/domain/industry";
import type { BankActor, BureauActor, OfficeActor } from "~/models/actor";
import { getIndicatorReport, type IndicatorActor } from "~/models/indicators.server";
import { openLoan } from "~/models/loan.server";

import {
  createApplication,
  createBank,
  createEnterprise,
  createLoan,
  createProduct,
  createSubDistrict,
} from "../../prisma/factories";

import { db } from "./helpers";

const at = (day: string, time = "10:00") => new Date(`${day}T${time}:00+08:00`);
const NOW = at("2026-06-15");

const actor = (overrides: object) =>
  ({
    id: "u",
    username: "u",
    displayName: "u",
    enterpriseId: null,
    bankId: null,
    subDistrictId: null,
    organization: null,
    ...overrides,
  }) as never;
const bureau: BureauActor = actor({ role: "GOV_BUREAU" });

let SD1: string, SD2: string, B1: string, B2: string;
const FIRMS = { F1: "", F2: "", F3: "" };

beforeAll(async () => {
  SD1 = (await createSubDistrict(db)).id;
  SD2 = (await createSubDistrict(db)).id;
  B1 = (await createBank(db)).id;
  B2 = (await createBank(db)).id;
  const wide = { minAmountYuan: 10_000, maxAmountYuan: 5_000_000, minTermMonths: 1, maxTermMonths: 36 };
  const P1 = (await createProduct(db, { bankId: B1, type: "CREDIT", guaranteeType: "CREDIT", ...wide })).id;
  const P2 = (await createProduct(db, { bankId: B1, type: "MORTGAGE", guaranteeType: "MORTGAGE", ...wide }))
    .id;
  const P3 = (await createProduct(db, { bankId: B2, type: "CREDIT", guaranteeType: "CREDIT", ...wide })).id;
  const F1 = (await createEnterprise(db, { subDistrictId: SD1, size: "SMALL", createdAt: at("2025-06-01") }))
    .id;
  const F2 = (await createEnterprise(db, { subDistrictId: SD1, size: "MICRO", createdAt: at("2025-06-01") }))
    .id;
  const F3 = (
    await createEnterprise(db, {
      subDistrictId: SD2,
      size: "MEDIUM",
      hadBankLoan: true,
      createdAt: at("2025-06-01"),
    })
  ).id;
  Object.assign(FIRMS, { F1, F2, F3 });

  const disbursed = (
    firm: string,
    product: string,
    yuan: number,
    months: number,
    day: string,
    whitelisted = false,
  ) =>
    createApplication(db, {
      whitelisted,
      enterpriseId: firm,
      productId: product,
      state: "DISBURSED",
      amountYuan: yuan,
      termMonths: months,
      submittedAt: at(day, "08:00"),
      at: { accepted: at(day, "08:30"), approved: at(day, "09:00"), disbursed: at(day, "10:00") },
      approved: { amountYuan: yuan, rateBp: 1200, termMonths: months },
      disbursed: { amountYuan: yuan, rateBp: 1200 },
      loan: false,
    });

  const a1 = await disbursed(F1, P1, 120_000, 3, "2026-01-31");
  const l1 = await createLoan(db, {
    applicationId: a1.id,
    method: "EQUAL_PRINCIPAL",
    // 4,000,000 分 principal + 120,000 / 80,000 / 40,000 interest
    repayments: [
      { paidOn: "2026-02-28", amountFen: 4_120_000n },
      { paidOn: "2026-03-31", amountFen: 4_080_000n },
      { paidOn: "2026-04-30", amountFen: 4_040_000n },
    ],
  });
  const a2 = await disbursed(F2, P2, 60_000, 6, "2026-01-15");
  await createLoan(db, {
    applicationId: a2.id,
    method: "INTEREST_MONTHLY",
    repayments: [{ paidOn: "2026-02-15", amountFen: 60_000n }],
  });
  const a3 = await disbursed(F3, P3, 200_000, 6, "2026-03-01");
  const l3 = await createLoan(db, { applicationId: a3.id, method: "BULLET" });
  const a4 = await disbursed(F1, P1, 100_000, 2, "2026-05-01");
  await createLoan(db, {
    applicationId: a4.id,
    method: "EQUAL_PRINCIPAL",
    repayments: [{ paidOn: "2026-06-01", amountFen: 5_100_000n }],
    renewsLoanId: l1.id,
    renewalKind: "STANDARD",
  });
  await db.loan.update({ where: { id: l1.id }, data: { settledBy: "RENEWED" } });
  // applied while F3 was on the whitelist
  const a5 = await disbursed(F3, P3, 30_000, 3, "2026-05-20", true);
  const l5 = await db.$transaction((tx) =>
    openLoan(tx, {
      applicationId: a5.id,
      enterpriseId: F3,
      bankId: B2,
      productId: P3,
      principalYuan: 30_000,
      rateBp: 1200,
      termMonths: 3,
      disbursedOn: "2026-05-20",
      method: "INTEREST_MONTHLY",
      firstLoan: false,
      renewal: { loanId: l3.id, kind: "WITHOUT_PRINCIPAL_REPAYMENT" },
    }),
  );
  await db.loan.update({ where: { id: l5.id }, data: { reportedRiskClass: "SUBSTANDARD" } });
});

const report = (
  filter: IndicatorFilter,
  dimension: "bank" | "borrower" | "productType" | "subDistrict" = "bank",
  who: IndicatorActor = bureau,
) => getIndicatorReport(who, filter, { dimension, now: NOW });

const row = (r: Awaited<ReturnType<typeof report>>, key: string) =>
  r.breakdown.rows.find((x) => x.key === key)!.values;

describe("the loan book today (the period runs to today)", () => {
  const THIS_YEAR = { fromDay: "2026-01-01", toDay: "2026-06-15" };

  it("sums what is outstanding, overdue and non-performing", async () => {
    const { totals } = await report(THIS_YEAR);
    // L1 and L3 are settled. L2 6,000,000 分 (oldest unpaid 15 Mar: 92 days → 次级),
    // L4 5,000,000 (paid on time), L5 3,000,000 (reported 次级): 14,000,000 分 = 140,000 元.
    expect(totals).toMatchObject({
      activeLoans: 3,
      outstandingYuan: 140_000,
      overdueYuan: 60_000,
      // 6 ÷ 14 = 428.57‰
      overdueRatioPermille: 429,
      // (6 + 3) ÷ 14 = 642.86‰
      nplYuan: 90_000,
      nplRatioPermille: 643,
    });
  });

  it("counts renewals apart from new lending, and 无还本续贷 apart again", async () => {
    const { totals } = await report(THIS_YEAR);
    // disbursed 120,000 + 60,000 + 200,000 + 100,000 + 30,000 = 510,000; renewals L4 + L5
    expect(totals).toMatchObject({
      disbursedYuan: 510_000,
      renewals: 2,
      renewalYuan: 130_000,
      withoutRepaymentRenewals: 1,
      withoutRepaymentYuan: 30_000,
      newLendingYuan: 380_000,
    });
  });

  it("breaks the book down by bank, borrower, product type and sub-district", async () => {
    const byBank = await report(THIS_YEAR, "bank");
    // B1: L2 + L4 = 11,000,000; overdue and NPL L2 6,000,000: 545.45‰. B2: L5 3,000,000, NPL all of it.
    expect(row(byBank, B1)).toMatchObject({
      outstandingYuan: 110_000,
      overdueRatioPermille: 545,
      nplRatioPermille: 545,
    });
    expect(row(byBank, B2)).toMatchObject({
      outstandingYuan: 30_000,
      overdueRatioPermille: 0,
      nplRatioPermille: 1000,
    });
    const byBorrower = await report(THIS_YEAR, "borrower");
    // first loans: L2 (L1 settled); repeat: L4 + L5 = 8,000,000, NPL L5 3,000,000 = 375‰
    expect(row(byBorrower, "FIRST")).toMatchObject({ outstandingYuan: 60_000, overdueRatioPermille: 1000 });
    expect(row(byBorrower, "REPEAT")).toMatchObject({
      outstandingYuan: 80_000,
      overdueRatioPermille: 0,
      nplRatioPermille: 375,
      renewals: 2,
    });
    const byType = await report(THIS_YEAR, "productType");
    expect(row(byType, "CREDIT")).toMatchObject({ outstandingYuan: 80_000, renewalYuan: 130_000 });
    expect(row(byType, "MORTGAGE")).toMatchObject({ outstandingYuan: 60_000, overdueYuan: 60_000 });
    const bySubDistrict = await report(THIS_YEAR, "subDistrict");
    expect(row(bySubDistrict, SD1)).toMatchObject({ outstandingYuan: 110_000 });
    expect(row(bySubDistrict, SD2)).toMatchObject({ outstandingYuan: 30_000, withoutRepaymentRenewals: 1 });
  });

  it("scopes an office to its sub-district and a bank to itself", async () => {
    const office: OfficeActor = actor({ role: "GOV_OFFICE", subDistrictId: SD2 });
    const bank: BankActor = actor({ role: "BANK", bankId: B1 });
    expect((await report(THIS_YEAR, "bank", office)).totals).toMatchObject({
      outstandingYuan: 30_000,
      nplYuan: 30_000,
    });
    expect((await report(THIS_YEAR, "subDistrict", bank)).totals).toMatchObject({
      outstandingYuan: 110_000,
      overdueYuan: 60_000,
    });
  });

  it("filters the book by the firm's size and by the application's whitelist flag", async () => {
    // L4 is F1's (small), L2 F2's (micro), L5 F3's (medium, applied while whitelisted)
    expect((await report({ ...THIS_YEAR, size: "SMALL" })).totals).toMatchObject({
      activeLoans: 1,
      outstandingYuan: 50_000,
      overdueYuan: 0,
    });
    expect((await report({ ...THIS_YEAR, size: "MEDIUM" })).totals).toMatchObject({
      activeLoans: 1,
      outstandingYuan: 30_000,
      nplYuan: 30_000,
      withoutRepaymentRenewals: 1,
    });
    const whitelisted = await report({ ...THIS_YEAR, whitelist: "yes" }, "productType");
    expect(whitelisted.totals).toMatchObject({ activeLoans: 1, outstandingYuan: 30_000, renewals: 1 });
    // L5 is a CREDIT product's (P3); no MORTGAGE loan was applied for while whitelisted
    expect(row(whitelisted, "CREDIT")).toMatchObject({ activeLoans: 1, outstandingYuan: 30_000 });
    expect(whitelisted.breakdown.rows.find((r) => r.key === "MORTGAGE")).toBeUndefined();
    expect((await report({ ...THIS_YEAR, whitelist: "no" })).totals).toMatchObject({
      activeLoans: 2,
      outstandingYuan: 110_000,
      overdueYuan: 60_000,
    });
  });

  it("filters the book by the firm's industry section", async () => {
    const sectionOf = async (id: string) =>
      (await db.enterprise.findUniqueOrThrow({ where: { id }, select: { sectionCode: true } })).sectionCode;
    const sections = {
      F1: await sectionOf(FIRMS.F1),
      F2: await sectionOf(FIRMS.F2),
      F3: await sectionOf(FIRMS.F3),
    };
    // a section none of the three firms is in: nothing outstanding
    const other = SECTIONS.map((s) => s.code).find((code) => !Object.values(sections).includes(code))!;
    expect((await report({ ...THIS_YEAR, sectionCode: other })).totals).toMatchObject({
      activeLoans: 0,
      outstandingYuan: 0,
    });
    // F1's section: the outstanding loans of the firms in it (L4 F1 50,000, L2 F2 60,000, L5 F3 30,000)
    const outstanding = { F1: 50_000, F2: 60_000, F3: 30_000 };
    const expected = (["F1", "F2", "F3"] as const)
      .filter((firm) => sections[firm] === sections.F1)
      .reduce((sum, firm) => sum + outstanding[firm], 0);
    expect((await report({ ...THIS_YEAR, sectionCode: sections.F1 })).totals.outstandingYuan).toBe(expected);
  });

  it("keeps no loan book per month", async () => {
    const { monthly } = await report(THIS_YEAR);
    expect(monthly.every((point) => point.values.outstandingYuan === null)).toBe(true);
    // renewals by the month of their disbursement: both in May
    expect(monthly.find((point) => point.month === "2026-05")!.values.renewals).toBe(2);
  });
});

describe("the loan book at the end of a past period (rebuilt from repayments and periods)", () => {
  it("is the book as it stood on 31 Mar", async () => {
    const { totals } = await report({ fromDay: "2026-01-01", toDay: "2026-03-31" });
    // L1: 12,000,000 − 4,000,000 (28 Feb) − 4,000,000 (31 Mar, the day itself) = 4,000,000, current.
    // L2: nothing of the principal repaid: 6,000,000; the 15 Mar interest unpaid → overdue (16 days).
    // L3: 20,000,000, due 1 Sep. L4, L5 not yet disbursed. 30,000,000 分 = 300,000 元.
    expect(totals).toMatchObject({
      activeLoans: 3,
      outstandingYuan: 300_000,
      overdueYuan: 60_000,
      overdueRatioPermille: 200,
      nplYuan: 0,
      nplRatioPermille: 0,
      renewals: 0,
      newLendingYuan: 380_000,
    });
  });

  it("counts a loan on the day before it was settled, and not from that day on", async () => {
    // 29 Apr: L1 12,000,000 − 4,000,000 (28 Feb) − 4,000,000 (31 Mar) = 4,000,000, its last
    // period due the next day; L2 6,000,000, overdue since 15 Mar; L3 20,000,000. 300,000 元.
    const before = await report({ fromDay: "2026-04-01", toDay: "2026-04-29" });
    expect(before.totals).toMatchObject({ activeLoans: 3, outstandingYuan: 300_000, overdueYuan: 60_000 });
    // 30 Apr: L1 paid its last period and was settled that day
    const on = await report({ fromDay: "2026-04-01", toDay: "2026-04-30" });
    expect(on.totals).toMatchObject({ activeLoans: 2, outstandingYuan: 260_000, overdueYuan: 60_000 });
  });

  it("counts a loan more than 90 days past due on that day as non-performing", async () => {
    // 31 May: L2's oldest unpaid due date 15 Mar is 77 days back (not yet 次级); L5 is reported 次级.
    const may = await report({ fromDay: "2026-05-01", toDay: "2026-05-31" });
    // L1 settled on 30 Apr; L2 6,000,000; L3 settled on 20 May; L4 10,000,000 (nothing due before
    // 1 Jun); L5 3,000,000 → 19,000,000; NPL L5 only: 3 ÷ 19 = 157.89‰
    expect(may.totals).toMatchObject({
      activeLoans: 3,
      outstandingYuan: 190_000,
      nplYuan: 30_000,
      nplRatioPermille: 158,
    });
    // 14 Jun: 15 Mar is 91 days back → L2 is 次级 too: 9,000,000 of 14,000,000 (L4 paid 1 Jun)
    const june = await report({ fromDay: "2026-06-01", toDay: "2026-06-14" });
    expect(june.totals).toMatchObject({ outstandingYuan: 140_000, nplYuan: 90_000, nplRatioPermille: 643 });
  });
});
