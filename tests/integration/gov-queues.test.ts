/**
 * The stored fields the government queues index (issue 15; app/models/gov-queues.server.ts):
 * after each kind of event — a submission, an acceptance, a rejection, a visit, a demand posted,
 * an offer — they equal a recomputation (rebuildGovQueues changes nothing), and the home page's
 * 回访 count equals the queue computed from the base tables the way it was before (every open
 * application's SLA, every rejection against the last visit, every demand's working days).
 */
import { beforeAll, describe, expect, it } from "vitest";

import { shanghaiDate, startOfShanghaiDay } from "~/domain/shanghai-time";
import type { BankActor, EnterpriseActor, OfficeActor } from "~/models/actor";
import { transitionApplication } from "~/models/application-transition.server";
import { createDemand } from "~/models/demand.server";
import { submitApplication } from "~/models/enterprise-application.server";
import { overdueApplications } from "~/models/gov-firms.server";
import { rebuildGovQueues } from "~/models/gov-queues.server";
import { NO_OFFER_WORKING_DAYS } from "~/models/gov-codes";
import { createOffer } from "~/models/offer.server";
import { getCalendar } from "~/models/settings.server";
import { getActorById } from "~/models/user.server";
import { countFollowUps, REJECTION_LOOKBACK_DAYS } from "~/models/follow-ups.server";
import { logVisit } from "~/models/visit.server";

import {
  createBank,
  createEnterprise,
  createProduct,
  createSubDistrict,
  createUser,
  shanghaiTime,
} from "../../prisma/factories";
import { db } from "./helpers";

const DAY = 86_400_000;
let office: OfficeActor;
let bank: BankActor;
let firm: EnterpriseActor;
let firmId: string;
let productId: string;

beforeAll(async () => {
  const subDistrictId = (await createSubDistrict(db)).id;
  office = (await getActorById(
    (await createUser(db, { role: "GOV_OFFICE", subDistrictId })).id,
  )) as OfficeActor;
  const bankRow = await createBank(db);
  bank = (await getActorById((await createUser(db, { role: "BANK", bankId: bankRow.id })).id)) as BankActor;
  productId = (await createProduct(db, { bankId: bankRow.id })).id;
  const enterprise = await createEnterprise(db, { subDistrictId, onDishonestyList: false, taxGrade: "A" });
  firmId = enterprise.id;
  firm = (await getActorById(
    (await createUser(db, { role: "ENTERPRISE", enterpriseId: firmId })).id,
  )) as EnterpriseActor;
});

/** The queue's firms computed from the base tables, as the queue did before the stored fields. */
async function baseQueue(now: Date): Promise<Set<string>> {
  const visible = { subDistrictId: office.subDistrictId };
  const since = new Date(now.getTime() - REJECTION_LOOKBACK_DAYS * DAY);
  const firms = new Set<string>();
  const rejected = await db.application.findMany({
    where: { enterprise: visible, state: "REJECTED", decidedAt: { gte: since } },
    select: { enterpriseId: true, decidedAt: true },
  });
  for (const r of rejected) {
    const visit = await db.visit.findFirst({
      where: { enterpriseId: r.enterpriseId },
      orderBy: { visitedOn: "desc" },
    });
    if (!visit || visit.visitedOn < startOfShanghaiDay(shanghaiDate(r.decidedAt!))) firms.add(r.enterpriseId);
  }
  for (const a of await overdueApplications(visible, now)) firms.add(a.enterpriseId);
  const calendar = await getCalendar();
  const demands = await db.demand.findMany({
    where: { enterprise: visible, status: "OPEN", validUntil: { gt: now }, offers: { none: {} } },
  });
  for (const d of demands) {
    if (calendar.addWorkingDays(d.createdAt, NO_OFFER_WORKING_DAYS) < now) firms.add(d.enterpriseId);
  }
  return firms;
}

async function stored() {
  const [applications, firms, demands] = await Promise.all([
    db.application.findMany({ select: { id: true, slaDueAt: true }, orderBy: { id: "asc" } }),
    db.enterprise.findMany({ select: { id: true, followUpRejectedAt: true }, orderBy: { id: "asc" } }),
    db.demand.findMany({ select: { id: true, noOfferDueAt: true }, orderBy: { id: "asc" } }),
  ]);
  return { applications, firms, demands };
}

/** The stored fields are what a recomputation gives, and the count is the base tables' queue. */
async function expectRight(now: Date, expectedCount: number) {
  const before = await stored();
  await rebuildGovQueues(db);
  expect(await stored()).toEqual(before);
  expect((await baseQueue(now)).size).toBe(expectedCount);
  expect(await countFollowUps(office, now)).toBe(expectedCount);
}

describe("government queues' stored fields", () => {
  it("stay right after a submission, an acceptance, a rejection, a visit, a demand and an offer", async () => {
    const t0 = shanghaiTime("2026-09-01", 10);
    const submitted = await submitApplication(
      firm,
      { productId, amountYuan: 500_000, termMonths: 12, purpose: "流动资金" },
      t0,
    );
    if (!submitted.ok) throw new Error(submitted.error);
    const app = await db.application.findUniqueOrThrow({ where: { id: submitted.id } });
    expect(app.slaDueAt).not.toBeNull();
    await expectRight(t0, 0);
    // past the first-response deadline: overdue
    await expectRight(new Date(app.slaDueAt!.getTime() + DAY), 1);

    const t1 = new Date(t0.getTime() + DAY);
    expect(
      (
        await transitionApplication({
          applicationId: app.id,
          actor: bank,
          input: { action: "accept" },
          now: t1,
        })
      ).ok,
    ).toBe(true);
    const accepted = await db.application.findUniqueOrThrow({ where: { id: app.id } });
    expect(accepted.slaDueAt!.getTime()).toBeGreaterThan(app.slaDueAt!.getTime());
    await expectRight(t1, 0);
    await expectRight(new Date(accepted.slaDueAt!.getTime() + DAY), 1);

    const t2 = new Date(t1.getTime() + 2 * DAY);
    const rejected = await transitionApplication({
      applicationId: app.id,
      actor: bank,
      input: { action: "reject", reason: "HIGH_LEVERAGE" },
      now: t2,
    });
    expect(rejected.ok).toBe(true);
    expect((await db.application.findUniqueOrThrow({ where: { id: app.id } })).slaDueAt).toBeNull();
    expect((await db.enterprise.findUniqueOrThrow({ where: { id: firmId } })).followUpRejectedAt).toEqual(t2);
    await expectRight(new Date(t2.getTime() + DAY), 1);
    // out of the 90-day look-back
    await expectRight(new Date(t2.getTime() + (REJECTION_LOOKBACK_DAYS + 1) * DAY), 0);

    await logVisit(office, {
      enterpriseId: firmId,
      visitedOn: shanghaiDate(new Date(t2.getTime() + DAY)),
      findings: "已回访",
      needYuan: null,
      nextStep: "",
    });
    expect((await db.enterprise.findUniqueOrThrow({ where: { id: firmId } })).followUpRejectedAt).toBeNull();
    await expectRight(new Date(t2.getTime() + 2 * DAY), 0);

    const t3 = new Date(t2.getTime() + 3 * DAY);
    const demand = await createDemand(
      firm,
      {
        amountYuan: 800_000,
        termMonths: 12,
        purpose: "设备",
        guaranteeTypes: ["CREDIT"],
        rateCeilingBp: null,
        validUntil: new Date(t3.getTime() + 60 * DAY),
      },
      null,
      t3,
    );
    if (!demand.ok) throw new Error(demand.error);
    const demandId = demand.row.id;
    const posted = await db.demand.findUniqueOrThrow({ where: { id: demandId } });
    expect(posted.noOfferDueAt).not.toBeNull();
    await expectRight(new Date(t3.getTime() + DAY), 0);
    await expectRight(new Date(posted.noOfferDueAt!.getTime() + DAY), 1);

    // the bank sees the firm again (a fresh application authorises it) and offers
    const again = await submitApplication(
      firm,
      { productId, amountYuan: 300_000, termMonths: 12, purpose: "周转" },
      new Date(t3.getTime() + DAY),
    );
    if (!again.ok) throw new Error(again.error);
    const offered = await createOffer({
      actor: bank,
      demandId,
      input: { productId, amountYuan: 800_000, termMonths: 12, rateBp: 350, note: "" },
      now: new Date(t3.getTime() + 2 * DAY),
    });
    expect(offered.ok).toBe(true);
    expect((await db.demand.findUniqueOrThrow({ where: { id: demandId } })).noOfferDueAt).toBeNull();
    await expectRight(new Date(t3.getTime() + 2 * DAY + 3600_000), 0);
  }, 180_000); // many writes and reads: minutes on a loaded shared machine
});
