// `npm run db:migrate:pg [-- --name NAME]`: after a change to prisma/schema.prisma (and its
// SQLite migration, `npm run db:migrate`), regenerates prisma/postgresql/schema.prisma and writes
// the PostgreSQL migration that takes prisma/postgresql/migrations to it. Prisma diffs the
// migrations (replayed in a throw-away shadow database) against the schema, so the database of
// DATABASE_URL is never touched. By default it is named as the newest SQLite migration, its twin;
// a SQLite migration that Prisma's schema does not see (a trigger) gets an empty twin to fill in.
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

const folder = path.join("prisma", "postgresql", "migrations");
const migrationsIn = (dir) =>
  readdirSync(dir)
    .filter((entry) => /^\d{14}_/.test(entry))
    .sort();
const nameAt = process.argv.indexOf("--name");
const latestSqlite = migrationsIn(path.join("prisma", "migrations")).at(-1);
// By default the PostgreSQL migration is the twin of the newest SQLite one: same folder name.
const folderName =
  nameAt > 0
    ? `${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}_${process.argv[nameAt + 1]}`
    : latestSqlite;
if (!folderName || !/^\d{14}_[a-z0-9_]+$/.test(folderName)) {
  console.error("✗ give the migration a name: npm run db:migrate:pg -- --name snake_case_name");
  process.exit(2);
}
if (migrationsIn(folder).includes(folderName)) {
  console.log(`✓ ${folder}/${folderName} exists already`);
  run("node", ["scripts/check-schema.js"], { stdio: "inherit" });
  process.exit(0);
}

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
const target = path.join(folder, folderName);
mkdirSync(target, { recursive: true });
if (/^\s*-- This is an empty migration\.\s*$/.test(sql)) {
  // The SQLite migration changes nothing Prisma models (a trigger, a data fix): its PostgreSQL
  // version is written by hand. check:schema fails until it holds a statement.
  writeFileSync(
    path.join(target, "migration.sql"),
    `-- TODO: the PostgreSQL version of prisma/migrations/${folderName}/migration.sql\n`,
  );
  console.log(
    `! the schemas match; write the PostgreSQL version of ${folderName} by hand in ${target}/migration.sql`,
  );
} else {
  writeFileSync(path.join(target, "migration.sql"), sql);
  console.log(`✓ wrote ${target}/migration.sql:\n${sql}`);
}
run("node", ["scripts/generate.js"], { stdio: "inherit" });
