import { beforeAll, describe, expect, it } from "vitest";

import type { BankActor, BureauActor, EnterpriseActor } from "~/models/actor";
import { transitionApplication } from "~/models/application-transition.server";
import { grantAuthorization, revokeAuthorization } from "~/models/authorization.server";
import { acceptOffer, closeDemand, createDemand, updateDemand } from "~/models/demand.server";
import { submitApplication } from "~/models/enterprise-application.server";
import { getActorById } from "~/models/user.server";
import { approveIntoBatch, revokeEntry } from "~/models/whitelist.server";
import { suspendWhitelistForDishonesty } from "~/models/whitelist-sanctions.server";

import {
  bureauUser,
  createAuthorization,
  createBank,
  createEnterprise,
  createOffer,
  createProduct,
  createRecommendation,
  createSubDistrict,
  createUser,
} from "../../prisma/factories";

import { db } from "./helpers";

const DAY = 86_400_000;
let subDistrictId: string;
let bankA: BankActor;
let bankB: BankActor;
let bureau: BureauActor;

async function bank() {
  const row = await createBank(db);
  return (await getActorById((await createUser(db, { role: "BANK", bankId: row.id })).id)) as BankActor;
}

async function firm() {
  const enterprise = await createEnterprise(db, { subDistrictId, onDishonestyList: false, taxGrade: "A" });
  const user = await createUser(db, { role: "ENTERPRISE", enterpriseId: enterprise.id });
  return { enterprise, actor: (await getActorById(user.id)) as EnterpriseActor };
}

/** The events of a type naming the firm, as { bank → data }. */
async function eventsFor(type: string, uscc: string) {
  const rows = await db.webhookEvent.findMany({
    where: { type, data: { contains: uscc } },
    orderBy: { seq: "asc" },
    select: { bankId: true, data: true, orderingKey: true },
  });
  return rows.map((row) => ({ ...row, data: JSON.parse(row.data) as Record<string, unknown> }));
}

beforeAll(async () => {
  subDistrictId = (await createSubDistrict(db)).id;
  bankA = await bank();
  bankB = await bank();
  bureau = (await getActorById((await bureauUser(db)).id)) as BureauActor;
});

describe("application events", () => {
  it("go to the application's bank only, one per transition, in the same transaction", async () => {
    const { enterprise, actor } = await firm();
    const product = await createProduct(db, { bankId: bankA.bankId });
    const now = new Date(Date.UTC(2026, 11, 6, 1, 0, 0));
    const submitted = await submitApplication(
      actor,
      { productId: product.id, amountYuan: 1_500_000, termMonths: 12, purpose: "采购原材料" },
      now,
    );
    if (!submitted.ok) throw new Error(submitted.error);
    const [event] = await eventsFor("application.submitted", enterprise.uscc);
    expect(event.bankId).toBe(bankA.bankId);
    expect(event.orderingKey).toBe(`application:${submitted.id}`);
    expect(event.data).toEqual({
      application: {
        number: submitted.number,
        state: "SUBMITTED",
        version: 0,
        amount: "1500000.00",
        termMonths: 12,
        purpose: "采购原材料",
        submittedAt: "2026-12-06T09:00:00.000+08:00",
        product: { id: product.id, name: product.name },
        enterprise: { uscc: enterprise.uscc, name: enterprise.name },
        approved: null,
        rejection: null,
        disbursed: null,
      },
      transition: { from: null, to: "SUBMITTED", by: "ENTERPRISE", at: "2026-12-06T09:00:00.000+08:00" },
    });

    const accepted = await transitionApplication({
      applicationId: submitted.id,
      actor: bankA,
      input: { action: "accept" },
      now,
    });
    expect(accepted.ok).toBe(true);
    // a stale second click changes nothing and records nothing
    const stale = await transitionApplication({
      applicationId: submitted.id,
      actor: bankA,
      input: { action: "accept" },
      expectedVersion: 0,
      now,
    });
    expect(stale).toEqual({ ok: false, error: "CHANGED" });
    const approved = await transitionApplication({
      applicationId: submitted.id,
      actor: bankA,
      input: { action: "approve", amountYuan: 1_200_000, rateBp: 385, termMonths: 12 },
      now,
    });
    expect(approved.ok).toBe(true);
    const withdrawn = await transitionApplication({
      applicationId: submitted.id,
      actor,
      input: { action: "cancel", reason: "FIRM_DECLINED" },
      now,
    });
    expect(withdrawn.ok).toBe(true);

    const all = await db.webhookEvent.findMany({
      where: { orderingKey: `application:${submitted.id}` },
      orderBy: { seq: "asc" },
      select: { type: true, bankId: true, data: true },
    });
    expect(all.map((e) => e.type)).toEqual([
      "application.submitted",
      "application.accepted",
      "application.approved",
      "application.cancelled",
    ]);
    expect(new Set(all.map((e) => e.bankId))).toEqual(new Set([bankA.bankId]));
    const cancelled = JSON.parse(all[3].data);
    expect(cancelled.application).toMatchObject({
      state: "CANCELLED",
      version: 3,
      approved: { amount: "1200000.00", rateBp: 385, termMonths: 12 },
      rejection: { reasonCode: "FIRM_DECLINED", reasonText: null },
    });
    expect(cancelled.transition).toMatchObject({ from: "APPROVED", to: "CANCELLED", by: "ENTERPRISE" });
  });

  it("an accepted offer tells its bank, in the new application's order; other pending offers are declined", async () => {
    const { enterprise, actor } = await firm();
    await createAuthorization(db, { enterpriseId: enterprise.id, bankId: null, scope: "BASIC" });
    const posted = await createDemand(actor, {
      amountYuan: 800_000,
      termMonths: 12,
      purpose: "扩大生产",
      guaranteeTypes: ["CREDIT"],
      rateCeilingBp: null,
      validUntil: new Date(Date.now() + 30 * DAY),
    });
    if (!posted.ok) throw new Error("demand");
    const productA = await createProduct(db, { bankId: bankA.bankId });
    const productB = await createProduct(db, { bankId: bankB.bankId });
    const offerA = await createOffer(db, {
      demandId: posted.row.id,
      productId: productA.id,
      bankId: bankA.bankId,
    });
    const offerB = await createOffer(db, {
      demandId: posted.row.id,
      productId: productB.id,
      bankId: bankB.bankId,
    });
    const result = await acceptOffer(actor, posted.row.id, offerA.id);
    if (!result.ok) throw new Error(result.error);

    const [acceptedEvent] = await eventsFor("offer.accepted", enterprise.uscc);
    expect(acceptedEvent.bankId).toBe(bankA.bankId);
    expect(acceptedEvent.orderingKey).toBe(`application:${result.applicationId}`);
    expect(acceptedEvent.data).toMatchObject({
      offer: { id: offerA.id, status: "ACCEPTED" },
      application: { number: result.number, state: "ACCEPTED" },
    });
    const declined = await eventsFor("offer.declined", enterprise.uscc);
    expect(declined.map((e) => e.bankId)).toEqual([bankB.bankId]);
    expect(declined[0].data).toMatchObject({
      offer: { id: offerB.id, status: "DECLINED" },
      application: null,
    });
  });
});

describe("authorization events", () => {
  it("go to the bank granted, or every active bank for a grant to all, and on revocation", async () => {
    const { enterprise, actor } = await firm();
    const now = new Date();
    const one = await grantAuthorization(
      actor,
      { bankId: bankB.bankId, scope: "FULL", expiresAt: new Date(now.getTime() + 90 * DAY) },
      now,
    );
    if (!one.ok) throw new Error(one.error);
    const toAll = await grantAuthorization(
      actor,
      { bankId: null, scope: "BASIC", expiresAt: new Date(now.getTime() + 90 * DAY) },
      now,
    );
    if (!toAll.ok) throw new Error(toAll.error);
    const granted = await eventsFor("authorization.granted", enterprise.uscc);
    const activeBanks = await db.bank.count({ where: { active: true } });
    expect(granted).toHaveLength(1 + activeBanks);
    expect(granted[0]).toMatchObject({
      bankId: bankB.bankId,
      orderingKey: `enterprise:${enterprise.id}`,
      data: {
        authorization: { id: one.id, scope: "FULL", allBanks: false, revokedAt: null },
        enterprise: { uscc: enterprise.uscc, name: enterprise.name, whitelistedUntil: null },
      },
    });

    expect(await revokeAuthorization(actor, one.id, now)).toEqual({ ok: true });
    // revoking twice tells nobody twice
    expect((await revokeAuthorization(actor, one.id, now)).ok).toBe(false);
    const revoked = await eventsFor("authorization.revoked", enterprise.uscc);
    expect(revoked.map((e) => e.bankId)).toEqual([bankB.bankId]);
  });
});

describe("demand events", () => {
  it("go only to the banks the firm authorised, for posting, editing and closing", async () => {
    const { enterprise, actor } = await firm();
    await createAuthorization(db, { enterpriseId: enterprise.id, bankId: bankA.bankId, scope: "BASIC" });
    const input = {
      amountYuan: 500_000,
      termMonths: 6,
      purpose: "流动资金",
      guaranteeTypes: ["CREDIT", "GUARANTEE"],
      rateCeilingBp: 450,
      validUntil: new Date(Date.UTC(2027, 0, 31, 15, 59, 59)),
    };
    const posted = await createDemand(actor, input);
    if (!posted.ok) throw new Error("demand");
    expect(await updateDemand(actor, posted.row.id, { ...input, amountYuan: 600_000 })).toBe(true);
    expect(await closeDemand(actor, posted.row.id)).toBe(true);
    const events = await db.webhookEvent.findMany({
      where: { type: { startsWith: "demand." }, data: { contains: enterprise.uscc } },
      orderBy: { seq: "asc" },
      select: { type: true, bankId: true, data: true },
    });
    expect(events.map((e) => [e.type, e.bankId])).toEqual([
      ["demand.posted", bankA.bankId],
      ["demand.updated", bankA.bankId],
      ["demand.closed", bankA.bankId],
    ]);
    expect(JSON.parse(events[0].data).demand).toEqual({
      id: posted.row.id,
      status: "OPEN",
      amount: "500000.00",
      termMonths: 6,
      purpose: "流动资金",
      guaranteeTypes: ["CREDIT", "GUARANTEE"],
      rateCeilingBp: 450,
      validUntil: "2027-01-31",
      postedAt: expect.stringMatching(/\+08:00$/),
    });
    expect(JSON.parse(events[1].data).demand.amount).toBe("600000.00");
    expect(JSON.parse(events[2].data).demand.status).toBe("CLOSED");
  });

  it("a firm that authorised no bank posts a demand no bank hears of", async () => {
    const { enterprise, actor } = await firm();
    const posted = await createDemand(actor, {
      amountYuan: 500_000,
      termMonths: 6,
      purpose: "流动资金",
      guaranteeTypes: ["CREDIT"],
      rateCeilingBp: null,
      validUntil: new Date(Date.now() + 30 * DAY),
    });
    expect(posted.ok).toBe(true);
    expect(await eventsFor("demand.posted", enterprise.uscc)).toEqual([]);
  });
});

describe("whitelist events", () => {
  it("name to each bank only the firms of the batch it may see", async () => {
    const office = await createUser(db, { role: "GOV_OFFICE", subDistrictId });
    const onlyA = await firm();
    const onlyB = await firm();
    const everyone = await firm();
    const nobody = await firm();
    await createAuthorization(db, {
      enterpriseId: onlyA.enterprise.id,
      bankId: bankA.bankId,
      scope: "BASIC",
    });
    await createAuthorization(db, {
      enterpriseId: onlyB.enterprise.id,
      bankId: bankB.bankId,
      scope: "BASIC",
    });
    await createAuthorization(db, { enterpriseId: everyone.enterprise.id, bankId: null, scope: "BASIC" });
    // a revoked grant shows nothing
    await createAuthorization(db, {
      enterpriseId: nobody.enterprise.id,
      bankId: bankA.bankId,
      scope: "FULL",
      revokedAt: new Date(Date.now() - DAY),
    });
    const ids: string[] = [];
    for (const f of [onlyA, onlyB, everyone, nobody]) {
      const recommendation = await createRecommendation(db, {
        enterpriseId: f.enterprise.id,
        subDistrictId,
        status: "PENDING",
        createdById: office.id,
        suggestedAmountYuan: 1_000_000,
      });
      ids.push(recommendation.id);
    }
    const approved = await approveIntoBatch(bureau, {
      ids,
      batchName: `2026年第${Date.now()}批`,
      validFrom: "2026-12-06",
      validUntil: "2027-12-05",
    });
    if (!approved.ok) throw new Error(approved.error);

    const events = await db.webhookEvent.findMany({
      where: { type: "whitelist.published", data: { contains: approved.batchId } },
      select: { bankId: true, data: true },
    });
    const named = new Map(
      events.map((e) => [
        e.bankId,
        (JSON.parse(e.data).enterprises as { uscc: string }[]).map((x) => x.uscc),
      ]),
    );
    const sorted = (...firms: { enterprise: { uscc: string } }[]) =>
      firms.map((f) => f.enterprise.uscc).sort();
    expect(named.get(bankA.bankId)).toEqual(sorted(onlyA, everyone));
    expect(named.get(bankB.bankId)).toEqual(sorted(onlyB, everyone));
    // every other active bank sees the all-banks firm only; no bank is told of `nobody`
    expect(events).toHaveLength(await db.bank.count({ where: { active: true } }));
    for (const [bankId, usccs] of named) {
      if (bankId !== bankA.bankId && bankId !== bankB.bankId) expect(usccs).toEqual(sorted(everyone));
      expect(usccs).not.toContain(nobody.enterprise.uscc);
    }
    expect(JSON.parse(events[0].data).batch).toMatchObject({
      validFrom: "2026-12-06",
      validUntil: "2027-12-05",
    });
  });

  it("a suspension or revocation goes to the banks that may see the firm", async () => {
    const office = await createUser(db, { role: "GOV_OFFICE", subDistrictId });
    const f = await firm();
    await createAuthorization(db, { enterpriseId: f.enterprise.id, bankId: bankB.bankId, scope: "BASIC" });
    const recommendation = await createRecommendation(db, {
      enterpriseId: f.enterprise.id,
      subDistrictId,
      status: "PENDING",
      createdById: office.id,
    });
    const approved = await approveIntoBatch(bureau, {
      ids: [recommendation.id],
      batchName: `2026年第${Date.now()}批-s`,
      validFrom: "2026-12-06",
      validUntil: "2027-12-05",
    });
    if (!approved.ok) throw new Error(approved.error);
    const entry = await db.whitelistEntry.findFirstOrThrow({ where: { enterpriseId: f.enterprise.id } });
    await db.$transaction((tx) =>
      suspendWhitelistForDishonesty(tx, { enterpriseId: f.enterprise.id, reason: "列入严重失信主体名单" }),
    );
    expect(await revokeEntry(bureau, entry.id, "失信")).toEqual({ ok: true });
    for (const type of ["whitelist.suspended", "whitelist.revoked"]) {
      const events = await eventsFor(type, f.enterprise.uscc);
      expect([type, events.map((e) => e.bankId)]).toEqual([type, [bankB.bankId]]);
    }
    const [revoked] = await eventsFor("whitelist.revoked", f.enterprise.uscc);
    expect(revoked.data).toMatchObject({ entry: { status: "REVOKED", reason: "失信" } });
  });
});
