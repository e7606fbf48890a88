import { beforeAll, describe, expect, it } from "vitest";

import { loader as homeLoader } from "~/routes/_index";
import { action as displayAction } from "~/routes/display";
import { action as localeAction } from "~/routes/locale";
import { loader as catalogLoader } from "~/routes/products._index/route";
import { loader as productLoader } from "~/routes/products.$id/route";
import { loader as rootLoader } from "~/root";

import {
  createApplication,
  createBank,
  createEnterprise,
  createProduct,
  createSubDistrict,
} from "../../prisma/factories";

import { call, db, getRequest, jsonOf, postRequest, statusOf } from "./helpers";

type Catalog = { total: number; products: { id: string; name: string }[]; errors: Record<string, unknown> };
let ids: Record<string, string> = {};

beforeAll(async () => {
  const zzb = await createBank(db, { name: "测试银行甲" });
  const other = await createBank(db, { name: "测试银行乙" });
  const inactive = await createBank(db, { name: "已停用银行", active: false });
  const credit = await createProduct(db, {
    bankId: zzb.id,
    name: "甲行信用贷",
    type: "CREDIT",
    guaranteeType: "CREDIT",
    minAmountYuan: 100_000,
    maxAmountYuan: 3_000_000,
    minTermMonths: 6,
    maxTermMonths: 24,
    minRateBp: 350,
    maxRateBp: 600,
  });
  const mortgage = await createProduct(db, {
    bankId: other.id,
    name: "乙行抵押贷",
    type: "MORTGAGE",
    guaranteeType: "MORTGAGE",
    minAmountYuan: 1_000_000,
    maxAmountYuan: 10_000_000,
    minTermMonths: 12,
    maxTermMonths: 60,
    minRateBp: 300,
    maxRateBp: 450,
  });
  const draft = await createProduct(db, { bankId: zzb.id, name: "甲行草稿产品", status: "DRAFT" });
  const hidden = await createProduct(db, { bankId: inactive.id, name: "停用银行产品" });
  ids = { credit: credit.id, mortgage: mortgage.id, draft: draft.id, hidden: hidden.id };
  const subDistrict = await createSubDistrict(db);
  const firm = await createEnterprise(db, { subDistrictId: subDistrict.id });
  await createApplication(db, {
    enterpriseId: firm.id,
    productId: credit.id,
    state: "DISBURSED",
    amountYuan: 500_000,
  });
});

async function catalog(query = "") {
  return jsonOf<Catalog>(await call(catalogLoader, getRequest(`/products${query}`)));
}

describe("product catalogue", () => {
  it("lists published products of active banks only", async () => {
    const { total, products } = await catalog();
    expect(products.map((p) => p.name).sort()).toEqual(["乙行抵押贷", "甲行信用贷"]);
    expect(total).toBe(2);
  });

  it("filters by type, amount (万元), term and acceptable rate", async () => {
    expect((await catalog("?type=MORTGAGE")).products.map((p) => p.name)).toEqual(["乙行抵押贷"]);
    expect((await catalog("?amount=50")).products.map((p) => p.name)).toEqual(["甲行信用贷"]);
    expect((await catalog("?amount=500")).products.map((p) => p.name)).toEqual(["乙行抵押贷"]);
    expect((await catalog("?term=36")).products.map((p) => p.name)).toEqual(["乙行抵押贷"]);
    expect((await catalog("?rate=3.2")).products.map((p) => p.name)).toEqual(["乙行抵押贷"]);
  });

  it("sorts by lowest rate", async () => {
    expect((await catalog("?sort=rateAsc")).products.map((p) => p.name)).toEqual([
      "乙行抵押贷",
      "甲行信用贷",
    ]);
  });

  it("reports a bad filter next to its field instead of failing", async () => {
    const result = await catalog("?amount=-5&term=abc&rate=99&page=-1&type=NOPE");
    expect(result.errors).toMatchObject({ amount: { key: "common.validation.invalid" }, term: {}, rate: {} });
    expect(result.total).toBe(2);
  });

  it("shows a published product and 404s a draft or an unknown id", async () => {
    expect(
      statusOf(await call(productLoader, getRequest(`/products/${ids.credit}`), { id: ids.credit })),
    ).toBe(200);
    expect(statusOf(await call(productLoader, getRequest(`/products/${ids.draft}`), { id: ids.draft }))).toBe(
      404,
    );
    expect(
      statusOf(await call(productLoader, getRequest(`/products/${ids.hidden}`), { id: ids.hidden })),
    ).toBe(404);
    expect(statusOf(await call(productLoader, getRequest("/products/x"), { id: "x".repeat(5000) }))).toBe(
      404,
    );
  });
});

describe("home page", () => {
  it("shows the headline totals", async () => {
    const { totals } = await jsonOf<{ totals: Record<string, number> }>(
      await call(homeLoader, getRequest("/")),
    );
    expect(totals).toEqual({ enterprises: 1, banks: 2, products: 2, disbursedYuan: expect.any(Number) });
    const disbursed = await db.application.findFirstOrThrow({ where: { state: "DISBURSED" } });
    expect(totals.disbursedYuan).toBe(disbursed.disbursedAmountYuan);
  });
});

describe("长辈/大字 display mode", () => {
  it("the switch sets a year-long cookie the root loader reads on the server", async () => {
    const plain = (await call(rootLoader, getRequest("/"))) as Response;
    expect((await plain.json()).display).toBe("standard");
    const response = (await call(
      displayAction,
      postRequest("/display", { mode: "elder", redirectTo: "/products?type=CREDIT" }),
    )) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/products?type=CREDIT");
    const cookie = response.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/^xyd_display=/);
    expect(cookie).toMatch(/Max-Age=31536000/);
    const root = (await call(rootLoader, getRequest("/", { cookie: cookie.split(";")[0] }))) as Response;
    expect((await root.json()).display).toBe("elder");
  });

  it("refuses an unknown mode (400, no cookie); a forged cookie reads as standard", async () => {
    const unknown = (await call(displayAction, postRequest("/display", { mode: "huge" }))) as Response;
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get("Set-Cookie")).toBeNull();
    const root = (await call(
      rootLoader,
      getRequest("/", { cookie: "xyd_display=aHVnZQ%3D%3D" }),
    )) as Response;
    expect((await root.json()).display).toBe("standard");
  });
});

describe("language", () => {
  it("the switch sets a year-long cookie and goes back to the page", async () => {
    const response = (await call(
      localeAction,
      postRequest("/locale", { locale: "en", redirectTo: "/products?type=CREDIT" }),
    )) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/products?type=CREDIT");
    const cookie = response.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/^xyd_lang=/);
    expect(cookie).toMatch(/Max-Age=31536000/);
    const root = (await call(rootLoader, getRequest("/", { cookie: cookie.split(";")[0] }))) as Response;
    expect((await root.json()).locale).toBe("en");
  });

  it("refuses an unknown language (400, no cookie) and never redirects off-site", async () => {
    const unknown = (await call(
      localeAction,
      postRequest("/locale", { locale: "fr", redirectTo: "/products" }),
    )) as Response;
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get("Set-Cookie")).toBeNull();
    const offSite = (await call(
      localeAction,
      postRequest("/locale", { locale: "en", redirectTo: "https://evil.example" }),
    )) as Response;
    expect(offSite.headers.get("Location")).toBe("/");
  });

  it("the first visit follows Accept-Language", async () => {
    const response = (await call(
      rootLoader,
      getRequest("/", { headers: { "Accept-Language": "en-GB,en;q=0.9" } }),
    )) as Response;
    expect((await response.json()).locale).toBe("en");
    const chinese = (await call(rootLoader, getRequest("/"))) as Response;
    expect((await chinese.json()).locale).toBe("zh-CN");
  });
});
