import { beforeAll, describe, expect, it } from "vitest";

import { loader as firmLoader } from "~/routes/gov.firms.$id/route";
import { loader as firmsLoader } from "~/routes/gov.firms._index/route";
import { shanghaiDate, startOfShanghaiDay } from "~/domain/shanghai-time";
import { loader as homeLoader } from "~/routes/gov._index/route";

import {
  createApplication,
  createBank,
  createDemand,
  createEnterprise,
  createProduct,
  createSubDistrict,
  createUser,
} from "../../prisma/factories";

import { call, db, getRequest, jsonOf, sessionCookieFor, statusOf } from "./helpers";

type FirmList = {
  total: number;
  firms: { id: string; name: string; overdue: boolean; openDemands: number; whitelisted: boolean }[];
};

let own: { id: string; name: string; uscc: string };
let ruyiId: string;
let productId: string;
let ownOverdue: { id: string };
let other: { id: string };
let cookies: Record<"office" | "bureau" | "bank" | "enterprise" | "otherOffice", string>;

beforeAll(async () => {
  const ruyi = await createSubDistrict(db);
  ruyiId = ruyi.id;
  const baisha = await createSubDistrict(db);
  const bank = await createBank(db);
  const product = await createProduct(db, { bankId: bank.id });
  productId = product.id;
  own = await createEnterprise(db, { subDistrictId: ruyi.id, name: "郑州甲乙软件有限公司" });
  ownOverdue = await createEnterprise(db, {
    subDistrictId: ruyi.id,
    name: "郑州丙丁商贸有限公司",
    sectionCode: "F",
    divisionCode: "52",
  });
  other = await createEnterprise(db, { subDistrictId: baisha.id, name: "白沙戊己物流有限公司" });
  await createDemand(db, { enterpriseId: own.id });
  // Submitted 30 days ago with no answer: far past the 3-working-day first-response SLA.
  await createApplication(db, {
    enterpriseId: ownOverdue.id,
    productId: product.id,
    submittedAt: new Date(Date.now() - 30 * 86_400_000),
  });
  const ids = {
    office: (await createUser(db, { role: "GOV_OFFICE", subDistrictId: ruyi.id })).id,
    otherOffice: (await createUser(db, { role: "GOV_OFFICE", subDistrictId: baisha.id })).id,
    bureau: (await createUser(db, { role: "GOV_BUREAU" })).id,
    bank: (await createUser(db, { role: "BANK", bankId: bank.id })).id,
    enterprise: (await createUser(db, { role: "ENTERPRISE", enterpriseId: own.id })).id,
  };
  cookies = {
    office: await sessionCookieFor(ids.office),
    otherOffice: await sessionCookieFor(ids.otherOffice),
    bureau: await sessionCookieFor(ids.bureau),
    bank: await sessionCookieFor(ids.bank),
    enterprise: await sessionCookieFor(ids.enterprise),
  };
});

async function list(query: string, cookie: string) {
  return jsonOf<FirmList>(await call(firmsLoader, getRequest(`/gov/firms${query}`, { cookie })));
}

describe("firms of the sub-district", () => {
  it("an office lists only its own firms; the bureau lists every firm", async () => {
    const office = await list("", cookies.office);
    expect(office.firms.map((f) => f.id).sort()).toEqual([own.id, ownOverdue.id].sort());
    const bureau = await list("", cookies.bureau);
    expect(bureau.firms.map((f) => f.id)).toEqual(expect.arrayContaining([own.id, ownOverdue.id, other.id]));
  });

  it("searches by name and by USCC prefix, and filters open demands and overdue applications", async () => {
    expect((await list("?q=甲乙", cookies.office)).firms.map((f) => f.id)).toEqual([own.id]);
    expect(
      (await list(`?q=${own.uscc.slice(0, 14).toLowerCase()}`, cookies.office)).firms.map((f) => f.id),
    ).toEqual([own.id]);
    const demand = await list("?demand=open", cookies.office);
    expect(demand.firms.map((f) => f.id)).toEqual([own.id]);
    expect(demand.firms[0].openDemands).toBe(1);
    const overdue = await list("?overdue=yes", cookies.office);
    expect(overdue.firms.map((f) => f.id)).toEqual([ownOverdue.id]);
    expect(overdue.firms[0].overdue).toBe(true);
    // Another office's search never reaches this office's firms.
    expect((await list("?q=白沙", cookies.office)).total).toBe(0);
  });

  it("sorts by name both ways and ignores unknown sort keys and garbage pages", async () => {
    const asc = await list("?sort=name&dir=asc", cookies.office);
    const desc = await list("?sort=name&dir=desc", cookies.office);
    expect(desc.firms.map((f) => f.id)).toEqual([...asc.firms.map((f) => f.id)].reverse());
    expect(
      statusOf(
        await call(
          firmsLoader,
          getRequest("/gov/firms?sort=password&page=1e308&size=HUGE", { cookie: cookies.office }),
        ),
      ),
    ).toBe(200);
  });

  it("shows its own firm with a credit summary and never the profile's records", async () => {
    const data = await jsonOf<{ firm: Record<string, unknown> }>(
      await call(firmLoader, getRequest(`/gov/firms/${own.id}`, { cookie: cookies.office }), { id: own.id }),
    );
    expect(data.firm.name).toBe("郑州甲乙软件有限公司");
    expect(data.firm).toHaveProperty("taxGrade");
    expect(data.firm).not.toHaveProperty("creditSources");
    expect(await db.accessLog.count({ where: { enterpriseId: own.id, purpose: "GOV_SUMMARY" } })).toBe(1);
  });

  it("answers 404 for a firm of another sub-district, and the bureau sees it", async () => {
    expect(
      statusOf(
        await call(firmLoader, getRequest(`/gov/firms/${other.id}`, { cookie: cookies.office }), {
          id: other.id,
        }),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await call(firmLoader, getRequest(`/gov/firms/${own.id}`, { cookie: cookies.otherOffice }), {
          id: own.id,
        }),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await call(firmLoader, getRequest(`/gov/firms/${other.id}`, { cookie: cookies.bureau }), {
          id: other.id,
        }),
      ),
    ).toBe(200);
    expect(
      statusOf(
        await call(firmLoader, getRequest("/gov/firms/nope", { cookie: cookies.bureau }), {
          id: "../../etc",
        }),
      ),
    ).toBe(404);
  });

  it("keeps banks, firms and anonymous visitors out of /gov", async () => {
    for (const cookie of [cookies.bank, cookies.enterprise]) {
      expect(statusOf(await call(firmsLoader, getRequest("/gov/firms", { cookie })))).toBe(404);
      expect(
        statusOf(await call(firmLoader, getRequest(`/gov/firms/${own.id}`, { cookie }), { id: own.id })),
      ).toBe(404);
    }
    const anonymous = await call(firmsLoader, getRequest("/gov/firms"));
    expect(statusOf(anonymous)).toBe(302);
    expect((anonymous as Response).headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
    const bankHome = await call(homeLoader, getRequest("/gov", { cookie: cookies.bank }));
    expect((bankHome as Response).headers.get("Location")).toBe("/bank");
  });

  it("gives the office a home with its queues", async () => {
    const data = await jsonOf<{ queues: { followUps: number }; summary: { firms: number } }>(
      await call(homeLoader, getRequest("/gov", { cookie: cookies.office })),
    );
    expect(data.summary.firms).toBe(2);
    expect(data.queues.followUps).toBe(1);
  });
});

describe("the home's figures of the year", () => {
  it("counts the year's applications and disbursed yuan of the actor's scope, as the applications do", async () => {
    const lastYear = Number(shanghaiDate(new Date()).slice(0, 4)) - 1;
    const yearStart = startOfShanghaiDay(`${lastYear + 1}-01-01`);
    const firm = await createEnterprise(db, { subDistrictId: ruyiId });
    // disbursed this year (counted), submitted and disbursed last year (not), one in the other
    // sub-district this year (the bureau's only)
    await createApplication(db, {
      enterpriseId: firm.id,
      productId,
      state: "DISBURSED",
      disbursed: { amountYuan: 300_000 },
      submittedAt: new Date(Date.now() - 20 * 86_400_000),
    });
    await createApplication(db, {
      enterpriseId: firm.id,
      productId,
      state: "DISBURSED",
      disbursed: { amountYuan: 700_000 },
      submittedAt: startOfShanghaiDay(`${lastYear}-06-01`),
    });
    await createApplication(db, {
      enterpriseId: other.id,
      productId,
      state: "DISBURSED",
      disbursed: { amountYuan: 50_000 },
      submittedAt: new Date(Date.now() - 20 * 86_400_000),
    });
    type Home = { summary: { applications: number; disbursedYuan: number } };
    const office = await jsonOf<Home>(await call(homeLoader, getRequest("/gov", { cookie: cookies.office })));
    const bureau = await jsonOf<Home>(await call(homeLoader, getRequest("/gov", { cookie: cookies.bureau })));
    const base = async (where: object) => ({
      applications: await db.application.count({ where: { ...where, submittedAt: { gte: yearStart } } }),
      disbursedYuan:
        (
          await db.application.aggregate({
            where: { ...where, state: "DISBURSED", disbursedAt: { gte: yearStart } },
            _sum: { disbursedAmountYuan: true },
          })
        )._sum.disbursedAmountYuan ?? 0,
    });
    expect(office.summary).toMatchObject(await base({ enterprise: { subDistrictId: ruyiId } }));
    expect(bureau.summary).toMatchObject(await base({}));
    // ruyi: the overdue firm's application and this year's loan; the bureau also baisha's loan
    expect(office.summary).toMatchObject({ applications: 2, disbursedYuan: 300_000 });
    expect(bureau.summary).toMatchObject({ applications: 3, disbursedYuan: 350_000 });
  });
});
