// `npm run restore FILE` on PostgreSQL: puts a pg_dump archive of `npm run backup` back into the
// database of DATABASE_URL. Stop the portal first. The archive is checked before anything is
// touched, the current contents are kept as <FILE>.before-restore-<time>.dump, and the restore
// runs in ONE transaction: it applies completely or not at all.
import { existsSync } from "node:fs";

import { clientArgs, runTool } from "./pg-tools.js";

const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.error("usage: npm run restore <backup file>");
  process.exit(2);
}
const { args, env, database } = clientArgs(process.env.DATABASE_URL);
// pg_restore --list fails on anything that is not an archive: nothing is changed then
runTool("pg_restore", ["--list", file], env);

const keep = `${file.replace(/\.dump$/, "")}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}.dump`;
runTool("pg_dump", [...args, "--format=custom", "--no-owner", "--file", keep, database], env);
console.log(`  kept the current database as ${keep}`);

runTool(
  "pg_restore",
  [
    ...args,
    "--clean",
    "--if-exists",
    "--no-owner",
    "--single-transaction",
    "--exit-on-error",
    "--dbname",
    database,
    file,
  ],
  env,
);
console.log(`✓ restored ${file} → ${database}`);
