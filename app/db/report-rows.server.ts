import Database from "better-sqlite3";
import type { Prisma } from "@prisma/client";

import { databaseProvider, resolveDatabaseUrl, sqliteFilePath } from "../database-url.server";
import { db, postgresPool } from "../db.server";

/**
 * Reads the rows of a large aggregate query (the indicators' facts: tens of thousands of grouped
 * rows for a two-year report) straight from the driver, not through Prisma: Prisma's query
 * engine costs ≈ 4 µs a row on top of the driver (43,000 rows: 260 ms through Prisma, 90 ms
 * from better-sqlite3 — docs/decisions/022-report-reads.md). Read-only, outside any
 * transaction: on SQLite a read-only connection of its own (WAL: it reads the last committed
 * state and never waits for a writer), on PostgreSQL the pool Prisma's adapter uses.
 *
 * The rows come as the driver gives them: integers as BigInt on SQLite, BIGINT and NUMERIC as
 * text on PostgreSQL — callers read counts and sums through Number or BigInt, as they read
 * Prisma's.
 */
export async function reportRows<T extends unknown[]>(query: Prisma.Sql): Promise<T> {
  const url = resolveDatabaseUrl();
  if (databaseProvider(url) === "postgresql") {
    const pool = postgresPool(db);
    if (!pool) throw new Error("reportRows: no PostgreSQL pool for the portal's client");
    const result = await pool.query(query.text, query.values as unknown[]);
    return result.rows as T;
  }
  // safe integers: a sum beyond 2^53 (fen over a city's loan book) comes back exact, as a BigInt
  return sqliteReader(sqliteFilePath(url))
    .prepare(query.sql)
    .safeIntegers(true)
    .all(...(query.values as unknown[])) as T;
}

// One read-only connection per database file, kept across dev rebuilds like db itself.
const readers = ((
  globalThis as unknown as { __reportReaders?: Map<string, Database.Database> }
).__reportReaders ??= new Map());

function sqliteReader(file: string): Database.Database {
  let reader = readers.get(file);
  if (!reader) {
    reader = new Database(file, { readonly: true, fileMustExist: true });
    reader.pragma("busy_timeout = 5000");
    readers.set(file, reader);
  }
  return reader;
}
