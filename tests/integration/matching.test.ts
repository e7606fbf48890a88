import { beforeAll, describe, expect, it } from "vitest";

import type { BankActor, EnterpriseActor } from "~/models/actor";
import { bestCandidatesForProduct, recommendProducts } from "~/models/matching.server";

import {
  createAuthorization,
  createBank,
  createDemand,
  createEnterprise,
  createProduct,
  createSubDistrict,
} from "../../prisma/factories";

import { db } from "./helpers";

const actorFor = (overrides: Partial<BankActor | EnterpriseActor>) =>
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

let bankA: string, bankB: string, productA: string, productB: string, whitelistOnly: string;
let good: string, modest: string, dishonest: string, basicOnly: string, otherBankOnly: string, noAuth: string;

beforeAll(async () => {
  const subDistrictId = (await createSubDistrict(db)).id;
  bankA = (await createBank(db)).id;
  bankB = (await createBank(db)).id;
  const terms = {
    minAmountYuan: 500_000,
    maxAmountYuan: 5_000_000,
    minTermMonths: 6,
    maxTermMonths: 36,
    eligibleSizes: "SMALL,MICRO",
    eligibleSections: "",
  };
  productA = (
    await createProduct(db, {
      bankId: bankA,
      name: "A行信用贷",
      ...terms,
      minRateBp: 350,
      maxRateBp: 600,
      minTaxGrade: "B",
    })
  ).id;
  productB = (
    await createProduct(db, { bankId: bankB, name: "B行信用贷", ...terms, minRateBp: 300, maxRateBp: 450 })
  ).id;
  whitelistOnly = (
    await createProduct(db, { bankId: bankA, name: "A行白名单贷", ...terms, whitelistOnly: true })
  ).id;
  await createProduct(db, { bankId: bankA, name: "A行中型企业贷", ...terms, eligibleSizes: "MEDIUM" });

  const firm = (taxGrade: "A" | "B" | "C", extra = {}) =>
    createEnterprise(db, {
      subDistrictId,
      size: "SMALL",
      sectionCode: "C",
      taxGrade,
      publicRating: "B",
      onDishonestyList: false,
      onRedList: false,
      ...extra,
    });
  good = (await firm("A", { onRedList: true })).id;
  modest = (await firm("B")).id;
  dishonest = (await firm("A", { onDishonestyList: true })).id;
  basicOnly = (await firm("A")).id;
  otherBankOnly = (await firm("A")).id;
  noAuth = (await firm("A")).id;
  for (const enterpriseId of [good, modest, dishonest])
    await createAuthorization(db, { enterpriseId, bankId: null, scope: "FULL" });
  await createAuthorization(db, { enterpriseId: basicOnly, bankId: bankA, scope: "BASIC" });
  await createAuthorization(db, { enterpriseId: otherBankOnly, bankId: bankB, scope: "FULL" });
  await createDemand(db, {
    enterpriseId: modest,
    amountYuan: 1_000_000,
    termMonths: 12,
    rateCeilingBp: 320,
    guaranteeTypes: "CREDIT",
    status: "OPEN",
  });
});

describe("recommended products for a firm", () => {
  it("recommends only eligible products, best first, with reasons", async () => {
    const recommended = await recommendProducts(actorFor({ role: "ENTERPRISE", enterpriseId: good }), 10);
    const names = recommended.map((r) => r.product.name);
    expect(names).toContain("A行信用贷");
    expect(names).toContain("B行信用贷");
    expect(names).not.toContain("A行白名单贷"); // not whitelisted
    expect(names).not.toContain("A行中型企业贷"); // wrong size
    const scores = recommended.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(recommended[0].reasons.length).toBeGreaterThan(0);
    expect(recommended[0].reasons[0].key).toMatch(/^matching\.fit\./);
  });

  it("uses the firm's open demand: a rate ceiling of 3.20% prefers the 3.00–4.50% product", async () => {
    const recommended = await recommendProducts(actorFor({ role: "ENTERPRISE", enterpriseId: modest }), 10);
    expect(recommended[0].product.name).toBe("B行信用贷");
  });

  it("recommends nothing to a firm on a dishonesty list", async () => {
    expect(await recommendProducts(actorFor({ role: "ENTERPRISE", enterpriseId: dishonest }), 10)).toEqual(
      [],
    );
  });
});

describe("best candidates for a bank's product", () => {
  it("ranks only firms with a live FULL authorisation for this bank that meet the product's rules", async () => {
    const candidates = (await bestCandidatesForProduct(actorFor({ role: "BANK", bankId: bankA }), productA))!;
    const ids = candidates.map((c) => c.firm.id);
    // By hand: `modest` states a need that fits (amount 20 + term 15 + rate 0 (ceiling below 3.50%)
    // + guarantee 10 + tax B 12 + rating B 7) = 64; `good` states none (10 + 8 + 8 + 5 + tax A 15
    // + rating B 7 + red list 5) = 58.
    expect(ids).toEqual([modest, good]);
    expect(candidates.map((c) => c.score)).toEqual([64, 58]);
    for (const excluded of [dishonest, basicOnly, otherBankOnly, noAuth]) expect(ids).not.toContain(excluded);
  });

  it("another bank's product is not found", async () => {
    expect(await bestCandidatesForProduct(actorFor({ role: "BANK", bankId: bankA }), productB)).toBeNull();
  });

  it("a whitelist-only product has no candidates when no firm is whitelisted", async () => {
    expect(await bestCandidatesForProduct(actorFor({ role: "BANK", bankId: bankA }), whitelistOnly)).toEqual(
      [],
    );
  });
});
