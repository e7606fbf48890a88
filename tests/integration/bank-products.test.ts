import { beforeAll, describe, expect, it } from "vitest";

import { loader as listLoader } from "~/routes/bank.products._index/route";
import { action as createAction } from "~/routes/bank.products.new";
import { action as productAction, loader as productLoader } from "~/routes/bank.products.$id/route";

import {
  createApplication,
  createBank,
  createProduct,
  createRegisteredEnterprise,
  createSubDistrict,
  createUser,
} from "../../prisma/factories";

import { call, db, getRequest, jsonOf, postRequest, sessionCookieFor, statusOf } from "./helpers";

let bankA: string;
let bankB: string;
let cookieA: string;
let cookieB: string;
let cookieFirm: string;
let firmId: string;

const VALID = {
  name: "科创信用贷",
  type: "CREDIT",
  guaranteeType: "CREDIT",
  minAmount: "10",
  maxAmount: "300",
  minTerm: "6",
  maxTerm: "36",
  minRate: "3.5",
  maxRate: "6",
  eligibleSizes: ["SMALL", "MICRO"],
  eligibleSections: ["I", "C"],
  minTaxGrade: "B",
  whitelistOnly: "on",
  description: "面向科技型中小企业的纯信用贷款",
};

beforeAll(async () => {
  bankA = (await createBank(db)).id;
  bankB = (await createBank(db)).id;
  cookieA = await sessionCookieFor((await createUser(db, { role: "BANK", bankId: bankA })).id);
  cookieB = await sessionCookieFor((await createUser(db, { role: "BANK", bankId: bankB })).id);
  const subDistrict = await createSubDistrict(db);
  const { enterprise, user } = await createRegisteredEnterprise(db, { subDistrictId: subDistrict.id });
  firmId = enterprise.id;
  cookieFirm = await sessionCookieFor(user.id);
});

async function create(form: Record<string, string | string[]>, cookie = cookieA) {
  return call(createAction, postRequest("/bank/products/new", form, { cookie }));
}

function act(id: string, form: Record<string, string | string[]>, cookie = cookieA) {
  return call(productAction, postRequest(`/bank/products/${id}`, form, { cookie }), { id });
}

async function updatedAtOf(id: string) {
  return (await db.product.findUniqueOrThrow({ where: { id } })).updatedAt.toISOString();
}

describe("creating a product", () => {
  it("stores every field as a draft of the officer's bank", async () => {
    const response = (await create(VALID)) as Response;
    expect(response.status).toBe(302);
    const id = response.headers.get("Location")!.split("/").pop()!;
    const row = await db.product.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      bankId: bankA,
      name: "科创信用贷",
      status: "DRAFT",
      minAmountYuan: 100_000,
      maxAmountYuan: 3_000_000,
      minTermMonths: 6,
      maxTermMonths: 36,
      minRateBp: 350,
      maxRateBp: 600,
      eligibleSizes: "SMALL,MICRO",
      eligibleSections: "C,I",
      minTaxGrade: "B",
      whitelistOnly: true,
      version: 1,
    });
  });

  it("rejects bad input field by field, keeps it and stores nothing", async () => {
    const before = await db.product.count();
    const cases: [Record<string, string | string[]>, string][] = [
      [{ minAmount: "500", maxAmount: "300" }, "maxAmount"],
      [{ minAmount: "0" }, "minAmount"],
      [{ minAmount: "-5" }, "minAmount"],
      [{ maxAmount: "1e308" }, "maxAmount"],
      [{ minTerm: "40", maxTerm: "12" }, "maxTerm"],
      [{ minTerm: "0" }, "minTerm"],
      [{ maxRate: "36.01" }, "maxRate"],
      [{ minRate: "7", maxRate: "6" }, "maxRate"],
      [{ type: "PAYDAY" }, "type"],
      [{ guaranteeType: "" }, "guaranteeType"],
      [{ eligibleSizes: [] }, "eligibleSizes"],
      [{ eligibleSizes: ["LARGE"] }, "eligibleSizes"],
      [{ eligibleSections: ["Z"] }, "eligibleSections"],
      [{ minTaxGrade: "AAA" }, "minTaxGrade"],
      [{ name: "" }, "name"],
      [{ name: "贷".repeat(101) }, "name"],
      [{ name: "bad\u0000name" }, "name"],
      [{ description: "x".repeat(100_000) }, "description"],
    ];
    for (const [patch, field] of cases) {
      const response = await create({ ...VALID, ...patch });
      expect(statusOf(response), JSON.stringify(patch).slice(0, 80)).toBe(400);
      const body = await jsonOf<{ errors: Record<string, { key: string }>; values: Record<string, unknown> }>(
        response,
      );
      expect(Object.keys(body.errors)).toContain(field);
      expect(body.values.name).toBe(((patch.name as string | undefined) ?? VALID.name).slice(0, 2000));
    }
    expect(await db.product.count()).toBe(before);
  });

  it("is refused to firms and anonymous visitors", async () => {
    expect(statusOf(await create(VALID, cookieFirm))).toBe(403);
    const anonymous = (await call(createAction, postRequest("/bank/products/new", VALID))) as Response;
    expect(anonymous.headers.get("Location")).toMatch(/^\/login/);
  });
});

describe("publishing, editing and archiving", () => {
  it("publishes a draft, edits in place while nothing refers to it, then archives", async () => {
    const product = await createProduct(db, { bankId: bankA, status: "DRAFT" });
    expect(statusOf(await act(product.id, { intent: "publish" }))).toBe(302);
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).status).toBe("PUBLISHED");
    // Publishing twice is a changed state, not a second write.
    expect(statusOf(await act(product.id, { intent: "publish" }))).toBe(409);

    const saved = (await act(product.id, {
      ...VALID,
      intent: "save",
      maxRate: "5.5",
      updatedAt: await updatedAtOf(product.id),
    })) as Response;
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(`/bank/products/${product.id}`);
    const row = await db.product.findUniqueOrThrow({ where: { id: product.id } });
    expect(row).toMatchObject({ maxRateBp: 550, version: 1, status: "PUBLISHED" });

    expect(statusOf(await act(product.id, { intent: "archive" }))).toBe(302);
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).status).toBe("ARCHIVED");
    const edit = await act(product.id, {
      ...VALID,
      intent: "save",
      updatedAt: await updatedAtOf(product.id),
    });
    expect(statusOf(edit)).toBe(409);
  });

  it("publishes a new version when referenced terms change; the applications keep the old terms", async () => {
    const product = await createProduct(db, { bankId: bankA, minRateBp: 350, maxRateBp: 600 });
    const application = await createApplication(db, {
      enterpriseId: firmId,
      productId: product.id,
      amountYuan: 1_000_000,
      termMonths: 12,
    });
    const response = (await act(product.id, {
      ...VALID,
      intent: "save",
      minRate: "4",
      maxRate: "7",
      updatedAt: await updatedAtOf(product.id),
    })) as Response;
    expect(response.status).toBe(302);
    const newId = response.headers.get("Location")!.split("/").pop()!;
    expect(newId).not.toBe(product.id);
    const [old, next] = await Promise.all([
      db.product.findUniqueOrThrow({ where: { id: product.id } }),
      db.product.findUniqueOrThrow({ where: { id: newId } }),
    ]);
    expect(old).toMatchObject({ status: "ARCHIVED", minRateBp: 350, maxRateBp: 600, version: 1 });
    expect(next).toMatchObject({
      status: "PUBLISHED",
      minRateBp: 400,
      maxRateBp: 700,
      version: 2,
      previousVersionId: product.id,
      bankId: bankA,
    });
    expect((await db.application.findUniqueOrThrow({ where: { id: application.id } })).productId).toBe(
      product.id,
    );
  });

  it("saves a name change of a referenced product in place", async () => {
    const product = await createProduct(db, {
      bankId: bankA,
      minAmountYuan: 100_000,
      maxAmountYuan: 3_000_000,
      minTermMonths: 6,
      maxTermMonths: 36,
      minRateBp: 350,
      maxRateBp: 600,
      eligibleSizes: ["SMALL", "MICRO"],
      eligibleSections: ["C", "I"],
      minTaxGrade: "B",
      whitelistOnly: true,
      type: "CREDIT",
    });
    await createApplication(db, {
      enterpriseId: firmId,
      productId: product.id,
      amountYuan: 1_000_000,
      termMonths: 12,
    });
    const response = (await act(product.id, {
      ...VALID,
      intent: "save",
      name: "科创信用贷（升级）",
      updatedAt: await updatedAtOf(product.id),
    })) as Response;
    expect(response.headers.get("Location")).toBe(`/bank/products/${product.id}`);
    expect(await db.product.findUniqueOrThrow({ where: { id: product.id } })).toMatchObject({
      name: "科创信用贷（升级）",
      version: 1,
      status: "PUBLISHED",
    });
  });

  it("refuses a save from a form loaded before another change", async () => {
    const product = await createProduct(db, { bankId: bankA, status: "DRAFT" });
    const seen = await updatedAtOf(product.id);
    await new Promise((r) => setTimeout(r, 5));
    expect(statusOf(await act(product.id, { ...VALID, intent: "save", updatedAt: seen }))).toBe(302);
    const stale = await act(product.id, { ...VALID, intent: "save", name: "另一个名字", updatedAt: seen });
    expect(statusOf(stale)).toBe(409);
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).name).toBe(VALID.name);
    expect(statusOf(await act(product.id, { ...VALID, intent: "save", updatedAt: "yesterday" }))).toBe(409);
    expect(statusOf(await act(product.id, { intent: "explode" }))).toBe(400);
  });
});

describe("another bank's products", () => {
  it("cannot be listed, read or changed", async () => {
    const product = await createProduct(db, { bankId: bankB, status: "DRAFT", name: "乙行产品" });
    const list = await jsonOf<{ products: { id: string }[] }>(
      await call(listLoader, getRequest("/bank/products?status=DRAFT", { cookie: cookieA })),
    );
    expect(list.products.map((p) => p.id)).not.toContain(product.id);
    expect(
      statusOf(
        await call(productLoader, getRequest(`/bank/products/${product.id}`, { cookie: cookieA }), {
          id: product.id,
        }),
      ),
    ).toBe(404);
    for (const form of [
      { intent: "publish" },
      { intent: "archive" },
      { ...VALID, intent: "save", updatedAt: await updatedAtOf(product.id) },
    ]) {
      expect(statusOf(await act(product.id, form))).toBe(403);
    }
    expect(await db.product.findUniqueOrThrow({ where: { id: product.id } })).toMatchObject({
      status: "DRAFT",
      name: "乙行产品",
    });
    const own = await jsonOf<{ products: { id: string }[] }>(
      await call(listLoader, getRequest("/bank/products", { cookie: cookieB })),
    );
    expect(own.products.map((p) => p.id)).toContain(product.id);
  });
});
