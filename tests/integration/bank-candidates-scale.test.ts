import { beforeAll, describe, expect, it } from "vitest";

import type { BankActor } from "~/models/actor";
import { CANDIDATE_COUNT_CAP, listCandidates } from "~/models/candidate.server";

import { buildAuthorization, buildEnterprise, createBank, createSubDistrict } from "../../prisma/factories";

import { bankActorOf, db } from "./helpers";

let actor: BankActor;

beforeAll(async () => {
  const subDistrictId = (await createSubDistrict(db)).id;
  const bankId = (await createBank(db)).id;
  actor = bankActorOf(bankId);
  const firms = Array.from(
    { length: CANDIDATE_COUNT_CAP + 5 },
    (_, i) =>
      buildEnterprise({
        subDistrictId,
        name: `规模测试企业${i}`,
        creditRefreshedAt: null,
        onDishonestyList: false,
      }).enterprise,
  );
  await db.enterprise.createMany({ data: firms });
  await db.authorization.createMany({
    data: firms.map((firm) => buildAuthorization({ enterpriseId: firm.id, bankId: null, scope: "BASIC" })),
  });
});

describe("the candidate list at scale", () => {
  it("stops counting at the cap and says so", async () => {
    const result = await listCandidates(actor, { filters: {}, sort: "name", page: 1 });
    expect(result.capped).toBe(true);
    expect(result.total).toBe(CANDIDATE_COUNT_CAP);
    expect(result.candidates).toHaveLength(20);
  });

  it("gives the exact count below the cap", async () => {
    const result = await listCandidates(actor, { filters: { q: "规模测试企业10" }, sort: "name", page: 1 });
    // 规模测试企业10, 100–109 and 1000–1004: 1 + 10 + 5 by hand
    expect(result.capped).toBe(false);
    expect(result.total).toBe(16);
  });

  it("does not page deeper than the cap", async () => {
    const result = await listCandidates(actor, { filters: {}, sort: "name", page: 9999 });
    expect(result.page).toBe(CANDIDATE_COUNT_CAP / 20);
    expect(result.candidates).toHaveLength(20);
  });

  it("searches names literally (a % or _ typed by the user is not a wildcard)", async () => {
    const search = (q: string) => listCandidates(actor, { filters: { q }, sort: "name", page: 1 });
    expect((await search("规模测试企业100")).total).toBe(6); // 100 and 1000–1004, by hand
    expect((await search("%")).total).toBe(0);
    expect((await search("规模测试企业_")).total).toBe(0);
  });

  it("sorts by name and filters on the whitelist", async () => {
    const byName = await listCandidates(actor, { filters: {}, sort: "name", page: 1 });
    expect(byName.candidates[0].name).toBe("规模测试企业0");
    expect(byName.candidates[1].name).toBe("规模测试企业1");
    expect(
      (await listCandidates(actor, { filters: { whitelisted: true }, sort: "name", page: 1 })).total,
    ).toBe(0);
    expect(
      (await listCandidates(actor, { filters: { whitelisted: false }, sort: "name", page: 1 })).capped,
    ).toBe(true);
  });
});
