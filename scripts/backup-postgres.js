// `npm run backup [FILE]` on PostgreSQL: pg_dump in its custom format. pg_dump reads one
// snapshot (a repeatable-read transaction), so the copy is exactly one committed state while the
// portal keeps serving and writing. The archive is then read back (pg_restore --list) and its
// table of contents checked for the portal's tables.
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";

import { clientArgs, runTool } from "./pg-tools.js";

const { args, env, database } = clientArgs(process.env.DATABASE_URL);
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const target = path.resolve(process.argv[2] ?? path.join("backups", `portal-${stamp}.dump`));
mkdirSync(path.dirname(target), { recursive: true });

const started = Date.now();
console.log(`  pg_dump of ${database}…`);
runTool("pg_dump", [...args, "--format=custom", "--no-owner", "--file", target, database], env);
const contents = runTool("pg_restore", ["--list", target], env);
for (const table of ["_prisma_migrations", "User", "Application"]) {
  if (!new RegExp(`TABLE DATA public "?${table}"? `).test(contents)) {
    console.error(`✗ the archive has no data of table ${table}: not a backup of the portal`);
    process.exit(1);
  }
}
const size = (statSync(target).size / 1024 / 1024).toFixed(1);
console.log(
  `✓ backup of ${database} → ${target} (${size} MiB, ${Date.now() - started} ms, archive readable)`,
);
