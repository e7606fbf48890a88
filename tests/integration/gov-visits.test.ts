import { beforeAll, describe, expect, it } from "vitest";

import { shanghaiDate } from "~/domain/shanghai-time";
import { loader as banksLoader } from "~/routes/gov.banks";
import { loader as followUpsLoader } from "~/routes/gov.follow-ups";
import { action as visitAction, loader as visitsLoader } from "~/routes/gov.visits";

import {
  createApplication,
  createBank,
  createDemand,
  createEnterprise,
  createProduct,
  createSubDistrict,
  createUser,
  shanghaiTime,
} from "../../prisma/factories";

import { call, db, getRequest, jsonOf, postRequest, sessionCookieFor, statusOf } from "./helpers";

let ruyi: { id: string };
let baisha: { id: string };
let bankA: { id: string };
let bankB: { id: string };
let office: { id: string };
let cookies: Record<"office" | "otherOffice" | "bureau" | "bank", string>;

beforeAll(async () => {
  ruyi = await createSubDistrict(db);
  baisha = await createSubDistrict(db);
  bankA = await createBank(db, { name: "甲银行" });
  bankB = await createBank(db, { name: "乙银行" });
  office = await createUser(db, { role: "GOV_OFFICE", subDistrictId: ruyi.id });
  cookies = {
    office: await sessionCookieFor(office.id),
    otherOffice: await sessionCookieFor(
      (await createUser(db, { role: "GOV_OFFICE", subDistrictId: baisha.id })).id,
    ),
    bureau: await sessionCookieFor((await createUser(db, { role: "GOV_BUREAU" })).id),
    bank: await sessionCookieFor((await createUser(db, { role: "BANK", bankId: bankA.id })).id),
  };
});

const logVisit = (form: Record<string, string>, cookie = cookies.office) =>
  call(visitAction, postRequest("/gov/visits", form, { cookie }));

describe("走访", () => {
  it("logs a visit to a firm of the sub-district and shows it in the firm's history", async () => {
    const firm = await createEnterprise(db, { subDistrictId: ruyi.id });
    const response = await logVisit({
      enterpriseId: firm.id,
      visitedOn: "2026-03-12",
      findings: "订单饱满，需补充流动资金",
      need: "120.5",
      nextStep: "对接郑州银行",
    });
    expect(statusOf(response)).toBe(302);
    const visit = await db.visit.findFirstOrThrow({ where: { enterpriseId: firm.id } });
    expect(visit).toMatchObject({
      subDistrictId: ruyi.id,
      userId: office.id,
      needYuan: 1_205_000,
      nextStep: "对接郑州银行",
    });
    expect(visit.visitedOn.toISOString()).toBe("2026-03-11T16:00:00.000Z");
    const history = await jsonOf<{ visits: { id: string }[] }>(
      await call(visitsLoader, getRequest(`/gov/visits?firm=${firm.id}`, { cookie: cookies.office })),
    );
    expect(history.visits.map((v) => v.id)).toEqual([visit.id]);
    const otherView = await jsonOf<{ visits: unknown[] }>(
      await call(visitsLoader, getRequest(`/gov/visits?firm=${firm.id}`, { cookie: cookies.otherOffice })),
    );
    expect(otherView.visits).toEqual([]);
  });

  it("refuses bad input with field errors and stores nothing", async () => {
    const firm = await createEnterprise(db, { subDistrictId: ruyi.id });
    const tomorrow = shanghaiDate(new Date(Date.now() + 2 * 86_400_000));
    const response = await logVisit({
      enterpriseId: firm.id,
      visitedOn: tomorrow,
      findings: "",
      need: "NaN",
    });
    expect(statusOf(response)).toBe(400);
    const { errors, values } = await jsonOf<{
      errors: Record<string, { key: string }>;
      values: Record<string, string>;
    }>(response);
    expect(errors.visitedOn.key).toBe("gov.errors.dateInFuture");
    expect(errors.findings.key).toBe("common.validation.required");
    expect(errors.need.key).toBe("gov.errors.badAmount");
    expect(values.need).toBe("NaN");
    expect(statusOf(await logVisit({ enterpriseId: firm.id, visitedOn: "9999-12-31", findings: "x" }))).toBe(
      400,
    );
    expect(await db.visit.count({ where: { enterpriseId: firm.id } })).toBe(0);
  });

  it("cannot log a visit to another sub-district's firm (403); the bureau and banks cannot log at all", async () => {
    const foreign = await createEnterprise(db, { subDistrictId: baisha.id });
    expect(
      statusOf(await logVisit({ enterpriseId: foreign.id, visitedOn: "2026-03-12", findings: "越界" })),
    ).toBe(403);
    expect(
      statusOf(
        await logVisit({ enterpriseId: foreign.id, visitedOn: "2026-03-12", findings: "局" }, cookies.bureau),
      ),
    ).toBe(403);
    expect(
      statusOf(
        await logVisit({ enterpriseId: foreign.id, visitedOn: "2026-03-12", findings: "行" }, cookies.bank),
      ),
    ).toBe(403);
    expect(statusOf(await call(visitsLoader, getRequest("/gov/visits", { cookie: cookies.bank })))).toBe(404);
    expect(await db.visit.count({ where: { enterpriseId: foreign.id } })).toBe(0);
  });
});

describe("回访 queue", () => {
  it("lists rejected firms until a visit is logged, and demands without an offer after 10 working days", async () => {
    const product = await createProduct(db, { bankId: bankA.id });
    const rejected = await createEnterprise(db, { subDistrictId: ruyi.id, name: "郑州被拒科技有限公司" });
    await createApplication(db, {
      enterpriseId: rejected.id,
      productId: product.id,
      state: "REJECTED",
      rejectedFrom: "SUBMITTED",
      reason: "HIGH_LEVERAGE",
      submittedAt: new Date(Date.now() - 5 * 86_400_000),
      at: { rejected: new Date(Date.now() - 3 * 86_400_000) },
    });
    const waiting = await createEnterprise(db, {
      subDistrictId: ruyi.id,
      name: "郑州等待商贸有限公司",
      sectionCode: "F",
      divisionCode: "51",
    });
    await createDemand(db, { enterpriseId: waiting.id, createdAt: new Date(Date.now() - 30 * 86_400_000) });
    const fresh = await createEnterprise(db, { subDistrictId: ruyi.id });
    await createDemand(db, { enterpriseId: fresh.id });
    const foreign = await createEnterprise(db, { subDistrictId: baisha.id });
    await createApplication(db, {
      enterpriseId: foreign.id,
      productId: product.id,
      state: "REJECTED",
      rejectedFrom: "SUBMITTED",
      submittedAt: new Date(Date.now() - 5 * 86_400_000),
      at: { rejected: new Date(Date.now() - 3 * 86_400_000) },
    });

    type Queue = { firms: { id: string; reasons: { kind: string; reason?: string }[] }[] };
    const queue = await jsonOf<Queue>(
      await call(followUpsLoader, getRequest("/gov/follow-ups", { cookie: cookies.office })),
    );
    const ids = queue.firms.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining([rejected.id, waiting.id]));
    expect(ids).not.toContain(fresh.id);
    expect(ids).not.toContain(foreign.id);
    expect(queue.firms.find((f) => f.id === rejected.id)?.reasons).toEqual([
      expect.objectContaining({ kind: "REJECTED", reason: "HIGH_LEVERAGE" }),
    ]);
    expect(queue.firms.find((f) => f.id === waiting.id)?.reasons).toEqual([
      expect.objectContaining({ kind: "NO_OFFER" }),
    ]);

    await logVisit({
      enterpriseId: rejected.id,
      visitedOn: shanghaiDate(new Date()),
      findings: "已回访，企业将补充材料",
    });
    const after = await jsonOf<Queue>(
      await call(followUpsLoader, getRequest("/gov/follow-ups", { cookie: cookies.office })),
    );
    expect(after.firms.map((f) => f.id)).not.toContain(rejected.id);
    const bureau = await jsonOf<Queue>(
      await call(followUpsLoader, getRequest("/gov/follow-ups", { cookie: cookies.bureau })),
    );
    expect(bureau.firms.map((f) => f.id)).toContain(foreign.id);
  });
});

describe("bank league table", () => {
  it("computes each column for the period, by hand", async () => {
    const firm = await createEnterprise(db, { subDistrictId: ruyi.id });
    const credit = await createProduct(db, { bankId: bankA.id, type: "CREDIT" });
    const mortgage = await createProduct(db, { bankId: bankA.id, type: "MORTGAGE" });
    const productB = await createProduct(db, { bankId: bankB.id });
    // Bank A: answered in 2, 5 (late) and 1 working days; 2 approved, 1 rejected; 100万 credit + 300万 mortgage disbursed.
    await createApplication(db, {
      enterpriseId: firm.id,
      productId: credit.id,
      state: "DISBURSED",
      submittedAt: shanghaiTime("2026-03-02", 10),
      at: {
        accepted: shanghaiTime("2026-03-04", 10),
        approved: shanghaiTime("2026-03-06", 10),
        disbursed: shanghaiTime("2026-03-10", 10),
      },
      amountYuan: 1_000_000,
      disbursed: { amountYuan: 1_000_000 },
    });
    await createApplication(db, {
      enterpriseId: firm.id,
      productId: credit.id,
      state: "REJECTED",
      rejectedFrom: "SUBMITTED",
      submittedAt: shanghaiTime("2026-03-09", 10),
      at: { rejected: shanghaiTime("2026-03-16", 10) },
    });
    await createApplication(db, {
      enterpriseId: firm.id,
      productId: mortgage.id,
      state: "DISBURSED",
      submittedAt: shanghaiTime("2026-03-02", 11),
      at: {
        accepted: shanghaiTime("2026-03-03", 10),
        approved: shanghaiTime("2026-03-05", 10),
        disbursed: shanghaiTime("2026-03-09", 10),
      },
      amountYuan: 3_000_000,
      disbursed: { amountYuan: 3_000_000 },
    });
    // Bank B: one application never answered.
    await createApplication(db, {
      enterpriseId: firm.id,
      productId: productB.id,
      submittedAt: shanghaiTime("2026-03-02", 9),
    });
    // Outside the period: not counted.
    await createApplication(db, {
      enterpriseId: firm.id,
      productId: credit.id,
      submittedAt: shanghaiTime("2026-04-02", 9),
    });

    type Row = {
      bankId: string;
      received: number;
      medianResponseDays: number | null;
      overdue: number;
      approvalRate: number | null;
      creditShare: number | null;
      disbursedYuan: number;
    };
    const data = await jsonOf<{ rows: Row[] }>(
      await call(
        banksLoader,
        getRequest("/gov/banks?from=2026-03-01&to=2026-03-31", { cookie: cookies.office }),
      ),
    );
    expect(data.rows.find((r) => r.bankId === bankA.id)).toEqual(
      expect.objectContaining({
        received: 3,
        medianResponseDays: 2,
        overdue: 1,
        approvalRate: 667,
        creditShare: 250,
        disbursedYuan: 4_000_000,
      }),
    );
    expect(data.rows.find((r) => r.bankId === bankB.id)).toEqual(
      expect.objectContaining({
        received: 1,
        medianResponseDays: null,
        overdue: 1,
        approvalRate: null,
        creditShare: null,
        disbursedYuan: 0,
      }),
    );
    const byDisbursed = await jsonOf<{ rows: Row[] }>(
      await call(
        banksLoader,
        getRequest("/gov/banks?from=2026-03-01&to=2026-03-31&sort=disbursedYuan&dir=desc", {
          cookie: cookies.office,
        }),
      ),
    );
    expect(byDisbursed.rows[0].bankId).toBe(bankA.id);
    expect(
      statusOf(
        await call(
          banksLoader,
          getRequest("/gov/banks?from=9999-99-99&to=x&sort=drop", { cookie: cookies.office }),
        ),
      ),
    ).toBe(200);
    // Another office sees only its own sub-district's applications: none here.
    const elsewhere = await jsonOf<{ rows: Row[] }>(
      await call(
        banksLoader,
        getRequest("/gov/banks?from=2026-03-01&to=2026-03-31", { cookie: cookies.otherOffice }),
      ),
    );
    expect(elsewhere.rows.find((r) => r.bankId === bankA.id)).toEqual(
      expect.objectContaining({ received: 0, overdue: 0, approvalRate: null, disbursedYuan: 0 }),
    );
    // The bureau sees the district: the same figures as the firm's office here.
    const district = await jsonOf<{ rows: Row[] }>(
      await call(
        banksLoader,
        getRequest("/gov/banks?from=2026-03-01&to=2026-03-31", { cookie: cookies.bureau }),
      ),
    );
    expect(district.rows.find((r) => r.bankId === bankA.id)).toEqual(
      expect.objectContaining({ received: 3, disbursedYuan: 4_000_000 }),
    );
    expect(statusOf(await call(banksLoader, getRequest("/gov/banks", { cookie: cookies.bank })))).toBe(404);
  });
});
