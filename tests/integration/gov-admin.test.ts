import { beforeAll, describe, expect, it } from "vitest";

import { action as loginAction } from "~/routes/login";
import { action as accountAction } from "~/routes/gov.admin.accounts.$id/route";
import { action as accountsAction, loader as accountsLoader } from "~/routes/gov.admin._index/route";
import { action as calendarAction } from "~/routes/gov.admin.calendar/route";
import { action as lprAction } from "~/routes/gov.admin.lpr/route";
import { action as orgAction } from "~/routes/gov.admin.organisations/route";
import { action as settingsAction, loader as settingsLoader } from "~/routes/gov.admin.settings/route";
import { loader as firmsLoader } from "~/routes/gov.firms._index/route";
import { getSettings } from "~/models/settings.server";

import { createBank, createEnterprise, createSubDistrict, createUser } from "../../prisma/factories";

import { call, db, getRequest, jsonOf, postRequest, sessionCookieFor, statusOf } from "./helpers";

const PASSWORD = "Xinyidai@2026";
let bankId: string;
let subDistrictId: string;
let bureau: { id: string };
let bureauCookie: string;
let officeCookie: string;

beforeAll(async () => {
  bankId = (await createBank(db)).id;
  subDistrictId = (await createSubDistrict(db)).id;
  bureau = await createUser(db, { role: "GOV_BUREAU" });
  bureauCookie = await sessionCookieFor(bureau.id);
  officeCookie = await sessionCookieFor((await createUser(db, { role: "GOV_OFFICE", subDistrictId })).id);
});

const post = (
  path: string,
  fn: Parameters<typeof call>[0],
  form: Record<string, string>,
  cookie = bureauCookie,
  params: Record<string, string> = {},
) => call(fn, postRequest(path, form, { cookie }), params);

const accountPost = (id: string, form: Record<string, string>, cookie = bureauCookie) =>
  post(`/gov/admin/accounts/${id}`, accountAction, form, cookie, { id });

describe("accounts", () => {
  it("creates a bank account with a typed password, writes an audit row, and the account signs in", async () => {
    const response = await post("/gov/admin", accountsAction, {
      username: "zzb-li",
      displayName: "李经理",
      role: "BANK",
      bankId,
      subDistrictId: "",
      mobile: "13800000000",
      password: "Bank#Loan2026",
    });
    expect(statusOf(response)).toBe(302);
    const user = await db.user.findUniqueOrThrow({ where: { username: "zzb-li" } });
    expect(user).toMatchObject({ role: "BANK", bankId, subDistrictId: null });
    expect(
      await db.auditLog.count({ where: { action: "account.create", targetId: user.id, actorId: bureau.id } }),
    ).toBe(1);
    expect(
      statusOf(
        await call(loginAction, postRequest("/login", { username: "zzb-li", password: "Bank#Loan2026" })),
      ),
    ).toBe(302);
  });

  it("generates a password when none is typed and shows it once", async () => {
    const response = await post("/gov/admin", accountsAction, {
      username: "office-new",
      displayName: "王干事",
      role: "GOV_OFFICE",
      bankId: "",
      subDistrictId,
      mobile: "",
      password: "",
    });
    expect(statusOf(response)).toBe(200);
    const { created } = await jsonOf<{ created: { username: string; password: string } }>(response);
    expect(created.username).toBe("office-new");
    expect(created.password).toMatch(/^.{14}$/);
    expect(
      statusOf(
        await call(
          loginAction,
          postRequest("/login", { username: "office-new", password: created.password }),
        ),
      ),
    ).toBe(302);
  });

  it("answers bad input with field errors and creates nothing", async () => {
    const before = await db.user.count();
    const cases: [Record<string, string>, string, string][] = [
      [
        { username: "zzb-li", displayName: "重名", role: "BANK", bankId, password: "Bank#Loan2026" },
        "username",
        "gov.admin.errors.usernameTaken",
      ],
      [
        { username: "weak-one", displayName: "弱", role: "BANK", bankId, password: "password" },
        "password",
        "gov.admin.passwordProblem.classes",
      ],
      [
        { username: "no-bank", displayName: "无行", role: "BANK", bankId: "", password: "Bank#Loan2026" },
        "bankId",
        "gov.admin.errors.bankRequired",
      ],
      [
        {
          username: "no-office",
          displayName: "无办",
          role: "GOV_OFFICE",
          subDistrictId: "",
          password: "Bank#Loan2026",
        },
        "subDistrictId",
        "gov.admin.errors.subDistrictRequired",
      ],
      [
        { username: "firm-user", displayName: "企业", role: "ENTERPRISE", password: "Bank#Loan2026" },
        "role",
        "common.validation.invalidChoice",
      ],
      [
        { username: "x".repeat(500), displayName: "长", role: "BANK", bankId, password: "Bank#Loan2026" },
        "username",
        "common.validation.tooLong",
      ],
    ];
    for (const [form, field, key] of cases) {
      const response = await post("/gov/admin", accountsAction, form);
      expect(statusOf(response)).toBe(400);
      const body = await jsonOf<{ errors: Record<string, { key: string }>; values: Record<string, string> }>(
        response,
      );
      expect(body.errors[field].key).toBe(key);
      expect(body.values.password).toBeUndefined();
    }
    expect(await db.user.count()).toBe(before);
  });

  it("disabling ends the sessions at once and the login refuses; enabling lets it in again", async () => {
    const officer = await createUser(db, { role: "GOV_OFFICE", subDistrictId });
    const cookie = await sessionCookieFor(officer.id);
    expect(statusOf(await call(firmsLoader, getRequest("/gov/firms", { cookie })))).toBe(200);

    expect(statusOf(await accountPost(officer.id, { intent: "disable" }))).toBe(302);
    expect(await db.session.count({ where: { userId: officer.id } })).toBe(0);
    const after = await call(firmsLoader, getRequest("/gov/firms", { cookie }));
    expect(statusOf(after)).toBe(302);
    expect((after as Response).headers.get("Location")).toMatch(/^\/login/);
    const login = await call(
      loginAction,
      postRequest("/login", { username: officer.username, password: PASSWORD }),
    );
    expect(await jsonOf(login)).toMatchObject({ error: { key: "auth.accountDisabled" } });
    expect(await db.auditLog.count({ where: { action: "account.disable", targetId: officer.id } })).toBe(1);

    expect(statusOf(await accountPost(officer.id, { intent: "enable" }))).toBe(302);
    expect(
      statusOf(
        await call(loginAction, postRequest("/login", { username: officer.username, password: PASSWORD })),
      ),
    ).toBe(302);
  });

  it("a session of a user disabled behind the portal's back is refused too", async () => {
    const officer = await createUser(db, { role: "BANK", bankId });
    const cookie = await sessionCookieFor(officer.id);
    await db.user.update({ where: { id: officer.id }, data: { disabledAt: new Date() } });
    expect(statusOf(await call(firmsLoader, getRequest("/gov/firms", { cookie })))).toBe(302);
  });

  it("resets a password (generated, shown once), ends sessions, and unlocks a locked account", async () => {
    const officer = await createUser(db, { role: "BANK", bankId });
    await sessionCookieFor(officer.id);
    await db.user.update({
      where: { id: officer.id },
      data: { lockedUntil: new Date(Date.now() + 600_000), failedLoginCount: 3 },
    });
    const weak = await accountPost(officer.id, { intent: "reset", password: "12345678" });
    expect(await jsonOf(weak)).toMatchObject({
      errors: { password: { key: "gov.admin.passwordProblem.classes" } },
    });
    const reset = await accountPost(officer.id, { intent: "reset", password: "" });
    const { password } = await jsonOf<{ password: string }>(reset);
    expect(await db.session.count({ where: { userId: officer.id } })).toBe(0);
    expect(
      statusOf(await call(loginAction, postRequest("/login", { username: officer.username, password }))),
    ).toBe(302);

    await db.user.update({
      where: { id: officer.id },
      data: { lockedUntil: new Date(Date.now() + 600_000), failedLoginCount: 2 },
    });
    expect(statusOf(await accountPost(officer.id, { intent: "unlock" }))).toBe(302);
    expect(await db.user.findUniqueOrThrow({ where: { id: officer.id } })).toMatchObject({
      lockedUntil: null,
      failedLoginCount: 0,
    });
    const actions = (
      await db.auditLog.findMany({ where: { targetId: officer.id, action: { startsWith: "account." } } })
    )
      .map((a) => a.action)
      .sort();
    expect(actions).toEqual(["account.resetPassword", "account.unlock"]);
  });

  it("cannot disable itself, and enterprise accounts are not the bureau's to manage", async () => {
    expect(await jsonOf(await accountPost(bureau.id, { intent: "disable" }))).toMatchObject({
      errors: { _form: { key: "gov.admin.errors.self" } },
    });
    const firm = await createEnterprise(db, { subDistrictId });
    const firmUser = await createUser(db, { role: "ENTERPRISE", enterpriseId: firm.id });
    expect(statusOf(await accountPost(firmUser.id, { intent: "disable" }))).toBe(403);
    expect((await db.user.findUniqueOrThrow({ where: { id: firmUser.id } })).disabledAt).toBeNull();
    expect(statusOf(await accountPost("cnosuchuser0000000000000", { intent: "disable" }))).toBe(403);
  });

  it("keeps offices out of administration (404 to read, 403 to act)", async () => {
    expect(statusOf(await call(accountsLoader, getRequest("/gov/admin", { cookie: officeCookie })))).toBe(
      404,
    );
    expect(
      statusOf(
        await post(
          "/gov/admin",
          accountsAction,
          { username: "sneaky", displayName: "x", role: "GOV_BUREAU", password: "Bank#Loan2026" },
          officeCookie,
        ),
      ),
    ).toBe(403);
    expect(statusOf(await accountPost(bureau.id, { intent: "disable" }, officeCookie))).toBe(403);
    expect(
      statusOf(await call(settingsLoader, getRequest("/gov/admin/settings", { cookie: officeCookie }))),
    ).toBe(404);
    expect(await db.user.count({ where: { username: "sneaky" } })).toBe(0);
  });
});

describe("reference data", () => {
  it("saves settings within their ranges and refuses the rest", async () => {
    const good = {
      "sla.firstResponseWorkingDays": "5",
      "sla.decisionWorkingDays": "12",
      "sla.whitelistDecisionCalendarDays": "30",
      "credit.refreshMinIntervalMinutes": "30",
      "objection.answerCalendarDays": "15",
      "invitation.validDays": "60",
      "claim.reviewWorkingDays": "10",
      "alert.acknowledgeWorkingDays": "4",
      "credit.nightlyRequestsPerSecond": "5",
    };
    expect(statusOf(await post("/gov/admin/settings", settingsAction, good))).toBe(302);
    expect(await getSettings()).toMatchObject({
      "sla.firstResponseWorkingDays": 5,
      "objection.answerCalendarDays": 15,
      "invitation.validDays": 60,
      "claim.reviewWorkingDays": 10,
      "alert.acknowledgeWorkingDays": 4,
    });
    const bad = await post("/gov/admin/settings", settingsAction, {
      ...good,
      "sla.firstResponseWorkingDays": "0",
      "sla.decisionWorkingDays": "1e308",
      "objection.answerCalendarDays": "-3",
    });
    expect(statusOf(bad)).toBe(400);
    const { errors } = await jsonOf<{
      errors: Record<string, { key: string; params: Record<string, number> }>;
    }>(bad);
    expect(errors["sla.firstResponseWorkingDays"]).toEqual({
      key: "gov.admin.errors.range",
      params: { min: 1, max: 30 },
    });
    expect(Object.keys(errors).sort()).toEqual([
      "objection.answerCalendarDays",
      "sla.decisionWorkingDays",
      "sla.firstResponseWorkingDays",
    ]);
    expect((await getSettings())["sla.firstResponseWorkingDays"]).toBe(5);
  });

  it("adds an LPR from a date (bp from %), refuses a duplicate date, corrects a rate", async () => {
    expect(
      statusOf(
        await post("/gov/admin/lpr", lprAction, { intent: "add", effectiveOn: "2026-06-22", rate: "2.95" }),
      ),
    ).toBe(302);
    const row = await db.lprRate.findFirstOrThrow({
      where: { effectiveOn: new Date("2026-06-21T16:00:00.000Z") },
    });
    expect(row.rateBp).toBe(295);
    const dup = await post("/gov/admin/lpr", lprAction, {
      intent: "add",
      effectiveOn: "2026-06-22",
      rate: "3",
    });
    expect(await jsonOf(dup)).toMatchObject({
      errors: { effectiveOn: { key: "gov.admin.errors.lprDateTaken" } },
    });
    const bad = await post("/gov/admin/lpr", lprAction, {
      intent: "add",
      effectiveOn: "2026-06-23",
      rate: "4.355",
    });
    expect(await jsonOf(bad)).toMatchObject({ errors: { rate: { key: "gov.admin.errors.rate" } } });
    expect(
      statusOf(await post("/gov/admin/lpr", lprAction, { intent: "correct", id: row.id, rate: "3.00%" })),
    ).toBe(302);
    expect((await db.lprRate.findUniqueOrThrow({ where: { id: row.id } })).rateBp).toBe(300);
  });

  it("adds and removes working-day overrides", async () => {
    expect(
      statusOf(
        await post("/gov/admin/calendar", calendarAction, {
          intent: "add",
          date: "2026-12-31",
          kind: "HOLIDAY",
          note: "区级调整",
        }),
      ),
    ).toBe(302);
    const dup = await post("/gov/admin/calendar", calendarAction, {
      intent: "add",
      date: "2026-12-31",
      kind: "WORKDAY",
      note: "",
    });
    expect(await jsonOf(dup)).toMatchObject({ errors: { date: { key: "gov.admin.errors.dateTaken" } } });
    const badKind = await post("/gov/admin/calendar", calendarAction, {
      intent: "add",
      date: "2026-02-30",
      kind: "PARTY",
    });
    const { errors } = await jsonOf<{ errors: Record<string, { key: string }> }>(badKind);
    expect(errors.date.key).toBe("gov.errors.badDate");
    expect(errors.kind.key).toBe("common.validation.invalidChoice");
    const row = await db.calendarOverride.findUniqueOrThrow({ where: { date: "2026-12-31" } });
    expect(row).toMatchObject({ kind: "HOLIDAY", note: "区级调整" });
    expect(
      statusOf(await post("/gov/admin/calendar", calendarAction, { intent: "remove", id: row.id })),
    ).toBe(302);
    expect(await db.calendarOverride.count({ where: { date: "2026-12-31" } })).toBe(0);
  });

  it("creates, renames and deactivates sub-districts and banks", async () => {
    expect(
      statusOf(
        await post("/gov/admin/organisations", orgAction, {
          intent: "createSubDistrict",
          code: "putian",
          name: "圃田乡",
          nameEn: "Putian Township",
          kind: "TOWN",
        }),
      ),
    ).toBe(302);
    const dup = await post("/gov/admin/organisations", orgAction, {
      intent: "createSubDistrict",
      code: "putian",
      name: "重复",
      nameEn: "Dup",
      kind: "TOWN",
    });
    expect(await jsonOf(dup)).toMatchObject({ errors: { code: { key: "gov.admin.errors.codeTaken" } } });
    const office = await db.subDistrict.findUniqueOrThrow({ where: { code: "putian" } });
    expect(
      statusOf(
        await post("/gov/admin/organisations", orgAction, {
          intent: "renameSubDistrict",
          id: office.id,
          name: "圃田乡办事处",
          nameEn: "Putian Office",
        }),
      ),
    ).toBe(302);
    expect(
      statusOf(
        await post("/gov/admin/organisations", orgAction, {
          intent: "toggleSubDistrict",
          id: office.id,
          active: "false",
        }),
      ),
    ).toBe(302);
    expect(await db.subDistrict.findUniqueOrThrow({ where: { id: office.id } })).toMatchObject({
      name: "圃田乡办事处",
      active: false,
    });
    expect(
      statusOf(
        await post("/gov/admin/organisations", orgAction, {
          intent: "createBank",
          code: "PAB",
          name: "平安银行郑州分行",
          nameEn: "Ping An Bank Zhengzhou",
        }),
      ),
    ).toBe(302);
    const bank = await db.bank.findUniqueOrThrow({ where: { code: "PAB" } });
    expect(
      statusOf(
        await post("/gov/admin/organisations", orgAction, {
          intent: "toggleBank",
          id: bank.id,
          active: "false",
        }),
      ),
    ).toBe(302);
    // A deactivated bank gets no new accounts.
    const refused = await post("/gov/admin", accountsAction, {
      username: "pab-user",
      displayName: "平安",
      role: "BANK",
      bankId: bank.id,
      password: "Bank#Loan2026",
    });
    expect(await jsonOf(refused)).toMatchObject({
      errors: { bankId: { key: "gov.admin.errors.bankRequired" } },
    });
    expect(
      await db.auditLog.count({
        where: { action: { in: ["subDistrict.create", "subDistrict.update", "bank.create", "bank.update"] } },
      }),
    ).toBe(5);
  });
});
