import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

/**
 * Migrates one template SQLite file per test run; each test file copies it
 * (tests/setup/setup-file.ts). Every run has its own folder, so two runs at once never share
 * or delete each other's databases.
 */
export default function setup() {
  const dir = path.resolve("tests/.tmp", `run-${process.pid}-${randomUUID().slice(0, 8)}`);
  mkdirSync(dir, { recursive: true });
  const template = path.join(dir, "template.db");
  const result = spawnSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${template}` },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(
      `prisma migrate deploy failed for the test template:\n${result.stdout}\n${result.stderr}`,
    );
  }
  process.env.TEST_TEMPLATE_DB = template;
  return () => rmSync(dir, { recursive: true, force: true });
}
