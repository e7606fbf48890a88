import { beforeAll, describe, expect, it } from "vitest";

import { suspendWhitelistForDishonesty } from "~/models/whitelist-sanctions.server";
import {
  action as recommendationAction,
  loader as recommendationLoader,
} from "~/routes/gov.recommendations.$id/route";
import { action as newRecommendation } from "~/routes/gov.recommendations.new/route";
import { action as reviewAction, loader as reviewLoader } from "~/routes/gov.review/route";
import { action as entryAction } from "~/routes/gov.whitelist.$id/route";
import { loader as whitelistLoader } from "~/routes/gov.whitelist._index/route";

import {
  createAuthorization,
  createBank,
  createEnterprise,
  createRecommendation,
  createSubDistrict,
  createUser,
} from "../../prisma/factories";

import { call, db, getRequest, jsonOf, postRequest, sessionCookieFor, statusOf } from "./helpers";

let ruyiId: string;
let users: Record<
  "office" | "otherOffice" | "bureau" | "bank" | "bank2" | "enterprise",
  { id: string; bankId: string | null }
>;
let cookies: Record<keyof typeof users, string>;

beforeAll(async () => {
  const ruyi = await createSubDistrict(db);
  const baisha = await createSubDistrict(db);
  ruyiId = ruyi.id;
  const bankA = await createBank(db);
  const bankB = await createBank(db);
  const holder = await createEnterprise(db, { subDistrictId: ruyi.id });
  users = {
    office: await createUser(db, { role: "GOV_OFFICE", subDistrictId: ruyi.id }),
    otherOffice: await createUser(db, { role: "GOV_OFFICE", subDistrictId: baisha.id }),
    bureau: await createUser(db, { role: "GOV_BUREAU" }),
    bank: await createUser(db, { role: "BANK", bankId: bankA.id }),
    bank2: await createUser(db, { role: "BANK", bankId: bankB.id }),
    enterprise: await createUser(db, { role: "ENTERPRISE", enterpriseId: holder.id }),
  };
  cookies = Object.fromEntries(
    await Promise.all(Object.entries(users).map(async ([k, u]) => [k, await sessionCookieFor(u.id)])),
  ) as typeof cookies;
});

async function firmWithUser(subDistrictId = ruyiId, options: { onDishonestyList?: boolean } = {}) {
  // Clean by default: the mock platform puts a few random codes on a dishonesty list.
  const firm = await createEnterprise(db, { subDistrictId, onDishonestyList: false, ...options });
  const user = await createUser(db, { role: "ENTERPRISE", enterpriseId: firm.id });
  return { firm, user };
}

function recommend(cookie: string, form: Record<string, string>) {
  return call(newRecommendation, postRequest("/gov/recommendations/new", form, { cookie }));
}

function review(form: Record<string, string | string[]>, cookie = cookies.bureau) {
  return call(reviewAction, postRequest("/gov/review", form, { cookie }));
}

describe("申报清单: the office recommends", () => {
  it("recommends a firm of its sub-district: PENDING, openKey set, the bureau told", async () => {
    const { firm } = await firmWithUser();
    const response = await recommend(cookies.office, {
      enterpriseId: firm.id,
      reason: "纳税信用A级，订单增长",
      amount: "300",
    });
    expect(statusOf(response)).toBe(302);
    const row = await db.recommendation.findFirstOrThrow({ where: { enterpriseId: firm.id } });
    expect(row).toMatchObject({
      status: "PENDING",
      openKey: firm.id,
      suggestedAmountYuan: 3_000_000,
      createdById: users.office.id,
    });
    expect(
      await db.notification.count({ where: { userId: users.bureau.id, kind: "recommendation.PENDING" } }),
    ).toBeGreaterThan(0);
  });

  it("refuses a second open recommendation with a field error (unique openKey), never a 500", async () => {
    const { firm } = await firmWithUser();
    await recommend(cookies.office, { enterpriseId: firm.id, reason: "第一次" });
    const again = await recommend(cookies.office, { enterpriseId: firm.id, reason: "第二次" });
    expect(statusOf(again)).toBe(400);
    expect(await jsonOf(again)).toMatchObject({
      errors: { enterpriseId: { key: "gov.recommendations.errors.alreadyOpen" } },
      values: { reason: "第二次" },
    });
    expect(await db.recommendation.count({ where: { enterpriseId: firm.id } })).toBe(1);
  });

  it("refuses a firm on a dishonesty list and says why", async () => {
    const { firm } = await firmWithUser(ruyiId, { onDishonestyList: true });
    const response = await recommend(cookies.office, { enterpriseId: firm.id, reason: "试试" });
    expect(statusOf(response)).toBe(400);
    expect(await jsonOf(response)).toMatchObject({
      errors: { enterpriseId: { key: "gov.recommendations.errors.dishonest" } },
    });
    expect(await db.recommendation.count({ where: { enterpriseId: firm.id } })).toBe(0);
  });

  it("rejects bad input with field errors and stores nothing", async () => {
    const { firm } = await firmWithUser();
    const bad = await recommend(cookies.office, {
      enterpriseId: firm.id,
      reason: "x".repeat(5000),
      amount: "-1e308",
    });
    expect(statusOf(bad)).toBe(400);
    const { errors } = await jsonOf<{ errors: Record<string, { key: string }> }>(bad);
    expect(errors.reason.key).toBe("common.validation.tooLong");
    expect(errors.amount.key).toBe("gov.errors.badAmount");
    const control = await recommend(cookies.office, { enterpriseId: firm.id, reason: "a\u0000b" });
    expect(statusOf(control)).toBe(400);
    expect(statusOf(await recommend(cookies.office, { enterpriseId: "'; DROP TABLE", reason: "x" }))).toBe(
      400,
    );
    expect(await db.recommendation.count({ where: { enterpriseId: firm.id } })).toBe(0);
  });

  it("cannot recommend another sub-district's firm (403), nor can the bureau, a bank or a firm", async () => {
    const { firm } = await firmWithUser();
    expect(statusOf(await recommend(cookies.otherOffice, { enterpriseId: firm.id, reason: "越界" }))).toBe(
      403,
    );
    for (const cookie of [cookies.bureau, cookies.bank, cookies.enterprise]) {
      expect(statusOf(await recommend(cookie, { enterpriseId: firm.id, reason: "越权" }))).toBe(403);
    }
    expect(await db.recommendation.count({ where: { enterpriseId: firm.id } })).toBe(0);
  });
});

describe("requests from firms", () => {
  it("turns a firm's request into a PENDING recommendation with reason and amount", async () => {
    const { firm } = await firmWithUser();
    const request = await createRecommendation(db, {
      enterpriseId: firm.id,
      status: "REQUESTED",
      requestNote: "希望列入",
      createdById: null,
    });
    await db.recommendation.update({ where: { id: request.id }, data: { openKey: firm.id } });
    const response = await call(
      recommendationAction,
      postRequest(
        `/gov/recommendations/${request.id}`,
        { intent: "accept", reason: "经走访核实", amount: "50.5" },
        { cookie: cookies.office },
      ),
      { id: request.id },
    );
    expect(statusOf(response)).toBe(302);
    expect(await db.recommendation.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      status: "PENDING",
      reason: "经走访核实",
      suggestedAmountYuan: 505_000,
      openKey: firm.id,
    });
    // A second click finds it no longer REQUESTED.
    const stale = await call(
      recommendationAction,
      postRequest(
        `/gov/recommendations/${request.id}`,
        { intent: "accept", reason: "再次" },
        { cookie: cookies.office },
      ),
      { id: request.id },
    );
    expect(await jsonOf(stale)).toMatchObject({ errors: { _form: { key: "gov.errors.changed" } } });
  });

  it("declines a request with a note: DECLINED, openKey cleared, the firm told", async () => {
    const { firm, user } = await firmWithUser();
    const request = await createRecommendation(db, {
      enterpriseId: firm.id,
      status: "REQUESTED",
      createdById: user.id,
    });
    await db.recommendation.update({ where: { id: request.id }, data: { openKey: firm.id } });
    const missingNote = await call(
      recommendationAction,
      postRequest(
        `/gov/recommendations/${request.id}`,
        { intent: "decline", note: "  " },
        { cookie: cookies.office },
      ),
      { id: request.id },
    );
    expect(statusOf(missingNote)).toBe(400);
    const response = await call(
      recommendationAction,
      postRequest(
        `/gov/recommendations/${request.id}`,
        { intent: "decline", note: "经营期不足一年" },
        { cookie: cookies.office },
      ),
      { id: request.id },
    );
    expect(statusOf(response)).toBe(302);
    expect(await db.recommendation.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      status: "DECLINED",
      openKey: null,
      reviewNote: "经营期不足一年",
    });
    const note = await db.notification.findFirstOrThrow({ where: { userId: user.id } });
    expect(note.kind).toBe("recommendation.DECLINED");
    expect(JSON.parse(note.params)).toMatchObject({ reason: "经营期不足一年" });
  });

  it("another office can neither see nor act on the request (404 / 403)", async () => {
    const { firm } = await firmWithUser();
    const request = await createRecommendation(db, {
      enterpriseId: firm.id,
      status: "REQUESTED",
      createdById: null,
    });
    expect(
      statusOf(
        await call(
          recommendationLoader,
          getRequest(`/gov/recommendations/${request.id}`, { cookie: cookies.otherOffice }),
          { id: request.id },
        ),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await call(
          recommendationAction,
          postRequest(
            `/gov/recommendations/${request.id}`,
            { intent: "decline", note: "越界" },
            { cookie: cookies.otherOffice },
          ),
          { id: request.id },
        ),
      ),
    ).toBe(403);
    expect(
      statusOf(
        await call(
          recommendationAction,
          postRequest(
            `/gov/recommendations/${request.id}`,
            { intent: "decline", note: "局" },
            { cookie: cookies.bureau },
          ),
          { id: request.id },
        ),
      ),
    ).toBe(403);
    expect((await db.recommendation.findUniqueOrThrow({ where: { id: request.id } })).status).toBe(
      "REQUESTED",
    );
  });
});

describe("推荐清单: the bureau reviews", () => {
  it("keeps offices, banks and firms out of the review (404 to read, 403 to act)", async () => {
    for (const cookie of [cookies.office, cookies.bank, cookies.enterprise]) {
      expect(statusOf(await call(reviewLoader, getRequest("/gov/review", { cookie })))).toBe(404);
      expect(
        statusOf(await review({ intent: "reject", ids: "cxxxxxxxxxxxxxxxxxxxxxxxx", reason: "x" }, cookie)),
      ).toBe(403);
    }
  });

  it("approves a selection into a named batch: entries, events, whitelistedUntil, notifications", async () => {
    const a = await firmWithUser();
    const b = await firmWithUser();
    const ra = await createRecommendation(db, { enterpriseId: a.firm.id, suggestedAmountYuan: 1_000_000 });
    const rb = await createRecommendation(db, { enterpriseId: b.firm.id });
    await db.recommendation.updateMany({ where: { id: { in: [ra.id, rb.id] } }, data: { openKey: null } });
    await db.recommendation.update({ where: { id: ra.id }, data: { openKey: a.firm.id } });
    const response = await review({
      intent: "approve",
      ids: [ra.id, rb.id],
      batchName: "2026年第3批",
      validFrom: "2026-12-01",
      validUntil: "2027-11-30",
    });
    expect(statusOf(response)).toBe(302);
    const batch = await db.whitelistBatch.findUniqueOrThrow({
      where: { name: "2026年第3批" },
      include: { entries: { include: { events: true } } },
    });
    expect(batch.validUntil.toISOString()).toBe("2027-11-30T15:59:59.999Z");
    expect(batch.entries).toHaveLength(2);
    for (const entry of batch.entries) {
      expect(entry.status).toBe("ACTIVE");
      expect(entry.events.map((e) => e.kind)).toEqual(["APPROVED"]);
    }
    expect(await db.recommendation.findUniqueOrThrow({ where: { id: ra.id } })).toMatchObject({
      status: "APPROVED",
      batchId: batch.id,
      openKey: null,
      reviewedById: users.bureau.id,
    });
    expect(
      (await db.enterprise.findUniqueOrThrow({ where: { id: a.firm.id } })).whitelistedUntil?.toISOString(),
    ).toBe("2027-11-30T15:59:59.999Z");
    for (const bank of [users.bank, users.bank2]) {
      const note = await db.notification.findFirstOrThrow({
        where: { userId: bank.id, kind: "whitelist.BATCH" },
      });
      expect(JSON.parse(note.params)).toEqual({ batch: "2026年第3批", count: 2 });
    }
    expect(
      await db.notification.count({ where: { userId: a.user.id, kind: "recommendation.APPROVED" } }),
    ).toBe(1);
    expect(
      await db.notification.count({ where: { userId: users.office.id, kind: "recommendation.APPROVED" } }),
    ).toBeGreaterThanOrEqual(2);
    const list = await jsonOf<{ entries: { enterprise: { id: string } }[] }>(
      await call(whitelistLoader, getRequest(`/gov/whitelist?batch=${batch.id}`, { cookie: cookies.office })),
    );
    expect(list.entries.map((e) => e.enterprise.id).sort()).toEqual([a.firm.id, b.firm.id].sort());
  });

  it("is safe against a double submit: one batch, one entry per recommendation", async () => {
    const { firm } = await firmWithUser();
    const r = await createRecommendation(db, { enterpriseId: firm.id });
    const form = {
      intent: "approve",
      ids: r.id,
      batchName: "双击批次",
      validFrom: "2026-12-01",
      validUntil: "2027-06-30",
    };
    const [first, second] = await Promise.all([review(form), review(form)]);
    expect([statusOf(first), statusOf(second)].sort()).toEqual([302, 400]);
    // The same recommendation submitted again under another name finds nothing pending.
    const third = await review({ ...form, batchName: "另一个批次" });
    expect(await jsonOf(third)).toMatchObject({
      errors: { _form: { key: "gov.review.errors.nothingPending" } },
    });
    expect(await db.whitelistEntry.count({ where: { recommendationId: r.id } })).toBe(1);
    expect(await db.whitelistBatch.count({ where: { name: "另一个批次" } })).toBe(0);
  });

  it("validates the batch form: name taken, dates reversed, nothing selected", async () => {
    const { firm } = await firmWithUser();
    const r = await createRecommendation(db, { enterpriseId: firm.id });
    const taken = await review({
      intent: "approve",
      ids: r.id,
      batchName: "2026年第3批",
      validFrom: "2026-12-01",
      validUntil: "2027-11-30",
    });
    expect(await jsonOf(taken)).toMatchObject({
      errors: { batchName: { key: "gov.review.errors.nameTaken" } },
    });
    const reversed = await review({
      intent: "approve",
      ids: r.id,
      batchName: "倒序",
      validFrom: "2027-12-01",
      validUntil: "2027-01-30",
    });
    expect(await jsonOf(reversed)).toMatchObject({
      errors: { validUntil: { key: "gov.review.errors.untilBeforeFrom" } },
    });
    const none = await review({
      intent: "approve",
      batchName: "空",
      validFrom: "2026-12-01",
      validUntil: "9999-99-99",
    });
    const { errors } = await jsonOf<{ errors: Record<string, { key: string }> }>(none);
    expect(errors.ids.key).toBe("gov.errors.selectSome");
    expect(errors.validUntil.key).toBe("gov.errors.badDate");
    expect((await db.recommendation.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("PENDING");
  });

  it("rejects with a reason: firm and office told, openKey cleared", async () => {
    const { firm, user } = await firmWithUser();
    const r = await createRecommendation(db, { enterpriseId: firm.id });
    expect(statusOf(await review({ intent: "reject", ids: r.id, reason: "" }))).toBe(400);
    expect(statusOf(await review({ intent: "reject", ids: r.id, reason: "近一年有欠税记录" }))).toBe(302);
    expect(await db.recommendation.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({
      status: "REJECTED",
      openKey: null,
      reviewNote: "近一年有欠税记录",
    });
    const note = await db.notification.findFirstOrThrow({
      where: { userId: user.id, kind: "recommendation.REJECTED" },
    });
    expect(JSON.parse(note.params).reason).toBe("近一年有欠税记录");
  });
});

describe("revoke, and 联合惩戒", () => {
  async function whitelisted() {
    const { firm, user } = await firmWithUser();
    const r = await createRecommendation(db, { enterpriseId: firm.id });
    await review({
      intent: "approve",
      ids: r.id,
      batchName: `批次-${firm.id}`,
      validFrom: "2026-01-01",
      validUntil: "2035-12-31",
    });
    const entry = await db.whitelistEntry.findFirstOrThrow({ where: { enterpriseId: firm.id } });
    return { firm, user, entry };
  }

  function entryPost(id: string, form: Record<string, string>, cookie = cookies.bureau) {
    return call(entryAction, postRequest(`/gov/whitelist/${id}`, form, { cookie }), { id });
  }

  it("the bureau revokes with a reason: REVOKED, event, whitelistedUntil cleared, everyone told", async () => {
    const { firm, user, entry } = await whitelisted();
    // Only bank A may see the firm, so only bank A hears of the revocation.
    await createAuthorization(db, { enterpriseId: firm.id, bankId: users.bank.bankId, scope: "BASIC" });
    expect(statusOf(await entryPost(entry.id, { intent: "revoke", reason: "" }))).toBe(400);
    expect(statusOf(await entryPost(entry.id, { intent: "revoke", reason: "越权" }, cookies.office))).toBe(
      403,
    );
    expect(statusOf(await entryPost(entry.id, { intent: "revoke", reason: "虚报材料" }))).toBe(302);
    expect(await db.whitelistEntry.findUniqueOrThrow({ where: { id: entry.id } })).toMatchObject({
      status: "REVOKED",
      statusReason: "虚报材料",
    });
    expect(
      (await db.whitelistEvent.findMany({ where: { entryId: entry.id }, orderBy: { at: "asc" } })).map(
        (e) => e.kind,
      ),
    ).toEqual(["APPROVED", "REVOKED"]);
    expect((await db.enterprise.findUniqueOrThrow({ where: { id: firm.id } })).whitelistedUntil).toBeNull();
    expect(await db.notification.count({ where: { userId: user.id, kind: "whitelist.REVOKED" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: users.bank.id, kind: "whitelist.REVOKED" } })).toBe(
      1,
    );
    expect(
      await db.notification.count({ where: { userId: users.bank2.id, kind: "whitelist.REVOKED" } }),
    ).toBe(0);
  });

  it("a listing suspends the entry; removal from the list leaves it SUSPENDED; the bureau restores only a clean firm", async () => {
    const { firm, entry } = await whitelisted();
    // What a credit refresh does when the platform shows a dishonesty listing.
    await db.$transaction(async (tx) => {
      await tx.enterprise.update({ where: { id: firm.id }, data: { onDishonestyList: true } });
      await suspendWhitelistForDishonesty(tx, { enterpriseId: firm.id, reason: "列入失信被执行人名单" });
    });
    expect(await db.whitelistEntry.findUniqueOrThrow({ where: { id: entry.id } })).toMatchObject({
      status: "SUSPENDED",
      statusReason: "列入失信被执行人名单",
    });
    expect((await db.enterprise.findUniqueOrThrow({ where: { id: firm.id } })).whitelistedUntil).toBeNull();

    // Still listed: the bureau cannot restore.
    const refused = await entryPost(entry.id, { intent: "restore", reason: "企业申请恢复" });
    expect(await jsonOf(refused)).toMatchObject({
      errors: { _form: { key: "gov.whitelist.errors.stillListed" } },
    });

    // A later refresh shows the firm off the list: nothing restores by itself.
    await db.enterprise.update({ where: { id: firm.id }, data: { onDishonestyList: false } });
    expect((await db.whitelistEntry.findUniqueOrThrow({ where: { id: entry.id } })).status).toBe("SUSPENDED");
    const shown = await jsonOf<{ entries: { id: string; status: string; statusReason: string }[] }>(
      await call(whitelistLoader, getRequest("/gov/whitelist?status=SUSPENDED", { cookie: cookies.bureau })),
    );
    expect(shown.entries.find((e) => e.id === entry.id)).toMatchObject({
      statusReason: "列入失信被执行人名单",
    });

    // Now the bureau's restore works.
    expect(statusOf(await entryPost(entry.id, { intent: "restore", reason: "已履行义务，移出名单" }))).toBe(
      302,
    );
    expect((await db.whitelistEntry.findUniqueOrThrow({ where: { id: entry.id } })).status).toBe("ACTIVE");
    expect(
      (await db.whitelistEvent.findMany({ where: { entryId: entry.id }, orderBy: { at: "asc" } })).map(
        (e) => e.kind,
      ),
    ).toEqual(["APPROVED", "SUSPENDED", "RESTORED"]);
    expect(
      (await db.enterprise.findUniqueOrThrow({ where: { id: firm.id } })).whitelistedUntil?.toISOString(),
    ).toBe("2035-12-31T15:59:59.999Z");
    // Restoring twice finds it no longer SUSPENDED.
    expect(await jsonOf(await entryPost(entry.id, { intent: "restore", reason: "再次" }))).toMatchObject({
      errors: { _form: { key: "gov.errors.changed" } },
    });
  });
});
