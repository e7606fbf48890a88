import { randomUUID } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { shanghaiDate } from "~/domain/shanghai-time";
import { translate } from "~/i18n/translate";
import { loader as banksLoader } from "~/routes/gov.banks";
import { loader as homeLoader } from "~/routes/gov._index/route";
import { loader as firmChoicesLoader } from "~/routes/gov.firm-choices";
import { loader as followUpsLoader } from "~/routes/gov.follow-ups";
import { action as visitAction, loader as visitsLoader } from "~/routes/gov.visits/route";

import {
  buildEnterprise,
  createApplication,
  createBank,
  createDemand,
  createEnterprise,
  createProduct,
  createSubDistrict,
  createUser,
} from "../../prisma/factories";

import { call, db, getRequest, jsonOf, postRequest, sessionCookieFor, statusOf } from "./helpers";
import { alertsOf, renderedPage } from "./support/rendered-page";

let ruyi: { id: string };
let baisha: { id: string };
let bankA: { id: string; name: string; nameEn: string | null };
let office: { id: string };
let cookies: Record<"office" | "otherOffice" | "bureau" | "bank", string>;

beforeAll(async () => {
  ruyi = await createSubDistrict(db);
  baisha = await createSubDistrict(db);
  bankA = await createBank(db, { name: "甲银行" });
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

  it("finds any of a city sub-district's firms by name or USCC, the office's own only, and starts with a link's firm", async () => {
    const big = await createSubDistrict(db);
    const bigOffice = await sessionCookieFor(
      (await createUser(db, { role: "GOV_OFFICE", subDistrictId: big.id })).id,
    );
    await db.enterprise.createMany({
      data: Array.from(
        { length: 1000 },
        (_, i) =>
          buildEnterprise({ subDistrictId: big.id, name: `郑州甲${String(i).padStart(4, "0")}有限公司` })
            .enterprise,
      ),
    });
    // "郑州龢" sorts after every "郑州甲…": the 1,001st by name
    const late = await createEnterprise(db, { subDistrictId: big.id, name: "郑州龢丰贸易有限公司" });
    const foreign = await createEnterprise(db, { subDistrictId: baisha.id, name: "郑州龢丰物流有限公司" });
    type Choices = { firms: { id: string; name: string }[] };
    const choices = (q: string, cookie = bigOffice) =>
      call(firmChoicesLoader, getRequest(`/gov/firm-choices?q=${encodeURIComponent(q)}`, { cookie }));
    const ids = async (q: string) => (await jsonOf<Choices>(await choices(q))).firms.map((firm) => firm.id);

    expect(await ids("龢丰")).toEqual([late.id]);
    expect(await ids(late.uscc.slice(0, 12).toLowerCase())).toContain(late.id);
    const first = (await jsonOf<Choices>(await choices(""))).firms;
    expect(first.map((firm) => firm.name)).toEqual(
      Array.from({ length: 20 }, (_, i) => `郑州甲${String(i).padStart(4, "0")}有限公司`),
    );
    // another sub-district's firm is never offered, by name or by code
    expect(await ids(foreign.name)).toEqual([]);
    expect(await ids(foreign.uscc)).toEqual([]);
    // the choices are the office's: to the bureau and banks the address does not exist
    expect(statusOf(await choices("龢丰", cookies.bureau))).toBe(404);
    expect(statusOf(await choices("龢丰", cookies.bank))).toBe(404);

    type Page = { chosenFirm: { id: string; name: string } | null; hasFirms: boolean };
    const page = (query: string) =>
      jsonOf<Page>(call(visitsLoader, getRequest(`/gov/visits${query}`, { cookie: bigOffice })));
    expect((await page(`?firm=${late.id}`)).chosenFirm).toEqual(
      expect.objectContaining({ id: late.id, name: late.name }),
    );
    expect(await page(`?firm=${foreign.id}`)).toEqual(
      expect.objectContaining({ chosenFirm: null, hasFirms: true }),
    );
  });

  it("takes the firm from the text typed when no firm was chosen from the list (no JavaScript)", async () => {
    const byCode = await createEnterprise(db, { subDistrictId: ruyi.id, name: "郑州键入科技有限公司" });
    const byName = await createEnterprise(db, { subDistrictId: ruyi.id, name: "郑州全名商贸有限公司" });
    const foreign = await createEnterprise(db, { subDistrictId: baisha.id });
    const visit = { visitedOn: "2026-03-12", findings: "无脚本提交", enterpriseId: "" };
    const visitsOf = (enterpriseId: string) => db.visit.count({ where: { enterpriseId } });

    expect(statusOf(await logVisit({ ...visit, firmQuery: byCode.uscc.toLowerCase() }))).toBe(302);
    expect(await visitsOf(byCode.id)).toBe(1);
    expect(statusOf(await logVisit({ ...visit, firmQuery: ` ${byName.name} ` }))).toBe(302);
    expect(await visitsOf(byName.id)).toBe(1);
    // a choice from the list, then another firm typed over it: the text decides
    expect(statusOf(await logVisit({ ...visit, enterpriseId: byName.id, firmQuery: byCode.uscc }))).toBe(302);
    expect(await visitsOf(byCode.id)).toBe(2);
    expect(await visitsOf(byName.id)).toBe(1);

    // part of a name, or another sub-district's firm: the field asks to choose, nothing is written
    const before = await db.visit.count();
    for (const firmQuery of ["郑州", foreign.uscc, foreign.name]) {
      const page = await renderedPage(
        postRequest("/gov/visits", { ...visit, firmQuery }, { cookie: cookies.office }),
      );
      expect(page.status).toBe(400);
      expect(page.html).toContain(translate("zh-CN", "gov.visits.errors.firm"));
    }
    expect(await db.visit.count()).toBe(before);
  });

  it("tells an office that a visit form whose key another office used was already submitted", async () => {
    const formKey = randomUUID();
    const firm = await createEnterprise(db, { subDistrictId: ruyi.id });
    const visit = { visitedOn: "2026-03-12", findings: "表单键", formKey };
    expect(statusOf(await logVisit({ ...visit, enterpriseId: firm.id }))).toBe(302);
    const foreign = await createEnterprise(db, { subDistrictId: baisha.id });
    const page = await renderedPage(
      postRequest("/gov/visits", { ...visit, enterpriseId: foreign.id }, { cookie: cookies.otherOffice }),
    );
    expect(page.status).toBe(409);
    expect(alertsOf(page.html)).toContain(translate("zh-CN", "common.errors.formReused"));
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

    type Queue = {
      firms: { id: string; reasons: { kind: string; reason?: string; bank?: { name: string } }[] }[];
    };
    const queue = await jsonOf<Queue>(
      await call(followUpsLoader, getRequest("/gov/follow-ups", { cookie: cookies.office })),
    );
    const ids = queue.firms.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining([rejected.id, waiting.id]));
    expect(ids).not.toContain(fresh.id);
    expect(ids).not.toContain(foreign.id);
    expect(queue.firms.find((f) => f.id === rejected.id)?.reasons).toEqual([
      expect.objectContaining({
        kind: "REJECTED",
        reason: "HIGH_LEVERAGE",
        bank: { name: bankA.name, nameEn: bankA.nameEn },
      }),
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

describe("回访 queue, paged", () => {
  it("shows 20 firms a page, oldest reason first, and the home page counts the whole queue", async () => {
    const district = await createSubDistrict(db);
    const cookie = await sessionCookieFor(
      (await createUser(db, { role: "GOV_OFFICE", subDistrictId: district.id })).id,
    );
    const product = await createProduct(db, { bankId: bankA.id });
    // 23 firms, rejected 30, 31, … 52 days ago: the one rejected 52 days ago waits longest.
    const firms: { id: string; daysAgo: number }[] = [];
    for (let i = 0; i < 23; i++) {
      const firm = await createEnterprise(db, { subDistrictId: district.id });
      const daysAgo = 30 + i;
      await createApplication(db, {
        enterpriseId: firm.id,
        productId: product.id,
        state: "REJECTED",
        rejectedFrom: "SUBMITTED",
        submittedAt: new Date(Date.now() - (daysAgo + 2) * 86_400_000),
        at: { rejected: new Date(Date.now() - daysAgo * 86_400_000) },
      });
      firms.push({ id: firm.id, daysAgo });
    }
    const longestWaiting = [...firms].sort((a, b) => b.daysAgo - a.daysAgo).map((f) => f.id);

    type Page = { total: number; page: number; firms: { id: string }[] };
    const first = await jsonOf<Page>(await call(followUpsLoader, getRequest("/gov/follow-ups", { cookie })));
    expect(first.total).toBe(23);
    expect(first.firms.map((f) => f.id)).toEqual(longestWaiting.slice(0, 20));
    const second = await jsonOf<Page>(
      await call(followUpsLoader, getRequest("/gov/follow-ups?page=2", { cookie })),
    );
    expect(second.firms.map((f) => f.id)).toEqual(longestWaiting.slice(20));
    const beyond = await jsonOf<Page>(
      await call(followUpsLoader, getRequest("/gov/follow-ups?page=99", { cookie })),
    );
    expect(beyond.page).toBe(2);

    const home = await jsonOf<{ queues: { followUps: number } }>(
      await call(homeLoader, getRequest("/gov", { cookie })),
    );
    expect(home.queues.followUps).toBe(23);
  });
});

describe("回访 queue, several reasons", () => {
  it("orders firms by their oldest reason still open: a rejection followed up by a visit no longer counts", async () => {
    const district = await createSubDistrict(db);
    const cookie = await sessionCookieFor(
      (await createUser(db, { role: "GOV_OFFICE", subDistrictId: district.id })).id,
    );
    const product = await createProduct(db, { bankId: bankA.id });
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
    const reject = (enterpriseId: string, n: number) =>
      createApplication(db, {
        enterpriseId,
        productId: product.id,
        state: "REJECTED",
        rejectedFrom: "SUBMITTED",
        submittedAt: daysAgo(n + 2),
        at: { rejected: daysAgo(n) },
      });
    // overdue: an application submitted 40 days ago, never answered
    const overdue = await createEnterprise(db, { subDistrictId: district.id });
    const open = await createApplication(db, {
      enterpriseId: overdue.id,
      productId: product.id,
      submittedAt: daysAgo(40),
    });
    // a demand without an offer for 30 days
    const waiting = await createEnterprise(db, { subDistrictId: district.id });
    const demand = await createDemand(db, { enterpriseId: waiting.id, createdAt: daysAgo(30) });
    // rejected 12 days ago
    const rejected = await createEnterprise(db, { subDistrictId: district.id });
    const rejection = await reject(rejected.id, 12);
    // rejected 25 days ago, visited 20 days ago, rejected again 5 days ago: only the second is open
    const revisited = await createEnterprise(db, { subDistrictId: district.id });
    await reject(revisited.id, 25);
    const visit = { enterpriseId: revisited.id, visitedOn: shanghaiDate(daysAgo(20)), findings: "已回访" };
    expect(statusOf(await logVisit(visit, cookie))).toBe(302);
    const again = await reject(revisited.id, 5);

    const expected = [
      [overdue.id, open.slaDueAt!],
      [waiting.id, demand.createdAt],
      [rejected.id, rejection.decidedAt!],
      [revisited.id, again.decidedAt!],
    ] as const;
    type Queue = { total: number; firms: { id: string; reasons: { kind: string; number?: string }[] }[] };
    const queue = await jsonOf<Queue>(await call(followUpsLoader, getRequest("/gov/follow-ups", { cookie })));
    expect(queue.total).toBe(4);
    expect(queue.firms.map((f) => f.id)).toEqual(
      [...expected].sort((a, b) => a[1].getTime() - b[1].getTime()).map(([id]) => id),
    );
    const reasonsOf = (id: string) => queue.firms.find((f) => f.id === id)?.reasons;
    expect(reasonsOf(revisited.id)).toEqual([
      expect.objectContaining({ kind: "REJECTED", number: again.number }),
    ]);
    expect(reasonsOf(overdue.id)).toEqual([
      expect.objectContaining({ kind: "OVERDUE", number: open.number }),
    ]);
    expect(reasonsOf(waiting.id)).toEqual([expect.objectContaining({ kind: "NO_OFFER" })]);
    const home = await jsonOf<{ queues: { followUps: number } }>(
      await call(homeLoader, getRequest("/gov", { cookie })),
    );
    expect(home.queues.followUps).toBe(4);
  });
});

describe("bank league table", () => {
  it("is the indicators dashboard broken down by bank: old links keep their period and sort", async () => {
    const response = await call(
      banksLoader,
      getRequest("/gov/banks?from=2026-03-01&to=2026-03-31&sort=disbursedYuan&dir=asc", {
        cookie: cookies.office,
      }),
    );
    expect(statusOf(response)).toBe(301);
    const location = new URL((response as Response).headers.get("Location") ?? "", "http://x");
    expect(location.pathname).toBe("/gov/indicators");
    expect(Object.fromEntries(location.searchParams)).toEqual({
      by: "bank",
      period: "custom",
      from: "2026-03-01",
      to: "2026-03-31",
      sort: "disbursedYuan",
      dir: "asc",
    });
    const plain = await call(banksLoader, getRequest("/gov/banks", { cookie: cookies.bureau }));
    expect((plain as Response).headers.get("Location")).toBe("/gov/indicators?by=bank");
    expect(statusOf(await call(banksLoader, getRequest("/gov/banks", { cookie: cookies.bank })))).toBe(404);
  });
});
