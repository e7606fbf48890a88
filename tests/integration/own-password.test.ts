// /account/password: a user changes their own password; the change ends their other sessions.
import type { ActionFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";

import { WRONG_CURRENT_LIMIT } from "~/models/own-password.server";
import { action as passwordAction, loader as passwordLoader } from "~/routes/account.password";
import { action as loginAction } from "~/routes/login";
import { loader as bankHome } from "~/routes/bank._index/route";

import { createBank, createUser } from "../../prisma/factories";

import { call, db, getRequest, jsonOf, postRequest, sessionCookieFor, statusOf } from "./helpers";

const PASSWORD = "Xinyidai@2026";

async function post(cookie: string, form: Record<string, string>) {
  const request = postRequest("/account/password", form, { cookie });
  try {
    return await passwordAction({
      request,
      params: {},
      context: { clientIp: "203.0.113.60" },
    } as ActionFunctionArgs);
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

const change = (cookie: string, current: string, next: string, confirm = next) =>
  post(cookie, { intent: "change", currentPassword: current, newPassword: next, confirmPassword: confirm });

async function officer() {
  const bank = await createBank(db);
  return createUser(db, { role: "BANK", bankId: bank.id });
}

const signIn = (username: string, password: string) =>
  call(loginAction, postRequest("/login", { username, password }));

describe("changing one's own password", () => {
  it("ends the user's other sessions, keeps this one, and the new password signs in", async () => {
    const user = await officer();
    const here = await sessionCookieFor(user.id);
    const elsewhere = await sessionCookieFor(user.id);
    const response = await change(here, PASSWORD, "Lantern#2027");
    expect(statusOf(response)).toBe(302);
    expect((response as Response).headers.get("Location")).toBe("/account/password");

    expect(statusOf(await call(bankHome, getRequest("/bank", { cookie: here })))).toBe(200);
    const kicked = await call(bankHome, getRequest("/bank", { cookie: elsewhere }));
    expect((kicked as Response).headers.get("Location")).toMatch(/^\/login/);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);

    expect(statusOf(await signIn(user.username, PASSWORD))).toBe(400);
    expect(statusOf(await signIn(user.username, "Lantern#2027"))).toBe(302);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "account.passwordChange", actorId: user.id },
    });
    expect(audit.ip).toBe("203.0.113.60");
  });

  it.each([
    [
      "a wrong current password",
      "Wrong@2026",
      "Lantern#2027",
      "Lantern#2027",
      "currentPassword",
      "account.errors.current",
    ],
    ["too short", PASSWORD, "Ab1!", "Ab1!", "newPassword", "account.errors.tooShort"],
    ["two classes", PASSWORD, "lanternlantern7", "lanternlantern7", "newPassword", "account.errors.classes"],
    ["a common password", PASSWORD, "P@ssw0rd", "P@ssw0rd", "newPassword", "account.errors.common"],
    ["the current password again", PASSWORD, PASSWORD, PASSWORD, "newPassword", "account.errors.same"],
    [
      "a confirmation that differs",
      PASSWORD,
      "Lantern#2027",
      "Lantern#2028",
      "confirmPassword",
      "account.errors.confirm",
    ],
  ])(
    "refuses %s with a field message and changes nothing",
    async (_label, current, next, confirm, field, key) => {
      const user = await officer();
      const cookie = await sessionCookieFor(user.id);
      const other = await sessionCookieFor(user.id);
      const before = await db.password.findUniqueOrThrow({ where: { userId: user.id } });
      const response = await change(cookie, current, next, confirm);
      expect(statusOf(response)).toBe(400);
      expect(await jsonOf(response)).toMatchObject({ errors: { [field]: { key } } });
      expect((await db.password.findUniqueOrThrow({ where: { userId: user.id } })).hash).toBe(before.hash);
      expect(statusOf(await call(bankHome, getRequest("/bank", { cookie: other })))).toBe(200);
    },
  );

  it("refuses a password containing the username", async () => {
    const bank = await createBank(db);
    const user = await createUser(db, { role: "BANK", bankId: bank.id, username: "zhangwei" });
    const cookie = await sessionCookieFor(user.id);
    const response = await change(cookie, PASSWORD, "Zhangwei#2027");
    expect(await jsonOf(response)).toMatchObject({
      errors: { newPassword: { key: "account.errors.containsUsername" } },
    });
  });

  it(`stops guessing the current password after ${WRONG_CURRENT_LIMIT} wrong tries`, async () => {
    const user = await officer();
    const cookie = await sessionCookieFor(user.id);
    for (let i = 0; i < WRONG_CURRENT_LIMIT; i++) await change(cookie, `Wrong@${i}aaa`, "Lantern#2027");
    const response = await change(cookie, PASSWORD, "Lantern#2027");
    expect(await jsonOf(response)).toMatchObject({
      errors: { _form: { key: "account.errors.tooManyAttempts" } },
    });
    expect(
      await db.auditLog.count({ where: { action: "account.passwordChangeFailure", actorId: user.id } }),
    ).toBe(WRONG_CURRENT_LIMIT);
  });

  it("signs out every other device on request", async () => {
    const user = await officer();
    const here = await sessionCookieFor(user.id);
    await sessionCookieFor(user.id);
    await sessionCookieFor(user.id);
    expect(
      await jsonOf(await call(passwordLoader, getRequest("/account/password", { cookie: here }))),
    ).toMatchObject({
      sessions: 3,
    });
    expect(statusOf(await post(here, { intent: "revokeOthers" }))).toBe(302);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "session.revokeOthers", actorId: user.id },
    });
    expect(JSON.parse(audit.detail)).toEqual({ ended: 2 });
  });

  it("is for signed-in users only, and answers nonsense with 400", async () => {
    const anonymous = await call(passwordLoader, getRequest("/account/password"));
    expect((anonymous as Response).headers.get("Location")).toMatch(/^\/login/);
    const user = await officer();
    const cookie = await sessionCookieFor(user.id);
    expect(statusOf(await post(cookie, { intent: "drop" }))).toBe(400);
    expect(statusOf(await post(cookie, { intent: "change" }))).toBe(400);
    expect(statusOf(await change(cookie, "x".repeat(100_000), "y".repeat(100_000)))).toBe(400);
  });
});
