// Accounts and sessions against 等保2.0 L3 / OWASP ASVS: the per-IP throttle and where the
// address comes from, how long a lockout lasts, that neither timing nor the lockout tells which
// names exist, the absolute session lifetime and the production cookie.
import type * as argon2 from "@node-rs/argon2";
import { hash, verify } from "@node-rs/argon2";
import type { ActionFunctionArgs } from "@remix-run/node";
import { describe, expect, it, vi } from "vitest";

import { IP_FAILURE_LIMIT, LOCKOUT_MS, LOCKOUT_THRESHOLD, LoginError, verifyLogin } from "~/auth.server";
import { DUMMY_PASSWORD_HASH, hashPassword } from "~/models/user.server";
import { createSession, getSession, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "~/session.server";
import { action as loginAction } from "~/routes/login";

import { createUser } from "../../prisma/factories";

import { BASE_URL, db, getRequest, jsonOf, postRequest, sessionCookieFor, statusOf } from "./helpers";

const PASSWORD = "Xinyidai@2026";

// The real argon2, watched: how many verifications a sign-in costs is what timing would reveal.
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const real = await importOriginal<typeof argon2>();
  return { ...real, verify: vi.fn(real.verify) };
});

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

describe("names that have no account", () => {
  /** The argon2 verifications one sign-in costs, and how it ended. */
  async function verificationsOf(username: string, password: string, ip: string, now = new Date()) {
    vi.mocked(verify).mockClear();
    const outcome = await failure(verifyLogin(credentials(username, password), ip, now));
    return { outcome, verifications: vi.mocked(verify).mock.calls.length };
  }

  it("cost one argon2 verification, as a real name does, on every path", async () => {
    const user = await createUser(db, { role: "GOV_BUREAU" });
    const noPassword = await createUser(db, { role: "GOV_BUREAU" });
    await db.password.delete({ where: { userId: noPassword.id } });
    const ip = "203.0.113.40";
    expect(await verificationsOf("nobody-at-all", "Wrong@2026", ip)).toEqual({
      outcome: "invalid",
      verifications: 1,
    });
    expect(await verificationsOf(user.username, "Wrong@2026", ip)).toEqual({
      outcome: "invalid",
      verifications: 1,
    });
    expect(await verificationsOf(noPassword.username, PASSWORD, ip)).toEqual({
      outcome: "invalid",
      verifications: 1,
    });
    expect(await verificationsOf(user.username, PASSWORD, ip)).toEqual({
      outcome: "signed in",
      verifications: 1,
    });
    // locked, real or not: still one verification
    const until = new Date(Date.now() + LOCKOUT_MS);
    await db.user.update({ where: { id: user.id }, data: { lockedUntil: until } });
    await db.unknownNameLockout.create({ data: { username: "nobody-locked", lockedUntil: until } });
    expect(await verificationsOf(user.username, PASSWORD, ip)).toEqual({
      outcome: "locked",
      verifications: 1,
    });
    expect(await verificationsOf("nobody-locked", PASSWORD, ip)).toEqual({
      outcome: "locked",
      verifications: 1,
    });
  });

  it("are checked against a dummy hash made as real ones are (same argon2id parameters)", async () => {
    const parameters = (h: string) => h.split("$").slice(1, 4).join("$");
    expect(parameters(DUMMY_PASSWORD_HASH)).toBe(parameters(await hashPassword("any password at all")));
    expect(parameters(DUMMY_PASSWORD_HASH)).toBe("argon2id$v=19$m=19456,t=2,p=1");
    // and it is a real hash of something, not a string that fails fast
    expect(await verify(DUMMY_PASSWORD_HASH, PASSWORD)).toBe(false);
    expect(DUMMY_PASSWORD_HASH).not.toBe(await hash(PASSWORD));
  });

  it("lock after five failures exactly as an account does: same answers, same status, same end", async () => {
    const user = await createUser(db, { role: "GOV_BUREAU" });
    const answers = async (username: string, ip: string) => {
      const out: unknown[] = [];
      for (const password of [...Array(LOCKOUT_THRESHOLD + 1).fill("Wrong@2026"), PASSWORD]) {
        const response = await loginFrom(ip, { username, password });
        const body = await jsonOf<{ error: { key: string; params: { until: string } } }>(response);
        out.push({ status: statusOf(response), key: body.error.key, until: body.error.params.until !== "" });
      }
      return out;
    };
    const real = await answers(user.username, "203.0.113.41");
    const unknown = await answers("nobody-by-this-name", "203.0.113.42");
    expect(unknown).toEqual(real);
    const invalid = { status: 400, key: "auth.invalidCredentials", until: false };
    const locked = { status: 400, key: "auth.accountLocked", until: true };
    expect(real).toEqual([invalid, invalid, invalid, invalid, invalid, locked, locked]);
  });

  it("stay locked for the same 15 minutes, counted the same way afterwards", async () => {
    const user = await createUser(db, { role: "GOV_BUREAU" });
    const t0 = new Date("2026-03-02T01:00:00Z");
    const at = (ms: number) => new Date(t0.getTime() + ms);
    const lockedUntil = async (username: string, ip: string, now: Date) => {
      try {
        await verifyLogin(credentials(username, "Wrong@2026"), ip, now);
      } catch (error) {
        if (error instanceof LoginError) return `${error.reason} ${error.lockedUntil?.toISOString() ?? ""}`;
        throw error;
      }
      return "signed in";
    };
    for (const [username, ip] of [
      [user.username, "203.0.113.43"],
      ["nobody-else", "203.0.113.44"],
    ]) {
      for (let i = 0; i < LOCKOUT_THRESHOLD; i++)
        expect(await lockedUntil(username, ip, t0)).toBe("invalid ");
      expect(await lockedUntil(username, ip, at(14 * 60 * 1000))).toBe("locked 2026-03-02T01:15:00.000Z");
      // after the lockout the count starts again: four failures are not a lockout
      for (let i = 0; i < LOCKOUT_THRESHOLD - 1; i++)
        expect(await lockedUntil(username, ip, at(15 * 60 * 1000 + 1000))).toBe("invalid ");
      // the fifth, at 01:15:02, locks until 01:30:02
      expect(await lockedUntil(username, ip, at(15 * 60 * 1000 + 2000))).toBe("invalid ");
      expect(await lockedUntil(username, ip, at(15 * 60 * 1000 + 3000))).toBe(
        "locked 2026-03-02T01:30:02.000Z",
      );
    }
    const lockouts = await db.auditLog.findMany({
      where: { action: "login.lockout", ip: { in: ["203.0.113.43", "203.0.113.44"] } },
      orderBy: { at: "asc" },
    });
    expect(lockouts.map((row) => [row.actorId, JSON.parse(row.detail).username])).toEqual([
      [user.id, user.username],
      [user.id, user.username],
      [null, "nobody-else"],
      [null, "nobody-else"],
    ]);
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
