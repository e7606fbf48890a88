import { beforeAll, describe, expect, it } from "vitest";

import type { BankActor, EnterpriseActor } from "~/models/actor";
import { submitApplication } from "~/models/enterprise-application.server";
import { createOffer } from "~/models/offer.server";
import { getActorById } from "~/models/user.server";

import {
  createAuthorization,
  createBank,
  createDemand,
  createProduct,
  createRegisteredEnterprise,
  createSubDistrict,
  createUser,
} from "../../prisma/factories";

import { db } from "./helpers";

// Two requests at the same moment — a double click, or two app servers on PostgreSQL (where
// transactions really run side by side) — must not both pass a "not yet there" check.
let bank: BankActor;
let firm: EnterpriseActor;
let productId: string;
let demandId: string;

beforeAll(async () => {
  const bankId = (await createBank(db)).id;
  bank = (await getActorById((await createUser(db, { role: "BANK", bankId })).id)) as BankActor;
  productId = (await createProduct(db, { bankId })).id;
  const subDistrict = await createSubDistrict(db);
  const { enterprise, user } = await createRegisteredEnterprise(db, { subDistrictId: subDistrict.id });
  firm = (await getActorById(user.id)) as EnterpriseActor;
  await createAuthorization(db, { enterpriseId: enterprise.id, bankId, scope: "BASIC" });
  demandId = (await createDemand(db, { enterpriseId: enterprise.id, amountYuan: 1_000_000, termMonths: 12 }))
    .id;
});

describe("the same write twice at once", () => {
  it("makes one pending offer of a product on a demand, the other is a duplicate", async () => {
    const input = { productId, amountYuan: 500_000, termMonths: 12, rateBp: 400, note: "" };
    const results = await Promise.all([
      createOffer({ actor: bank, demandId, input }),
      createOffer({ actor: bank, demandId, input }),
    ]);
    expect(results.map((r) => (r.ok ? "ok" : r.error)).sort()).toEqual(["DUPLICATE", "ok"]);
    expect(await db.offer.count({ where: { demandId, status: "PENDING" } })).toBe(1);
  });

  it("submits one application of a firm to a product, the other is a duplicate", async () => {
    const input = { productId, amountYuan: 500_000, termMonths: 12, purpose: "采购原材料" };
    const results = await Promise.all([submitApplication(firm, input), submitApplication(firm, input)]);
    expect(results.map((r) => (r.ok ? "ok" : r.error)).sort()).toEqual(["DUPLICATE", "ok"]);
    expect(await db.application.count({ where: { enterpriseId: firm.enterpriseId, productId } })).toBe(1);
  });
});
