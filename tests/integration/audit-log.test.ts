// The security audit trail: what is written (logout, credit views), that every row of every
// action code carries the client's address, how long rows are kept (the database refuses to
// delete rows younger than six months), and the bureau's reader.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AUDIT_ACTIONS } from "~/domain/audit-actions";
import { openEnterpriseProfile } from "~/models/access-log.server";
import type { BankActor } from "~/models/actor";
import { getActorById } from "~/models/user.server";
import { action as accountPasswordAction } from "~/routes/account.password";
import { loader as bankApplicationLoader } from "~/routes/bank.applications.$id/route";
import { loader as bankCandidateLoader } from "~/routes/bank.candidates.$enterpriseId";
import { loader as bankExportLoader } from "~/routes/bank.indicators_.export";
import { action as accountAction } from "~/routes/gov.admin.accounts.$id/route";
import { action as organisationsAction } from "~/routes/gov.admin.organisations/route";
import { loader as govFirmLoader } from "~/routes/gov.firms.$id/route";
import { loader as auditLoader } from "~/routes/gov.admin.audit/route";
import { loader as exportLoader } from "~/routes/gov.indicators_.export";
import { action as loginAction } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { loader as funnelExportLoader } from "~/routes/gov.invitations.export";
import { action as apiWebhookEndpointAction } from "~/routes/api.v1.webhook-endpoint";
import { issueApiClient } from "~/models/api-client.server";

import { server } from "../../mocks/server";
import {
  createApplication,
  createAuthorization,
  createBank,
  createEnterprise,
  createProduct,
  createSubDistrict,
  createUser,
} from "../../prisma/factories";

import { call, db, getRequest, jsonOf, postRequest, sessionCookieFor, statusOf } from "./helpers";
import { signedRequest } from "./support/api-client";
import { buildWorld, cookieFor } from "./support/hostile-world";

const DAY = 24 * 60 * 60 * 1000;
let bureauCookie: string;
let officeCookie: string;

beforeAll(async () => {
  const subDistrict = await createSubDistrict(db);
  const bureau = await createUser(db, { role: "GOV_BUREAU" });
  const office = await createUser(db, { role: "GOV_OFFICE", subDistrictId: subDistrict.id });
  bureauCookie = await sessionCookieFor(bureau.id);
  officeCookie = await sessionCookieFor(office.id);
});

describe("retention", () => {
  async function row(ageMs: number) {
    return db.auditLog.create({
      data: { action: "test.retention", at: new Date(Date.now() - ageMs) },
      select: { id: true },
    });
  }

  it("refuses to delete a row younger than six months, one by one or in bulk", async () => {
    const fresh = await row(0);
    const almost = await row(175 * DAY);
    await expect(db.auditLog.delete({ where: { id: fresh.id } })).rejects.toThrow(/six months/);
    await expect(db.auditLog.deleteMany({ where: { id: almost.id } })).rejects.toThrow(/six months/);
    expect(await db.auditLog.count({ where: { id: { in: [fresh.id, almost.id] } } })).toBe(2);
  });

  it("lets rows older than six months go", async () => {
    const old = await row(190 * DAY);
    await db.auditLog.delete({ where: { id: old.id } });
    expect(await db.auditLog.count({ where: { id: old.id } })).toBe(0);
  });
});

describe("what is written", () => {
  it("a sign-out, with who and from where", async () => {
    const user = await createUser(db, { role: "GOV_BUREAU" });
    const cookie = await sessionCookieFor(user.id);
    const request = postRequest("/logout", {}, { cookie });
    await logoutAction({ request, params: {}, context: { clientIp: "203.0.113.50" } } as ActionFunctionArgs);
    const rows = await db.auditLog.findMany({ where: { action: "logout", actorId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ targetId: user.id, ip: "203.0.113.50" });
  });

  it("a bank officer's view of a firm's credit profile", async () => {
    const subDistrict = await createSubDistrict(db);
    const bank = await createBank(db);
    const firm = await createEnterprise(db, { subDistrictId: subDistrict.id });
    await createAuthorization(db, { enterpriseId: firm.id, bankId: bank.id, scope: "FULL" });
    const officer = await createUser(db, { role: "BANK", bankId: bank.id });
    const actor = (await getActorById(officer.id)) as BankActor;
    const view = await openEnterpriseProfile({
      actor: { ...actor, ip: "203.0.113.60" },
      enterpriseId: firm.id,
      purpose: "PRE_LOAN",
    });
    expect(view).not.toBeNull();
    const rows = await db.auditLog.findMany({ where: { action: "credit.view", actorId: officer.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ targetType: "Enterprise", targetId: firm.id, ip: "203.0.113.60" });
    expect(JSON.parse(rows[0].detail)).toMatchObject({ scope: "FULL", purpose: "PRE_LOAN" });
  });
  it("an export, with the address server.js saw rather than the one a header claims", async () => {
    const user = await createUser(db, { role: "GOV_BUREAU" });
    const cookie = await sessionCookieFor(user.id);
    const request = getRequest("/gov/indicators/export?format=csv", {
      cookie,
      headers: { "X-Forwarded-For": "1.2.3.4" },
    });
    const response = await exportLoader({
      request,
      params: {},
      context: { clientIp: "203.0.113.70" },
    } as LoaderFunctionArgs);
    expect(response.status).toBe(200);
    const rows = await db.auditLog.findMany({ where: { actorId: user.id, action: "export.indicators" } });
    expect(rows).toHaveLength(1);
    expect(rows[0].ip).toBe("203.0.113.70");
  });
});

describe("the client's address on every row", () => {
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterAll(() => server.close());

  type Context = { clientIp: string };
  type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown;

  it("is recorded for every action code, each written through the route a user reaches it by", async () => {
    const seen = new Set<string>();
    const problems: string[] = [];
    const known = new Set<string>();
    /** Rows written by the fixtures (not through a route) are not the test's business. */
    async function skipFixtureRows() {
      for (const row of await db.auditLog.findMany({ select: { id: true } })) known.add(row.id);
    }
    await skipFixtureRows();
    let n = 0;
    /** Runs one request as server.js would, with an address of its own; checks the rows it wrote. */
    async function through(label: string, handler: Handler, request: Request, params = {}) {
      n += 1;
      const context: Context = { clientIp: `198.18.${Math.floor(n / 250)}.${(n % 250) + 1}` };
      try {
        await handler({ request, params, context } as LoaderFunctionArgs & ActionFunctionArgs);
      } catch (error) {
        if (!(error instanceof Response)) throw error;
      }
      const rows = await db.auditLog.findMany({ select: { id: true, action: true, ip: true } });
      for (const row of rows.filter((r) => !known.has(r.id))) {
        known.add(row.id);
        seen.add(row.action);
        if (row.ip !== context.clientIp)
          problems.push(`${label}: ${row.action} recorded ${row.ip}, not ${context.clientIp}`);
      }
    }

    // every action's valid form, as the hostile-input suite posts it
    const world = await buildWorld();
    await skipFixtureRows();
    for (const c of world.cases) {
      const replacement = await c.beforeValid?.();
      const cookie = typeof replacement === "string" ? replacement : cookieFor(world, c);
      await through(
        `${c.route} [${c.name}]`,
        c.action as Handler,
        postRequest(c.path, c.form, { cookie }),
        c.params,
      );
    }

    // what no valid form writes: failures and lockouts, credit views, exports
    const victim = await createUser(db, { role: "GOV_BUREAU" });
    for (let i = 0; i < 5; i++)
      await through(
        "login (wrong password)",
        loginAction as Handler,
        postRequest("/login", { username: victim.username, password: "Wrong@2026" }),
      );
    const changer = await sessionCookieFor((await createUser(db, { role: "GOV_BUREAU" })).id);
    await through(
      "account.password (wrong current)",
      accountPasswordAction as Handler,
      postRequest(
        "/account/password",
        {
          intent: "change",
          currentPassword: "Wrong@2026",
          newPassword: "Another#Pass2026",
          confirmPassword: "Another#Pass2026",
        },
        { cookie: changer },
      ),
    );

    const subDistrict = await createSubDistrict(db);
    const bank = await createBank(db);
    const bureau = await sessionCookieFor((await createUser(db, { role: "GOV_BUREAU" })).id);
    // two administration changes the hostile-input world has no case for
    const disabled = await createUser(db, { role: "BANK", bankId: bank.id, disabledAt: new Date() });
    await through(
      "gov.admin.accounts.$id [enable]",
      accountAction as Handler,
      postRequest(`/gov/admin/accounts/${disabled.id}`, { intent: "enable" }, { cookie: bureau }),
      { id: disabled.id },
    );
    const renamed = await createSubDistrict(db);
    await through(
      "gov.admin.organisations [renameSubDistrict]",
      organisationsAction as Handler,
      postRequest(
        "/gov/admin/organisations",
        { intent: "renameSubDistrict", id: renamed.id, name: "更名街道", nameEn: "Renamed Street" },
        { cookie: bureau },
      ),
    );

    const firm = await createEnterprise(db, { subDistrictId: subDistrict.id });
    await createAuthorization(db, { enterpriseId: firm.id, bankId: bank.id, scope: "FULL" });
    const product = await createProduct(db, { bankId: bank.id });
    const application = await createApplication(db, { enterpriseId: firm.id, productId: product.id });
    const officer = await sessionCookieFor((await createUser(db, { role: "BANK", bankId: bank.id })).id);
    const office = await sessionCookieFor(
      (await createUser(db, { role: "GOV_OFFICE", subDistrictId: subDistrict.id })).id,
    );
    await through(
      "bank.candidates.$enterpriseId",
      bankCandidateLoader as Handler,
      getRequest(`/bank/candidates/${firm.id}?purpose=PRE_LOAN`, { cookie: officer }),
      { enterpriseId: firm.id },
    );
    await through(
      "bank.applications.$id",
      bankApplicationLoader as Handler,
      getRequest(`/bank/applications/${application.id}`, { cookie: officer }),
      { id: application.id },
    );
    await through(
      "gov.firms.$id",
      govFirmLoader as Handler,
      getRequest(`/gov/firms/${firm.id}`, { cookie: office }),
      {
        id: firm.id,
      },
    );
    await through(
      "gov.indicators_.export",
      exportLoader as Handler,
      getRequest("/gov/indicators/export?format=csv", { cookie: bureau }),
    );
    await through(
      "bank.indicators_.export",
      bankExportLoader as Handler,
      getRequest("/bank/indicators/export?format=csv", { cookie: officer }),
    );
    await through(
      "gov.invitations.export",
      funnelExportLoader as Handler,
      getRequest("/gov/invitations/export", { cookie: office }),
    );
    // a bank system's write through the API: the write itself (api.write) and what it changed
    const issued = await issueApiClient(null, { bankId: bank.id });
    if (!issued.ok) throw new Error(issued.error);
    await skipFixtureRows();
    await through(
      "api.v1.webhook-endpoint (PUT, signed)",
      apiWebhookEndpointAction as Handler,
      signedRequest({
        method: "PUT",
        path: "/api/v1/webhook-endpoint",
        body: { url: "https://8.8.8.8/xyd-hooks", events: ["application.submitted"] },
        key: { keyId: issued.client.keyId, secret: issued.client.secret },
      }),
    );

    expect(problems).toEqual([]);
    expect([...seen].sort()).toEqual([...AUDIT_ACTIONS].sort());
    // the three credit views each wrote theirs
    expect(
      await db.auditLog.count({
        where: { action: "credit.view", targetId: firm.id, ip: { startsWith: "198.18." } },
      }),
    ).toBe(3);
  }, 120_000);
});

describe("the bureau's reader", () => {
  type Page = {
    total: number;
    entries: { action: string; actor: { username: string } | null; ip: string | null }[];
  };
  const read = async (query: string, cookie = bureauCookie) =>
    call(auditLoader, getRequest(`/gov/admin/audit${query}`, { cookie }));

  let alice: { id: string; username: string };
  beforeAll(async () => {
    alice = await createUser(db, { role: "GOV_BUREAU", username: "audit-alice" });
    const bob = await createUser(db, { role: "GOV_BUREAU", username: "audit-bob" });
    const at = (iso: string) => new Date(iso);
    await db.auditLog.createMany({
      data: [
        // 2026-03-01 23:59 and 2026-03-02 00:00 in Shanghai (UTC+8)
        { actorId: alice.id, action: "login.failure", at: at("2026-03-01T15:59:00Z"), ip: "198.51.100.1" },
        { actorId: alice.id, action: "login.success", at: at("2026-03-01T16:00:00Z"), ip: "198.51.100.1" },
        { actorId: bob.id, action: "login.lockout", at: at("2026-03-02T02:00:00Z") },
        { actorId: bob.id, action: "account.disable", at: at("2026-03-03T02:00:00Z") },
        { actorId: alice.id, action: "export.indicators", at: at("2026-03-04T02:00:00Z") },
        { actorId: bob.id, action: "credit.view", at: at("2026-03-04T03:00:00Z") },
      ],
    });
  });

  it("filters by action, by a group of actions, by actor and by Shanghai day", async () => {
    const window = "from=2026-03-01&to=2026-03-04";
    const all = await jsonOf<Page>(await read(`?${window}`));
    expect(all.total).toBe(6);
    expect(all.entries.map((e) => e.action)).toEqual([
      "credit.view",
      "export.indicators",
      "account.disable",
      "login.lockout",
      "login.success",
      "login.failure",
    ]);

    const logins = await jsonOf<Page>(await read(`?${window}&action=login.`));
    expect(logins.entries.map((e) => e.action)).toEqual(["login.lockout", "login.success", "login.failure"]);
    const exports = await jsonOf<Page>(await read(`?${window}&action=export.`));
    expect(exports.entries.map((e) => e.action)).toEqual(["export.indicators"]);
    const lockouts = await jsonOf<Page>(await read(`?${window}&action=login.lockout`));
    expect(lockouts.total).toBe(1);

    const byAlice = await jsonOf<Page>(await read(`?${window}&actor=alice`));
    expect(byAlice.total).toBe(3);
    const byBob = await jsonOf<Page>(await read(`?${window}&actor=audit-bob`));
    expect(byBob.entries.map((e) => e.action)).toEqual(["credit.view", "account.disable", "login.lockout"]);
    expect(new Set(byAlice.entries.map((e) => e.actor?.username))).toEqual(new Set([alice.username]));

    const secondDay = await jsonOf<Page>(await read("?from=2026-03-02&to=2026-03-02"));
    expect(secondDay.entries.map((e) => e.action)).toEqual(["login.lockout", "login.success"]);
    const firstDay = await jsonOf<Page>(await read("?from=2026-03-01&to=2026-03-01"));
    expect(firstDay.entries.map((e) => e.action)).toEqual(["login.failure"]);
  });

  it("ignores filters it does not know instead of failing", async () => {
    const response = await read("?action=drop%20table&from=yesterday&to=2026-13-45&page=-3");
    expect(statusOf(response)).toBe(200);
    expect((await jsonOf<Page>(response)).total).toBeGreaterThanOrEqual(6);
  });

  it("pages 20 entries at a time, newest first", async () => {
    const carol = await createUser(db, { role: "GOV_BUREAU", username: "audit-carol" });
    await db.auditLog.createMany({
      data: Array.from({ length: 25 }, (_, i) => ({
        actorId: carol.id,
        action: "login.success",
        at: new Date(Date.UTC(2025, 0, 1, 0, i)),
        ip: `192.0.2.${i}`,
      })),
    });
    const first = await jsonOf<Page>(await read("?actor=audit-carol"));
    const second = await jsonOf<Page>(await read("?actor=audit-carol&page=2"));
    expect(first.total).toBe(25);
    expect(first.entries).toHaveLength(20);
    expect(second.entries).toHaveLength(5);
    expect(first.entries[0].ip).toBe("192.0.2.24");
    expect(second.entries.at(-1)?.ip).toBe("192.0.2.0");
  });

  it("is the bureau's alone", async () => {
    expect(statusOf(await read("", officeCookie))).toBe(404);
    const anonymous = await call(auditLoader, getRequest("/gov/admin/audit"));
    expect((anonymous as Response).headers.get("Location")).toMatch(/^\/login/);
  });
});
