import { beforeAll, describe, expect, it } from "vitest";

import type { BankActor } from "~/models/actor";
import { visibleEnterprisesWhere } from "~/models/enterprise.server";
import { getActorById } from "~/models/user.server";
import { banksSeeingFirms, listEvents, recordEvent } from "~/models/webhook-event.server";

import {
  createAuthorization,
  createBank,
  createRegisteredEnterprise,
  createSubDistrict,
  createUser,
} from "../../prisma/factories";

import { db } from "./helpers";

const DAY = 86_400_000;
let bankA: BankActor;
let bankB: BankActor;
let bankC: BankActor;

async function bankActor() {
  const bank = await createBank(db);
  const user = await createUser(db, { role: "BANK", bankId: bank.id });
  return (await getActorById(user.id)) as BankActor;
}

async function firm() {
  const subDistrict = await createSubDistrict(db);
  return (await createRegisteredEnterprise(db, { subDistrictId: subDistrict.id })).enterprise;
}

beforeAll(async () => {
  bankA = await bankActor();
  bankB = await bankActor();
  bankC = await bankActor();
});

describe("recordEvent", () => {
  it("writes one event per bank with numbers in order, and nothing when the transaction rolls back", async () => {
    const ids = await db.$transaction((tx) =>
      recordEvent(tx, {
        type: "claim.decided",
        bankIds: [bankA.bankId, bankB.bankId, bankA.bankId],
        data: { claim: { id: "c1" } },
      }),
    );
    expect(ids).toHaveLength(2);
    const rows = await db.webhookEvent.findMany({ where: { eventId: { in: ids } }, orderBy: { seq: "asc" } });
    expect(rows.map((row) => row.seq)).toEqual([rows[0].seq, rows[0].seq + 1]);
    expect(new Set(rows.map((row) => row.bankId))).toEqual(new Set([bankA.bankId, bankB.bankId]));
    // no order asked for: each event is its own key
    expect(rows.map((row) => row.orderingKey)).toEqual(rows.map((row) => row.eventId));

    const before = await db.webhookEvent.count();
    await expect(
      db.$transaction(async (tx) => {
        await recordEvent(tx, { type: "claim.decided", bankIds: [bankA.bankId], data: {} });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.webhookEvent.count()).toBe(before);
  });

  it("numbers events in commit order: a transaction that numbers later cannot commit earlier", async () => {
    const finished: string[] = [];
    let firstHasNumber!: () => void;
    const numbered = new Promise<void>((resolve) => (firstHasNumber = resolve));
    const slow = db.$transaction(
      async (tx) => {
        const ids = await recordEvent(tx, {
          type: "claim.decided",
          bankIds: [bankC.bankId],
          data: { n: "slow" },
        });
        firstHasNumber();
        // the rest of a long transaction, after its event
        await new Promise((resolve) => setTimeout(resolve, 300));
        return ids;
      },
      { timeout: 10_000 },
    );
    await numbered;
    const fast = db.$transaction((tx) =>
      recordEvent(tx, { type: "claim.decided", bankIds: [bankC.bankId], data: { n: "fast" } }),
    );
    const [[slowId], [fastId]] = await Promise.all([
      slow.then((ids) => (finished.push("slow"), ids)),
      fast.then((ids) => (finished.push("fast"), ids)),
    ]);
    // With a plain sequence "fast" would commit first with the higher number, and a poller
    // that read it would never see "slow".
    expect(finished).toEqual(["slow", "fast"]);
    const seqs = await db.webhookEvent.findMany({
      where: { eventId: { in: [slowId, fastId] } },
      orderBy: { seq: "asc" },
      select: { eventId: true },
    });
    expect(seqs.map((row) => row.eventId)).toEqual([slowId, fastId]);
  });

  it("queues a delivery only for a bank whose endpoint subscribes to the type", async () => {
    await db.webhookEndpoint.create({
      data: {
        bankId: bankB.bankId,
        url: "https://bank-b.example.com/hooks",
        events: "application.submitted,claim.decided",
        secretSealed: "x",
        secretHint: "whsec_xx",
      },
    });
    const [a, b, c] = [bankA, bankB, bankC].map((bank) => bank.bankId);
    const submitted = await db.$transaction((tx) =>
      recordEvent(tx, {
        type: "application.submitted",
        bankIds: [a, b, c],
        data: {},
        orderingKey: "application:x",
      }),
    );
    const withdrawn = await db.$transaction((tx) =>
      recordEvent(tx, {
        type: "application.withdrawn",
        bankIds: [b],
        data: {},
        orderingKey: "application:x",
      }),
    );
    const deliveries = await db.webhookDelivery.findMany({
      where: { event: { eventId: { in: [...submitted, ...withdrawn] } } },
      select: { bankId: true, type: true, state: true, orderingKey: true },
    });
    expect(deliveries).toEqual([
      { bankId: b, type: "application.submitted", state: "PENDING", orderingKey: "application:x" },
    ]);
  });
});

describe("banksSeeingFirms", () => {
  it("names exactly the banks for which visibleEnterprisesWhere shows the firm", async () => {
    const now = new Date();
    const [own, toAll, expired, revoked, none] = await Promise.all([firm(), firm(), firm(), firm(), firm()]);
    await createAuthorization(db, { enterpriseId: own.id, bankId: bankA.bankId, scope: "BASIC" });
    await createAuthorization(db, { enterpriseId: own.id, bankId: bankB.bankId, scope: "BASIC" });
    await createAuthorization(db, { enterpriseId: toAll.id, bankId: null, scope: "BASIC" });
    await createAuthorization(db, {
      enterpriseId: expired.id,
      bankId: bankA.bankId,
      scope: "FULL",
      grantedAt: new Date(now.getTime() - 30 * DAY),
      expiresAt: new Date(now.getTime() - DAY),
    });
    await createAuthorization(db, {
      enterpriseId: revoked.id,
      bankId: bankC.bankId,
      scope: "FULL",
      revokedAt: new Date(now.getTime() - DAY),
    });
    const firms = [own, toAll, expired, revoked, none].map((f) => f.id);
    const seeing = await banksSeeingFirms(db, firms, now);
    const banks = await db.bank.findMany({ where: { active: true }, select: { id: true } });
    for (const bank of banks) {
      const actor = { ...bankA, bankId: bank.id };
      const visible = await db.enterprise.findMany({
        where: { id: { in: firms }, ...visibleEnterprisesWhere(actor, now) },
        select: { id: true },
      });
      const named = firms.filter((id) => seeing.get(id)!.has(bank.id));
      expect(named.sort()).toEqual(visible.map((v) => v.id).sort());
    }
    expect([...seeing.get(own.id)!].sort()).toEqual([bankA.bankId, bankB.bankId].sort());
    expect(seeing.get(toAll.id)!.size).toBe(banks.length);
    expect(seeing.get(expired.id)!.size).toBe(0);
    expect(seeing.get(revoked.id)!.size).toBe(0);
    expect(seeing.get(none.id)!.size).toBe(0);
  });
});

describe("listEvents", () => {
  it("pages the bank's own events after a cursor; another bank's id is not a cursor", async () => {
    const bank = await bankActor();
    const other = await bankActor();
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const [id] = await db.$transaction((tx) =>
        recordEvent(tx, {
          type: "claim.decided",
          bankIds: [bank.bankId],
          data: { n: i, amount: `${i}00.00` },
          now: new Date(Date.UTC(2026, 11, 6, 7, 0, i)),
        }),
      );
      ids.push(id);
    }
    const [foreign] = await db.$transaction((tx) =>
      recordEvent(tx, { type: "claim.decided", bankIds: [other.bankId], data: {} }),
    );

    const first = await listEvents(bank, { limit: 2 });
    expect(first).toEqual({
      ok: true,
      data: [
        {
          id: ids[0],
          type: "claim.decided",
          createdAt: "2026-12-06T15:00:01.000+08:00",
          data: { n: 1, amount: "100.00" },
        },
        {
          id: ids[1],
          type: "claim.decided",
          createdAt: "2026-12-06T15:00:02.000+08:00",
          data: { n: 2, amount: "200.00" },
        },
      ],
      next: ids[1],
    });
    const rest = await listEvents(bank, { after: ids[1], limit: 100 });
    expect(rest.ok && rest.data.map((item) => item.id)).toEqual(ids.slice(2));
    expect(rest.ok && rest.next).toBeNull();
    expect(await listEvents(bank, { after: ids[4], limit: 100 })).toEqual({ ok: true, data: [], next: null });
    expect(await listEvents(bank, { after: foreign, limit: 10 })).toEqual({
      ok: false,
      error: "INVALID_CURSOR",
    });
    const others = await listEvents(other, { limit: 100 });
    expect(others.ok && others.data.map((item) => item.id)).toEqual([foreign]);
  });
});
