import path from "node:path";

/**
 * Where the database is. `DATABASE_URL` wins; the default is an SQLite file under
 * `data/` in the project folder. A `postgres://` or `postgresql://` URL selects PostgreSQL
 * (docs/decisions/008-postgresql.md). Shared by the app, the CLI config and the scripts so
 * that they can never disagree.
 */
export function resolveDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.DATABASE_URL?.trim();
  if (!configured) return `file:${path.resolve("data", "portal.db")}`;
  if (configured.startsWith("file:")) {
    const file = configured.slice("file:".length);
    return `file:${path.resolve(file)}`;
  }
  return configured;
}

export type DatabaseProvider = "sqlite" | "postgresql";

/** The provider a database URL selects: `postgres(ql)://` → PostgreSQL, `file:` → SQLite. */
export function databaseProvider(url: string = resolveDatabaseUrl()): DatabaseProvider {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgresql";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(`DATABASE_URL must be a file: (SQLite) or postgres:// (PostgreSQL) URL, got ${url}`);
}

/** The file path of an SQLite `file:` URL. */
export function sqliteFilePath(url: string): string {
  if (!url.startsWith("file:")) throw new Error(`not an SQLite file URL: ${url}`);
  return url.slice("file:".length);
}

/** The discrete connection fields of a PostgreSQL URL (adapter-pg needs them apart, see 008). */
export interface PostgresTarget {
  host: string;
  port: number;
  user: string;
  password?: string;
  database: string;
}

export function postgresTarget(url: string): PostgresTarget {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  if (!database) throw new Error("DATABASE_URL names no PostgreSQL database (postgres://host/NAME)");
  return {
    host: decodeURIComponent(parsed.hostname) || "localhost",
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username) || "postgres",
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    database,
  };
}
