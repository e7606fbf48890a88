import { http, HttpResponse } from "msw";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import {
  action as applicationAction,
  loader as applicationLoader,
} from "~/routes/enterprise.applications.$id/route";
import { action as creditAction, loader as creditLoader } from "~/routes/enterprise.credit/route";
import { action as demandAction } from "~/routes/enterprise.demands.$id/route";
import { action as newDemandAction } from "~/routes/enterprise.demands.new";
import { action as whitelistAction } from "~/routes/enterprise.whitelist/route";
import { action as productAction, loader as productLoader } from "~/routes/products.$id/route";

import {
  bureauUser,
  createApplication,
  createBank,
  createOffer,
  createProduct,
  createReferenceData,
  createRegisteredEnterprise,
  createUser,
  createWhitelistBatch,
  officeUserOf,
} from "../../prisma/factories";
import { CREDIT_PLATFORM_URL, server } from "../../mocks/server";

import { call, db, getRequest, jsonOf, postRequest, sessionCookieFor, statusOf } from "./helpers";
import { inputTagOf, isTicked, renderedPage } from "./support/rendered-page";

let subDistrictId = "";
let bankId = "";
let productId = "";

beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
  const { subDistricts } = await createReferenceData(db);
  subDistrictId = subDistricts[0].id;
  const bank = await createBank(db);
  bankId = bank.id;
  await createUser(db, { role: "BANK", bankId });
  const product = await createProduct(db, {
    bankId,
    name: "测试信用贷",
    minAmountYuan: 500_000,
    maxAmountYuan: 5_000_000,
    minTermMonths: 6,
    maxTermMonths: 36,
  });
  productId = product.id;
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function newFirm(options: Parameters<typeof createRegisteredEnterprise>[1] | object = {}) {
  const { enterprise, user } = await createRegisteredEnterprise(db, {
    subDistrictId,
    sectionCode: "C",
    employees: 25,
    revenueWan: 800,
    onDishonestyList: false,
    ...options,
  });
  return { enterprise, user, cookie: await sessionCookieFor(user.id) };
}

const applyForm = { amount: "300", termMonths: "12", purpose: "采购原材料", consent: "on" };

describe("applying to a product", () => {
  it("shows an eligible firm why, with passing rules", async () => {
    const { cookie } = await newFirm();
    const data = await jsonOf<{
      firmView: { eligibility: { eligible: boolean; reasons: { rule: string; ok: boolean }[] } };
    }>(await call(productLoader, getRequest(`/products/${productId}`, { cookie }), { id: productId }));
    expect(data.firmView.eligibility.eligible).toBe(true);
    expect(data.firmView.eligibility.reasons.map((r) => r.rule)).toEqual([
      "published",
      "dishonesty",
      "size",
      "industry",
    ]);
    const anonymous = await jsonOf<{ firmView: unknown }>(
      await call(productLoader, getRequest(`/products/${productId}`), { id: productId }),
    );
    expect(anonymous.firmView).toBeNull();
  });

  it("creates the application, its SUBMITTED event, the FULL authorisation and the bank's message in one go", async () => {
    const { enterprise, cookie } = await newFirm();
    const response = (await call(
      productAction,
      postRequest(`/products/${productId}`, applyForm, { cookie }),
      { id: productId },
    )) as Response;
    expect(response.status).toBe(302);
    const application = await db.application.findFirstOrThrow({
      where: { enterpriseId: enterprise.id },
      include: { events: true, authorization: true },
    });
    expect(response.headers.get("Location")).toBe(`/enterprise/applications/${application.id}`);
    expect(application.number).toMatch(/^XYD-\d{8}-\d{4}$/);
    expect(application).toMatchObject({
      state: "SUBMITTED",
      bankId,
      amountYuan: 3_000_000,
      termMonths: 12,
      whitelisted: false,
    });
    expect(application.events.map((e) => [e.fromState, e.toState])).toEqual([[null, "SUBMITTED"]]);
    expect(application.authorization).toMatchObject({
      bankId,
      scope: "FULL",
      origin: "APPLICATION",
      revokedAt: null,
    });
    const year =
      application.authorization!.expiresAt.getTime() - application.authorization!.grantedAt.getTime();
    expect(Math.round(year / 86_400_000)).toBeGreaterThanOrEqual(365);
    const messages = await db.notification.findMany({
      where: { kind: "application.SUBMITTED", user: { bankId } },
    });
    expect(messages.some((m) => JSON.parse(m.params).number === application.number)).toBe(true);

    // a double submit makes no second application
    const again = await call(productAction, postRequest(`/products/${productId}`, applyForm, { cookie }), {
      id: productId,
    });
    expect(statusOf(again)).toBe(400);
    expect((await jsonOf<{ formError: string; existing: { id: string } }>(again)).existing.id).toBe(
      application.id,
    );
    const twice = await Promise.all(
      [1, 2].map(() =>
        call(productAction, postRequest(`/products/${productId}`, applyForm, { cookie }), { id: productId }),
      ),
    );
    expect(twice.map(statusOf)).toEqual([400, 400]);
    expect(await db.application.count({ where: { enterpriseId: enterprise.id } })).toBe(1);
  });

  it("lets only one of two simultaneous submissions through", async () => {
    const { enterprise, cookie } = await newFirm();
    const results = await Promise.all(
      [1, 2].map(() =>
        call(productAction, postRequest(`/products/${productId}`, applyForm, { cookie }), { id: productId }),
      ),
    );
    expect(results.map(statusOf).sort()).toEqual([302, 400]);
    expect(await db.application.count({ where: { enterpriseId: enterprise.id } })).toBe(1);
  });

  it("refuses an ineligible firm with the reasons, and bad input field by field", async () => {
    const { enterprise, cookie } = await newFirm({ onDishonestyList: true });
    const refused = await call(
      productAction,
      postRequest(`/products/${productId}`, { ...applyForm, amount: "10" }, { cookie }),
      { id: productId },
    );
    expect(statusOf(refused)).toBe(400);
    const body = await jsonOf<{ reasons: { rule: string; ok: boolean }[] }>(refused);
    expect(body.reasons.filter((r) => !r.ok).map((r) => r.rule)).toEqual(["dishonesty", "amount"]);
    const bad = await call(
      productAction,
      postRequest(
        `/products/${productId}`,
        { amount: "-5", termMonths: "1e3", purpose: "x".repeat(9000) },
        { cookie },
      ),
      { id: productId },
    );
    expect(statusOf(bad)).toBe(400);
    const errors = (await jsonOf<{ errors: Record<string, { key: string }> }>(bad)).errors;
    expect(Object.keys(errors).sort()).toEqual(["amount", "consent", "purpose", "termMonths"]);
    expect(await db.application.count({ where: { enterpriseId: enterprise.id } })).toBe(0);
  });

  it("keeps the consent ticked, like the other fields, when the application is refused", async () => {
    const { cookie } = await newFirm();
    const apply = (form: Record<string, string>) =>
      renderedPage(postRequest(`/products/${productId}`, form, { cookie }));
    const invalid = await apply({ ...applyForm, termMonths: "0" });
    expect(invalid.status).toBe(400);
    expect(inputTagOf(invalid.html, "amount")).toContain('value="300"');
    expect(isTicked(invalid.html, "consent")).toBe(true);
    expect(isTicked((await apply({ ...applyForm, termMonths: "0", consent: "" })).html, "consent")).toBe(
      false,
    );
    expect(
      statusOf(
        await call(productAction, postRequest(`/products/${productId}`, applyForm, { cookie }), {
          id: productId,
        }),
      ),
    ).toBe(302);
    const duplicate = await apply(applyForm);
    expect(duplicate.status).toBe(400);
    expect(isTicked(duplicate.html, "consent")).toBe(true);
  });

  it("answers 404 for an unknown product and sends anonymous visitors to sign in", async () => {
    const { cookie } = await newFirm();
    expect(
      statusOf(
        await call(productAction, postRequest("/products/nope", applyForm, { cookie }), { id: "nope" }),
      ),
    ).toBe(404);
    const anonymous = (await call(productAction, postRequest(`/products/${productId}`, applyForm), {
      id: productId,
    })) as Response;
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login/);
  });
});

describe("following an application", () => {
  it("shows the timeline and SLA, withdraws, and refuses a stale second click", async () => {
    const { enterprise, cookie } = await newFirm();
    const application = await createApplication(db, { enterpriseId: enterprise.id, productId });
    const data = await jsonOf<{
      application: { sla: { clock: string } | null; events: { toState: string }[] };
    }>(
      await call(applicationLoader, getRequest(`/enterprise/applications/${application.id}`, { cookie }), {
        id: application.id,
      }),
    );
    expect(data.application.sla?.clock).toBe("FIRST_RESPONSE");
    expect(data.application.events.map((e) => e.toState)).toEqual(["SUBMITTED"]);
    const first = await call(
      applicationAction,
      postRequest(
        `/enterprise/applications/${application.id}`,
        { intent: "withdraw", version: "0" },
        { cookie },
      ),
      { id: application.id },
    );
    expect(statusOf(first)).toBe(302);
    const stale = await call(
      applicationAction,
      postRequest(
        `/enterprise/applications/${application.id}`,
        { intent: "withdraw", version: "0" },
        { cookie },
      ),
      { id: application.id },
    );
    expect(statusOf(stale)).toBe(409);
    expect((await jsonOf<{ error: string }>(stale)).error).toBe("enterprise.applications.actions.changed");
    const after = await db.application.findUniqueOrThrow({
      where: { id: application.id },
      include: { events: true, authorization: true },
    });
    expect(after.state).toBe("WITHDRAWN");
    expect(after.events).toHaveLength(2);
    expect(after.authorization?.revokedAt).not.toBeNull();
  });

  it("declines an approved offer (CANCELLED, FIRM_DECLINED); acknowledging records nothing", async () => {
    const { enterprise, cookie } = await newFirm();
    const application = await createApplication(db, {
      enterpriseId: enterprise.id,
      productId,
      state: "APPROVED",
    });
    const ack = await call(
      applicationAction,
      postRequest(
        `/enterprise/applications/${application.id}`,
        { intent: "acknowledge", version: String(application.version) },
        { cookie },
      ),
      { id: application.id },
    );
    expect(statusOf(ack)).toBe(302);
    expect((await db.application.findUniqueOrThrow({ where: { id: application.id } })).state).toBe(
      "APPROVED",
    );
    const decline = await call(
      applicationAction,
      postRequest(
        `/enterprise/applications/${application.id}`,
        { intent: "declineOffer", version: String(application.version) },
        { cookie },
      ),
      { id: application.id },
    );
    expect(statusOf(decline)).toBe(302);
    const after = await db.application.findUniqueOrThrow({ where: { id: application.id } });
    expect(after).toMatchObject({ state: "CANCELLED", rejectReason: "FIRM_DECLINED" });
  });

  it("refuses to withdraw a decided application and rejects a forged intent", async () => {
    const { enterprise, cookie } = await newFirm();
    const application = await createApplication(db, {
      enterpriseId: enterprise.id,
      productId,
      state: "DISBURSED",
    });
    const withdraw = await call(
      applicationAction,
      postRequest(
        `/enterprise/applications/${application.id}`,
        { intent: "withdraw", version: String(application.version) },
        { cookie },
      ),
      { id: application.id },
    );
    expect(statusOf(withdraw)).toBe(409);
    const forged = await call(
      applicationAction,
      postRequest(
        `/enterprise/applications/${application.id}`,
        { intent: "disburse", version: "x" },
        { cookie },
      ),
      { id: application.id },
    );
    expect(statusOf(forged)).toBe(400);
    expect((await db.application.findUniqueOrThrow({ where: { id: application.id } })).state).toBe(
      "DISBURSED",
    );
  });
});

describe("demands and offers", () => {
  it("validates a demand, creates it, and accepts one offer: application ACCEPTED, demand FULFILLED, others DECLINED", async () => {
    const { enterprise, cookie } = await newFirm();
    const bad = await call(
      newDemandAction,
      postRequest(
        "/enterprise/demands/new",
        { amount: "NaN", termMonths: "0", purpose: "", validUntil: "9999-12-31", rateCeiling: "99" },
        { cookie },
      ),
    );
    expect(statusOf(bad)).toBe(400);
    expect(Object.keys((await jsonOf<{ errors: object }>(bad)).errors).sort()).toEqual([
      "amount",
      "guaranteeTypes",
      "purpose",
      "rateCeiling",
      "termMonths",
      "validUntil",
    ]);
    const validUntil = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const created = (await call(
      newDemandAction,
      postRequest(
        "/enterprise/demands/new",
        {
          amount: "200",
          termMonths: "12",
          purpose: "扩大生产",
          guaranteeTypes: ["CREDIT", "GUARANTEE"],
          rateCeiling: "4.5",
          validUntil,
        },
        { cookie },
      ),
    )) as Response;
    expect(created.status).toBe(302);
    const demand = await db.demand.findFirstOrThrow({ where: { enterpriseId: enterprise.id } });
    expect(demand).toMatchObject({
      amountYuan: 2_000_000,
      termMonths: 12,
      guaranteeTypes: "CREDIT,GUARANTEE",
      rateCeilingBp: 450,
      status: "OPEN",
    });

    const otherBank = await createBank(db);
    await createUser(db, { role: "BANK", bankId: otherBank.id });
    const otherProduct = await createProduct(db, { bankId: otherBank.id });
    const offer = await createOffer(db, { demandId: demand.id, productId, rateBp: 420 });
    const rival = await createOffer(db, { demandId: demand.id, productId: otherProduct.id });
    const accepted = (await call(
      demandAction,
      postRequest(
        `/enterprise/demands/${demand.id}`,
        { intent: "acceptOffer", offerId: offer.id },
        { cookie },
      ),
      { id: demand.id },
    )) as Response;
    expect(accepted.status).toBe(302);
    const application = await db.application.findFirstOrThrow({
      where: { offerId: offer.id },
      include: { events: true, authorization: true },
    });
    expect(accepted.headers.get("Location")).toBe(`/enterprise/applications/${application.id}`);
    expect(application).toMatchObject({
      state: "ACCEPTED",
      demandId: demand.id,
      bankId,
      amountYuan: 2_000_000,
    });
    expect(application.firstResponseAt).not.toBeNull();
    expect(application.acceptedAt).not.toBeNull();
    expect(application.events.map((e) => [e.fromState, e.toState])).toEqual([[null, "ACCEPTED"]]);
    expect(application.authorization).toMatchObject({ bankId, scope: "FULL", origin: "APPLICATION" });
    expect((await db.demand.findUniqueOrThrow({ where: { id: demand.id } })).status).toBe("FULFILLED");
    expect((await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe("ACCEPTED");
    expect((await db.offer.findUniqueOrThrow({ where: { id: rival.id } })).status).toBe("DECLINED");

    // a second click finds the offer taken: "changed", nothing new
    const again = await call(
      demandAction,
      postRequest(
        `/enterprise/demands/${demand.id}`,
        { intent: "acceptOffer", offerId: offer.id },
        { cookie },
      ),
      { id: demand.id },
    );
    expect(statusOf(again)).toBe(409);
    expect(await db.application.count({ where: { demandId: demand.id } })).toBe(1);
  });

  it("declines an offer, edits and closes a demand", async () => {
    const { enterprise, cookie } = await newFirm();
    const validUntil = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    await call(
      newDemandAction,
      postRequest(
        "/enterprise/demands/new",
        { amount: "50", termMonths: "6", purpose: "周转", guaranteeTypes: "CREDIT", validUntil },
        { cookie },
      ),
    );
    const demand = await db.demand.findFirstOrThrow({ where: { enterpriseId: enterprise.id } });
    const offer = await createOffer(db, { demandId: demand.id, productId });
    expect(
      statusOf(
        await call(
          demandAction,
          postRequest(
            `/enterprise/demands/${demand.id}`,
            { intent: "declineOffer", offerId: offer.id },
            { cookie },
          ),
          { id: demand.id },
        ),
      ),
    ).toBe(302);
    expect((await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe("DECLINED");
    const edit = await call(
      demandAction,
      postRequest(
        `/enterprise/demands/${demand.id}`,
        {
          intent: "update",
          amount: "80",
          termMonths: "9",
          purpose: "周转资金",
          guaranteeTypes: "CREDIT",
          validUntil,
        },
        { cookie },
      ),
      { id: demand.id },
    );
    expect(statusOf(edit)).toBe(302);
    expect((await db.demand.findUniqueOrThrow({ where: { id: demand.id } })).amountYuan).toBe(800_000);
    expect(
      statusOf(
        await call(
          demandAction,
          postRequest(`/enterprise/demands/${demand.id}`, { intent: "close" }, { cookie }),
          { id: demand.id },
        ),
      ),
    ).toBe(302);
    expect((await db.demand.findUniqueOrThrow({ where: { id: demand.id } })).status).toBe("CLOSED");
    const closedEdit = await call(
      demandAction,
      postRequest(
        `/enterprise/demands/${demand.id}`,
        {
          intent: "update",
          amount: "90",
          termMonths: "9",
          purpose: "x",
          guaranteeTypes: "CREDIT",
          validUntil,
        },
        { cookie },
      ),
      { id: demand.id },
    );
    expect(statusOf(closedEdit)).toBe(409);
  });
});

describe("credit profile", () => {
  it("is a free self-query: nothing is logged", async () => {
    const { enterprise, cookie } = await newFirm();
    const data = await jsonOf<{ sources: { source: string; asOf: string }[] }>(
      await call(creditLoader, getRequest("/enterprise/credit", { cookie })),
    );
    expect(data.sources.map((s) => s.source)).toEqual([
      "tax",
      "socialInsurance",
      "housingFund",
      "utilities",
      "licenses",
      "penalties",
      "redList",
      "dishonestyList",
      "judicial",
      "ip",
      "publicRating",
      "abnormalOperations",
    ]);
    expect(await db.accessLog.count({ where: { enterpriseId: enterprise.id } })).toBe(0);
  });

  it("refreshes at most once an hour; a failure keeps the cache and says so", async () => {
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    const { enterprise, cookie } = await newFirm({ creditRefreshedAt: twoHoursAgo });
    server.use(
      http.get(
        `${CREDIT_PLATFORM_URL}/v1/enterprises/:uscc/credit`,
        () => new HttpResponse("{not json", { status: 200 }),
      ),
    );
    const failed = await call(
      creditAction,
      postRequest("/enterprise/credit", { intent: "refresh" }, { cookie }),
    );
    expect(statusOf(failed)).toBe(503);
    const kept = await db.enterprise.findUniqueOrThrow({ where: { id: enterprise.id } });
    expect(kept.creditRefreshedAt?.getTime()).toBe(twoHoursAgo.getTime());
    expect(kept.creditRefreshError).toBe("malformed");
    expect(await db.creditProfile.count({ where: { enterpriseId: enterprise.id } })).toBe(12);
    server.resetHandlers();
    const tooSoon = await call(
      creditAction,
      postRequest("/enterprise/credit", { intent: "refresh" }, { cookie }),
    );
    expect(statusOf(tooSoon)).toBe(429);
    expect((await jsonOf<{ notice: { key: string } }>(tooSoon)).notice.key).toBe("enterprise.credit.tooSoon");
  });

  it("suspends the whitelist entry when a refresh finds the firm on a dishonesty list", async () => {
    const { enterprise, cookie } = await newFirm({
      uscc: "91410100MAXYD0031N",
      onDishonestyList: false,
      creditRefreshedAt: new Date(Date.now() - 2 * 3_600_000),
    });
    await createWhitelistBatch(db, { entries: [enterprise.id] });
    const refreshed = (await call(
      creditAction,
      postRequest("/enterprise/credit", { intent: "refresh" }, { cookie }),
    )) as Response;
    expect(refreshed.status).toBe(302);
    const firm = await db.enterprise.findUniqueOrThrow({
      where: { id: enterprise.id },
      include: { whitelistEntries: true },
    });
    expect(firm.onDishonestyList).toBe(true);
    expect(firm.whitelistedUntil).toBeNull();
    expect(firm.whitelistEntries.map((e) => e.status)).toEqual(["SUSPENDED"]);
  });

  it("files one objection per record, tells the bureau and shows its state", async () => {
    await bureauUser(db);
    const { enterprise, cookie } = await newFirm({ uscc: "91410100MAXYD0051Q" });
    const penalties = await db.creditProfile.findUniqueOrThrow({
      where: { enterpriseId_source: { enterpriseId: enterprise.id, source: "penalties" } },
    });
    const decisionNo = (JSON.parse(penalties.data) as { items: { decisionNo: string }[] }).items[0]
      .decisionNo;
    const short = await call(
      creditAction,
      postRequest(
        "/enterprise/credit",
        { intent: "object", record: `penalties::${decisionNo}`, reason: "短" },
        { cookie },
      ),
    );
    expect(statusOf(short)).toBe(400);
    const filed = await call(
      creditAction,
      postRequest(
        "/enterprise/credit",
        {
          intent: "object",
          record: `penalties::${decisionNo}`,
          reason: "罚款已于当月缴清并完成整改，申请信用修复。",
          attachmentNote: "缴款凭证、整改报告",
        },
        { cookie },
      ),
    );
    expect(statusOf(filed)).toBe(302);
    const twice = await call(
      creditAction,
      postRequest(
        "/enterprise/credit",
        { intent: "object", record: `penalties::${decisionNo}`, reason: "再次提交同一条记录的异议内容" },
        { cookie },
      ),
    );
    expect((await jsonOf<{ errors: Record<string, { key: string }> }>(twice)).errors.record.key).toBe(
      "enterprise.credit.errors.alreadyOpen",
    );
    const page = await jsonOf<{ objections: { status: string; recordSummary: string }[] }>(
      await call(creditLoader, getRequest("/enterprise/credit", { cookie })),
    );
    expect(page.objections).toHaveLength(1);
    expect(page.objections[0].status).toBe("OPEN");
    expect(page.objections[0].recordSummary).toContain(decisionNo);
    const bureauMessages = await db.notification.findMany({
      where: { kind: "objection.FILED", user: { role: "GOV_BUREAU" } },
    });
    expect(bureauMessages.some((m) => JSON.parse(m.params).enterprise === enterprise.name)).toBe(true);
  });
});

describe("whitelist recommendation request", () => {
  it("creates one open REQUESTED recommendation and tells the office", async () => {
    const { enterprise, cookie } = await newFirm();
    const office = await officeUserOf(db, subDistrictId);
    const first = await call(
      whitelistAction,
      postRequest("/enterprise/whitelist", { note: "订单增长，需要流动资金" }, { cookie }),
    );
    expect(statusOf(first)).toBe(302);
    const recommendation = await db.recommendation.findFirstOrThrow({
      where: { enterpriseId: enterprise.id },
    });
    expect(recommendation).toMatchObject({
      status: "REQUESTED",
      openKey: enterprise.id,
      subDistrictId,
      requestNote: "订单增长，需要流动资金",
    });
    const messages = await db.notification.findMany({
      where: { userId: office.id, kind: "recommendation.REQUESTED" },
    });
    expect(messages.some((m) => JSON.parse(m.params).enterprise === enterprise.name)).toBe(true);
    const second = await call(
      whitelistAction,
      postRequest("/enterprise/whitelist", { note: "" }, { cookie }),
    );
    expect(statusOf(second)).toBe(400);
    expect(await db.recommendation.count({ where: { enterpriseId: enterprise.id } })).toBe(1);
  });
});
