import { spawn, spawnSync } from "node:child_process";
import path from "node:path";

import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

import { db } from "./helpers";

const dbFile = process.env.DATABASE_URL!.slice("file:".length);
const backupFile = path.join(path.dirname(dbFile), `backup-${process.pid}.db`);

function countIn(file: string) {
  const copy = new Database(file, { readonly: true });
  const { n } = copy.prepare(`SELECT COUNT(*) AS n FROM "Setting" WHERE "key" LIKE 'load-%'`).get() as {
    n: number;
  };
  const integrity = copy.pragma("integrity_check", { simple: true });
  copy.close();
  return { n, integrity };
}

describe("backup and restore", () => {
  it("takes a consistent backup while the portal keeps writing, and restores it", async () => {
    let written = 0;
    const write = () =>
      db.setting.create({ data: { key: `load-${written}`, value: "x".repeat(2000) } }).then(() => written++);
    for (let i = 0; i < 200; i++) await write();
    const before = written;

    const child = spawn("node", ["scripts/backup.js", backupFile], { env: process.env });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    const exited = new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
    let running = true;
    void exited.then(() => (running = false));
    while (running) {
      await write();
      // better-sqlite3 answers synchronously: let the event loop see the child's exit.
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await exited).toBe(0);
    const after = written;
    expect(after, "writes went on during the backup").toBeGreaterThan(before);

    expect(output).toMatch(/integrity ok/);
    const copy = countIn(backupFile);
    expect(copy.integrity).toBe("ok");
    // One committed state: everything acknowledged before the backup began, nothing half-written.
    expect(copy.n).toBeGreaterThanOrEqual(before);
    expect(copy.n).toBeLessThanOrEqual(after);

    await db.$disconnect();
    const restore = spawnSync("node", ["scripts/restore.js", backupFile], {
      env: process.env,
      encoding: "utf8",
    });
    expect(restore.status, restore.stderr).toBe(0);
    expect(countIn(dbFile).n).toBe(copy.n);
  });

  it("copies whole transactions only: a backup under load of two-row transactions has both rows of each", async () => {
    const file = path.join(path.dirname(dbFile), `backup-pairs-${process.pid}.db`);
    let pairs = 0;
    const writePair = async () => {
      const n = pairs;
      // One transaction, two rows, and a running total: a torn copy would show an odd row
      // or a total that disagrees with the rows.
      await db.$transaction([
        db.setting.create({ data: { key: `pair-${n}-a`, value: "y".repeat(3000) } }),
        db.setting.create({ data: { key: `pair-${n}-b`, value: "z".repeat(3000) } }),
        db.setting.upsert({
          where: { key: "pair-total" },
          create: { key: "pair-total", value: "1" },
          update: { value: String(n + 1) },
        }),
      ]);
      pairs++;
    };
    for (let i = 0; i < 100; i++) await writePair();

    const child = spawn("node", ["scripts/backup.js", file], { env: process.env });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    const exited = new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
    let running = true;
    void exited.then(() => (running = false));
    const before = pairs;
    while (running) {
      await writePair();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await exited).toBe(0);
    expect(pairs, "writes went on during the backup").toBeGreaterThan(before);
    expect(output).toMatch(/copying \d+ pages/);

    const copy = new Database(file, { readonly: true });
    const rows = copy
      .prepare(`SELECT "key" FROM "Setting" WHERE "key" LIKE 'pair-%-%'`)
      .all()
      .map((r) => (r as { key: string }).key);
    const total = Number(
      (copy.prepare(`SELECT "value" FROM "Setting" WHERE "key" = 'pair-total'`).get() as { value: string })
        .value,
    );
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    copy.close();
    expect(total).toBeGreaterThanOrEqual(before);
    expect(rows).toHaveLength(2 * total);
    for (let n = 0; n < total; n++) {
      expect(rows).toContain(`pair-${n}-a`);
      expect(rows).toContain(`pair-${n}-b`);
    }
  });

  it("refuses to restore a file that is not a sound database", () => {
    const restore = spawnSync("node", ["scripts/restore.js", "package.json"], {
      env: process.env,
      encoding: "utf8",
    });
    expect(restore.status).not.toBe(0);
  });
});
