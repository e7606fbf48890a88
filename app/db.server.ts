import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";

import { resolveDatabaseUrl } from "./database-url.server";
import { serializedAdapterFactory } from "./db/serialized-adapter.server";

/**
 * The one place that opens the database and sets its pragmas.
 *
 * - WAL: readers never block the writer; persists in the file.
 * - synchronous=FULL: a committed transaction survives a power cut, not only a process
 *   crash (docs/decisions/002-sqlite-durability.md).
 * - busy_timeout: another process (seed, backup) holding the write lock makes us wait,
 *   not fail.
 * - foreign_keys: on (better-sqlite3's default, asserted anyway).
 */
export const SQLITE_PRAGMAS = {
  journal_mode: "wal",
  synchronous: 2, // FULL
  foreign_keys: 1,
  busy_timeout: 5000,
} as const;

async function initConnection(adapter: SqlDriverAdapter) {
  await adapter.executeScript(
    [
      "PRAGMA journal_mode = WAL",
      "PRAGMA synchronous = FULL",
      "PRAGMA foreign_keys = ON",
      `PRAGMA busy_timeout = ${SQLITE_PRAGMAS.busy_timeout}`,
    ].join(";\n"),
  );
}

export function createPrismaClient(url = resolveDatabaseUrl()) {
  const factory = new PrismaBetterSQLite3({ url, timeout: SQLITE_PRAGMAS.busy_timeout });
  return new PrismaClient({ adapter: serializedAdapterFactory(factory, initConnection) });
}

export type Db = ReturnType<typeof createPrismaClient>;

// Survives dev rebuilds: the module is re-evaluated, the connection is not reopened.
const globalForDb = globalThis as unknown as { __db?: Db };
export const db: Db = (globalForDb.__db ??= createPrismaClient());

type PragmaRow = Record<string, unknown>;

async function readPragma(client: Db, name: keyof typeof SQLITE_PRAGMAS) {
  const rows = await client.$queryRawUnsafe<PragmaRow[]>(`PRAGMA ${name}`);
  const value = rows[0] ? Object.values(rows[0])[0] : undefined;
  return typeof value === "bigint" ? Number(value) : value;
}

/** Reads the pragmas back and throws when one is not what SQLITE_PRAGMAS says. */
export async function assertDatabaseSettings(client: Db = db) {
  for (const name of Object.keys(SQLITE_PRAGMAS) as (keyof typeof SQLITE_PRAGMAS)[]) {
    const actual = await readPragma(client, name);
    const expected = SQLITE_PRAGMAS[name];
    const same =
      typeof expected === "string" ? String(actual).toLowerCase() === expected : Number(actual) === expected;
    if (!same) throw new Error(`SQLite pragma ${name} is ${String(actual)}, expected ${expected}`);
  }
}

/** For /healthz: the database answers a query. */
export async function pingDatabase(client: Db = db) {
  await client.$queryRawUnsafe("SELECT 1");
}
