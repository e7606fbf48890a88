/**
 * Enterprise.authorisedUntil (docs/decisions/027-authorised-until.md): every writer of an
 * authorisation keeps it, and the indicators' authorising firms read it only when it answers for
 * the report's instant. Every expected count is worked out by hand from the grants written here.
 */
import { beforeAll, describe, expect, it } from "vitest";

import { addDays, shanghaiDate } from "~/domain/shanghai-time";
import type { BankActor, BureauActor, EnterpriseActor } from "~/models/actor";
import { transitionApplication } from "~/models/application-transition.server";
import {
  grantAuthorization,
  refreshAuthorisedUntil,
  revokeAuthorization,
} from "~/models/authorization.server";
import { submitApplication } from "~/models/enterprise-application.server";
import { getIndicatorReport } from "~/models/indicators.server";
import { getActorById } from "~/models/user.server";

import {
  bureauUser,
  createAuthorization,
  createBank,
  createEnterprise,
  createProduct,
  createSubDistrict,
  createUser,
} from "../../prisma/factories";

import { db } from "./helpers";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);
/** The reports' instant; every grant of the file is dated before it unless a test says otherwise. */
const NOW = new Date();

let bank: BankActor;
let bureau: BureauActor;

async function firm(subDistrictId: string) {
  const enterprise = await createEnterprise(db, {
    subDistrictId,
    onDishonestyList: false,
    taxGrade: "A",
    createdAt: later(NOW, -400 * DAY),
  });
  const user = await createUser(db, { role: "ENTERPRISE", enterpriseId: enterprise.id });
  return { id: enterprise.id, actor: (await getActorById(user.id)) as EnterpriseActor };
}

const storedUntil = async (enterpriseId: string) =>
  (await db.enterprise.findUniqueOrThrow({ where: { id: enterpriseId }, select: { authorisedUntil: true } }))
    .authorisedUntil;

beforeAll(async () => {
  const row = await createBank(db);
  bank = (await getActorById((await createUser(db, { role: "BANK", bankId: row.id })).id)) as BankActor;
  bureau = (await getActorById((await bureauUser(db)).id)) as BureauActor;
});

describe("the writers of an authorisation", () => {
  it("keep the firm's authorisedUntil: the latest expiry of its unrevoked grants", async () => {
    const { id, actor } = await firm((await createSubDistrict(db)).id);
    const now = later(NOW, -HOUR);
    expect(await storedUntil(id)).toBeNull();

    // the firm grants every bank 90 days
    const ninety = later(now, 90 * DAY);
    const granted = await grantAuthorization(actor, { bankId: null, scope: "BASIC", expiresAt: ninety }, now);
    if (!granted.ok) throw new Error(granted.error);
    expect(await storedUntil(id)).toEqual(ninety);

    // an application grants its bank a year: the later expiry wins
    const product = await createProduct(db, { bankId: bank.bankId });
    const submitted = await submitApplication(
      actor,
      { productId: product.id, amountYuan: 500_000, termMonths: 12, purpose: "采购原材料" },
      now,
    );
    if (!submitted.ok) throw new Error(submitted.error);
    const aYear = new Date(now);
    aYear.setUTCFullYear(aYear.getUTCFullYear() + 1);
    expect(await storedUntil(id)).toEqual(aYear);

    // withdrawing the application ends its grant: back to the 90 days
    const withdrawn = await transitionApplication({
      applicationId: submitted.id,
      actor,
      input: { action: "withdraw" },
      now,
    });
    expect(withdrawn.ok).toBe(true);
    expect(await storedUntil(id)).toEqual(ninety);

    // revoking the last grant leaves none
    expect((await revokeAuthorization(actor, granted.id, now)).ok).toBe(true);
    expect(await storedUntil(id)).toBeNull();
  });

  it("two writers for one firm at once: the later one sees the earlier one's revocation", async () => {
    const { id, actor } = await firm((await createSubDistrict(db)).id);
    const now = later(NOW, -HOUR);
    const aYear = later(now, 300 * DAY);
    const applicationGrant = await createAuthorization(db, {
      enterpriseId: id,
      bankId: bank.bankId,
      scope: "FULL",
      grantedAt: now,
      expiresAt: aYear,
    });
    expect(await storedUntil(id)).toEqual(aYear);

    // the first revokes the application's grant and holds its transaction open …
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let revoked!: () => void;
    const revokedYet = new Promise<void>((resolve) => (revoked = resolve));
    const first = db.$transaction(async (tx) => {
      await tx.authorization.update({ where: { id: applicationGrant.id }, data: { revokedAt: now } });
      await refreshAuthorisedUntil(tx, id);
      revoked();
      await gate;
    });
    await revokedYet;
    // … while the firm grants every bank 90 days (PostgreSQL: it waits for the firm's row)
    const ninety = later(now, 90 * DAY);
    const second = grantAuthorization(actor, { bankId: null, scope: "BASIC", expiresAt: ninety }, now);
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await first;
    expect((await second).ok).toBe(true);
    // not the revoked grant's year
    expect(await storedUntil(id)).toEqual(ninety);
  });
});

describe("the indicators' authorising firms", () => {
  let subDistrictId: string;
  const now = NOW;
  const today = shanghaiDate(now);
  const ids: string[] = [];

  /** The report of the office's sub-district for the 30 days to `toDay`, at `now`. */
  const authorising = async (toDay = today) =>
    (
      await getIndicatorReport(
        bureau,
        { fromDay: addDays(toDay, -30), toDay, subDistrictId },
        { dimension: "size", now, source: "rollup" },
      )
    ).totals.authorisingFirms;

  beforeAll(async () => {
    subDistrictId = (await createSubDistrict(db)).id;
    for (let n = 0; n < 6; n++) ids.push((await firm(subDistrictId)).id);
    const [f1, f2, f3, f4] = ids;
    const grant = (
      enterpriseId: string,
      grantedDaysAgo: number,
      expiresInDays: number,
      revokedDaysAgo?: number,
    ) =>
      createAuthorization(db, {
        enterpriseId,
        bankId: null,
        scope: "FULL",
        grantedAt: later(now, -grantedDaysAgo * DAY),
        expiresAt: later(now, expiresInDays * DAY),
        revokedAt: revokedDaysAgo === undefined ? null : later(now, -revokedDaysAgo * DAY),
      });
    await grant(f1, 10, 80); // live
    await grant(f2, 100, -1); // expired yesterday
    await grant(f3, 20, 60, 2); // revoked two days ago
    await grant(f4, 50, 40, 5); // revoked five days ago …
    await grant(f4, 3, 200); // … and granted again three days ago
    // f5, f6: none
  });

  it("at the present: the firms whose stored authorisedUntil is later", async () => {
    // f1 and f4
    expect(await authorising()).toBe(2);
    // the report reads the column: a firm whose column says so counts, grants or not
    await db.enterprise.update({ where: { id: ids[4] }, data: { authorisedUntil: later(now, 30 * DAY) } });
    try {
      expect(await authorising()).toBe(3);
    } finally {
      await db.enterprise.update({ where: { id: ids[4] }, data: { authorisedUntil: null } });
    }
  });

  it("at a past instant: the grants live then", async () => {
    // the period ending six days ago: f1 (granted 10 days ago), f3 (revoked 2 days ago) and f4's
    // first grant (revoked 5 days ago); f2's expired yesterday but was live then: 4
    expect(await authorising(addDays(today, -6))).toBe(4);
  });

  /** A grant for the length of `check`, then gone again (with its firm's column). */
  async function withGrant(
    options: { enterpriseId: string; bankId?: string; grantedAt: Date; revokedAt?: Date },
    check: () => Promise<void>,
  ) {
    const grant = await createAuthorization(db, {
      bankId: null,
      scope: "BASIC",
      expiresAt: later(now, 90 * DAY),
      ...options,
    });
    try {
      await check();
    } finally {
      await db.authorization.delete({ where: { id: grant.id } });
      await db.$transaction((tx) => refreshAuthorisedUntil(tx, options.enterpriseId));
    }
  }

  it("for one bank at the present: its grants and the all-bank ones, not the column", async () => {
    const [, f2, , , f5] = ids;
    // f2 grants the bank; f5 grants another bank only (its column says authorised)
    const other = await createBank(db);
    await withGrant({ enterpriseId: f2, bankId: bank.bankId, grantedAt: later(now, -DAY) }, () =>
      withGrant({ enterpriseId: f5, bankId: other.id, grantedAt: later(now, -DAY) }, async () => {
        expect(await storedUntil(f5)).not.toBeNull();
        const forBank = await getIndicatorReport(
          bureau,
          { fromDay: addDays(today, -30), toDay: today, subDistrictId, bankId: bank.bankId },
          { dimension: "size", now, source: "rollup" },
        );
        // f1 and f4 (every bank) and f2 (this bank), not f5
        expect(forBank.totals.authorisingFirms).toBe(3);
        // the district: f1, f2, f4 and f5
        expect(await authorising()).toBe(4);
      }),
    );
  });

  it("reads the grants, not the column, when a grant is dated at or after the instant", async () => {
    const [, , , , f5] = ids;
    // granted an hour from now: not live yet, though f5's column already says so
    await withGrant({ enterpriseId: f5, grantedAt: later(now, HOUR) }, async () => {
      expect(await storedUntil(f5)).not.toBeNull();
      expect(await authorising()).toBe(2);
    });
    // granted at the very instant: live only after it (the grants' own test is grantedAt < instant)
    await withGrant({ enterpriseId: f5, grantedAt: now }, async () => {
      expect(await authorising()).toBe(2);
    });
  });

  it("reads the grants, not the column, when a revocation is dated after the instant", async () => {
    const [, , , , , f6] = ids;
    // revoked an hour from now: still live at the report's instant, though f6's column (the
    // unrevoked grants only) says none
    await withGrant(
      { enterpriseId: f6, grantedAt: later(now, -DAY), revokedAt: later(now, HOUR) },
      async () => {
        expect(await storedUntil(f6)).toBeNull();
        expect(await authorising()).toBe(3);
      },
    );
  });
});
