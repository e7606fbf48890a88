import { beforeAll, describe, expect, it } from "vitest";

import { loader as candidatesLoader } from "~/routes/bank.candidates._index/route";
import { loader as profileLoader } from "~/routes/bank.candidates.$enterpriseId";

import {
  addYears,
  createAuthorization,
  createBank,
  createDemand,
  createRegisteredEnterprise,
  createSubDistrict,
  createUser,
} from "../../prisma/factories";

import { call, db, getRequest, jsonOf, sessionCookieFor, statusOf } from "./helpers";
import { refuseInserts } from "./failures";

const DAY = 86_400_000;
let bankA: string;
let bankB: string;
let cookieA: string;
let cookieB: string;
let cookieFirm: string;
let officerA: string;
const firms: Record<"full" | "basic" | "allBanks" | "onlyB" | "revoked" | "expired" | "none", string> =
  {} as never;

beforeAll(async () => {
  bankA = (await createBank(db)).id;
  bankB = (await createBank(db)).id;
  const a = await createUser(db, { role: "BANK", bankId: bankA });
  officerA = a.id;
  cookieA = await sessionCookieFor(a.id);
  cookieB = await sessionCookieFor((await createUser(db, { role: "BANK", bankId: bankB })).id);
  const subDistrict = await createSubDistrict(db);
  const make = async (name: string, extra: Partial<Parameters<typeof createRegisteredEnterprise>[1]> = {}) =>
    (await createRegisteredEnterprise(db, { subDistrictId: subDistrict.id, name, ...extra })).enterprise;
  const full = await make("甲授权完整科技有限公司", {
    taxGrade: "A",
    publicRating: "A",
    sectionCode: "I",
    divisionCode: "65",
  });
  const basic = await make("甲授权基本科技有限公司", { taxGrade: "A", publicRating: "A" });
  const allBanks = await make("全部银行授权科技有限公司", { taxGrade: "C" });
  const onlyB = await make("仅乙行授权科技有限公司");
  const revoked = await make("已撤回授权科技有限公司");
  const expired = await make("授权已过期科技有限公司");
  const none = await make("未授权科技有限公司");
  const user = await createUser(db, { role: "ENTERPRISE", enterpriseId: full.id });
  cookieFirm = await sessionCookieFor(user.id);
  Object.assign(firms, {
    full: full.id,
    basic: basic.id,
    allBanks: allBanks.id,
    onlyB: onlyB.id,
    revoked: revoked.id,
    expired: expired.id,
    none: none.id,
  });
  await createAuthorization(db, { enterpriseId: full.id, bankId: bankA, scope: "FULL" });
  await createAuthorization(db, { enterpriseId: basic.id, bankId: bankA, scope: "BASIC" });
  await createAuthorization(db, { enterpriseId: allBanks.id, bankId: null, scope: "FULL" });
  await createAuthorization(db, { enterpriseId: onlyB.id, bankId: bankB, scope: "FULL" });
  await createAuthorization(db, {
    enterpriseId: revoked.id,
    bankId: bankA,
    scope: "FULL",
    revokedAt: new Date(Date.now() - 60_000),
  });
  await createAuthorization(db, {
    enterpriseId: expired.id,
    bankId: bankA,
    scope: "FULL",
    grantedAt: addYears(new Date(), -1),
    expiresAt: new Date(Date.now() - DAY),
  });
  await createDemand(db, { enterpriseId: full.id, amountYuan: 3_000_000 });
  await createDemand(db, { enterpriseId: basic.id, amountYuan: 500_000 });
});

type Candidate = {
  id: string;
  scope: string;
  credit: { taxGrade: string | null } | null;
  openDemand: { maxYuan: number } | null;
};

async function list(query = "", cookie = cookieA) {
  return jsonOf<{ candidates: Candidate[]; total: number }>(
    await call(candidatesLoader, getRequest(`/bank/candidates${query}`, { cookie })),
  );
}

function profile(id: string, query = "?purpose=PRE_LOAN", cookie = cookieA) {
  return call(profileLoader, getRequest(`/bank/candidates/${id}${query}`, { cookie }), { enterpriseId: id });
}

describe("candidate list", () => {
  it("lists exactly the firms with a live authorisation for this bank or all banks", async () => {
    const ids = (await list()).candidates.map((c) => c.id).sort();
    expect(ids).toEqual([firms.full, firms.basic, firms.allBanks].sort());
    const forB = (await list("", cookieB)).candidates.map((c) => c.id).sort();
    expect(forB).toEqual([firms.allBanks, firms.onlyB].sort());
  });

  it("shows the credit summary only for FULL authorisations", async () => {
    const { candidates } = await list();
    const byId = new Map(candidates.map((c) => [c.id, c]));
    expect(byId.get(firms.full)).toMatchObject({ scope: "FULL", credit: { taxGrade: "A" } });
    expect(byId.get(firms.basic)).toMatchObject({ scope: "BASIC", credit: null });
  });

  it("filters on credit grades only among FULL authorisations, so a BASIC firm's grade does not leak", async () => {
    const ids = (await list("?tax=A")).candidates.map((c) => c.id);
    expect(ids).toEqual([firms.full]);
    expect((await list("?tax=D")).candidates.map((c) => c.id).sort()).toEqual(
      [firms.full, firms.allBanks].sort(),
    );
  });

  it("filters by open demand amount and industry, and survives bad query values", async () => {
    expect((await list("?demand=100")).candidates.map((c) => c.id)).toEqual([firms.full]);
    expect((await list("?section=I")).candidates.map((c) => c.id)).toContain(firms.full);
    const bad = await jsonOf<{ errors: Record<string, unknown>; total: number }>(
      await call(
        candidatesLoader,
        getRequest("/bank/candidates?demand=-1&section=ZZ&sort=evil&page=abc&tax=AAA", { cookie: cookieA }),
      ),
    );
    expect(bad.errors.demand).toBeDefined();
    expect(bad.total).toBe(3);
  });

  it("is closed to firms", async () => {
    expect(
      statusOf(await call(candidatesLoader, getRequest("/bank/candidates", { cookie: cookieFirm }))),
    ).toBe(404);
  });
});

describe("profile view", () => {
  it("asks for a purpose first, without logging", async () => {
    const before = await db.accessLog.count();
    const data = await jsonOf<{ stage: string; view: unknown }>(await profile(firms.full, ""));
    expect(data.stage).toBe("purpose");
    expect(data.view).toBeNull();
    expect(await db.accessLog.count()).toBe(before);
  });

  it("shows the full profile under FULL and writes one access-log row with the purpose", async () => {
    const before = await db.accessLog.count({ where: { enterpriseId: firms.full } });
    const data = await jsonOf<{
      view: {
        scope: string;
        full: { taxGrade: string; sources: { tax?: object } } | null;
        log: { id: string };
      };
    }>(await profile(firms.full, "?purpose=IN_LOAN"));
    expect(data.view.scope).toBe("FULL");
    expect(data.view.full?.taxGrade).toBe("A");
    expect(data.view.full?.sources.tax).toBeDefined();
    const logs = await db.accessLog.findMany({ where: { enterpriseId: firms.full } });
    expect(logs).toHaveLength(before + 1);
    expect(logs.find((l) => l.id === data.view.log.id)).toMatchObject({
      bankId: bankA,
      userId: officerA,
      scope: "FULL",
      purpose: "IN_LOAN",
    });
  });

  it("shows only basic information under BASIC, logged as BASIC", async () => {
    const data = await jsonOf<{
      view: { scope: string; full: unknown; firm: Record<string, unknown>; log: { id: string } };
    }>(await profile(firms.basic));
    expect(data.view.scope).toBe("BASIC");
    expect(data.view.full).toBeNull();
    expect(data.view.firm).not.toHaveProperty("taxGrade");
    expect(data.view.firm).not.toHaveProperty("legalRepresentative");
    expect(await db.accessLog.findUniqueOrThrow({ where: { id: data.view.log.id } })).toMatchObject({
      scope: "BASIC",
      purpose: "PRE_LOAN",
    });
  });

  it("answers 404 — the same as a nonexistent id — for unauthorised, revoked, expired and other banks' firms, logging nothing", async () => {
    const before = await db.accessLog.count();
    const missing = (await profile("c000000000000000000000000")) as Response;
    expect(missing.status).toBe(404);
    const body = await missing.text();
    for (const id of [firms.none, firms.onlyB, firms.revoked, firms.expired]) {
      for (const query of ["", "?purpose=PRE_LOAN"]) {
        const response = (await profile(id, query)) as Response;
        expect(response.status).toBe(404);
        expect(await response.text()).toBe(body);
      }
    }
    expect(await db.accessLog.count()).toBe(before);
  });

  it("stops at once when the firm revokes", async () => {
    const subDistrict = await createSubDistrict(db);
    const { enterprise } = await createRegisteredEnterprise(db, { subDistrictId: subDistrict.id });
    const grant = await createAuthorization(db, {
      enterpriseId: enterprise.id,
      bankId: bankA,
      scope: "FULL",
    });
    expect(statusOf(await profile(enterprise.id))).toBe(200);
    await db.authorization.update({ where: { id: grant.id }, data: { revokedAt: new Date() } });
    expect(statusOf(await profile(enterprise.id))).toBe(404);
    expect((await list()).candidates.map((c) => c.id)).not.toContain(enterprise.id);
  });

  it("shows nothing when the access log cannot be written", async () => {
    const allowInserts = await refuseInserts(db, "AccessLog");
    try {
      const response = await profile(firms.full);
      expect(statusOf(response)).toBe(503);
      expect(await (response as Response).text()).not.toContain("甲授权完整");
    } finally {
      await allowInserts();
    }
    expect(statusOf(await profile(firms.full))).toBe(200);
  });
});
