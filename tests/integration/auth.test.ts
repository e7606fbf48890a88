import { beforeAll, describe, expect, it } from "vitest";

import { LOCKOUT_THRESHOLD } from "~/auth.server";
import { action as loginAction, loader as loginLoader } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { loader as bankHome } from "~/routes/bank._index/route";
import { loader as enterpriseHome } from "~/routes/enterprise._index/route";
import { loader as govHome } from "~/routes/gov._index/route";
import { loader as rootLoader } from "~/root";

import { createBank, createEnterprise, createSubDistrict, createUser } from "../../prisma/factories";

import { call, db, getRequest, jsonOf, postRequest, sessionCookieFor, statusOf } from "./helpers";

const PASSWORD = "Xinyidai@2026";
let users: Record<"enterprise" | "bank" | "office" | "bureau", { id: string; username: string }>;

beforeAll(async () => {
  const subDistrict = await createSubDistrict(db);
  const bank = await createBank(db);
  const enterprise = await createEnterprise(db, { subDistrictId: subDistrict.id });
  users = {
    enterprise: await createUser(db, { role: "ENTERPRISE", enterpriseId: enterprise.id }),
    bank: await createUser(db, { role: "BANK", bankId: bank.id }),
    office: await createUser(db, { role: "GOV_OFFICE", subDistrictId: subDistrict.id }),
    bureau: await createUser(db, { role: "GOV_BUREAU" }),
  };
});

function login(username: string, password: string, extra: Record<string, string> = {}) {
  return call(loginAction, postRequest("/login", { username, password, ...extra }));
}

function setCookies(response: unknown) {
  return response instanceof Response ? response.headers.getSetCookie() : [];
}

describe("login", () => {
  it("signs a user in, starts a server-side session and lands on the role's home", async () => {
    const response = await login(users.bank.username, PASSWORD);
    expect(statusOf(response)).toBe(302);
    expect((response as Response).headers.get("Location")).toBe("/bank");
    const cookie = setCookies(response).find((c) => c.startsWith("xyd_session="));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(await db.session.count({ where: { userId: users.bank.id } })).toBeGreaterThan(0);
  });

  it("goes back to the page that asked for the login, but never to another site", async () => {
    const back = await login(users.bank.username, PASSWORD, { redirectTo: "/products?type=CREDIT" });
    expect((back as Response).headers.get("Location")).toBe("/products?type=CREDIT");
    const offsite = await login(users.bank.username, PASSWORD, { redirectTo: "//evil.example/x" });
    expect((offsite as Response).headers.get("Location")).toBe("/bank");
  });

  it("refuses a wrong password with a message and no session", async () => {
    const before = await db.session.count();
    const response = await login(users.office.username, "Wrong@2026");
    expect(statusOf(response)).toBe(400);
    expect(await jsonOf(response)).toMatchObject({ error: { key: "auth.invalidCredentials" } });
    expect(await db.session.count()).toBe(before);
  });

  it("gives an unknown user the same answer as a wrong password", async () => {
    const response = await login("nobody-here", PASSWORD);
    expect(await jsonOf(response)).toMatchObject({ error: { key: "auth.invalidCredentials" } });
  });

  it("locks an account after repeated failures, even for the right password", async () => {
    const victim = await createUser(db, { role: "GOV_BUREAU" });
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) await login(victim.username, "Wrong@2026");
    const locked = await login(victim.username, PASSWORD);
    expect(await jsonOf(locked)).toMatchObject({ error: { key: "auth.accountLocked" } });
    const row = await db.user.findUniqueOrThrow({ where: { id: victim.id } });
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(await db.auditLog.count({ where: { action: "login.lockout", targetId: victim.id } })).toBe(1);
  });

  it("refuses a disabled account", async () => {
    const disabled = await createUser(db, { role: "GOV_BUREAU", disabledAt: new Date() });
    const response = await login(disabled.username, PASSWORD);
    expect(await jsonOf(response)).toMatchObject({ error: { key: "auth.accountDisabled" } });
  });

  it("survives hostile input", async () => {
    for (const [username, password] of [
      ["x".repeat(100_000), PASSWORD],
      ["' OR 1=1 --", "' OR 1=1 --"],
      ["<script>alert(1)</script>", "\u0000\u0001"],
      ["", ""],
    ]) {
      const response = await login(username, password);
      expect(statusOf(response)).toBe(400);
    }
  });

  it("sends a signed-in user away from the login page", async () => {
    const cookie = await sessionCookieFor(users.enterprise.id);
    const response = await call(loginLoader, getRequest("/login", { cookie }));
    expect((response as Response).headers.get("Location")).toBe("/enterprise");
  });
});

describe("sessions", () => {
  it("logout deletes the session on the server", async () => {
    const cookie = await sessionCookieFor(users.office.id);
    const sessionsBefore = await db.session.count({ where: { userId: users.office.id } });
    const response = await call(logoutAction, postRequest("/logout", {}, { cookie }));
    expect(statusOf(response)).toBe(302);
    expect(await db.session.count({ where: { userId: users.office.id } })).toBe(sessionsBefore - 1);
    const after = await call(govHome, getRequest("/gov", { cookie }));
    expect((after as Response).headers.get("Location")).toMatch(/^\/login/);
  });

  it("a disabled user's open session stops working at once", async () => {
    const user = await createUser(db, { role: "GOV_BUREAU" });
    const cookie = await sessionCookieFor(user.id);
    expect(statusOf(await call(govHome, getRequest("/gov", { cookie })))).toBe(200);
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    const response = await call(govHome, getRequest("/gov", { cookie }));
    expect((response as Response).headers.get("Location")).toMatch(/^\/login/);
  });

  it("an idle session expires after 30 minutes", async () => {
    const user = await createUser(db, { role: "GOV_BUREAU" });
    const cookie = await sessionCookieFor(user.id);
    await db.session.updateMany({
      where: { userId: user.id },
      data: { lastSeenAt: new Date(Date.now() - 31 * 60 * 1000) },
    });
    const response = await call(govHome, getRequest("/gov", { cookie }));
    expect((response as Response).headers.get("Location")).toMatch(/^\/login/);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("a forged cookie is no session", async () => {
    const response = await call(
      bankHome,
      getRequest("/bank", { cookie: "xyd_session=eyJmb3JnZWQiOnRydWV9.abc" }),
    );
    expect((response as Response).headers.get("Location")).toMatch(/^\/login/);
  });
});

describe("role homes", () => {
  const homes = { enterprise: enterpriseHome, bank: bankHome, gov: govHome } as const;

  it("anonymous visitors are sent to the login page with the way back", async () => {
    for (const [name, loader] of Object.entries(homes)) {
      const response = await call(loader, getRequest(`/${name}`));
      expect((response as Response).headers.get("Location")).toBe(`/login?redirectTo=%2F${name}`);
    }
  });

  it("each role reaches its own home and is redirected from the others", async () => {
    const expected = {
      enterprise: { enterprise: 200, bank: "/enterprise", gov: "/enterprise" },
      bank: { enterprise: "/bank", bank: 200, gov: "/bank" },
      office: { enterprise: "/gov", bank: "/gov", gov: 200 },
      bureau: { enterprise: "/gov", bank: "/gov", gov: 200 },
    } as const;
    for (const [who, row] of Object.entries(expected)) {
      const cookie = await sessionCookieFor(users[who as keyof typeof users].id);
      for (const [home, outcome] of Object.entries(row)) {
        const response = await call(homes[home as keyof typeof homes], getRequest(`/${home}`, { cookie }));
        if (outcome === 200) expect(statusOf(response), `${who} → /${home}`).toBe(200);
        else expect((response as Response).headers.get("Location"), `${who} → /${home}`).toBe(outcome);
      }
    }
  });

  it("the root loader tells the page who is signed in, without secrets", async () => {
    const cookie = await sessionCookieFor(users.bank.id);
    const response = (await call(rootLoader, getRequest("/", { cookie }))) as Response;
    const data = await response.json();
    expect(data.actor).toMatchObject({ id: users.bank.id, role: "BANK" });
    expect(JSON.stringify(data)).not.toMatch(/argon2|hash|password/i);
  });
});
