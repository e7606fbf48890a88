/**
 * The portal's SQLite connection gathers the query planner's statistics when it opens (PRAGMA
 * optimize, app/db.server.ts): a database that never had ANALYZE run on it gets them. SQLite's
 * own: not in the PostgreSQL suite (vitest.pg.config.ts).
 */
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";

import { createPrismaClient, db } from "~/db.server";
import { factQuery, verifiedByMonthSql } from "~/models/indicator-facts.server";

const dir = path.resolve("tests/.tmp", `statistics-${process.pid}`);
const file = path.join(dir, "plain.db");

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("SQLite statistics", () => {
  it("are gathered when the portal opens a database that has none", async () => {
    mkdirSync(dir, { recursive: true });
    const raw = new Database(file);
    raw.exec(`CREATE TABLE "Thing" ("id" INTEGER PRIMARY KEY, "kind" TEXT NOT NULL);
              CREATE INDEX "Thing_kind_idx" ON "Thing"("kind");`);
    const insert = raw.prepare(`INSERT INTO "Thing" ("kind") VALUES (?)`);
    raw.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(i % 7 === 0 ? "rare" : "common");
    })();
    const hasStatistics = () =>
      raw.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'`).get() !== undefined;
    expect(hasStatistics()).toBe(false);
    raw.close();

    const client = createPrismaClient(`file:${file}`);
    await client.$queryRawUnsafe(`SELECT COUNT(*) FROM "Thing"`);
    await client.$disconnect();

    const after = new Database(file, { readonly: true });
    const rows = after.prepare(`SELECT "tbl", "idx" FROM sqlite_stat1`).all();
    after.close();
    expect(rows).toContainEqual({ tbl: "Thing", idx: "Thing_kind_idx" });
  });

  it("leave the dashboard's monthly firm counts on a range of the verification instant under a section and size filter", async () => {
    // the statistics the portal's own PRAGMA optimize (analysis_limit = 400) wrote for a city's
    // 100,000 firms: they make the section's index look as narrow as a month of verifications
    await db.$executeRawUnsafe(`ANALYZE`);
    const sampled: [string, string][] = [
      ["Enterprise_sectionCode_size_createdAt_id_idx", "100000 401 201 1 1"],
      ["Enterprise_subDistrictId_verifiedAt_sectionCode_size_whitelistedUntil_idx", "100000 401 1 1 1 1"],
      ["Enterprise_verifiedAt_sectionCode_size_whitelistedUntil_subDistrictId_idx", "100000 1 1 1 1 1"],
    ];
    for (const [idx, stat] of sampled) {
      await db.$executeRawUnsafe(`DELETE FROM sqlite_stat1 WHERE "tbl" = 'Enterprise' AND "idx" = ?`, idx);
      await db.$executeRawUnsafe(
        `INSERT INTO sqlite_stat1 ("tbl", "idx", "stat") VALUES ('Enterprise', ?, ?)`,
        idx,
        stat,
      );
    }
    await db.$executeRawUnsafe(`ANALYZE sqlite_schema`); // the planner reloads them

    const query = factQuery(
      { fromDay: "2026-01-01", toDay: "2026-03-31", sectionCode: "C", size: "MICRO" },
      new Date("2026-04-01T00:00:00Z"),
    );
    const sql = verifiedByMonthSql(query);
    const plan = await db.$queryRawUnsafe<{ detail: string }[]>(
      `EXPLAIN QUERY PLAN ${sql.sql}`,
      ...sql.values,
    );
    const reads = plan.map((step) => step.detail).filter((detail) => / e /.test(detail));
    expect(reads).toHaveLength(3); // one count a month
    for (const read of reads) expect(read).toMatch(/verifiedAt>\? AND verifiedAt<\?/);
  });
});
