// The PostgreSQL driver adapter of the Prisma CLI (generate, migrate, seed), with the fixes for
// four bugs of @prisma/adapter-pg 6.19.3 under the WASM schema engine (../shared/STACK.md,
// docs/decisions/008-postgresql.md). Loaded by prisma.config.ts only, never by the app.
import { randomUUID } from "node:crypto";

import { PrismaPg } from "@prisma/adapter-pg";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";
import pg from "pg";

import { postgresPoolConfig } from "../app/db/postgres.server";

/** pg type ids of the catalog types `name` and `"char"`, and of `text`. */
const NAME = 19;
const CHAR = 18;
const TEXT = 25;

interface Field {
  dataTypeID: number;
}
interface PerformsIO {
  performIO(query: SqlQuery): Promise<{ fields?: Field[] } | { fields?: Field[] }[]>;
}

/**
 * The schema engine reads the catalog, whose `name` and `"char"` columns the adapter cannot map
 * (prisma#27403) → "Unsupported column type". Their text form is exact: relabel them as text.
 */
function relabelCatalogTypes<T extends object>(queryable: T): T {
  const target = queryable as unknown as PerformsIO;
  const performIO = target.performIO.bind(target);
  target.performIO = async (query) => {
    const result = await performIO(query);
    // a script of several statements answers with one result per statement
    for (const each of Array.isArray(result) ? result : [result]) {
      for (const field of each.fields ?? []) {
        if (field.dataTypeID === NAME || field.dataTypeID === CHAR) field.dataTypeID = TEXT;
      }
    }
    return result;
  };
  return queryable;
}

interface PgInternals {
  underlyingDriver(): { query(sql: string): Promise<unknown> };
  onError(error: unknown): never;
}

/**
 * `migrate deploy` hands each migration.sql to executeScript, which adapter-pg splits at every
 * ";" — a function body ($$ … ; … $$) is cut in pieces. PostgreSQL runs a script of several
 * statements itself (simple query protocol, one implicit transaction): send it whole.
 */
function wholeScripts(adapter: SqlDriverAdapter) {
  const internals = adapter as unknown as PgInternals;
  adapter.executeScript = async (script) => {
    try {
      await internals.underlyingDriver().query(script);
    } catch (error) {
      internals.onError(error);
    }
  };
}

function withCliFixes(adapter: SqlDriverAdapter): SqlDriverAdapter {
  wholeScripts(adapter);
  relabelCatalogTypes(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel): Promise<Transaction> =>
    relabelCatalogTypes(await startTransaction(isolationLevel));
  return adapter;
}

/** The CLI needs few connections and no statement timeout (a migration may take long). */
const cliSettings = { max: 2, statementTimeoutMs: 0, connectTimeoutMs: 10_000, idleTimeoutMs: 10_000 };

/** Pool options of the CLI; idle connections do not keep the process alive once it is done. */
function cliConfig(url: string, database?: string): pg.PoolConfig {
  return {
    ...postgresPoolConfig(url, cliSettings),
    allowExitOnIdle: true,
    ...(database ? { database } : {}),
  };
}

export class MigrationAwarePostgres implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName: string;
  readonly #url: string;
  readonly #inner: PrismaPg;

  constructor(url: string) {
    this.#url = url;
    this.#inner = new PrismaPg(cliConfig(url));
    this.adapterName = this.#inner.adapterName;
  }

  async connect() {
    return withCliFixes(await this.#inner.connect());
  }

  /**
   * adapter-pg's own shadow database (1) becomes the MAIN database when the config is a
   * connectionString — avoided by discrete fields — and (2) is dropped before its pool is
   * closed, which fails. Here: close the pool first, then DROP … WITH (FORCE).
   */
  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const database = `prisma_shadow_${randomUUID().replace(/-/g, "")}`;
    const admin = new pg.Client(cliConfig(this.#url));
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${database}"`);
    } finally {
      await admin.end();
    }
    const shadow = new PrismaPg(new pg.Pool(cliConfig(this.#url, database)), { disposeExternalPool: true });
    const adapter = withCliFixes(await shadow.connect());
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      const dropper = new pg.Client(cliConfig(this.#url));
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    };
    return adapter;
  }
}
