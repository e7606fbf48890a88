// Accounts and sessions against 等保2.0 L3 / OWASP ASVS: the per-IP throttle and where the
// address comes from, how long a lockout lasts, the absolute session lifetime and the
// production cookie.
import type { ActionFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";

import { IP_FAILURE_LIMIT, LOCKOUT_MS, LOCKOUT_THRESHOLD, LoginError, verifyLogin } from "~/auth.server";
import { createSession, getSession, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "~/session.server";
import { action as loginAction } from "~/routes/login";

import { createUser } from "../../prisma/factories";

import { BASE_URL, db, getRequest, jsonOf, postRequest, sessionCookieFor, statusOf } from "./helpers";

const PASSWORD = "Xinyidai@2026";

/** The login action as server.js calls it: the client's address in the load context. */
async function loginFrom(
  clientIp: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
) {
  const request = postRequest("/login", form, { headers });
  try {
    return await loginAction({ request, params: {}, context: { clientIp } } as ActionFunctionArgs);
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

function credentials(username: string, password: string) {
  const form = new FormData();
  form.set("username", username);
  form.set("password", password);
  return form;
}

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LoginError) return error.reason;
    throw error;
  }
  return "signed in";
}

describe("per-IP throttle", () => {
  it("counts failures by the address server.js determined, whatever X-Forwarded-For claims", async () => {
    const ip = "203.0.113.7";
    for (let i = 0; i < IP_FAILURE_LIMIT; i++) {
      const response = await loginFrom(
        ip,
        { username: `nobody-${i}`, password: "Wrong@2026" },
        { "X-Forwarded-For": `198.51.100.${i}` },
      );
      expect(statusOf(response), `attempt ${i + 1}`).toBe(400);
    }
    const user = await createUser(db, { role: "GOV_BUREAU" });
    const throttled = await loginFrom(
      ip,
      { username: user.username, password: PASSWORD },
      { "X-Forwarded-For": "192.0.2.99" },
    );
    expect(statusOf(throttled)).toBe(429);
    expect(await jsonOf(throttled)).toMatchObject({ error: { key: "auth.tooManyAttempts" } });
    expect(await db.loginAttempt.count({ where: { ip, success: false } })).toBe(IP_FAILURE_LIMIT);
    expect(await db.loginAttempt.count({ where: { ip: { startsWith: "198.51.100." } } })).toBe(0);

    // Another client is not affected.
    expect(statusOf(await loginFrom("203.0.113.8", { username: user.username, password: PASSWORD }))).toBe(
      302,
    );
  });

  it("records the session's address from the same source", async () => {
    const user = await createUser(db, { role: "GOV_BUREAU" });
    await loginFrom(
      "203.0.113.20",
      { username: user.username, password: PASSWORD },
      { "X-Forwarded-For": "1.2.3.4" },
    );
    const session = await db.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(session.ip).toBe("203.0.113.20");
    const success = await db.auditLog.findFirstOrThrow({
      where: { action: "login.success", actorId: user.id },
    });
    expect(success.ip).toBe("203.0.113.20");
  });
});

describe("lockout", () => {
  it(`lasts 15 minutes after ${LOCKOUT_THRESHOLD} failures, then the right password works`, async () => {
    expect(LOCKOUT_MS).toBe(15 * 60 * 1000);
    const user = await createUser(db, { role: "GOV_BUREAU" });
    const t0 = new Date();
    const ip = "203.0.113.30";
    for (let i = 0; i < LOCKOUT_THRESHOLD - 1; i++)
      expect(await failure(verifyLogin(credentials(user.username, "Wrong@2026"), ip, t0))).toBe("invalid");
    expect(await failure(verifyLogin(credentials(user.username, "Wrong@2026"), ip, t0))).toBe("invalid");
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lockedUntil?.getTime()).toBe(t0.getTime() + 15 * 60 * 1000);

    const later = (ms: number) => new Date(t0.getTime() + ms);
    expect(await failure(verifyLogin(credentials(user.username, PASSWORD), ip, later(14 * 60 * 1000)))).toBe(
      "locked",
    );
    expect(
      await failure(verifyLogin(credentials(user.username, PASSWORD), ip, later(15 * 60 * 1000 + 1000))),
    ).toBe("signed in");
    const actions = (
      await db.auditLog.findMany({ where: { targetId: user.id }, orderBy: { at: "asc" } })
    ).map((a) => a.action);
    expect(actions.filter((a) => a === "login.failure")).toHaveLength(LOCKOUT_THRESHOLD + 1);
    expect(actions).toContain("login.lockout");
    expect(actions.at(-1)).toBe("login.success");
  });
});

describe("session lifetime", () => {
  it("ends a session 12 hours after it began, however active it was", async () => {
    expect(SESSION_ABSOLUTE_MS).toBe(12 * 60 * 60 * 1000);
    expect(SESSION_IDLE_MS).toBe(30 * 60 * 1000);
    const user = await createUser(db, { role: "GOV_BUREAU" });
    const start = new Date(Date.now() - SESSION_ABSOLUTE_MS + 60_000);
    const cookie = (await createSession(new Request(BASE_URL), user.id, { now: start })).split(";")[0];
    // Active a moment ago: only the absolute limit can end it.
    await db.session.updateMany({ where: { userId: user.id }, data: { lastSeenAt: new Date() } });
    expect(await getSession(getRequest("/", { cookie }))).not.toBeNull();
    expect(await getSession(getRequest("/", { cookie }), new Date(Date.now() + 61_000))).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("stays alive for a user who keeps working within 30 minutes", async () => {
    const user = await createUser(db, { role: "GOV_BUREAU" });
    const cookie = await sessionCookieFor(user.id);
    const t = (minutes: number) => new Date(Date.now() + minutes * 60_000);
    expect(await getSession(getRequest("/", { cookie }), t(29))).not.toBeNull();
    expect(await getSession(getRequest("/", { cookie }), t(58))).not.toBeNull();
    expect(await getSession(getRequest("/", { cookie }), t(89))).toBeNull();
  });
});

describe("session cookie", () => {
  it("is __Host-, HttpOnly, Secure, SameSite=Lax, Path=/ and without Domain over https", async () => {
    const user = await createUser(db, { role: "GOV_BUREAU" });
    const header = await createSession(new Request("https://xinyidai.example/login"), user.id);
    expect(header).toMatch(/^__Host-xyd_session=/);
    const attributes = header.split(";").map((part) => part.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(["httponly", "secure", "samesite=lax", "path=/"]));
    expect(attributes.some((a) => a.startsWith("domain="))).toBe(false);
    // The same cookie is read back over https, and ignored over plain http.
    const cookie = header.split(";")[0];
    const secure = new Request("https://xinyidai.example/", { headers: { Cookie: cookie } });
    expect(await getSession(secure)).toMatchObject({ userId: user.id });
    expect(await getSession(getRequest("/", { cookie }))).toBeNull();
  });
});
