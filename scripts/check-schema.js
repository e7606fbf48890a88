// `npm run check:schema` (part of `npm test`): fails when
//   - prisma/postgresql/schema.prisma is not what scripts/pg-schema.js makes of prisma/schema.prisma,
//   - prisma/migrations do not produce prisma/schema.prisma (a schema change without its migration),
//   - prisma/postgresql/migrations do not produce the PostgreSQL schema (`npm run db:migrate:pg`),
//   - a SQLite migration made after the PostgreSQL baseline has no PostgreSQL twin of the same
//     name, or a PostgreSQL migration has no statement (a trigger is invisible to the diff above).
// The PostgreSQL check needs a server (TEST_POSTGRES_URL, default the local one); without one it
// is skipped with a message, unless REQUIRE_POSTGRES=1 (CI), where that is a failure.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { postgresProblem, testPostgresUrl } from "./postgres.js";

const prisma = path.resolve("node_modules", ".bin", "prisma");
let failed = false;

function drift(label, migrations, schema, databaseUrl, fix) {
  const result = spawnSync(
    prisma,
    ["migrate", "diff", "--from-migrations", migrations, "--to-schema-datamodel", schema, "--exit-code"],
    { encoding: "utf8", env: { ...process.env, DATABASE_URL: databaseUrl } },
  );
  if (result.status === 0) {
    console.log(`✓ ${label}: ${migrations} match ${schema}`);
  } else if (result.status === 2) {
    failed = true;
    console.error(`✗ ${label}: ${migrations} do not produce ${schema}; ${fix}. Missing:\n${result.stdout}`);
  } else {
    failed = true;
    console.error(`✗ ${label}: prisma migrate diff failed\n${result.stdout}\n${result.stderr}`);
  }
}

const fresh = spawnSync("node", ["scripts/pg-schema.js", "--check"], { stdio: "inherit" });
if (fresh.status !== 0) failed = true;

const migrationsIn = (dir) =>
  readdirSync(dir)
    .filter((entry) => /^\d{14}_/.test(entry))
    .sort();
const sqliteMigrations = migrationsIn(path.join("prisma", "migrations"));
const pgFolder = path.join("prisma", "postgresql", "migrations");
const pgMigrations = migrationsIn(pgFolder);
const baseline = pgMigrations[0] ?? "";
const pgNames = new Set(pgMigrations.map((name) => name.slice(15)));
const missing = sqliteMigrations.filter((name) => name > baseline && !pgNames.has(name.slice(15)));
const hollow = pgMigrations.filter((name) => {
  const sql = readFileSync(path.join(pgFolder, name, "migration.sql"), "utf8");
  return !sql.split("\n").some((line) => line.trim() && !line.trim().startsWith("--"));
});
if (missing.length || hollow.length) {
  failed = true;
  for (const name of missing)
    console.error(`✗ prisma/migrations/${name} has no PostgreSQL twin: npm run db:migrate:pg`);
  for (const name of hollow) console.error(`✗ ${pgFolder}/${name}/migration.sql has no statement: write it`);
} else {
  console.log(`✓ every SQLite migration since ${baseline} has its PostgreSQL twin`);
}

const dir = mkdtempSync(path.join(os.tmpdir(), "xyd-check-"));
try {
  drift(
    "SQLite",
    path.join("prisma", "migrations"),
    path.join("prisma", "schema.prisma"),
    `file:${path.join(dir, "check.db")}`,
    "run `npm run db:migrate`",
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const server = testPostgresUrl();
const problem = await postgresProblem(server);
if (problem && process.env.REQUIRE_POSTGRES === "1") {
  failed = true;
  console.error(`✗ PostgreSQL: REQUIRE_POSTGRES=1 but ${server} does not answer (${problem})`);
} else if (problem) {
  console.warn(
    `! PostgreSQL: SKIPPED the migration check, ${server} does not answer (${problem}). ` +
      "Set TEST_POSTGRES_URL, or REQUIRE_POSTGRES=1 to make this a failure.",
  );
} else {
  drift(
    "PostgreSQL",
    path.join("prisma", "postgresql", "migrations"),
    path.join("prisma", "postgresql", "schema.prisma"),
    server,
    "run `npm run db:migrate:pg`",
  );
}
process.exit(failed ? 1 : 0);
