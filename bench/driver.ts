/**
 * The benchmark's own database access, apart from the app's Prisma client: the dataset builder
 * writes through it and the baselines ("the best hand-written SQL") read through it. One
 * implementation per database; the SQL of the baselines is per dialect (bench/baseline-*.ts).
 *
 * SQLite: raw better-sqlite3, prepared statements, batched inserts in transactions.
 * PostgreSQL (`DATABASE_URL=postgres://…`): not implemented yet — the seam is here so that the
 * dataset and the baselines can follow the app there without touching the measurements.
 */
import Database from "better-sqlite3";

export type Value = string | number | bigint | boolean | Date | null;

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
  close(): Promise<void>;
}

/** Prisma's better-sqlite3 adapter stores DateTime as ISO text with an explicit +00:00. */
export const sqliteInstant = (instant: Date) => instant.toISOString().replace("Z", "+00:00");

function sqliteValue(value: Value): string | number | bigint | null {
  if (value instanceof Date) return sqliteInstant(value);
  if (typeof value === "boolean") return value ? 1 : 0;
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
    async close() {
      db.close();
    },
  };
}

/** The driver for a DATABASE_URL-style address. */
export function driverFor(
  url: string,
  options: { readonly?: boolean; building?: boolean } = {},
): BenchDriver {
  if (url.startsWith("file:")) return sqliteDriver(url.slice("file:".length), options);
  if (/^postgres(ql)?:\/\//.test(url)) {
    throw new Error("the benchmark's PostgreSQL driver is not written yet (bench/driver.ts)");
  }
  throw new Error(`unsupported database address: ${url}`);
}
