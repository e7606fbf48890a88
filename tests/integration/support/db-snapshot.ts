import { createHash } from "node:crypto";

import Database from "better-sqlite3";
import pg from "pg";

import { databaseProvider, postgresTarget, resolveDatabaseUrl, sqliteFilePath } from "~/database-url.server";

/** One checksum per table: every row of every table, in rowid order (PostgreSQL: text order). */
export type Snapshot = Map<string, string>;

/**
 * Columns any signed-in request may write, whatever it posts: a session's lastSeenAt is
 * touched once a minute (app/session.server.ts).
 */
const BOOKKEEPING_COLUMNS: Record<string, string[]> = { Session: ["lastSeenAt"] };

/** A connection of its own: what it sees is what Prisma's connection committed. */
interface Reader {
  snapshot(): Promise<Snapshot>;
  /** SQLite's data_version: moves whenever another connection commits (none on PostgreSQL) */
  version?(): number;
  close(): Promise<void>;
}

function sqliteReader(): Reader {
  const conn = new Database(sqliteFilePath(resolveDatabaseUrl()), { readonly: true, fileMustExist: true });
  return {
    version: () => conn.pragma("data_version", { simple: true }) as number,
    async snapshot() {
      const tables = conn
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'table'
             AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name`,
        )
        .pluck()
        .all() as string[];
      const snapshot: Snapshot = new Map();
      for (const table of tables) {
        const hash = createHash("sha256");
        const skip = BOOKKEEPING_COLUMNS[table] ?? [];
        const columns = (conn.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[])
          .map((c) => c.name)
          .filter((name) => !skip.includes(name));
        const select = `SELECT ${columns.map((c) => `"${c}"`).join(", ")} FROM "${table}" ORDER BY rowid`;
        for (const row of conn.prepare(select).raw().iterate()) {
          hash.update(
            JSON.stringify(row, (_key, value: unknown) =>
              value instanceof Buffer ? value.toString("hex") : value,
            ),
          );
          hash.update("\n");
        }
        snapshot.set(table, hash.digest("hex"));
      }
      return snapshot;
    },
    close: async () => {
      conn.close();
    },
  };
}

/**
 * PostgreSQL: the server hashes each table (its rows as text, in text order: there is no rowid),
 * all tables in ONE query — a snapshot per payload must stay cheap.
 */
async function postgresReader(): Promise<Reader> {
  const client = new pg.Client(postgresTarget(resolveDatabaseUrl()));
  await client.connect();
  const { rows: columns } = await client.query<{ table: string; column: string }>(
    `SELECT c.table_name AS "table", c.column_name AS "column"
       FROM information_schema.columns c JOIN information_schema.tables t
         ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
        AND c.table_name <> '_prisma_migrations'
      ORDER BY c.table_name, c.ordinal_position`,
  );
  const byTable = new Map<string, string[]>();
  for (const { table, column } of columns) {
    if ((BOOKKEEPING_COLUMNS[table] ?? []).includes(column)) continue;
    byTable.set(table, [...(byTable.get(table) ?? []), `"${column}"`]);
  }
  const sql = [...byTable]
    .map(([table, cols]) => {
      const row = `ROW(${cols.join(", ")})::text`;
      return `SELECT '${table}' AS "table", md5(COALESCE(string_agg(${row}, E'\\n' ORDER BY ${row}), '')) AS "hash" FROM "${table}"`;
    })
    .join("\nUNION ALL\n");
  return {
    async snapshot() {
      const { rows } = await client.query<{ table: string; hash: string }>(sql);
      return new Map(rows.map((row) => [row.table, row.hash]));
    },
    close: () => client.end(),
  };
}

let reader: Promise<Reader> | null = null;

function openReader(): Promise<Reader> {
  reader ??= databaseProvider() === "postgresql" ? postgresReader() : Promise.resolve(sqliteReader());
  return reader;
}

export async function snapshotTables(): Promise<Snapshot> {
  return (await openReader()).snapshot();
}

/**
 * Which tables changed since the last call. On SQLite the checksums are only recomputed after
 * another connection committed (data_version moved); on PostgreSQL every call hashes.
 */
export async function createChangeTracker() {
  const current = await openReader();
  let seen = current.version?.();
  let snapshot = await current.snapshot();
  return {
    async changed(): Promise<string[]> {
      if (current.version) {
        const now = current.version();
        if (now === seen) return [];
        seen = now;
      }
      const next = await current.snapshot();
      const tables = changedTables(snapshot, next);
      snapshot = next;
      return tables;
    },
  };
}

/** The tables whose checksum differs between two snapshots. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}

export async function closeSnapshotReader() {
  const closing = reader;
  reader = null;
  await (await closing)?.close();
}
