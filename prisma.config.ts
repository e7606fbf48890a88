// Prisma CLI configuration (generate, migrate, seed), offline with the WASM engines.
// See ../shared/STACK.md and docs/decisions/001-prisma-6-wasm-engine.md.
import path from "node:path";

import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { defineConfig } from "prisma/config";

import { databaseProvider, resolveDatabaseUrl } from "./app/database-url.server";
import { MigrationAwarePostgres } from "./prisma/pg-cli-adapter";

// The WASM schema engine leaves long timers armed, so the CLI lingers 10–60 s after it
// has finished. This file is loaded only by the CLI process: let such timers not keep it alive.
const originalSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = ((handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
  const timer = originalSetTimeout(handler, ms, ...args);
  if ((ms ?? 0) >= 5000) timer.unref?.();
  return timer;
}) as typeof setTimeout;

/**
 * `migrate dev` replays each migration.sql into the shadow database through
 * executeRaw, which better-sqlite3 runs with prepare() (one statement only) → P3006.
 * Route parameterless executeRaw calls on the shadow connection to executeScript.
 */
class MigrationAwareSQLite implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  readonly #inner: PrismaBetterSQLite3;

  constructor(url: string) {
    this.#inner = new PrismaBetterSQLite3({ url, timeout: 5000 });
    this.adapterName = this.#inner.adapterName;
  }

  connect() {
    return this.#inner.connect();
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadow = await this.#inner.connectToShadowDb();
    const executeRaw = shadow.executeRaw.bind(shadow);
    shadow.executeRaw = async (query) => {
      if (query.args.length === 0) {
        await shadow.executeScript(query.sql);
        return 0;
      }
      return executeRaw(query);
    };
    return shadow;
  }
}

// DATABASE_URL chooses the provider: postgres:// → the generated PostgreSQL schema and its own
// migrations (docs/decisions/008-postgresql.md), anything else → SQLite.
const url = resolveDatabaseUrl();
const folder = databaseProvider(url) === "postgresql" ? path.join("prisma", "postgresql") : "prisma";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(folder, "schema.prisma"),
  migrations: {
    path: path.join(folder, "migrations"),
    seed: "tsx prisma/seed.ts",
  },
  async adapter() {
    return databaseProvider(url) === "postgresql"
      ? new MigrationAwarePostgres(url)
      : new MigrationAwareSQLite(url);
  },
});
