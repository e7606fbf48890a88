import { createHash } from "node:crypto";

import Database from "better-sqlite3";
import pg from "pg";

import { databaseProvider, postgresTarget, resolveDatabaseUrl, sqliteFilePath } from "~/database-url.server";

/** One checksum per table: every row of every table, in primary-key order (PostgreSQL: text order). */
type Snapshot = Map<string, string>;

/**
 * Columns any signed-in request may write, whatever it posts: a session's lastSeenAt is
 * touched once a minute (app/session.server.ts).
 */
const BOOKKEEPING_COLUMNS: Record<string, string[]> = { Session: ["lastSeenAt"] };

/**
 * Tables not hashed row by row, because the only writer of each also writes the small table named
 * beside it in the same transaction, and that one is hashed. IndicatorDay (37,000 rows, rebuilt
 * whole by ensureIndicatorDays) and its stamp, whose builtAt every rebuild moves: hashed after
 * every commit (SQLite), the day table alone cost 55–90 ms a request of the hostile suites; the
 * access matrix's fingerprint of the whole database leaves it out too.
 */
export const SEEN_THROUGH: Record<string, string> = { IndicatorDay: "IndicatorDayStamp" };

/** A connection of its own: what it sees is what Prisma's connection committed. */
interface Reader {
  /** one checksum per table: every table, or only `tables` */
  snapshot(tables?: readonly string[]): Promise<Snapshot>;
  /**
   * Which tables may have changed since the last call: SQLite, every table once another
   * connection committed (its data_version moved), else none; PostgreSQL, the tables a write
   * statement ran on (statement triggers), which may include a statement that changed nothing.
   */
  touched(): Promise<readonly string[] | "all">;
  close(): Promise<void>;
}

function sqliteReader(): Reader {
  const conn = new Database(sqliteFilePath(resolveDatabaseUrl()), { readonly: true, fileMustExist: true });
  let version = conn.pragma("data_version", { simple: true }) as number;
  // each table's select, made once: the schema does not change while a test file runs
  const selects = new Map<string, string>();
  const selectOf = (table: string) => {
    let select = selects.get(table);
    if (!select) {
      const skip = BOOKKEEPING_COLUMNS[table] ?? [];
      const info = conn.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; pk: number }[];
      const columns = info.filter((c) => !skip.includes(c.name)).map((c) => `"${c.name}"`);
      // by the primary key: every table has one, and a WITHOUT ROWID table (the rollups) has no rowid
      const key = info
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => `"${c.name}"`);
      select = `SELECT ${columns.join(", ")} FROM "${table}" ORDER BY ${key.length ? key.join(", ") : "rowid"}`;
      selects.set(table, select);
    }
    return select;
  };
  return {
    async touched() {
      const now = conn.pragma("data_version", { simple: true }) as number;
      if (now === version) return [];
      version = now;
      return "all";
    },
    async snapshot(only?: readonly string[]) {
      const tables = (
        conn
          .prepare(
            `SELECT name FROM sqlite_master WHERE type = 'table'
               AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name`,
          )
          .pluck()
          .all() as string[]
      ).filter((name) => !Object.hasOwn(SEEN_THROUGH, name) && (!only || only.includes(name)));
      const snapshot: Snapshot = new Map();
      for (const table of tables) {
        const hash = createHash("sha256");
        for (const row of conn.prepare(selectOf(table)).raw().iterate()) {
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

/** Where the PostgreSQL reader's triggers note the tables written (outside the app's schema). */
const WATCH = `"test_watch"`;

/**
 * PostgreSQL: the server hashes each table (its rows as text, in text order: there is no rowid).
 * Hashing every table after every request took minutes for the hostile-input suite, so a
 * statement trigger on each table notes the table in a side table (one row per statement, so
 * concurrent writers never wait on each other); a check takes and deletes the noted rows — a
 * write committed later is seen by the next check — and hashes only those tables. The triggers
 * live in the test file's own throw-away database (tests/setup/global-setup.ts).
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
  await client.query(`
    CREATE SCHEMA IF NOT EXISTS ${WATCH};
    CREATE TABLE IF NOT EXISTS ${WATCH}."written" ("table" text NOT NULL);
    CREATE OR REPLACE FUNCTION ${WATCH}."note"() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO ${WATCH}."written" VALUES (TG_TABLE_NAME);
      RETURN NULL;
    END $$;
    ${[...byTable.keys()]
      .map(
        (table) => `
    CREATE OR REPLACE TRIGGER "test_watch_note" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}"
      FOR EACH STATEMENT EXECUTE FUNCTION ${WATCH}."note"();`,
      )
      .join("")}
    DELETE FROM ${WATCH}."written";`);
  const hashOf = ([table, cols]: [string, string[]]) => {
    const row = `ROW(${cols.join(", ")})::text`;
    return `SELECT '${table}' AS "table", md5(COALESCE(string_agg(${row}, E'\\n' ORDER BY ${row}), '')) AS "hash" FROM "${table}"`;
  };
  return {
    async touched() {
      const { rows } = await client.query<{ table: string }>(
        `DELETE FROM ${WATCH}."written" RETURNING "table"`,
      );
      return [...new Set(rows.map((row) => row.table))];
    },
    async snapshot(only?: readonly string[]) {
      const tables = [...byTable].filter(([table]) => !only || only.includes(table));
      if (!tables.length) return new Map();
      const { rows } = await client.query<{ table: string; hash: string }>(
        tables.map(hashOf).join("\nUNION ALL\n"),
      );
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

/**
 * Which tables changed since the last call: the tables the reader says may have been written
 * (none when nothing was committed) are hashed again and compared with their last checksums.
 */
export async function createChangeTracker() {
  const current = await openReader();
  await current.touched();
  const snapshot = await current.snapshot();
  return {
    async changed(): Promise<string[]> {
      const touched = await current.touched();
      if (touched !== "all" && touched.length === 0) return [];
      const next = await current.snapshot(touched === "all" ? undefined : touched);
      const changed = [...next]
        .filter(([table, hash]) => snapshot.get(table) !== hash)
        .map(([table]) => table);
      for (const [table, hash] of next) snapshot.set(table, hash);
      return changed.sort();
    },
  };
}

export async function closeSnapshotReader() {
  const closing = reader;
  reader = null;
  await (await closing)?.close();
}
