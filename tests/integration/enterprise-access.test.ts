import { beforeAll, describe, expect, it } from "vitest";

import type { BankActor } from "~/models/actor";
import { visibleEnterprisesWhere } from "~/models/enterprise.server";
import { loader as accessLogLoader } from "~/routes/enterprise.access-log";
import {
  loader as applicationLoader,
  action as applicationAction,
} from "~/routes/enterprise.applications.$id/route";
import { loader as applicationsLoader } from "~/routes/enterprise.applications._index";
import {
  action as authorizationsAction,
  loader as authorizationsLoader,
} from "~/routes/enterprise.authorizations/route";
import { loader as creditLoader, action as creditAction } from "~/routes/enterprise.credit/route";
import { action as demandAction, loader as demandLoader } from "~/routes/enterprise.demands.$id/route";
import { loader as demandsLoader } from "~/routes/enterprise.demands._index";

import {
  bankOfficerOf,
  createAccessLog,
  createApplication,
  createAuthorization,
  createBank,
  createDemand,
  createObjection,
  createOffer,
  createProduct,
  createReferenceData,
  createRegisteredEnterprise,
} from "../../prisma/factories";

import { call, db, getRequest, jsonOf, postRequest, sessionCookieFor, statusOf } from "./helpers";

let a: { cookie: string; enterpriseId: string };
let b: {
  enterpriseId: string;
  demandId: string;
  offerId: string;
  applicationId: string;
  authorizationId: string;
  objectionId: string;
};
let bankCookie = "";
let bank: BankActor;

beforeAll(async () => {
  const { subDistricts } = await createReferenceData(db);
  const firmA = await createRegisteredEnterprise(db, { subDistrictId: subDistricts[0].id, name: "甲企业" });
  const firmB = await createRegisteredEnterprise(db, { subDistrictId: subDistricts[0].id, name: "乙企业" });
  const theBank = await createBank(db);
  const officer = await bankOfficerOf(db, theBank.id);
  bank = { ...officer, role: "BANK", bankId: theBank.id, organization: null } as BankActor;
  bankCookie = await sessionCookieFor(officer.id);
  const product = await createProduct(db, { bankId: theBank.id });
  const demand = await createDemand(db, { enterpriseId: firmB.enterprise.id });
  const offer = await createOffer(db, { demandId: demand.id, productId: product.id });
  const application = await createApplication(db, {
    enterpriseId: firmB.enterprise.id,
    productId: product.id,
  });
  const authorization = await createAuthorization(db, {
    enterpriseId: firmB.enterprise.id,
    bankId: theBank.id,
    scope: "BASIC",
  });
  const objection = await createObjection(db, {
    enterpriseId: firmB.enterprise.id,
    reason: "乙企业的异议理由，不应被甲看到",
  });
  await createAccessLog(db, { enterpriseId: firmB.enterprise.id, userId: officer.id, bankId: theBank.id });
  a = { cookie: await sessionCookieFor(firmA.user.id), enterpriseId: firmA.enterprise.id };
  b = {
    enterpriseId: firmB.enterprise.id,
    demandId: demand.id,
    offerId: offer.id,
    applicationId: application.id,
    authorizationId: authorization.id,
    objectionId: objection.id,
  };
});

describe("firm A can never read or change firm B's data", () => {
  it("B's demand: 404 to read, 403 to close, accept or decline its offers", async () => {
    const read = await call(
      demandLoader,
      getRequest(`/enterprise/demands/${b.demandId}`, { cookie: a.cookie }),
      { id: b.demandId },
    );
    expect(statusOf(read)).toBe(404);
    for (const intent of ["close", "acceptOffer", "declineOffer"]) {
      const write = await call(
        demandAction,
        postRequest(
          `/enterprise/demands/${b.demandId}`,
          { intent, offerId: b.offerId },
          { cookie: a.cookie },
        ),
        { id: b.demandId },
      );
      expect(statusOf(write)).toBe(403);
    }
    expect((await db.demand.findUniqueOrThrow({ where: { id: b.demandId } })).status).toBe("OPEN");
    expect((await db.offer.findUniqueOrThrow({ where: { id: b.offerId } })).status).toBe("PENDING");
    const list = await jsonOf<{ items: { id: string }[] }>(
      await call(demandsLoader, getRequest("/enterprise/demands", { cookie: a.cookie })),
    );
    expect(list.items).toEqual([]);
  });

  it("B's application: 404 to read, 403 to withdraw; not in A's list", async () => {
    const read = await call(
      applicationLoader,
      getRequest(`/enterprise/applications/${b.applicationId}`, { cookie: a.cookie }),
      { id: b.applicationId },
    );
    expect(statusOf(read)).toBe(404);
    const write = await call(
      applicationAction,
      postRequest(
        `/enterprise/applications/${b.applicationId}`,
        { intent: "withdraw", version: "0" },
        { cookie: a.cookie },
      ),
      { id: b.applicationId },
    );
    expect(statusOf(write)).toBe(403);
    expect((await db.application.findUniqueOrThrow({ where: { id: b.applicationId } })).state).toBe(
      "SUBMITTED",
    );
    const list = await jsonOf<{ total: number }>(
      await call(applicationsLoader, getRequest("/enterprise/applications", { cookie: a.cookie })),
    );
    expect(list.total).toBe(0);
  });

  it("B's authorisation: 403 to revoke, absent from A's page", async () => {
    const write = await call(
      authorizationsAction,
      postRequest(
        "/enterprise/authorizations",
        { intent: "revoke", id: b.authorizationId },
        { cookie: a.cookie },
      ),
    );
    expect(statusOf(write)).toBe(403);
    expect(
      (await db.authorization.findUniqueOrThrow({ where: { id: b.authorizationId } })).revokedAt,
    ).toBeNull();
    const page = await jsonOf<{ active: { id: string }[]; past: { id: string }[] }>(
      await call(authorizationsLoader, getRequest("/enterprise/authorizations", { cookie: a.cookie })),
    );
    expect([...page.active, ...page.past].map((x) => x.id)).not.toContain(b.authorizationId);
  });

  it("B's objection and credit records: not shown to A, and A cannot object to B's record", async () => {
    const credit = await jsonOf<{ objections: { id: string }[]; enterprise: { name: string } }>(
      await call(creditLoader, getRequest("/enterprise/credit", { cookie: a.cookie })),
    );
    expect(credit.enterprise.name).toBe("甲企业");
    expect(credit.objections.map((o) => o.id)).not.toContain(b.objectionId);
    const objection = await db.objection.findUniqueOrThrow({ where: { id: b.objectionId } });
    const write = await call(
      creditAction,
      postRequest(
        "/enterprise/credit",
        {
          intent: "object",
          record: `${objection.source}::${objection.recordKey}`,
          reason: "试图对别人的记录提出异议",
        },
        { cookie: a.cookie },
      ),
    );
    // The record is looked up in A's own cached profile only, where B's record is not.
    expect(statusOf(write)).toBe(400);
    expect((await jsonOf<{ errors: Record<string, { key: string }> }>(write)).errors.record.key).toBe(
      "enterprise.credit.errors.noSuchRecord",
    );
    expect(await db.objection.count({ where: { enterpriseId: a.enterpriseId } })).toBe(0);
  });

  it("B's access log is not in A's", async () => {
    const log = await jsonOf<{ total: number }>(
      await call(accessLogLoader, getRequest("/enterprise/access-log", { cookie: a.cookie })),
    );
    expect(log.total).toBe(0);
  });
});

describe("other roles and anonymous visitors", () => {
  it("sends anonymous visitors to /login", async () => {
    const response = (await call(demandsLoader, getRequest("/enterprise/demands"))) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login\?redirectTo=%2Fenterprise%2Fdemands/);
  });

  it("answers a bank officer 404 on reads and 403 on writes", async () => {
    expect(statusOf(await call(creditLoader, getRequest("/enterprise/credit", { cookie: bankCookie })))).toBe(
      404,
    );
    expect(
      statusOf(
        await call(demandLoader, getRequest(`/enterprise/demands/${b.demandId}`, { cookie: bankCookie }), {
          id: b.demandId,
        }),
      ),
    ).toBe(404);
    const write = await call(
      authorizationsAction,
      postRequest(
        "/enterprise/authorizations",
        { intent: "revoke", id: b.authorizationId },
        { cookie: bankCookie },
      ),
    );
    expect(statusOf(write)).toBe(403);
  });
});

describe("authorisations decide what a bank can see, at once", () => {
  it("a grant opens access; a revocation or an expiry closes it immediately", async () => {
    const visible = (now = new Date()) =>
      db.enterprise.count({ where: { ...visibleEnterprisesWhere(bank, now), id: a.enterpriseId } });
    expect(await visible()).toBe(0);
    const grant = await call(
      authorizationsAction,
      postRequest(
        "/enterprise/authorizations",
        { intent: "grant", bankId: bank.bankId, scope: "BASIC", expiresOn: "2099-01-01" },
        { cookie: a.cookie },
      ),
    );
    expect(statusOf(grant)).toBe(400); // beyond one year
    const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const granted = await call(
      authorizationsAction,
      postRequest(
        "/enterprise/authorizations",
        { intent: "grant", bankId: bank.bankId, scope: "FULL", expiresOn: inAMonth },
        { cookie: a.cookie },
      ),
    );
    expect(statusOf(granted)).toBe(302);
    expect(await visible()).toBe(1);
    // after the expiry day the bank sees nothing
    expect(await visible(new Date(Date.now() + 32 * 86_400_000))).toBe(0);
    const auth = await db.authorization.findFirstOrThrow({
      where: { enterpriseId: a.enterpriseId, revokedAt: null },
    });
    const revoked = await call(
      authorizationsAction,
      postRequest("/enterprise/authorizations", { intent: "revoke", id: auth.id }, { cookie: a.cookie }),
    );
    expect(statusOf(revoked)).toBe(302);
    expect(await visible()).toBe(0);
  });

  it("an all-banks grant opens access to every bank", async () => {
    const visible = () =>
      db.enterprise.count({ where: { ...visibleEnterprisesWhere(bank), id: a.enterpriseId } });
    const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await call(
      authorizationsAction,
      postRequest(
        "/enterprise/authorizations",
        { intent: "grant", bankId: "ALL", scope: "BASIC", expiresOn: inAMonth },
        { cookie: a.cookie },
      ),
    );
    expect(await visible()).toBe(1);
    const row = await db.authorization.findFirstOrThrow({
      where: { enterpriseId: a.enterpriseId, revokedAt: null },
    });
    expect(row.bankId).toBeNull();
    expect(row.scope).toBe("BASIC");
  });

  it("rejects bad grant input without storing anything", async () => {
    const before = await db.authorization.count();
    for (const input of [
      { bankId: "", scope: "FULL", expiresOn: "2026-13-40" },
      {
        bankId: "no-such-bank",
        scope: "FULL",
        expiresOn: new Date(Date.now() + 86_400_000 * 10).toISOString().slice(0, 10),
      },
      { bankId: "ALL", scope: "EVERYTHING", expiresOn: "9999-12-31" },
      { bankId: "ALL", scope: "FULL", expiresOn: "2000-01-01" },
    ]) {
      const response = await call(
        authorizationsAction,
        postRequest("/enterprise/authorizations", { intent: "grant", ...input }, { cookie: a.cookie }),
      );
      expect(statusOf(response)).toBe(400);
    }
    expect(await db.authorization.count()).toBe(before);
  });
});
