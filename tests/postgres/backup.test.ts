import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { db } from "../integration/helpers";

// `npm run backup` / `npm run restore` on PostgreSQL (pg_dump / pg_restore), on this file's own
// throw-away database.
// the restore keeps the replaced contents next to the backup: one folder for both
const dir = mkdtempSync(path.join(os.tmpdir(), "xyd-pg-backup-"));
const backupFile = path.join(dir, "portal.dump");
const loadRows = async () => db.setting.count({ where: { key: { startsWith: "load-" } } });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("backup and restore on PostgreSQL", () => {
  it("dumps one committed state while the portal keeps writing, and restores it", async () => {
    let written = 0;
    const write = () =>
      db.setting.create({ data: { key: `load-${written}`, value: "x".repeat(2000) } }).then(() => written++);
    for (let i = 0; i < 200; i++) await write();
    const before = written;

    const child = spawn("node", ["scripts/backup.js", backupFile], { env: process.env });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const exited = new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
    let running = true;
    void exited.then(() => (running = false));
    while (running) await write();
    expect(await exited, output).toBe(0);
    const after = written;
    expect(after, "writes went on during the backup").toBeGreaterThan(before);
    expect(output).toMatch(/archive readable/);

    // more rows after the backup, which the restore must take away again
    for (let i = 0; i < 10; i++) await write();
    await db.$disconnect();
    const restore = spawnSync("node", ["scripts/restore.js", backupFile], {
      env: process.env,
      encoding: "utf8",
    });
    expect(restore.status, restore.stderr).toBe(0);
    const restored = await loadRows();
    // one committed state: everything acknowledged before the backup began, nothing after it ended
    expect(restored).toBeGreaterThanOrEqual(before);
    expect(restored).toBeLessThanOrEqual(after);
    // and the portal's data is whole: the migrations table came back too
    const [{ n }] = await db.$queryRaw<{ n: bigint }[]>`SELECT COUNT(*) AS n FROM "_prisma_migrations"`;
    expect(Number(n)).toBeGreaterThan(0);
  });

  it("refuses to restore a file that is not an archive, changing nothing", async () => {
    const rows = await loadRows();
    const restore = spawnSync("node", ["scripts/restore.js", "package.json"], {
      env: process.env,
      encoding: "utf8",
    });
    expect(restore.status).not.toBe(0);
    expect(await loadRows()).toBe(rows);
  });
});
