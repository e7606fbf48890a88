// The security audit trail: what is written (logout, credit views), how long it is kept (the
// database refuses to delete rows younger than six months), and the bureau's reader.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";

import { openEnterpriseProfile } from "~/models/access-log.server";
import type { BankActor } from "~/models/actor";
import { getActorById } from "~/models/user.server";
import { loader as auditLoader } from "~/routes/gov.admin.audit";
import { loader as exportLoader } from "~/routes/gov.indicators_.export";
import { action as logoutAction } from "~/routes/logout";

import {
  createAuthorization,
  createBank,
  createEnterprise,
  createSubDistrict,
  createUser,
} from "../../prisma/factories";

import { call, db, getRequest, jsonOf, postRequest, sessionCookieFor, statusOf } from "./helpers";

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
    const view = await openEnterpriseProfile({ actor, enterpriseId: firm.id, purpose: "PRE_LOAN" });
    expect(view).not.toBeNull();
    const rows = await db.auditLog.findMany({ where: { action: "credit.view", actorId: officer.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ targetType: "Enterprise", targetId: firm.id });
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
