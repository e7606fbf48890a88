import { beforeAll, describe, expect, it } from "vitest";

import { action as offersAction, loader as offersLoader } from "~/routes/bank.offers/route";
import { action as demandAction, loader as demandLoader } from "~/routes/bank.demands.$id/route";
import { loader as homeLoader } from "~/routes/bank._index/route";

import {
  createApplication,
  createAuthorization,
  createBank,
  createDemand,
  createOffer,
  createProduct,
  createRegisteredEnterprise,
  createSubDistrict,
  createUser,
  shanghaiTime,
} from "../../prisma/factories";

import { call, db, getRequest, jsonOf, postRequest, sessionCookieFor, statusOf } from "./helpers";

const DAY = 86_400_000;
let bankA: string;
let bankB: string;
let cookieA: string;
let cookieB: string;
let productA: string;
let productB: string;
let draftA: string;
let firmUser: string;
let demands: Record<"open" | "expired" | "closed" | "unauthorised", string>;

beforeAll(async () => {
  bankA = (await createBank(db, { name: "甲银行" })).id;
  bankB = (await createBank(db)).id;
  cookieA = await sessionCookieFor((await createUser(db, { role: "BANK", bankId: bankA })).id);
  cookieB = await sessionCookieFor((await createUser(db, { role: "BANK", bankId: bankB })).id);
  // 10万–300万, 6–36 months, 3.50%–6.00%
  productA = (await createProduct(db, { bankId: bankA, name: "甲行信用贷" })).id;
  productB = (await createProduct(db, { bankId: bankB })).id;
  draftA = (await createProduct(db, { bankId: bankA, status: "DRAFT" })).id;
  const subDistrict = await createSubDistrict(db);
  const { enterprise, user } = await createRegisteredEnterprise(db, { subDistrictId: subDistrict.id });
  firmUser = user.id;
  const { enterprise: stranger } = await createRegisteredEnterprise(db, { subDistrictId: subDistrict.id });
  await createAuthorization(db, { enterpriseId: enterprise.id, bankId: bankA, scope: "BASIC" });
  demands = {
    open: (await createDemand(db, { enterpriseId: enterprise.id, amountYuan: 1_000_000, termMonths: 12 })).id,
    expired: (
      await createDemand(db, {
        enterpriseId: enterprise.id,
        createdAt: new Date(Date.now() - 90 * DAY),
        validUntil: new Date(Date.now() - 2 * DAY),
      })
    ).id,
    closed: (await createDemand(db, { enterpriseId: enterprise.id, status: "CLOSED" })).id,
    unauthorised: (await createDemand(db, { enterpriseId: stranger.id })).id,
  };
});

function offer(demandId: string, form: Record<string, string>, cookie = cookieA) {
  return call(demandAction, postRequest(`/bank/demands/${demandId}`, form, { cookie }), { id: demandId });
}

describe("open demands", () => {
  it("lists only open, valid demands of firms that authorised this bank", async () => {
    const data = await jsonOf<{ demands: { demands: { id: string }[] } }>(
      await call(offersLoader, getRequest("/bank/offers", { cookie: cookieA })),
    );
    expect(data.demands.demands.map((d) => d.id)).toEqual([demands.open]);
    const forB = await jsonOf<{ demands: { demands: { id: string }[] } }>(
      await call(offersLoader, getRequest("/bank/offers", { cookie: cookieB })),
    );
    expect(forB.demands.demands).toEqual([]);
    for (const id of [demands.expired, demands.closed, demands.unauthorised]) {
      expect(
        statusOf(await call(demandLoader, getRequest(`/bank/demands/${id}`, { cookie: cookieA }), { id })),
      ).toBe(404);
    }
    expect(
      statusOf(
        await call(demandLoader, getRequest(`/bank/demands/${demands.open}`, { cookie: cookieB }), {
          id: demands.open,
        }),
      ),
    ).toBe(404);
  });
});

describe("making an offer", () => {
  it("validates against the product's ranges and writes nothing on bad input", async () => {
    const cases: [Record<string, string>, string][] = [
      [{ productId: productA, amount: "500", term: "12", rate: "4" }, "amount"],
      [{ productId: productA, amount: "100", term: "48", rate: "4" }, "term"],
      [{ productId: productA, amount: "100", term: "12", rate: "8" }, "rate"],
      [{ productId: productA, amount: "abc", term: "12", rate: "4" }, "amount"],
      [{ productId: productB, amount: "100", term: "12", rate: "4" }, "productId"], // another bank's product
      [{ productId: draftA, amount: "100", term: "12", rate: "4" }, "productId"], // not published
      [{ productId: "", amount: "100", term: "12", rate: "4" }, "productId"],
      [{ productId: productA, amount: "100", term: "12", rate: "4", note: "x".repeat(501) }, "note"],
    ];
    for (const [form, field] of cases) {
      const response = await offer(demands.open, form);
      expect(statusOf(response)).toBe(400);
      expect(Object.keys((await jsonOf<{ errors: object }>(response)).errors)).toContain(field);
    }
    expect(await db.offer.count({ where: { demandId: demands.open } })).toBe(0);
  });

  it("is refused on demands the bank may not answer", async () => {
    for (const id of [demands.expired, demands.closed, demands.unauthorised]) {
      expect(statusOf(await offer(id, { productId: productA, amount: "100", term: "12", rate: "4" }))).toBe(
        403,
      );
    }
    expect(
      statusOf(
        await offer(demands.open, { productId: productB, amount: "100", term: "12", rate: "4" }, cookieB),
      ),
    ).toBe(403);
    expect(await db.offer.count({ where: { demandId: { in: Object.values(demands) } } })).toBe(0);
  });

  it("creates the offer, notifies the firm and refuses a duplicate while it is pending", async () => {
    const response = (await offer(demands.open, {
      productId: productA,
      amount: "80",
      term: "12",
      rate: "4.2",
      note: "可当周放款",
    })) as Response;
    expect(response.status).toBe(302);
    const rows = await db.offer.findMany({ where: { demandId: demands.open } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      bankId: bankA,
      productId: productA,
      amountYuan: 800_000,
      termMonths: 12,
      rateBp: 420,
      status: "PENDING",
      note: "可当周放款",
    });
    const note = await db.notification.findFirstOrThrow({
      where: { userId: firmUser, kind: "offer.CREATED" },
    });
    expect(JSON.parse(note.params)).toMatchObject({ bank: "甲银行", product: "甲行信用贷" });
    expect(
      statusOf(await offer(demands.open, { productId: productA, amount: "90", term: "12", rate: "4.2" })),
    ).toBe(409);
    expect(await db.offer.count({ where: { demandId: demands.open } })).toBe(1);
  });

  it("lists the bank's own offers with their outcome and lets it withdraw a pending one", async () => {
    const mine = await jsonOf<{ mine: { offers: { id: string; status: string }[] } }>(
      await call(offersLoader, getRequest("/bank/offers?tab=mine", { cookie: cookieA })),
    );
    expect(mine.mine.offers).toHaveLength(1);
    const forB = await jsonOf<{ mine: { offers: unknown[] } }>(
      await call(offersLoader, getRequest("/bank/offers?tab=mine", { cookie: cookieB })),
    );
    expect(forB.mine.offers).toEqual([]);
    const id = mine.mine.offers[0].id;
    expect(
      statusOf(
        await call(
          offersAction,
          postRequest("/bank/offers", { intent: "withdraw", offerId: id }, { cookie: cookieB }),
        ),
      ),
    ).toBe(403);
    expect(
      statusOf(
        await call(
          offersAction,
          postRequest("/bank/offers", { intent: "withdraw", offerId: id }, { cookie: cookieA }),
        ),
      ),
    ).toBe(302);
    expect((await db.offer.findUniqueOrThrow({ where: { id } })).status).toBe("WITHDRAWN");
    expect(
      statusOf(
        await call(
          offersAction,
          postRequest("/bank/offers", { intent: "withdraw", offerId: id }, { cookie: cookieA }),
        ),
      ),
    ).toBe(403);
  });

  it("shows an accepted offer with its application", async () => {
    const accepted = await createOffer(db, {
      demandId: demands.open,
      productId: productA,
      status: "ACCEPTED",
    });
    const demand = await db.demand.findUniqueOrThrow({ where: { id: demands.open } });
    const application = await createApplication(db, {
      enterpriseId: demand.enterpriseId,
      productId: productA,
      offerId: accepted.id,
      demandId: demand.id,
      state: "ACCEPTED",
    });
    const mine = await jsonOf<{
      mine: { offers: { id: string; status: string; application: { number: string } | null }[] };
    }>(await call(offersLoader, getRequest("/bank/offers?tab=mine&status=ACCEPTED", { cookie: cookieA })));
    expect(mine.mine.offers).toEqual([
      expect.objectContaining({
        id: accepted.id,
        status: "ACCEPTED",
        application: expect.objectContaining({ number: application.number }),
      }),
    ]);
  });
});

describe("own figures", () => {
  it("computes response time, approval rate, disbursed amount and weighted rate for this bank only", async () => {
    const subDistrict = await createSubDistrict(db);
    const { enterprise } = await createRegisteredEnterprise(db, { subDistrictId: subDistrict.id });
    const bank = (await createBank(db)).id;
    const cookie = await sessionCookieFor((await createUser(db, { role: "BANK", bankId: bank })).id);
    const product = (await createProduct(db, { bankId: bank, minRateBp: 300, maxRateBp: 800 })).id;
    const other = (await createProduct(db, { bankId: bankB })).id;
    const t = shanghaiTime;
    // Mon 2026-03-02 → accepted Wed 03-04: 2 working days; approved, disbursed 1,000,000 at 4.00%.
    await createApplication(db, {
      enterpriseId: enterprise.id,
      productId: product,
      state: "DISBURSED",
      amountYuan: 1_000_000,
      submittedAt: t("2026-03-02", 9),
      at: { accepted: t("2026-03-04", 10), approved: t("2026-03-06", 10), disbursed: t("2026-03-09", 10) },
      approved: { amountYuan: 1_000_000, rateBp: 400, termMonths: 12 },
    });
    // Mon 2026-03-02 → accepted Thu 03-05: 3 working days; disbursed 3,000,000 at 5.00%.
    await createApplication(db, {
      enterpriseId: enterprise.id,
      productId: product,
      state: "DISBURSED",
      amountYuan: 3_000_000,
      submittedAt: t("2026-03-02", 9),
      at: { accepted: t("2026-03-05", 10), approved: t("2026-03-06", 11), disbursed: t("2026-03-10", 10) },
      approved: { amountYuan: 3_000_000, rateBp: 500, termMonths: 12 },
    });
    // Rejected from SUBMITTED on Tue 03-03 after 1 working day.
    await createApplication(db, {
      enterpriseId: enterprise.id,
      productId: product,
      state: "REJECTED",
      rejectedFrom: "SUBMITTED",
      submittedAt: t("2026-03-02", 9),
      at: { rejected: t("2026-03-03", 16) },
      reason: "HIGH_LEVERAGE",
    });
    // Another bank's loan never counts.
    await createApplication(db, {
      enterpriseId: enterprise.id,
      productId: other,
      state: "DISBURSED",
      submittedAt: t("2026-03-02", 9),
    });

    const data = await jsonOf<{
      figures: Record<string, number | null>;
      period: { fromDay: string; toDay: string };
    }>(await call(homeLoader, getRequest("/bank?period=custom&from=2026-03-01&to=2026-03-31", { cookie })));
    expect(data.period).toMatchObject({ fromDay: "2026-03-01", toDay: "2026-03-31" });
    expect(data.figures).toMatchObject({
      responses: 3,
      responseDays: 2, // (2 + 3 + 1) / 3
      approved: 2,
      rejected: 1,
      approvalRatePermille: 667,
      disbursedCount: 2,
      disbursedYuan: 4_000_000,
      weightedRateBp: 475, // (1,000,000 × 400 + 3,000,000 × 500) / 4,000,000
    });
    const empty = await jsonOf<{ figures: Record<string, number | null> }>(
      await call(homeLoader, getRequest("/bank?period=custom&from=2025-01-01&to=2025-01-31", { cookie })),
    );
    expect(empty.figures).toMatchObject({
      responses: 0,
      responseDays: null,
      approvalRatePermille: null,
      disbursedYuan: 0,
      weightedRateBp: null,
    });
    const bad = await jsonOf<{ period: { error: string | null; period: string } }>(
      await call(homeLoader, getRequest("/bank?period=custom&from=2026-12-01&to=2026-01-01", { cookie })),
    );
    expect(bad.period).toMatchObject({ error: "bank.figures.badPeriod", period: "year" });
  });
});
