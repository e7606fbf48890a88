/**
 * The benchmark's own database access, apart from the app's Prisma client: the dataset builder
 * writes through it and the baselines ("the best hand-written SQL") read through it. One
 * implementation per database; the SQL of the baselines is per dialect (bench/baseline-*.ts).
 *
 * SQLite: raw better-sqlite3, prepared statements, batched inserts in transactions.
 * PostgreSQL (`DATABASE_URL=postgres://…`): raw node-postgres (`pg.Pool` with the app's pool
 * settings), multi-row INSERTs of up to 5,000 rows per statement. The SQL given to `all` uses `?`
 * placeholders on both (turned into `$1…` for PostgreSQL; no `?` may appear in a literal).
 */
import Database from "better-sqlite3";
import pg from "pg";

import { postgresPoolConfig, postgresPoolSettings } from "../app/db/postgres.server";

/** A bound value; a list of strings only on PostgreSQL (`= ANY(?)`). */
export type Value = string | number | bigint | boolean | Date | null | readonly string[];

export interface BenchDriver {
  readonly dialect: "sqlite" | "postgres";
  /** Inserts rows in batches, each batch one transaction; `progress` after each batch. */
  insert(
    table: string,
    columns: readonly string[],
    rows: Iterable<Value[]>,
    progress?: (done: number) => void,
  ): Promise<number>;
  all<T>(sql: string, params?: readonly Value[]): Promise<T[]>;
  exec(sql: string): Promise<void>;
  /** `work` inside one transaction on one connection (SQLite: BEGIN IMMEDIATE) */
  transaction<T>(work: (tx: Pick<BenchDriver, "all" | "exec">) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Prisma's better-sqlite3 adapter stores DateTime as ISO text with an explicit +00:00. */
export const sqliteInstant = (instant: Date) => instant.toISOString().replace("Z", "+00:00");

function sqliteValue(value: Value): string | number | bigint | null {
  if (value instanceof Date) return sqliteInstant(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "object" && value !== null)
    throw new Error("SQLite takes no list parameter: spell out the ?s");
  return value;
}

const BATCH = 5_000;

export function sqliteDriver(file: string, { readonly = false, building = false } = {}): BenchDriver {
  const db = new Database(file, { readonly });
  if (building) {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = OFF"); // only while building the throw-away dataset
    db.pragma("cache_size = -200000");
  }
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  return {
    dialect: "sqlite",
    async insert(table, columns, rows, progress) {
      const statement = db.prepare(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
      );
      const write = db.transaction((batch: Value[][]) => {
        for (const row of batch) statement.run(row.map(sqliteValue));
      });
      let done = 0;
      let batch: Value[][] = [];
      for (const row of rows) {
        batch.push(row);
        if (batch.length === BATCH) {
          write(batch);
          done += batch.length;
          batch = [];
          progress?.(done);
        }
      }
      if (batch.length) {
        write(batch);
        done += batch.length;
        progress?.(done);
      }
      return done;
    },
    async all<T>(sql: string, params: readonly Value[] = []) {
      return prepared(sql).all(...params.map(sqliteValue)) as T[];
    },
    async exec(sql) {
      db.exec(sql);
    },
    async transaction(work) {
      db.exec("BEGIN IMMEDIATE");
      try {
        const result = await work(this);
        db.exec("COMMIT");
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec("ROLLBACK");
        throw error;
      }
    },
    async close() {
      db.close();
    },
  };
}

/** `?` placeholders → `$1, $2, …` */
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/** Instants as UTC text: the columns are `timestamp(3)` holding UTC, which ignores the offset. */
function postgresValue(value: Value): string | number | boolean | null | readonly string[] {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return String(value);
  return value;
}

/** PostgreSQL takes at most 65,535 parameters per statement. */
const PG_PARAMETERS = 60_000;

export function postgresDriver(url: string, { building = false } = {}): BenchDriver {
  const settings = postgresPoolSettings();
  // building: no statement timeout, and no wait for the WAL flush of each batch (throw-away data)
  const pool = new pg.Pool({
    ...postgresPoolConfig(url, building ? { ...settings, max: 1, statementTimeoutMs: 0 } : settings),
    // set at connection start (a SET sent on "connect" raced the connection's first query)
    ...(building ? { options: "-c synchronous_commit=off" } : {}),
  });
  const query = async <T>(runner: pg.Pool | pg.PoolClient, sql: string, params: readonly Value[] = []) =>
    (await runner.query(numbered(sql), params.map(postgresValue))).rows as T[];
  return {
    dialect: "postgres",
    async insert(table, columns, rows, progress) {
      const perStatement = Math.min(BATCH, Math.floor(PG_PARAMETERS / columns.length));
      const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `;
      const tuples = new Map<number, string>();
      const statementFor = (count: number) => {
        let sql = tuples.get(count);
        if (!sql) {
          let n = 0;
          const tuple = () => `(${columns.map(() => `$${++n}`).join(", ")})`;
          sql = head + Array.from({ length: count }, tuple).join(", ");
          tuples.set(count, sql);
        }
        return sql;
      };
      const client = await pool.connect();
      let done = 0;
      const write = async (batch: Value[][]) => {
        await client.query("BEGIN");
        await client.query(statementFor(batch.length), batch.flat().map(postgresValue));
        await client.query("COMMIT");
        done += batch.length;
        progress?.(done);
      };
      try {
        let batch: Value[][] = [];
        for (const row of rows) {
          batch.push(row);
          if (batch.length === perStatement) {
            await write(batch);
            batch = [];
          }
        }
        if (batch.length) await write(batch);
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
      return done;
    },
    all: (sql, params) => query(pool, sql, params),
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work({
          all: (sql, params) => query(client, sql, params),
          exec: async (sql) => void (await client.query(sql)),
        });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

/** The driver for a DATABASE_URL-style address. */
export function driverFor(
  url: string,
  options: { readonly?: boolean; building?: boolean } = {},
): BenchDriver {
  if (url.startsWith("file:")) return sqliteDriver(url.slice("file:".length), options);
  if (/^postgres(ql)?:\/\//.test(url)) return postgresDriver(url, options);
  throw new Error(`unsupported database address: ${url}`);
}
