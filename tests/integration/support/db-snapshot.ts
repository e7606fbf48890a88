import { createHash } from "node:crypto";

import Database from "better-sqlite3";

import { resolveDatabaseUrl, sqliteFilePath } from "~/database-url.server";

/** One checksum per table: every row of every table, in rowid order. */
export type Snapshot = Map<string, string>;

/**
 * Columns any signed-in request may write, whatever it posts: a session's lastSeenAt is
 * touched once a minute (app/session.server.ts).
 */
const BOOKKEEPING_COLUMNS: Record<string, string[]> = { Session: ["lastSeenAt"] };

let reader: Database.Database | null = null;

/** A read-only connection of its own: what it sees is what Prisma's connection committed. */
function open() {
  if (!reader) {
    const file = sqliteFilePath(resolveDatabaseUrl());
    reader = new Database(file, { readonly: true, fileMustExist: true });
  }
  return reader;
}

export function snapshotTables(): Snapshot {
  const conn = open();
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
}

/** The tables whose checksum differs between two snapshots. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}

export function closeSnapshotReader() {
  reader?.close();
  reader = null;
}
