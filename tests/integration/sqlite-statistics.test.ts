/**
 * The portal's SQLite connection gathers the query planner's statistics when it opens (PRAGMA
 * optimize, app/db.server.ts): a database that never had ANALYZE run on it gets them. SQLite's
 * own: not in the PostgreSQL suite (vitest.pg.config.ts).
 */
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";

import { createPrismaClient } from "~/db.server";

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
});
