import { http, HttpResponse } from "msw";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { PASSWORD_MAX_LENGTH } from "~/domain/password-policy";
import { visibleEnterprisesWhere } from "~/models/enterprise.server";
import { registerEnterprise, type RegistrationInput } from "~/models/registration.server";
import { action as registerAction, loader as registerLoader } from "~/routes/register/route";

import { createReferenceData, createRegisteredEnterprise, officeUserOf } from "../../prisma/factories";
import { CREDIT_PLATFORM_URL, server } from "../../mocks/server";

import { call, db, getRequest, jsonOf, postRequest, statusOf } from "./helpers";
import { inputTagOf, isTicked, renderedPage } from "./support/rendered-page";

let subDistrictId = "";
let otherSubDistrictId = "";

beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
  const { subDistricts } = await createReferenceData(db);
  subDistrictId = subDistricts[0].id;
  otherSubDistrictId = subDistricts[1].id;
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type LoaderData = {
  registry: { name: string; uscc: string } | null;
  lookupError: { key: string; params: Record<string, string> } | null;
};

async function lookup(uscc: string) {
  return jsonOf<LoaderData>(
    await call(registerLoader, getRequest(`/register?uscc=${encodeURIComponent(uscc)}`)),
  );
}

function form(overrides: Record<string, string> = {}) {
  return {
    uscc: "91410100MAXYD1001T",
    contactName: "王经理",
    contactMobile: "13812345678",
    sectionCode: "L",
    divisionCode: "",
    subDistrictId,
    employees: "25",
    revenueWan: "800",
    totalAssetsWan: "600",
    username: "jinnuo-hr",
    password: "Jinnuo#2026",
    confirmPassword: "Jinnuo#2026",
    commitment: "on",
    ...overrides,
  };
}

describe("registration step 1: the registry lookup", () => {
  it("pre-fills an active firm's registry data", async () => {
    const data = await lookup(" 91410100maxyd1001t ");
    expect(data.lookupError).toBeNull();
    expect(data.registry?.uscc).toBe("91410100MAXYD1001T");
    expect(data.registry?.name).toBe("郑州金诺人力资源服务有限公司");
  });

  it("explains a wrong check character, an unknown, a deregistered and a revoked firm", async () => {
    expect((await lookup("91410100MAXYD1001X")).lookupError?.key).toBe(
      "enterprise.register.errors.usccCheck",
    );
    expect((await lookup("9141")).lookupError?.key).toBe("enterprise.register.errors.usccLength");
    expect((await lookup("914403001922038216")).lookupError?.key).toBe("enterprise.register.errors.notFound");
    const deregistered = await lookup("91410100MAXYD0011L");
    expect(deregistered.lookupError).toEqual({
      key: "enterprise.register.errors.inactive",
      params: { status: "注销" },
    });
    expect((await lookup("91410100MAXYD0021M")).lookupError?.params.status).toBe("吊销");
    expect(await db.enterprise.count()).toBe(0);
  });

  it("says so when the platform is down, without a 500", async () => {
    server.use(
      http.get(`${CREDIT_PLATFORM_URL}/v1/enterprises/:uscc`, () => new HttpResponse(null, { status: 503 })),
    );
    expect((await lookup("91410100MAXYD1001T")).lookupError?.key).toBe(
      "enterprise.register.errors.platformUnavailable",
    );
  });
});

describe("registration step 2", () => {
  it("rejects bad input field by field, keeps it, and stores nothing", async () => {
    const response = await call(
      registerAction,
      postRequest(
        "/register",
        form({
          employees: "-1",
          revenueWan: "1e308",
          contactMobile: "123",
          password: "short",
          commitment: "",
          sectionCode: "F",
          username: "x".repeat(5000),
        }),
      ),
    );
    expect(statusOf(response)).toBe(400);
    const body = await jsonOf<{ errors: Record<string, { key: string }>; values: Record<string, string> }>(
      response,
    );
    expect(body.errors.employees.key).toBe("enterprise.register.errors.wholeNumber");
    expect(body.errors.revenueWan.key).toBe("enterprise.register.errors.wholeNumber");
    expect(body.errors.contactMobile.key).toBe("enterprise.register.errors.mobile");
    expect(body.errors.commitment.key).toBe("enterprise.register.errors.commitment");
    expect(body.errors.username.key).toBe("enterprise.register.errors.username");
    expect(body.values.contactName).toBe("王经理");
    expect(body.values.password).toBeUndefined();
    expect(await db.enterprise.count()).toBe(0);
  });

  it("asks for the division where the size rules need it", async () => {
    const response = await call(
      registerAction,
      postRequest("/register", form({ sectionCode: "F", divisionCode: "" })),
    );
    const body = await jsonOf<{ errors: Record<string, { key: string }> }>(response);
    expect(body.errors.divisionCode.key).toBe("enterprise.register.errors.divisionRequired");
  });

  it("enforces the password policy", async () => {
    const response = await call(
      registerAction,
      postRequest("/register", form({ password: "jinnuo-hr#A1", confirmPassword: "jinnuo-hr#A1" })),
    );
    const body = await jsonOf<{ errors: Record<string, { key: string }> }>(response);
    expect(body.errors.password.key).toBe("enterprise.register.errors.passwordContainsUsername");
  });

  it("keeps the commitment ticked, like the other fields, when the form is refused", async () => {
    const submit = (overrides: Record<string, string>) =>
      renderedPage(postRequest("/register?uscc=91410100MAXYD1001T", form(overrides)));
    const refused = await submit({ contactMobile: "123" });
    expect(refused.status).toBe(400);
    expect(inputTagOf(refused.html, "contactName")).toContain('value="王经理"');
    expect(isTicked(refused.html, "commitment")).toBe(true);
    expect(isTicked((await submit({ contactMobile: "123", commitment: "" })).html, "commitment")).toBe(false);
  });

  it("limits the password to the policy's length, as the other password forms do", async () => {
    const page = await renderedPage(getRequest("/register?uscc=91410100MAXYD1001T"));
    for (const name of ["password", "confirmPassword"])
      expect(inputTagOf(page.html, name)).toContain(`maxLength="${PASSWORD_MAX_LENGTH}"`);
    for (const length of [PASSWORD_MAX_LENGTH + 1, 256, 257]) {
      const password = "Jinnuo#2026".padEnd(length, "x");
      const response = await call(
        registerAction,
        postRequest("/register", form({ password, confirmPassword: password })),
      );
      const body = await jsonOf<{ errors: Record<string, { key: string }> }>(response);
      expect(body.errors.password.key).toBe("enterprise.register.errors.passwordTooLong");
    }
    expect(await db.enterprise.count()).toBe(0);
  });

  it("registers, derives the size on the server, signs the commitment, stores the credit profile and signs the user in", async () => {
    const response = (await call(
      registerAction,
      postRequest(
        "/register",
        form({ size: "MICRO", sectionCode: "F", divisionCode: "51", employees: "30", revenueWan: "6000" }),
      ),
    )) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/enterprise");
    expect(response.headers.get("Set-Cookie")).toMatch(/xyd_session=/);
    const firm = await db.enterprise.findUniqueOrThrow({
      where: { uscc: "91410100MAXYD1001T" },
      include: { users: true, commitments: true, creditSources: true },
    });
    expect(firm.name).toBe("郑州金诺人力资源服务有限公司");
    expect(firm.size).toBe("MEDIUM"); // wholesale: 30 staff ≥ 20 and 6000万 ≥ 5000万; the posted MICRO is ignored
    expect(firm.users.map((u) => [u.username, u.role])).toEqual([["jinnuo-hr", "ENTERPRISE"]]);
    expect(firm.commitments).toHaveLength(1);
    expect(firm.commitments[0].version).toBe("2026-01");
    expect(firm.creditSources).toHaveLength(12);
    expect(firm.taxGrade).toBe("B");
    expect(firm.creditRefreshedAt).not.toBeNull();
    // The sub-district office sees the new firm at once; another office does not.
    const office = await officeUserOf(db, subDistrictId);
    const officeActor = { ...office, role: "GOV_OFFICE" as const, organization: null };
    expect(
      await db.enterprise.count({ where: { ...visibleEnterprisesWhere(officeActor), id: firm.id } }),
    ).toBe(1);
    const elsewhere = { ...officeActor, subDistrictId: otherSubDistrictId };
    expect(await db.enterprise.count({ where: { ...visibleEnterprisesWhere(elsewhere), id: firm.id } })).toBe(
      0,
    );
  });

  it("refuses an already-registered firm and a taken username with clear messages", async () => {
    const again = await call(registerAction, postRequest("/register", form({ username: "someone-else" })));
    expect(statusOf(again)).toBe(400);
    expect((await jsonOf<{ formError: { key: string } }>(again)).formError.key).toBe(
      "enterprise.register.errors.alreadyRegistered",
    );
    const taken = await call(registerAction, postRequest("/register", form({ uscc: "91410100MAXYD1007D" })));
    expect(statusOf(taken)).toBe(400);
    expect((await jsonOf<{ errors: Record<string, { key: string }> }>(taken)).errors.username.key).toBe(
      "enterprise.register.errors.usernameTaken",
    );
    expect(await db.enterprise.count({ where: { uscc: "91410100MAXYD1007D" } })).toBe(0);
  });

  it("ends two racing registrations of one code with one firm", async () => {
    const input = (username: string): RegistrationInput => ({
      uscc: "91410100MAXYD10031",
      contactName: "李娜",
      contactMobile: "13912345678",
      sectionCode: "N",
      divisionCode: null,
      subDistrictId,
      employees: 12,
      revenueWan: 300,
      totalAssetsWan: 200,
      hadBankLoan: false,
      username,
      password: "Jiahe#2026x",
    });
    const results = await Promise.all([
      registerEnterprise(input("jiahe-a")),
      registerEnterprise(input("jiahe-b")),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: "ALREADY_REGISTERED" });
    expect(await db.enterprise.count({ where: { uscc: "91410100MAXYD10031" } })).toBe(1);
    expect(await db.user.count({ where: { username: { in: ["jiahe-a", "jiahe-b"] } } })).toBe(1);
  });

  it("registers anyway when the credit data cannot be fetched, and says it will come later", async () => {
    const response = (await call(
      registerAction,
      postRequest(
        "/register",
        form({ uscc: "91410100MAXYD0061R", username: "outage-firm", sectionCode: "C" }),
      ),
    )) as Response;
    expect(response.status).toBe(302);
    const firm = await db.enterprise.findUniqueOrThrow({
      where: { uscc: "91410100MAXYD0061R" },
      include: { creditSources: true },
    });
    expect(firm.creditSources).toHaveLength(0);
    expect(firm.creditRefreshError).toBe("unavailable");
    expect(firm.creditRefreshedAt).toBeNull();
  });

  it("sends a signed-in user away from /register", async () => {
    const { user } = await createRegisteredEnterprise(db, { subDistrictId });
    const { sessionCookieFor } = await import("./helpers");
    const response = await call(
      registerLoader,
      getRequest("/register", { cookie: await sessionCookieFor(user.id) }),
    );
    expect(statusOf(response)).toBe(302);
    expect((response as Response).headers.get("Location")).toBe("/enterprise");
  });
});
