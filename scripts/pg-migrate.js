// `npm run db:migrate:pg [-- --name NAME]`: after a change to prisma/schema.prisma (and its
// SQLite migration, `npm run db:migrate`), regenerates prisma/postgresql/schema.prisma and writes
// the PostgreSQL migration that takes prisma/postgresql/migrations to it. Prisma diffs the
// migrations (replayed in a throw-away shadow database) against the schema, so the database of
// DATABASE_URL is never touched. The name defaults to the newest SQLite migration's.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import { isPostgresUrl, postgresProblem, testPostgresUrl } from "./postgres.js";

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: "utf8", ...options });
  if (result.status !== 0) {
    console.error(result.stdout ?? "", result.stderr ?? "");
    console.error(`✗ ${path.basename(command)} ${args.join(" ")} failed`);
    process.exit(result.status ?? 1);
  }
  return result.stdout ?? "";
}

run("node", ["scripts/pg-schema.js"], { stdio: "inherit" });

const server = isPostgresUrl(process.env.DATABASE_URL) ? process.env.DATABASE_URL : testPostgresUrl();
const problem = await postgresProblem(server);
if (problem) {
  console.error(`✗ PostgreSQL at ${server} does not answer (${problem}); set TEST_POSTGRES_URL`);
  process.exit(1);
}

const nameAt = process.argv.indexOf("--name");
const latestSqlite = readdirSync(path.resolve("prisma", "migrations"))
  .filter((entry) => /^\d{14}_/.test(entry))
  .sort()
  .at(-1);
const name = nameAt > 0 ? process.argv[nameAt + 1] : latestSqlite?.replace(/^\d{14}_/, "");
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("✗ give the migration a name: npm run db:migrate:pg -- --name snake_case_name");
  process.exit(2);
}

const folder = path.join("prisma", "postgresql", "migrations");
const sql = run(
  path.resolve("node_modules", ".bin", "prisma"),
  [
    "migrate",
    "diff",
    "--from-migrations",
    folder,
    "--to-schema-datamodel",
    path.join("prisma", "postgresql", "schema.prisma"),
    "--script",
  ],
  { env: { ...process.env, DATABASE_URL: server } },
);
if (/^\s*-- This is an empty migration\.\s*$/.test(sql)) {
  console.log("✓ prisma/postgresql/migrations already match the schema: no migration written");
} else {
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const target = path.join(folder, `${stamp}_${name}`);
  mkdirSync(target, { recursive: true });
  writeFileSync(path.join(target, "migration.sql"), sql);
  console.log(`✓ wrote ${target}/migration.sql:\n${sql}`);
}
run("node", ["scripts/generate.js"], { stdio: "inherit" });
