import { describe, expect, it } from "vitest";

import {
  applyUpdates,
  diffContributions,
  firmContributions,
  slotRange,
  type RollupApplication,
  type RollupFirm,
} from "~/domain/indicator-rollup";

const firm: RollupFirm = { hadBankLoan: false, subDistrictId: "sd1", sectionCode: "C", size: "MICRO" };

const application = (id: string, fields: Partial<RollupApplication> = {}): RollupApplication => ({
  id,
  bankId: "b1",
  productType: "CREDIT",
  guaranteeType: "CREDIT",
  whitelisted: false,
  state: "SUBMITTED",
  offerId: null,
  submittedAt: new Date("2026-03-02T02:00:00Z"),
  firstResponseAt: null,
  decidedAt: null,
  approvedAmountYuan: null,
  rejectReason: null,
  disbursedAt: null,
  disbursedAmountYuan: null,
  disbursedRateBp: null,
  firstLoan: false,
  ...fields,
});

describe("firmContributions", () => {
  it("puts a new application's response into one slot per cube, keyed as the stored slots are", () => {
    const slots = firmContributions(firm, [application("a1")]);
    expect([...slots.keys()].sort()).toEqual(
      [
        "RESPONSE|0|2026-03-02|sd1|b1|C|MICRO|N|CREDIT|FIRST|0|1|0|",
        "RESPONSE|1|2026-03-02||||||||0|1|0|",
        "RESPONSE|2|2026-03-02|sd1|||||||0|1|0|",
        "RESPONSE|3|2026-03-02||b1||||||0|1|0|",
        "RESPONSE|4|2026-03-02|||C|||||0|1|0|",
        "RESPONSE|5|2026-03-02||||MICRO||||0|1|0|",
        "RESPONSE|6|2026-03-02||||||CREDIT||0|1|0|",
        "RESPONSE|7|2026-03-02|||||||FIRST|0|1|0|",
      ].sort(),
    );
    const cube2 = slots.get("RESPONSE|2|2026-03-02|sd1|||||||0|1|0|");
    expect(cube2).toMatchObject({ subDistrictId: "sd1", bankId: "", n: 1, pending: true, amountYuan: 0 });
  });

  it("sums a loan's amounts into its slots, and two applications of a day into one slot", () => {
    const disbursedAt = new Date("2026-03-10T02:00:00Z");
    const loan = {
      state: "DISBURSED",
      disbursedAt,
      disbursedAmountYuan: 200_000,
      disbursedRateBp: 350,
      firstLoan: true,
    };
    const slots = firmContributions(firm, [
      application("a1", loan),
      application("a2", { ...loan, bankId: "b2" }),
    ]);
    const total = slots.get("LOAN|1|2026-03-10||||||||8|0|0|");
    expect(total).toMatchObject({
      n: 2,
      amountYuan: 400_000,
      amountRate: 400_000 * 350,
      inclusiveYuan: 400_000,
    });
    // only the first of two loans at the same instant is the firm's 首贷 (the smaller id)
    expect(total?.firstLoans).toBe(1);
  });
});

describe("slotRange", () => {
  it("holds exactly the slots of its kind, cube and days, in byte order", () => {
    const { lower, upper } = slotRange("LOAN", 2, "2026-03-01", "2026-03-31");
    const slotOn = (kind: string, cube: number, day: string) => `${kind}|${cube}|${day}|sd1|||||||8|0|0|`;
    const inside = (slot: string) => slot >= lower && slot < upper;
    expect(inside(slotOn("LOAN", 2, "2026-03-01"))).toBe(true);
    expect(inside(slotOn("LOAN", 2, "2026-03-31"))).toBe(true);
    expect(inside(slotOn("LOAN", 2, "2026-02-28"))).toBe(false);
    expect(inside(slotOn("LOAN", 2, "2026-04-01"))).toBe(false);
    expect(inside(slotOn("LOAN", 3, "2026-03-15"))).toBe(false);
    expect(inside(slotOn("RESPONSE", 2, "2026-03-15"))).toBe(false);
    // the slots firmContributions makes carry the same prefix
    const disbursedAt = new Date("2026-03-31T15:00:00Z"); // 23:00 in Shanghai, still the 31st
    const loan = { state: "DISBURSED", disbursedAt, disbursedAmountYuan: 1, disbursedRateBp: 300 };
    const loanSlots = [...firmContributions(firm, [application("a1", loan)]).values()].filter(
      (row) => row.kind === "LOAN" && row.cube === 2,
    );
    expect(loanSlots.map((row) => inside(row.slot))).toEqual([true]);
  });
});

describe("applyUpdates (the rollups' state of a firm's applications after a write)", () => {
  it("sets the columns the contribution reads and ignores the others", () => {
    const before = [application("a1"), application("a2")];
    const at = new Date("2026-03-04T03:00:00Z");
    const after = applyUpdates(
      before,
      new Map([
        ["a1", { state: "ACCEPTED", firstResponseAt: at, acceptedAt: at, version: { increment: 1 } }],
      ]),
    );
    expect(after?.[0]).toEqual({ ...before[0], state: "ACCEPTED", firstResponseAt: at });
    expect(after?.[1]).toEqual(before[1]);
    // the input is not changed
    expect(before[0].state).toBe("SUBMITTED");
  });

  it("gives the same contribution as the applications written in full", () => {
    const disbursedAt = new Date("2026-03-20T02:00:00Z");
    const before = [
      application("a1", { state: "APPROVED", approvedAmountYuan: 300_000, decidedAt: disbursedAt }),
      application("a2", { submittedAt: new Date("2026-03-25T02:00:00Z") }),
    ];
    const fields = {
      state: "DISBURSED",
      disbursedAt,
      disbursedAmountYuan: 300_000,
      disbursedRateBp: 345,
      firstLoan: true,
    };
    const derived = applyUpdates(before, new Map([["a1", fields]]));
    const written = [{ ...before[0], ...fields }, before[1]];
    expect(derived).toEqual(written);
    // and the disbursement moves the later application's response to a repeat borrower's
    const delta = diffContributions(firmContributions(firm, before), firmContributions(firm, derived!));
    expect(delta.some((row) => row.kind === "RESPONSE" && row.borrower === "REPEAT" && row.n === 1)).toBe(
      true,
    );
  });

  it("refuses what it cannot derive (another application, product or firm, an operation)", () => {
    const before = [application("a1")];
    expect(applyUpdates(before, new Map([["a9", { state: "ACCEPTED" }]]))).toBeNull();
    expect(applyUpdates(before, new Map([["a1", { productId: "p2" }]]))).toBeNull();
    expect(applyUpdates(before, new Map([["a1", { enterpriseId: "e2" }]]))).toBeNull();
    expect(applyUpdates(before, new Map([["a1", { disbursedAmountYuan: { increment: 5 } }]]))).toBeNull();
  });
});
