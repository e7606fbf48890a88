import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

import {
  createDatabase,
  dropDatabase,
  onServer,
  postgresProblem,
  testPostgresUrl,
} from "../../scripts/postgres.js";

function migrate(databaseUrl: string) {
  const result = spawnSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(
      `prisma migrate deploy failed for the test template:\n${result.stdout}\n${result.stderr}`,
    );
  }
  // the indicators' day table of an empty database's inputs (decision 026): a test's first report
  // finds it up to date instead of building it (a second or so, in each of twenty-odd files)
  const days = spawnSync(process.execPath, ["--import", "tsx", "scripts/rollups.ts", "days"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (days.status !== 0) {
    throw new Error(`the test template's indicator day table failed:\n${days.stdout}\n${days.stderr}`);
  }
}

/**
 * Migrates one template database per test run; each test file copies it
 * (tests/setup/setup-file.ts). SQLite (the default): a file in the run's own folder.
 * PostgreSQL (`npm run test:pg`, TEST_DATABASE=postgresql): a database `xyd_t<run>_template` on
 * TEST_POSTGRES_URL's server, and each file's `CREATE DATABASE … TEMPLATE` copy; all of the
 * run's databases are dropped at the end. Two runs at once never share or drop each other's.
 */
export default async function setup() {
  const run = `${process.pid}_${randomUUID().slice(0, 6)}`;
  if (process.env.TEST_DATABASE === "postgresql") {
    const server = testPostgresUrl();
    const problem = await postgresProblem(server);
    if (problem)
      throw new Error(`PostgreSQL at ${server} does not answer (${problem}); set TEST_POSTGRES_URL`);
    const prefix = `xyd_t${run}`;
    const template = await createDatabase(server, `${prefix}_template`);
    try {
      migrate(template);
    } catch (error) {
      await dropDatabase(server, `${prefix}_template`);
      throw error;
    }
    process.env.TEST_TEMPLATE_DB = template;
    process.env.TEST_DATABASE_PREFIX = prefix;
    return async () => {
      const names = await onServer(server, async (client) => {
        const { rows } = await client.query("SELECT datname FROM pg_database WHERE datname LIKE $1", [
          `${prefix}\\_%`,
        ]);
        return rows.map((row: { datname: string }) => row.datname);
      });
      // every one, even when one fails: a leftover database is only reported
      const failed: string[] = [];
      for (const name of names) await dropDatabase(server, name).catch(() => failed.push(name));
      if (failed.length) console.warn(`could not drop the test databases ${failed.join(", ")}`);
    };
  }
  const dir = path.resolve("tests/.tmp", `run-${run}`);
  mkdirSync(dir, { recursive: true });
  const template = path.join(dir, "template.db");
  migrate(`file:${template}`);
  process.env.TEST_TEMPLATE_DB = template;
  return () => rmSync(dir, { recursive: true, force: true });
}
