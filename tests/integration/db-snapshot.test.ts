// The change tracker the hostile-input suites rely on to prove that a refused request changed no
// row (tests/integration/support/db-snapshot.ts): on SQLite it hashes every table after another
// connection committed; on PostgreSQL it hashes the tables statement triggers noted.
import { afterAll, describe, expect, it } from "vitest";

import { ensureIndicatorDays } from "~/models/indicator-days.server";

import { createBank, createUser } from "../../prisma/factories";

import { db, sessionCookieFor } from "./helpers";
import { closeSnapshotReader, createChangeTracker } from "./support/db-snapshot";

afterAll(async () => {
  await closeSnapshotReader();
});

describe("the change tracker", () => {
  it("sees the tables a commit changed, and only those", async () => {
    const tracker = await createChangeTracker();
    expect(await tracker.changed()).toEqual([]);

    const bank = await createBank(db);
    expect(await tracker.changed()).toEqual(["Bank"]);
    expect(await tracker.changed()).toEqual([]);

    await db.bank.update({ where: { id: bank.id }, data: { name: `${bank.name}·改` } });
    await createUser(db, { role: "BANK", bankId: bank.id });
    expect(await tracker.changed()).toEqual(["Bank", "Password", "User"]);

    await db.bank.deleteMany({ where: { id: "no-such-bank" } });
    await db.bank.updateMany({ where: { id: "no-such-bank" }, data: { name: "无" } });
    expect(await tracker.changed(), "write statements that changed nothing").toEqual([]);
  });

  it("ignores the session's bookkeeping column, not the rest of the session", async () => {
    const bank = await createBank(db);
    const user = await createUser(db, { role: "BANK", bankId: bank.id });
    const tracker = await createChangeTracker();

    await db.session.updateMany({ where: { userId: user.id }, data: { lastSeenAt: new Date(0) } });
    expect(await tracker.changed()).toEqual([]);

    await sessionCookieFor(user.id);
    expect(await tracker.changed()).toEqual(["Session"]);
  });

  it("sees a rebuild of the indicators' day table, through its stamp", async () => {
    await ensureIndicatorDays();
    const tracker = await createChangeTracker();
    // a new LPR changes the day table's inputs: the rebuild rewrites the table and its stamp
    await db.lprRate.create({ data: { effectiveOn: new Date("2031-01-20T00:00:00Z"), rateBp: 250 } });
    expect(await ensureIndicatorDays()).toBe(true);
    expect(await tracker.changed()).toEqual(expect.arrayContaining(["IndicatorDayStamp", "LprRate"]));
    // nothing to rebuild: nothing changed
    expect(await ensureIndicatorDays()).toBe(false);
    expect(await tracker.changed()).toEqual([]);
  });
});
