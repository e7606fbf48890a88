/**
 * The indicators against a hand-built fixture. Every expected number below was worked out by
 * hand from the rows written in beforeAll (the working is in the comments); none comes from
 * the code under test.
 *
 * Period: 2026-02-01 … 2026-03-31 (Shanghai). Report time: 2026-04-15 10:00 Shanghai.
 * Calendar facts used (State Council 2026): Feb 14 (Sat) and Feb 28 (Sat) are 调休 workdays;
 * Feb 16–20 and Feb 23 are Spring Festival holidays. First-response SLA: 3 working days.
 * LPR: 300 bp from 2025-05-20, 290 bp from 2026-03-01 (a change inside the period).
 */
import { beforeAll, describe, expect, it } from "vitest";

import type { IndicatorFilter } from "~/domain/indicators";
import type { BankActor, BureauActor, OfficeActor } from "~/models/actor";
import { rebuildRollups } from "~/models/indicator-rollup.server";
import { getIndicatorReport, parseIndicatorQuery, type IndicatorActor } from "~/models/indicators.server";

import {
  applicationNumber,
  bureauUser,
  createBank,
  createDemand,
  createEnterprise,
  createOffer,
  createProduct,
  createSubDistrict,
  createWhitelistBatch,
  createAuthorization,
} from "../../prisma/factories";

import { db } from "./helpers";

/** An instant at a Shanghai wall-clock time. */
const at = (day: string, time = "10:00") => new Date(`${day}T${time}:00+08:00`);
const NOW = at("2026-04-15");
const PERIOD: IndicatorFilter = { fromDay: "2026-02-01", toDay: "2026-03-31" };

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
const firms: Record<string, string> = {};

type AppSpec = {
  firm: string;
  product: string;
  submitted: Date;
  state: string;
  firstResponse?: Date;
  accepted?: Date;
  decided?: Date;
  approvedYuan?: number;
  rejectReason?: string;
  disbursed?: Date;
  disbursedYuan?: number;
  rateBp?: number;
  whitelisted?: boolean;
  offerId?: string;
};

beforeAll(async () => {
  SD1 = (await createSubDistrict(db)).id;
  SD2 = (await createSubDistrict(db)).id;
  B1 = (await createBank(db)).id;
  B2 = (await createBank(db)).id;
  const P1 = (await createProduct(db, { bankId: B1, type: "CREDIT", guaranteeType: "CREDIT" })).id;
  const P2 = (await createProduct(db, { bankId: B1, type: "MORTGAGE", guaranteeType: "MORTGAGE" })).id;
  const P3 = (await createProduct(db, { bankId: B2, type: "CREDIT", guaranteeType: "CREDIT" })).id;
  const products: Record<string, string> = { P1, P2, P3 };

  await db.lprRate.deleteMany();
  await db.lprRate.createMany({
    data: [
      { effectiveOn: at("2025-05-20", "00:00"), rateBp: 300 },
      { effectiveOn: at("2026-03-01", "00:00"), rateBp: 290 },
    ],
  });

  const firm = async (
    name: string,
    subDistrictId: string,
    sectionCode: "C" | "F" | "I",
    size: string,
    verified: string,
    extra: object = {},
  ) => {
    firms[name] = (
      await createEnterprise(db, {
        subDistrictId,
        sectionCode,
        size: size as never,
        createdAt: at(verified),
        ...extra,
      })
    ).id;
  };
  const until = at("2027-02-20");
  await firm("F1", SD1, "C", "SMALL", "2025-06-01", { whitelistedUntil: until });
  await firm("F2", SD1, "C", "MICRO", "2026-02-10", { whitelistedUntil: until });
  await firm("F3", SD2, "F", "MEDIUM", "2026-02-05");
  await firm("F4", SD2, "F", "SMALL", "2025-12-01", { hadBankLoan: true, whitelistedUntil: until });
  await firm("F5", SD1, "I", "MICRO", "2026-04-02");
  await firm("F6", SD2, "C", "MICRO", "2026-03-20", { whitelistedUntil: until });

  // Demands: D1 Feb 15 (1,000,000), D2 Mar 3 (500,000), D4 Mar 30 (300,000) in period; D3 before.
  await createDemand(db, { enterpriseId: firms.F1, amountYuan: 1_000_000, createdAt: at("2026-02-15") });
  const D2 = await createDemand(db, {
    enterpriseId: firms.F2,
    amountYuan: 500_000,
    createdAt: at("2026-03-03"),
  });
  await createDemand(db, { enterpriseId: firms.F4, amountYuan: 2_000_000, createdAt: at("2026-01-10") });
  await createDemand(db, { enterpriseId: firms.F3, amountYuan: 300_000, createdAt: at("2026-03-30") });
  const offer = await createOffer(db, {
    demandId: D2.id,
    productId: P1,
    amountYuan: 500_000,
    rateBp: 400,
    status: "ACCEPTED",
    createdAt: at("2026-03-08"),
    respondedAt: at("2026-03-10"),
  });

  // Authorisations at the stock instant (2026-04-01 00:00): F1 (all banks), F4 (B1), F2 (B2) live.
  const auth = (
    firmName: string,
    bankId: string | null,
    granted: string,
    expires: string,
    revoked?: string,
  ) =>
    createAuthorization(db, {
      enterpriseId: firms[firmName],
      bankId,
      scope: "FULL",
      grantedAt: at(granted),
      expiresAt: at(expires),
      revokedAt: revoked ? at(revoked) : null,
    });
  await auth("F1", null, "2026-01-01", "2026-12-31");
  await auth("F2", B1, "2026-03-01", "2027-03-01", "2026-03-20");
  await auth("F3", B2, "2026-02-01", "2026-03-15");
  await auth("F4", B1, "2026-02-01", "2027-01-01");
  await auth("F6", B2, "2026-04-05", "2027-04-05");
  await auth("F2", B2, "2026-03-25", "2026-09-30");

  // Whitelist entries: F1 Feb 20, F2 Feb 25, F6 Mar 25, F5's… none; F4 Mar 28; F4 also Jan 10 (before).
  const approver = (await bureauUser(db)).id;
  const batch = async (day: string, names: string[]) =>
    createWhitelistBatch(db, {
      approvedById: approver,
      createdAt: at(day),
      validFrom: at(day),
      entries: names.map((name) => ({
        enterpriseId: firms[name],
        subDistrictId: name === "F1" || name === "F2" ? SD1 : SD2,
      })),
    });
  await batch("2026-01-10", ["F4"]);
  await batch("2026-02-20", ["F1"]);
  await batch("2026-02-25", ["F2"]);
  await batch("2026-03-25", ["F6"]);
  await batch("2026-03-28", ["F4"]);

  const specs: Record<string, AppSpec> = {
    A1: {
      firm: "F1",
      product: "P1",
      submitted: at("2026-02-12"),
      state: "DISBURSED",
      firstResponse: at("2026-02-24"),
      accepted: at("2026-02-24"),
      decided: at("2026-03-02"),
      approvedYuan: 1_000_000,
      disbursed: at("2026-03-10"),
      disbursedYuan: 1_000_000,
      rateBp: 350,
    },
    A2: {
      firm: "F2",
      product: "P1",
      submitted: at("2026-02-13"),
      state: "REJECTED",
      firstResponse: at("2026-02-26"),
      decided: at("2026-02-26"),
      rejectReason: "HIGH_LEVERAGE",
    },
    A3: {
      firm: "F3",
      product: "P3",
      submitted: at("2026-03-05"),
      state: "DISBURSED",
      firstResponse: at("2026-03-06"),
      accepted: at("2026-03-06"),
      decided: at("2026-03-09"),
      approvedYuan: 2_000_000,
      disbursed: at("2026-04-03"),
      disbursedYuan: 2_000_000,
      rateBp: 360,
    },
    A4: { firm: "F4", product: "P2", submitted: at("2026-03-02"), state: "SUBMITTED" },
    A5: { firm: "F1", product: "P3", submitted: at("2026-03-20"), state: "WITHDRAWN" },
    A6: {
      firm: "F2",
      product: "P1",
      submitted: at("2026-03-10"),
      state: "DISBURSED",
      firstResponse: at("2026-03-10"),
      accepted: at("2026-03-10"),
      decided: at("2026-03-12"),
      approvedYuan: 500_000,
      disbursed: at("2026-03-16"),
      disbursedYuan: 500_000,
      rateBp: 400,
      whitelisted: true,
      offerId: offer.id,
    },
    A7: {
      firm: "F4",
      product: "P3",
      submitted: at("2026-01-20"),
      state: "DISBURSED",
      firstResponse: at("2026-01-21"),
      accepted: at("2026-01-21"),
      decided: at("2026-02-03"),
      approvedYuan: 3_000_000,
      disbursed: at("2026-02-05"),
      disbursedYuan: 3_000_000,
      rateBp: 380,
    },
    A8: {
      firm: "F1",
      product: "P2",
      submitted: at("2026-03-11"),
      state: "DISBURSED",
      firstResponse: at("2026-03-12"),
      accepted: at("2026-03-12"),
      decided: at("2026-03-16"),
      approvedYuan: 2_000_000,
      disbursed: at("2026-03-25"),
      disbursedYuan: 2_000_000,
      rateBp: 420,
      whitelisted: true,
    },
    A9: {
      firm: "F4",
      product: "P3",
      submitted: at("2026-02-02"),
      state: "REJECTED",
      firstResponse: at("2026-02-04"),
      decided: at("2026-02-04"),
      rejectReason: "NO_COLLATERAL",
    },
    A10: {
      firm: "F3",
      product: "P1",
      submitted: at("2026-03-16"),
      state: "REJECTED",
      firstResponse: at("2026-03-17"),
      accepted: at("2026-03-17"),
      decided: at("2026-03-25"),
      rejectReason: "NO_COLLATERAL",
    },
    A11: {
      firm: "F4",
      product: "P1",
      submitted: at("2025-12-10"),
      state: "DISBURSED",
      firstResponse: at("2025-12-11"),
      accepted: at("2025-12-11"),
      decided: at("2025-12-20"),
      approvedYuan: 800_000,
      disbursed: at("2026-01-15"),
      disbursedYuan: 800_000,
      rateBp: 360,
    },
    A12: {
      firm: "F2",
      product: "P3",
      submitted: at("2026-03-23"),
      state: "ACCEPTED",
      firstResponse: at("2026-03-30"),
      accepted: at("2026-03-30"),
      whitelisted: true,
    },
    A13: {
      firm: "F1",
      product: "P1",
      submitted: at("2026-02-02"),
      state: "CANCELLED",
      firstResponse: at("2026-02-03"),
      accepted: at("2026-02-03"),
      decided: at("2026-02-10"),
      approvedYuan: 600_000,
      rejectReason: "FIRM_DECLINED",
    },
    A14: {
      firm: "F2",
      product: "P3",
      submitted: at("2026-02-25"),
      state: "REJECTED",
      firstResponse: at("2026-02-27"),
      decided: at("2026-02-27"),
      rejectReason: "DISHONESTY_LIST",
    },
    A15: {
      firm: "F3",
      product: "P2",
      submitted: at("2026-03-26"),
      state: "REJECTED",
      firstResponse: at("2026-03-31"),
      decided: at("2026-03-31"),
      rejectReason: "INCOMPLETE_MATERIALS",
    },
    A16: {
      firm: "F4",
      product: "P1",
      submitted: at("2026-03-27"),
      state: "REJECTED",
      firstResponse: at("2026-04-01"),
      decided: at("2026-04-01"),
      rejectReason: "OUTSIDE_PRODUCT_POLICY",
    },
    // 23:30 on the last day in Shanghai is 15:30 UTC the same day: inside the period.
    A18: {
      firm: "F1",
      product: "P3",
      submitted: at("2026-03-31", "23:30"),
      state: "SUBMITTED",
      whitelisted: true,
    },
    // 00:30 on April 1st in Shanghai is still March 31st in UTC: outside the period.
    A19: { firm: "F2", product: "P1", submitted: at("2026-04-01", "00:30"), state: "SUBMITTED" },
    A20: {
      firm: "F1",
      product: "P3",
      submitted: at("2026-01-31", "23:30"),
      state: "REJECTED",
      firstResponse: at("2026-02-02"),
      decided: at("2026-02-02"),
      rejectReason: "OTHER",
    },
    A21: {
      firm: "F3",
      product: "P2",
      submitted: at("2026-02-09"),
      state: "DISBURSED",
      firstResponse: at("2026-02-10"),
      accepted: at("2026-02-10"),
      decided: at("2026-02-12"),
      approvedYuan: 1_500_000,
      disbursed: at("2026-03-03"),
      disbursedYuan: 1_500_000,
      rateBp: 330,
    },
  };
  let n = 0;
  for (const spec of Object.values(specs)) {
    const productId = products[spec.product];
    n++;
    await db.application.create({
      data: {
        number: applicationNumber(spec.submitted, n),
        enterpriseId: firms[spec.firm],
        productId,
        bankId: spec.product === "P3" ? B2 : B1,
        offerId: spec.offerId ?? null,
        demandId: spec.offerId ? D2.id : null,
        amountYuan: spec.approvedYuan ?? 1_000_000,
        termMonths: 12,
        purpose: "流动资金",
        state: spec.state,
        whitelisted: spec.whitelisted ?? false,
        submittedAt: spec.submitted,
        firstResponseAt: spec.firstResponse ?? null,
        acceptedAt: spec.accepted ?? null,
        decidedAt: spec.decided ?? null,
        approvedAmountYuan: spec.approvedYuan ?? null,
        approvedRateBp: spec.approvedYuan ? (spec.rateBp ?? 380) : null,
        approvedTermMonths: spec.approvedYuan ? 12 : null,
        rejectReason: spec.rejectReason ?? null,
        disbursedAt: spec.disbursed ?? null,
        disbursedAmountYuan: spec.disbursedYuan ?? null,
        disbursedRateBp: spec.disbursed ? spec.rateBp : null,
      },
    });
  }
  // The rows above were written raw, as the seed writes them: the rollups are rebuilt after.
  await rebuildRollups(db);
});

const report = (
  filter: Partial<IndicatorFilter> = {},
  dimension: "subDistrict" | "bank" | "section" | "size" = "bank",
  who: IndicatorActor = bureau,
) => getIndicatorReport(who, { ...PERIOD, ...filter }, { dimension, now: NOW });

describe("district indicators for Feb–Mar 2026", () => {
  it("counts firms: stock at the period end, new in it, live authorisations, demands", async () => {
    const { totals } = await report();
    // F1, F2, F3, F4, F6 verified by Mar 31 (F5 on Apr 2); F2, F3, F6 in the period.
    expect(totals.registeredFirms).toBe(5);
    expect(totals.newFirms).toBe(3);
    // at Apr 1 00:00: F1 (all banks), F4 (B1), F2 (B2 since Mar 25); F2's B1 revoked, F3's expired, F6's later.
    expect(totals.authorisingFirms).toBe(3);
    // D1 1,000,000 + D2 500,000 + D4 300,000
    expect(totals.demands).toBe(3);
    expect(totals.demandYuan).toBe(1_800_000);
  });

  it("counts applications by their Shanghai submission day", async () => {
    const { totals } = await report();
    // A1 A2 A3 A4 A5 A6 A8 A9 A10 A12 A13 A14 A15 A16 A18 A21 — not A7, A11, A19 (Apr 1 Shanghai), A20 (Jan 31).
    expect(totals.applications).toBe(16);
  });

  it("measures first responses in working days, counting 调休 Saturdays and skipping holidays", async () => {
    const { totals } = await report();
    // answered (working days): A1 3 (Feb 13, Sat 14 调休, 24) ✓, A2 4 ✗ (deadline Feb 25), A3 1 ✓, A8 1 ✓,
    // A9 2 ✓, A10 1 ✓, A12 5 ✗, A13 1 ✓, A14 2 ✓, A15 3 ✓, A16 3 ✓ (answered Apr 1), A21 1 ✓.
    // A6 came from an offer, A5 was withdrawn unanswered: left out. A4 and A18 unanswered past their deadline.
    expect(totals.responded).toBe(12);
    expect(totals.responseWithinSla).toBe(10);
    expect(totals.responseDue).toBe(14);
    expect(totals.responseWithinSlaPermille).toBe(714); // 10 / 14 = 714.3‰
    expect(totals.avgResponseDays).toBe(2.3); // 27 / 12 = 2.25 → 2.3
  });

  it("rates decisions made in the period, an approval later cancelled still counting as approved", async () => {
    const { totals } = await report();
    // approved: A1 Mar 2, A3 Mar 9, A6 Mar 12, A7 Feb 3, A8 Mar 16, A13 Feb 10, A21 Feb 12
    // rejected: A2, A9, A10, A14, A15, A20 (Feb 2); A16 was decided on Apr 1.
    expect(totals.approved).toBe(7);
    expect(totals.rejected).toBe(6);
    expect(totals.approvalRatePermille).toBe(538); // 7 / 13
    expect(totals.rejectionReasons).toEqual({
      INSUFFICIENT_CREDIT_HISTORY: 0,
      HIGH_LEVERAGE: 1,
      NO_COLLATERAL: 2,
      OUTSIDE_PRODUCT_POLICY: 0,
      DISHONESTY_LIST: 1,
      INCOMPLETE_MATERIALS: 1,
      FIRM_DECLINED: 0,
      OTHER: 1,
    });
  });

  it("sums loans disbursed in the period, not those of its applications disbursed later", async () => {
    const { totals } = await report();
    // A7 3,000,000 (Feb 5), A21 1,500,000 (Mar 3), A1 1,000,000 (Mar 10), A6 500,000 (Mar 16), A8 2,000,000 (Mar 25);
    // A3 was approved in the period but disbursed on Apr 3.
    expect(totals.disbursedCount).toBe(5);
    expect(totals.disbursedYuan).toBe(8_000_000);
    // credit products: A7, A1, A6 = 4,500,000 / 8,000,000 = 562.5‰
    expect(totals.creditYuan).toBe(4_500_000);
    expect(totals.creditSharePermille).toBe(563);
    // micro and small firms: all but A21 (F3 is medium) = 6,500,000 / 8,000,000 = 812.5‰
    expect(totals.inclusiveYuan).toBe(6_500_000);
    expect(totals.inclusiveSharePermille).toBe(813);
  });

  it("counts first-time borrowers: not a second loan, not a firm that had a bank loan before", async () => {
    const { totals } = await report();
    // A21 (F3), A1 (F1), A6 (F2). A8 is F1's second loan; A7 is F4's, which declared an earlier loan.
    expect(totals.firstTimeBorrowers).toBe(3);
  });

  it("weights the rate by amount and spreads it over the LPR in force on each disbursement day", async () => {
    const { totals } = await report();
    // Σ amount × rate = 3e6×380 + 1.5e6×330 + 1e6×350 + 5e5×400 + 2e6×420 = 3,025,000,000; ÷ 8e6 = 378.125
    expect(totals.weightedRateBp).toBe(378);
    // LPR 300 on Feb 5, 290 from Mar 1: 3e6×80 + 1.5e6×40 + 1e6×60 + 5e5×110 + 2e6×130 = 675,000,000; ÷ 8e6 = 84.375
    expect(totals.spreadBp).toBe(84);
  });

  it("measures time to money in calendar and working days", async () => {
    const { totals } = await report();
    // calendar: A6 6, A8 14, A7 16, A21 22, A1 26 — working: A6 4, A8 10, A7 12, A21 12 (two 调休 Saturdays), A1 14
    expect(totals.timeToMoney).toEqual({
      calendarMedian: 16,
      calendarP90: 26,
      workingMedian: 12,
      workingP90: 14,
    });
  });

  it("converts whitelisted firms with a loan within 90 days of the approval", async () => {
    const { totals } = await report();
    // approved in the period: F1 (Feb 20 → A1 Mar 10 ✓), F2 (Feb 25 → A6 Mar 16 ✓), F6 (no loan), F4 (Mar 28; its loans came before)
    expect(totals.whitelistedFirms).toBe(4);
    expect(totals.convertedFirms).toBe(2);
    expect(totals.whitelistConversionPermille).toBe(500);
  });

  it("gives one point per month with each fact in the month of its own date", async () => {
    const { monthly } = await report();
    expect(monthly.map((point) => point.month)).toEqual(["2026-02", "2026-03"]);
    const [feb, mar] = monthly.map((point) => point.values);
    // stock before Feb: F1, F4; February adds F2, F3; March adds F6
    expect([feb.registeredFirms, feb.newFirms, mar.registeredFirms, mar.newFirms]).toEqual([4, 2, 5, 1]);
    expect([feb.applications, mar.applications]).toEqual([6, 10]);
    // February answered A1 3, A2 4, A9 2, A13 1, A14 2, A21 1 → 5 of 6 in time, 13 / 6 = 2.17 days
    expect([feb.responseWithinSla, feb.responseDue, feb.avgResponseDays]).toEqual([5, 6, 2.2]);
    // March answered A3 1, A8 1, A10 1, A12 5, A15 3, A16 3; A4 and A18 overdue → 5 of 8, 14 / 6 = 2.33
    expect([mar.responseWithinSla, mar.responseDue, mar.avgResponseDays]).toEqual([5, 8, 2.3]);
    expect([feb.approved, feb.rejected, mar.approved, mar.rejected]).toEqual([3, 4, 4, 2]);
    expect([feb.disbursedCount, feb.disbursedYuan, mar.disbursedCount, mar.disbursedYuan]).toEqual([
      1, 3_000_000, 4, 5_000_000,
    ]);
    expect([feb.demands, feb.demandYuan, mar.demands, mar.demandYuan]).toEqual([1, 1_000_000, 2, 800_000]);
    expect([feb.whitelistedFirms, feb.convertedFirms, mar.whitelistedFirms, mar.convertedFirms]).toEqual([
      2, 2, 2, 0,
    ]);
    // a stock of authorisations is not kept per month
    expect(feb.authorisingFirms).toBeNull();
  });

  it("counts each month's new firms inside the period and the filter only", async () => {
    const firmsOf = (monthly: { values: { registeredFirms: number | null; newFirms: number | null } }[]) =>
      monthly.map((point) => [point.values.registeredFirms, point.values.newFirms]);
    // SD2: F4 before February; F3 on 5 February, F6 on 20 March (F1, F2 are SD1's)
    expect(firmsOf((await report({ subDistrictId: SD2 })).monthly)).toEqual([
      [2, 1],
      [3, 1],
    ]);
    // from 8 February: F3 (5 February) is in the stock before, F2 (10 February) is February's new firm
    expect(firmsOf((await report({ fromDay: "2026-02-08" })).monthly)).toEqual([
      [4, 1],
      [5, 1],
    ]);
    // to 19 March: F6 (20 March) is after the period
    expect(firmsOf((await report({ subDistrictId: SD2, toDay: "2026-03-19" })).monthly)).toEqual([
      [2, 1],
      [2, 0],
    ]);
  });

  it("breaks down by bank, with firm figures not applicable", async () => {
    const { breakdown, labels } = await report({}, "bank");
    const byKey = Object.fromEntries(breakdown.rows.map((row) => [row.key, row.values]));
    // B1: A1 A2 A4 A6 A8 A10 A13 A15 A16 A21; B2: A3 A5 A9 A12 A14 A18
    expect(byKey[B1].applications).toBe(10);
    expect(byKey[B2].applications).toBe(6);
    expect(byKey[B1].disbursedYuan).toBe(5_000_000); // A21 + A1 + A6 + A8
    expect(byKey[B2].disbursedYuan).toBe(3_000_000); // A7
    expect(byKey[B1].registeredFirms).toBeNull();
    expect(Object.keys(labels).sort()).toEqual([B1, B2].sort());
  });

  it("breaks down by size", async () => {
    const { breakdown } = await report({}, "size");
    const applications = Object.fromEntries(breakdown.rows.map((row) => [row.key, row.values.applications]));
    // SMALL F1, F4: A1 A4 A5 A8 A9 A13 A16 A18; MICRO F2: A2 A6 A12 A14; MEDIUM F3: A3 A10 A15 A21
    expect(applications).toEqual({ SMALL: 8, MICRO: 4, MEDIUM: 4 });
    const registered = Object.fromEntries(breakdown.rows.map((row) => [row.key, row.values.registeredFirms]));
    expect(registered).toEqual({ SMALL: 2, MICRO: 2, MEDIUM: 1 });
  });

  it("gives the same totals whichever dimension the breakdown uses", async () => {
    for (const dimension of ["size", "subDistrict", "section"] as const) {
      const { totals } = await report({}, dimension);
      // the figures of the tests above
      expect(
        [
          totals.registeredFirms,
          totals.newFirms,
          totals.authorisingFirms,
          totals.demands,
          totals.whitelistedFirms,
          totals.convertedFirms,
          totals.applications,
          totals.disbursedYuan,
          totals.responseWithinSla,
        ],
        dimension,
      ).toEqual([5, 3, 3, 3, 4, 2, 16, 8_000_000, 10]);
    }
  });

  it("filters by sub-district, bank, size and whitelist", async () => {
    const sd1 = (await report({ subDistrictId: SD1 })).totals;
    // SD1 firms F1, F2 (F5 later): A1 A2 A5 A6 A8 A12 A13 A14 A18; loans A1 A6 A8
    expect([sd1.applications, sd1.disbursedCount, sd1.disbursedYuan, sd1.registeredFirms]).toEqual([
      9, 3, 3_500_000, 2,
    ]);

    const b2 = (await report({ bankId: B2 })).totals;
    // B2 loans: A7 only; firm figures are not the bank's, authorising firms are: F1 (all banks), F2 (B2)
    expect([b2.applications, b2.disbursedCount, b2.registeredFirms, b2.demands, b2.authorisingFirms]).toEqual(
      [6, 1, null, null, 2],
    );

    const micro = (await report({ size: "MICRO" })).totals;
    expect(micro.applications).toBe(4);

    const whitelisted = (await report({ whitelist: "yes" })).totals;
    // applications filed while whitelisted: A6, A8, A12, A18; firms whitelisted now: F1, F2, F4, F6
    expect([whitelisted.applications, whitelisted.registeredFirms]).toEqual([4, 4]);
  });

  it("scopes an office to its own sub-district and a bank to itself, whatever the filter asks", async () => {
    const office: OfficeActor = actor({ role: "GOV_OFFICE", subDistrictId: SD2 });
    const officeReport = await report({ subDistrictId: SD1 }, "size", office);
    // SD2 firms F3, F4, F6: A3 A4 A9 A10 A15 A16 A21
    expect(officeReport.filter.subDistrictId).toBe(SD2);
    expect(officeReport.totals.applications).toBe(7);

    const bank: BankActor = actor({ role: "BANK", bankId: B1 });
    const bankReport = await report({ bankId: B2 }, "size", bank);
    expect(bankReport.filter.bankId).toBe(B1);
    expect(bankReport.totals.applications).toBe(10);
    // B1 authorising: F1 (all banks), F4 (B1); F2's B1 authorisation was revoked
    expect(bankReport.totals.authorisingFirms).toBe(2);
  });
});

describe("parseIndicatorQuery", () => {
  const now = at("2026-11-26", "09:00");
  it("defaults to this year up to today", () => {
    const { filter, dimension, errors } = parseIndicatorQuery(new URLSearchParams(), now);
    expect([filter.fromDay, filter.toDay, dimension]).toEqual(["2026-01-01", "2026-11-26", "subDistrict"]);
    expect(errors).toEqual({});
  });
  it("takes a custom range and the filters", () => {
    const { filter } = parseIndicatorQuery(
      new URLSearchParams(
        "period=custom&from=2026-02-01&to=2026-03-31&size=MICRO&whitelist=yes&section=C&bank=b1",
      ),
      now,
    );
    expect(filter).toEqual({
      fromDay: "2026-02-01",
      toDay: "2026-03-31",
      subDistrictId: null,
      bankId: "b1",
      sectionCode: "C",
      size: "MICRO",
      whitelist: "yes",
    });
  });
  it("falls back with an error key on bad values, never throws", () => {
    const { filter, errors } = parseIndicatorQuery(
      new URLSearchParams(
        "period=custom&from=2026-04-01&to=2026-03-01&size=HUGE&whitelist=maybe&section=ZZ&by=planet",
      ),
      now,
    );
    expect([filter.fromDay, filter.size, filter.whitelist, filter.sectionCode]).toEqual([
      "2026-01-01",
      null,
      null,
      null,
    ]);
    expect(Object.keys(errors).sort()).toEqual(["by", "from", "section", "size", "whitelist"]);
  });
});
