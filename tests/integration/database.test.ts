import { describe, expect, it } from "vitest";

import { assertDatabaseSettings, db } from "~/db.server";

describe("database connection", () => {
  it("runs with WAL, synchronous FULL, foreign keys and a busy timeout", async () => {
    await expect(assertDatabaseSettings(db)).resolves.toBeUndefined();
    const [journal] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    expect(journal.journal_mode).toBe("wal");
  });

  it("enforces foreign keys", async () => {
    await expect(
      db.visit.create({
        data: {
          enterpriseId: "missing",
          subDistrictId: "missing",
          userId: "missing",
          visitedOn: new Date(),
          findings: "x",
        },
      }),
    ).rejects.toThrow();
  });

  it("keeps an ordinary write made while another request's transaction rolls back", async () => {
    // Without the serialised adapter this write would run inside the open transaction
    // on the shared connection and vanish with its rollback.
    await db.setting.create({ data: { key: "existing", value: "before" } });
    let releaseTransaction!: () => void;
    const transactionHeld = new Promise<void>((resolve) => (releaseTransaction = resolve));
    let transactionStarted!: () => void;
    const started = new Promise<void>((resolve) => (transactionStarted = resolve));

    const failing = db
      .$transaction(async (tx) => {
        await tx.setting.create({ data: { key: "inside-transaction", value: "x" } });
        transactionStarted();
        await transactionHeld;
        throw new Error("roll back");
      })
      .catch((error: Error) => error.message);

    await started;
    // A single-statement write (no transaction of its own), as most updates are.
    // (.then starts it now: Prisma's promises are lazy.)
    const ordinary = db
      .$executeRawUnsafe(`UPDATE "Setting" SET "value" = 'kept' WHERE "key" = 'existing'`)
      .then((count) => count);
    // Give the ordinary write every chance to run while the transaction is still open.
    await new Promise((resolve) => setTimeout(resolve, 100));
    releaseTransaction();
    expect(await failing).toBe("roll back");
    expect(await ordinary).toBe(1);

    const rows = await db.setting.findMany({ select: { key: true, value: true }, orderBy: { key: "asc" } });
    expect(rows).toEqual([{ key: "existing", value: "kept" }]);
  });
});

describe("the indicator rollups' table on SQLite", () => {
  it("is clustered on the slot key, and a period of one cube is read as a range of it (indicator-facts' rollupScope)", async () => {
    // a later migration that redefines the table the way Prisma writes it would drop WITHOUT ROWID
    const [table] = await db.$queryRaw<{ sql: string }[]>`
      SELECT "sql" FROM sqlite_master WHERE "type" = 'table' AND "name" = 'IndicatorRollup'`;
    expect(table.sql).toMatch(/\)\s*WITHOUT ROWID\s*$/);
    const plan = await db.$queryRaw<{ detail: string }[]>`
      EXPLAIN QUERY PLAN SELECT "day", "lagDays", SUM("n"), SUM("amountRate") FROM "IndicatorRollup"
       WHERE +"kind" = 'LOAN' AND +"cube" = 2 AND +"day" >= '2026-01-01' AND +"day" <= '2026-12-31'
         AND "slot" >= 'LOAN|2|2026-01-01' AND "slot" < 'LOAN|2|2026-12-31}' GROUP BY 1, 2`;
    expect(plan.map((step) => step.detail).join("\n")).toMatch(
      /SEARCH .* USING PRIMARY KEY \(slot>\? AND slot<\?\)/,
    );
  });
});
