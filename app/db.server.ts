import { createRequire } from "node:module";

import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { Prisma, PrismaClient } from "@prisma/client";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import pg from "pg";

import { databaseProvider, resolveDatabaseUrl } from "./database-url.server";
import { postgresAdapterFactory, postgresPoolConfig, postgresPoolSettings } from "./db/postgres.server";
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
 * - optimize on open (with analysis_limit, a sampled ANALYZE of milliseconds): the query
 *   planner's statistics. Without them SQLite guesses which index to use, and at city scale a
 *   guess can sort a sub-district's firms instead of reading them in order (docs/performance.md:
 *   the benchmark's figures are taken with statistics). What SQLite advises for connections that
 *   live long: https://sqlite.org/lang_analyze.html#recommended_usage_pattern.
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
      "PRAGMA analysis_limit = 400",
      "PRAGMA optimize = 0x10002",
    ].join(";\n"),
  );
}

export type Db = PrismaClient;

/**
 * The PostgreSQL client, generated from prisma/postgresql/schema.prisma to
 * node_modules/.prisma/client-pg (scripts/generate.js). Its models are the SQLite client's, so
 * it is typed as that one. It must share @prisma/client's runtime, or `instanceof
 * Prisma.PrismaClientKnownRequestError` would never match its errors.
 */
function postgresClientClass(): typeof PrismaClient {
  const generated = createRequire(import.meta.url)(".prisma/client-pg") as {
    PrismaClient: typeof PrismaClient;
    Prisma: typeof Prisma;
  };
  if (generated.Prisma.PrismaClientKnownRequestError !== Prisma.PrismaClientKnownRequestError) {
    throw new Error("the PostgreSQL Prisma client has its own runtime: run `npm run db:generate`");
  }
  return generated.PrismaClient;
}

/** PostgreSQL: each client's pool, for the health check (docs/decisions/008-postgresql.md). */
const pools = new WeakMap<Db, pg.Pool>();

/** The PostgreSQL pool under a client (none on SQLite): read-only reports read through it (app/db/report-rows.server.ts). */
export function postgresPool(client: Db): pg.Pool | undefined {
  return pools.get(client);
}

export function createPrismaClient(url = resolveDatabaseUrl()): Db {
  if (databaseProvider(url) === "postgresql") {
    const pool = new pg.Pool(postgresPoolConfig(url, postgresPoolSettings()));
    const Client = postgresClientClass();
    const client = new Client({ adapter: postgresAdapterFactory(pool) });
    pools.set(client, pool);
    return client;
  }
  const factory = new PrismaBetterSQLite3({ url, timeout: SQLITE_PRAGMAS.busy_timeout });
  return new PrismaClient({ adapter: serializedAdapterFactory(factory, initConnection) });
}

// Survives dev rebuilds: the module is re-evaluated, the connection is not reopened.
const globalForDb = globalThis as unknown as { __db?: Db };
export const db: Db = (globalForDb.__db ??= createPrismaClient());

type PragmaRow = Record<string, unknown>;

async function readPragma(client: Db, name: keyof typeof SQLITE_PRAGMAS) {
  const rows = await client.$queryRawUnsafe<PragmaRow[]>(`PRAGMA ${name}`);
  const value = rows[0] ? Object.values(rows[0])[0] : undefined;
  return typeof value === "bigint" ? Number(value) : value;
}

/**
 * Reads the settings back and throws when one is not what they should be: on SQLite the
 * pragmas of SQLITE_PRAGMAS, on PostgreSQL the statement timeout of DATABASE_STATEMENT_TIMEOUT_MS.
 */
export async function assertDatabaseSettings(client: Db = db, url = resolveDatabaseUrl()) {
  if (databaseProvider(url) === "postgresql") {
    const [row] = await client.$queryRawUnsafe<{ ms: string }[]>(
      "SELECT setting AS ms FROM pg_settings WHERE name = 'statement_timeout'",
    );
    const expected = postgresPoolSettings().statementTimeoutMs;
    if (Number(row?.ms) !== expected) {
      throw new Error(`PostgreSQL statement_timeout is ${row?.ms} ms, expected ${expected}`);
    }
    return;
  }
  for (const name of Object.keys(SQLITE_PRAGMAS) as (keyof typeof SQLITE_PRAGMAS)[]) {
    const actual = await readPragma(client, name);
    const expected = SQLITE_PRAGMAS[name];
    const same =
      typeof expected === "string" ? String(actual).toLowerCase() === expected : Number(actual) === expected;
    if (!same) throw new Error(`SQLite pragma ${name} is ${String(actual)}, expected ${expected}`);
  }
}

/**
 * For /healthz: the database answers a query. On PostgreSQL the query needs a connection of this
 * process's pool within DATABASE_CONNECT_TIMEOUT_MS: an exhausted pool or an unreachable server
 * fails the check (the error says which).
 */
export async function pingDatabase(client: Db = db) {
  try {
    await client.$queryRawUnsafe("SELECT 1");
  } catch (error) {
    const pool = pools.get(client);
    if (!pool) throw error;
    const { totalCount, idleCount, waitingCount } = pool;
    throw new Error(
      `PostgreSQL pool: ${totalCount} connections, ${idleCount} idle, ${waitingCount} waiting`,
      { cause: error },
    );
  }
}
