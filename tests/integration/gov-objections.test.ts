import { beforeAll, describe, expect, it } from "vitest";

import { action as objectionAction, loader as objectionLoader } from "~/routes/gov.objections.$id/route";
import { loader as objectionsLoader } from "~/routes/gov.objections._index";

import { createEnterprise, createObjection, createSubDistrict, createUser } from "../../prisma/factories";

import { call, db, getRequest, jsonOf, postRequest, sessionCookieFor, statusOf } from "./helpers";

let firmUser: { id: string };
let enterpriseId: string;
let bureauCookie: string;
let officeCookie: string;
let firmCookie: string;

beforeAll(async () => {
  const sd = await createSubDistrict(db);
  const firm = await createEnterprise(db, { subDistrictId: sd.id });
  enterpriseId = firm.id;
  firmUser = await createUser(db, { role: "ENTERPRISE", enterpriseId: firm.id });
  bureauCookie = await sessionCookieFor((await createUser(db, { role: "GOV_BUREAU" })).id);
  officeCookie = await sessionCookieFor(
    (await createUser(db, { role: "GOV_OFFICE", subDistrictId: sd.id })).id,
  );
  firmCookie = await sessionCookieFor(firmUser.id);
});

const answer = (id: string, form: Record<string, string>, cookie = bureauCookie) =>
  call(objectionAction, postRequest(`/gov/objections/${id}`, form, { cookie }), { id });

describe("异议 queue", () => {
  it("lists OPEN objections by due date, with the clock", async () => {
    const now = Date.now();
    const late = await createObjection(db, {
      enterpriseId,
      recordKey: "罚〔2025〕1号",
      dueAt: new Date(now - 2 * 86_400_000),
    });
    const soon = await createObjection(db, {
      enterpriseId,
      recordKey: "罚〔2025〕2号",
      dueAt: new Date(now + 5 * 86_400_000),
    });
    const data = await jsonOf<{ items: { id: string; overdue: boolean; daysLeft: number }[] }>(
      await call(objectionsLoader, getRequest("/gov/objections", { cookie: bureauCookie })),
    );
    const ids = data.items.map((i) => i.id);
    expect(ids.indexOf(late.id)).toBeLessThan(ids.indexOf(soon.id));
    expect(data.items.find((i) => i.id === late.id)).toMatchObject({ overdue: true, daysLeft: -2 });
    expect(data.items.find((i) => i.id === soon.id)).toMatchObject({ overdue: false, daysLeft: 5 });
  });

  it("is the bureau's alone", async () => {
    const o = await createObjection(db, { enterpriseId, recordKey: "罚〔2025〕3号" });
    for (const cookie of [officeCookie, firmCookie]) {
      expect(statusOf(await call(objectionsLoader, getRequest("/gov/objections", { cookie })))).toBe(404);
      expect(
        statusOf(
          await call(objectionLoader, getRequest(`/gov/objections/${o.id}`, { cookie }), { id: o.id }),
        ),
      ).toBe(404);
      expect(statusOf(await answer(o.id, { intent: "reject", responseText: "x" }, cookie))).toBe(403);
    }
    expect((await db.objection.findUniqueOrThrow({ where: { id: o.id } })).status).toBe("OPEN");
  });

  it("accepts with a resolution: ACCEPTED, openKey cleared, the firm told; a second answer is refused", async () => {
    const o = await createObjection(db, { enterpriseId, recordKey: "罚〔2025〕4号" });
    const missing = await answer(o.id, { intent: "accept", resolution: "DELETED", responseText: "" });
    const { errors } = await jsonOf<{ errors: Record<string, { key: string }> }>(missing);
    expect(errors.resolution.key).toBe("common.validation.invalidChoice");
    expect(errors.responseText.key).toBe("common.validation.required");
    expect(
      statusOf(
        await answer(o.id, { intent: "accept", resolution: "REPAIRED", responseText: "已完成信用修复" }),
      ),
    ).toBe(302);
    expect(await db.objection.findUniqueOrThrow({ where: { id: o.id } })).toMatchObject({
      status: "ACCEPTED",
      resolution: "REPAIRED",
      openKey: null,
      responseText: "已完成信用修复",
    });
    expect(await db.notification.count({ where: { userId: firmUser.id, kind: "objection.ACCEPTED" } })).toBe(
      1,
    );
    const again = await answer(o.id, { intent: "reject", responseText: "晚了" });
    expect(await jsonOf(again)).toMatchObject({ errors: { _form: { key: "gov.errors.changed" } } });
    expect((await db.objection.findUniqueOrThrow({ where: { id: o.id } })).status).toBe("ACCEPTED");
  });

  it("rejects with a reason; the firm reads the reason", async () => {
    const o = await createObjection(db, { enterpriseId, recordKey: "罚〔2025〕5号" });
    expect(statusOf(await answer(o.id, { intent: "reject", responseText: "经核实原记录准确" }))).toBe(302);
    expect(await db.objection.findUniqueOrThrow({ where: { id: o.id } })).toMatchObject({
      status: "REJECTED",
      resolution: null,
    });
    const note = await db.notification.findFirstOrThrow({
      where: { userId: firmUser.id, kind: "objection.REJECTED" },
    });
    expect(JSON.parse(note.params)).toEqual({ reason: "经核实原记录准确" });
    expect(statusOf(await answer(o.id, { intent: "delete" }))).toBe(400);
  });
});
