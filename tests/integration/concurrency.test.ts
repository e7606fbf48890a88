import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { addDays, shanghaiDate } from "~/domain/shanghai-time";
import { objectableRecords } from "~/models/credit-profile.server";
import { action as bankApplicationAction } from "~/routes/bank.applications.$id/route";
import { action as bankDemandAction } from "~/routes/bank.demands.$id/route";
import { action as bankOffersAction } from "~/routes/bank.offers/route";
import { action as enterpriseApplicationAction } from "~/routes/enterprise.applications.$id/route";
import { action as authorizationsAction } from "~/routes/enterprise.authorizations/route";
import { action as creditAction } from "~/routes/enterprise.credit/route";
import { action as enterpriseDemandAction } from "~/routes/enterprise.demands.$id/route";
import { action as whitelistRequestAction } from "~/routes/enterprise.whitelist/route";
import { action as objectionAction } from "~/routes/gov.objections.$id/route";
import { action as recommendationAction } from "~/routes/gov.recommendations.$id/route";
import { action as recommendAction } from "~/routes/gov.recommendations.new/route";
import { action as reviewAction } from "~/routes/gov.review/route";
import { action as entryAction } from "~/routes/gov.whitelist.$id/route";
import { action as newProductAction } from "~/routes/bank.products.new";
import { action as newDemandAction } from "~/routes/enterprise.demands.new";
import { action as visitAction } from "~/routes/gov.visits/route";
import { action as applyAction } from "~/routes/products.$id/route";

import {
  createApplication,
  createAuthorization,
  createBank,
  createDemand,
  createEnterprise,
  createObjection,
  createOffer,
  createProduct,
  createRecommendation,
  createSubDistrict,
  createUser,
  createWhitelistBatch,
} from "../../prisma/factories";
import { server } from "../../mocks/server";

import { call, db, postRequest, sessionCookieFor, statusOf } from "./helpers";

/**
 * Every state change fired N times at once, as a double click or a retrying proxy would:
 * exactly one request applies, the others are refused with a 4xx (never a 500), and the
 * change is written once. Prints `CONCURRENCY fired=… doubleApplies=…`.
 */

const N = 8;
const totals = { fired: 0, doubleApplies: 0 };

type Action = Parameters<typeof call>[0];
let subDistrictId: string;
let bankId: string;
let cookies: Record<"enterprise" | "bank" | "office" | "bureau", string>;
let firmId: string;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
  subDistrictId = (await createSubDistrict(db)).id;
  bankId = (await createBank(db)).id;
  const firm = await createEnterprise(db, { subDistrictId, onDishonestyList: false });
  firmId = firm.id;
  const firmUser = await createUser(db, { role: "ENTERPRISE", enterpriseId: firm.id });
  cookies = {
    enterprise: await sessionCookieFor(firmUser.id),
    bank: await sessionCookieFor((await createUser(db, { role: "BANK", bankId })).id),
    office: await sessionCookieFor((await createUser(db, { role: "GOV_OFFICE", subDistrictId })).id),
    bureau: await sessionCookieFor((await createUser(db, { role: "GOV_BUREAU" })).id),
  };
});
afterAll(() => {
  server.close();
  console.log(`CONCURRENCY fired=${totals.fired} doubleApplies=${totals.doubleApplies}`);
});

/**
 * Fires N identical requests at once; returns their statuses after checking that one applied
 * (`success`), the others were refused with a 4xx, and none threw.
 */
async function fire(
  action: Action,
  path: string,
  form: Record<string, string | string[]>,
  cookie: string,
  params: Record<string, string> = {},
  success = 302,
) {
  const results = await Promise.all(
    Array.from({ length: N }, () =>
      call(action, postRequest(path, form, { cookie }), params).catch((error: unknown) => error),
    ),
  );
  const statuses = results.map((r) => (r instanceof Error ? 500 : statusOf(r)));
  totals.fired += N;
  const applied = statuses.filter((s) => s === success).length;
  totals.doubleApplies += Math.max(0, applied - 1);
  expect(statuses.filter((s) => s >= 500)).toEqual([]);
  expect(applied).toBe(1);
  expect(statuses.filter((s) => s !== success).every((s) => s >= 400 && s < 500)).toBe(true);
  return statuses;
}

const cleanFirm = () => createEnterprise(db, { subDistrictId, onDishonestyList: false });
const newProduct = () => createProduct(db, { bankId });

describe("application transitions under duplicates", () => {
  it("bank accept", async () => {
    const app = await createApplication(db, { enterpriseId: firmId, productId: (await newProduct()).id });
    await fire(
      bankApplicationAction,
      `/bank/applications/${app.id}`,
      { intent: "accept", version: String(app.version) },
      cookies.bank,
      { id: app.id },
    );
    expect(await db.applicationEvent.count({ where: { applicationId: app.id, toState: "ACCEPTED" } })).toBe(
      1,
    );
  });

  it("bank approve", async () => {
    const app = await createApplication(db, {
      enterpriseId: firmId,
      productId: (await newProduct()).id,
      state: "ACCEPTED",
      amountYuan: 1_000_000,
    });
    await fire(
      bankApplicationAction,
      `/bank/applications/${app.id}`,
      { intent: "approve", version: String(app.version), amount: "80", rate: "4.50", term: "12" },
      cookies.bank,
      { id: app.id },
    );
    expect(await db.applicationEvent.count({ where: { applicationId: app.id, toState: "APPROVED" } })).toBe(
      1,
    );
  });

  it("firm withdraw", async () => {
    const app = await createApplication(db, { enterpriseId: firmId, productId: (await newProduct()).id });
    await fire(
      enterpriseApplicationAction,
      `/enterprise/applications/${app.id}`,
      { intent: "withdraw", version: String(app.version) },
      cookies.enterprise,
      { id: app.id },
    );
    expect(await db.applicationEvent.count({ where: { applicationId: app.id, toState: "WITHDRAWN" } })).toBe(
      1,
    );
  });

  it("apply to a product", async () => {
    const product = await newProduct();
    await fire(
      applyAction,
      `/products/${product.id}`,
      { amount: "50", termMonths: "12", purpose: "采购原材料", consent: "on" },
      cookies.enterprise,
      { id: product.id },
    );
    expect(await db.application.count({ where: { productId: product.id, enterpriseId: firmId } })).toBe(1);
  });
});

describe("recommendations and whitelist batches under duplicates", () => {
  it("the firm asks to be recommended", async () => {
    const firm = await cleanFirm();
    const user = await createUser(db, { role: "ENTERPRISE", enterpriseId: firm.id });
    await fire(
      whitelistRequestAction,
      "/enterprise/whitelist",
      { note: "" },
      await sessionCookieFor(user.id),
    );
    expect(await db.recommendation.count({ where: { enterpriseId: firm.id } })).toBe(1);
  });

  it("the office recommends a firm", async () => {
    const firm = await cleanFirm();
    await fire(
      recommendAction,
      "/gov/recommendations/new",
      { enterpriseId: firm.id, reason: "纳税信用A级", amount: "300" },
      cookies.office,
    );
    expect(await db.recommendation.count({ where: { enterpriseId: firm.id } })).toBe(1);
  });

  for (const [intent, status, form] of [
    ["accept", "REQUESTED", { reason: "订单增长", amount: "200" }],
    ["decline", "REQUESTED", { note: "经营未满一年" }],
    ["withdraw", "PENDING", {}],
  ] as const) {
    it(`the office answers a request: ${intent}`, async () => {
      const rec = await createRecommendation(db, { enterpriseId: (await cleanFirm()).id, status });
      await fire(
        recommendationAction,
        `/gov/recommendations/${rec.id}`,
        { intent, ...form },
        cookies.office,
        { id: rec.id },
      );
      const row = await db.recommendation.findUniqueOrThrow({ where: { id: rec.id } });
      expect(row.status).not.toBe(status);
    });
  }

  it("the bureau approves the same recommendations into one batch", async () => {
    const recs = [
      await createRecommendation(db, { enterpriseId: (await cleanFirm()).id }),
      await createRecommendation(db, { enterpriseId: (await cleanFirm()).id }),
    ];
    const today = shanghaiDate(new Date());
    await fire(
      reviewAction,
      "/gov/review",
      {
        intent: "approve",
        ids: recs.map((r) => r.id),
        batchName: "并发批次",
        validFrom: today,
        validUntil: addDays(today, 364),
      },
      cookies.bureau,
    );
    expect(await db.whitelistBatch.count({ where: { name: "并发批次" } })).toBe(1);
    expect(
      await db.whitelistEntry.count({ where: { recommendationId: { in: recs.map((r) => r.id) } } }),
    ).toBe(2);
  });

  it("the bureau rejects the same recommendations", async () => {
    const rec = await createRecommendation(db, { enterpriseId: (await cleanFirm()).id });
    await fire(
      reviewAction,
      "/gov/review",
      { intent: "reject", ids: [rec.id], reason: "材料不足" },
      cookies.bureau,
    );
    expect(await db.recommendation.findUniqueOrThrow({ where: { id: rec.id } })).toMatchObject({
      status: "REJECTED",
    });
  });

  it("the bureau revokes a whitelist entry", async () => {
    const { entries } = await createWhitelistBatch(db, { entries: [(await cleanFirm()).id] });
    const entry = entries[0];
    await fire(
      entryAction,
      `/gov/whitelist/${entry.id}`,
      { intent: "revoke", reason: "经营异常" },
      cookies.bureau,
      {
        id: entry.id,
      },
    );
    expect(await db.whitelistEvent.count({ where: { entryId: entry.id, kind: "REVOKED" } })).toBe(1);
  });
});

describe("objections, authorisations and offers under duplicates", () => {
  it("the firm files an objection", async () => {
    const profiles = await db.creditProfile.findMany({ where: { enterpriseId: firmId } });
    const [record] = objectableRecords(
      profiles.map((p) => ({ source: p.source, data: JSON.parse(p.data) as unknown })),
    );
    await fire(
      creditAction,
      "/enterprise/credit",
      {
        intent: "object",
        record: `${record.source}::${record.recordKey}`,
        reason: "该记录已整改完毕，申请修复。",
      },
      cookies.enterprise,
    );
    expect(await db.objection.count({ where: { enterpriseId: firmId, recordKey: record.recordKey } })).toBe(
      1,
    );
  });

  it("the bureau answers an objection", async () => {
    const objection = await createObjection(db, { enterpriseId: (await cleanFirm()).id });
    await fire(
      objectionAction,
      `/gov/objections/${objection.id}`,
      { intent: "accept", resolution: "CORRECTED", responseText: "已更正" },
      cookies.bureau,
      { id: objection.id },
    );
    expect(await db.objection.findUniqueOrThrow({ where: { id: objection.id } })).toMatchObject({
      status: "ACCEPTED",
    });
  });

  it("the firm revokes an authorisation", async () => {
    const auth = await createAuthorization(db, { enterpriseId: firmId, bankId, scope: "FULL" });
    await fire(
      authorizationsAction,
      "/enterprise/authorizations",
      { intent: "revoke", id: auth.id },
      cookies.enterprise,
    );
    expect((await db.authorization.findUniqueOrThrow({ where: { id: auth.id } })).revokedAt).not.toBeNull();
  });

  it("the bank makes an offer on a demand", async () => {
    const demand = await createDemand(db, { enterpriseId: firmId });
    const product = await newProduct();
    await fire(
      bankDemandAction,
      `/bank/demands/${demand.id}`,
      { productId: product.id, amount: "50", term: "12", rate: "4.50", note: "" },
      cookies.bank,
      { id: demand.id },
    );
    expect(await db.offer.count({ where: { demandId: demand.id } })).toBe(1);
  });

  it("the bank withdraws an offer", async () => {
    const demand = await createDemand(db, { enterpriseId: firmId });
    const offer = await createOffer(db, { demandId: demand.id, productId: (await newProduct()).id });
    await fire(bankOffersAction, "/bank/offers", { intent: "withdraw", offerId: offer.id }, cookies.bank);
    expect((await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe("WITHDRAWN");
  });

  it("the firm accepts an offer: one application", async () => {
    const demand = await createDemand(db, { enterpriseId: firmId });
    const offer = await createOffer(db, { demandId: demand.id, productId: (await newProduct()).id });
    await fire(
      enterpriseDemandAction,
      `/enterprise/demands/${demand.id}`,
      { intent: "acceptOffer", offerId: offer.id },
      cookies.enterprise,
      { id: demand.id },
    );
    expect(await db.application.count({ where: { offerId: offer.id } })).toBe(1);
  });

  it("the firm declines an offer", async () => {
    const demand = await createDemand(db, { enterpriseId: firmId });
    const offer = await createOffer(db, { demandId: demand.id, productId: (await newProduct()).id });
    await fire(
      enterpriseDemandAction,
      `/enterprise/demands/${demand.id}`,
      { intent: "declineOffer", offerId: offer.id },
      cookies.enterprise,
      { id: demand.id },
    );
    expect((await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe("DECLINED");
  });

  it("the firm closes a demand", async () => {
    const demand = await createDemand(db, { enterpriseId: firmId });
    await fire(
      enterpriseDemandAction,
      `/enterprise/demands/${demand.id}`,
      { intent: "close" },
      cookies.enterprise,
      { id: demand.id },
    );
    expect((await db.demand.findUniqueOrThrow({ where: { id: demand.id } })).status).toBe("CLOSED");
  });
});

/**
 * A create form sent twice (double click, a retry after a timeout) carries the same formKey,
 * rendered into the form by its loader: one row is created, and every copy is answered with
 * the same redirect, to that row.
 */
describe("double submit of create forms", () => {
  async function submitTwice(
    action: Action,
    path: string,
    form: Record<string, string | string[]>,
    cookie: string,
  ) {
    const formKey = randomUUID();
    const results = await Promise.all(
      Array.from({ length: N }, () =>
        call(action, postRequest(path, { ...form, formKey }, { cookie })).catch((error: unknown) => error),
      ),
    );
    totals.fired += N;
    const statuses = results.map((r) => (r instanceof Error ? 500 : statusOf(r)));
    expect(statuses).toEqual(Array(N).fill(302));
    const locations = new Set(results.map((r) => (r as Response).headers.get("Location")));
    expect(locations.size).toBe(1);
    return formKey;
  }

  async function expectOne(count: Promise<number>) {
    const n = await count;
    totals.doubleApplies += Math.max(0, n - 1);
    expect(n).toBe(1);
  }

  it("new product", async () => {
    await submitTwice(
      newProductAction,
      "/bank/products/new",
      {
        name: "双击贷",
        type: "CREDIT",
        guaranteeType: "CREDIT",
        minAmount: "10",
        maxAmount: "300",
        minTerm: "6",
        maxTerm: "36",
        minRate: "3.50",
        maxRate: "6.00",
        eligibleSizes: ["SMALL", "MICRO"],
      },
      cookies.bank,
    );
    await expectOne(db.product.count({ where: { bankId, name: "双击贷" } }));
  });

  it("new demand", async () => {
    await submitTwice(
      newDemandAction,
      "/enterprise/demands/new",
      {
        amount: "77",
        termMonths: "12",
        purpose: "双击需求",
        guaranteeTypes: "CREDIT",
        validUntil: addDays(shanghaiDate(new Date()), 30),
      },
      cookies.enterprise,
    );
    await expectOne(db.demand.count({ where: { enterpriseId: firmId, purpose: "双击需求" } }));
  });

  it("new visit", async () => {
    const firm = await cleanFirm();
    await submitTwice(
      visitAction,
      "/gov/visits",
      { enterpriseId: firm.id, visitedOn: shanghaiDate(new Date()), findings: "生产正常" },
      cookies.office,
    );
    await expectOne(db.visit.count({ where: { enterpriseId: firm.id } }));
  });

  it("authorisation grant", async () => {
    const otherBank = await createBank(db);
    await submitTwice(
      authorizationsAction,
      "/enterprise/authorizations",
      {
        intent: "grant",
        bankId: otherBank.id,
        scope: "BASIC",
        expiresOn: addDays(shanghaiDate(new Date()), 60),
      },
      cookies.enterprise,
    );
    await expectOne(db.authorization.count({ where: { enterpriseId: firmId, bankId: otherBank.id } }));
  });

  it("a form key used by another user creates nothing for them", async () => {
    const formKey = await submitTwice(
      newDemandAction,
      "/enterprise/demands/new",
      {
        amount: "66",
        termMonths: "12",
        purpose: "别人的键",
        guaranteeTypes: "CREDIT",
        validUntil: addDays(shanghaiDate(new Date()), 30),
      },
      cookies.enterprise,
    );
    const other = await cleanFirm();
    const otherUser = await createUser(db, { role: "ENTERPRISE", enterpriseId: other.id });
    const response = await call(
      newDemandAction,
      postRequest(
        "/enterprise/demands/new",
        {
          amount: "55",
          termMonths: "12",
          purpose: "偷用",
          guaranteeTypes: "CREDIT",
          validUntil: addDays(shanghaiDate(new Date()), 30),
          formKey,
        },
        { cookie: await sessionCookieFor(otherUser.id) },
      ),
    );
    expect(statusOf(response)).toBe(409);
    expect(await db.demand.count({ where: { enterpriseId: other.id } })).toBe(0);
  });
});
