// Small PostgreSQL helpers for the scripts and the tests: where the server is, whether it
// answers, and throw-away databases. The app itself connects through app/db.server.ts.
import pg from "pg";

/** The server the PostgreSQL tests and `db:migrate:pg` use (any database on it; trust auth here). */
export const DEFAULT_TEST_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/test";

export function testPostgresUrl(env = process.env) {
  return env.TEST_POSTGRES_URL?.trim() || DEFAULT_TEST_POSTGRES_URL;
}

export const isPostgresUrl = (url) => /^postgres(ql)?:\/\//i.test(url ?? "");

/** The same server with another database name. */
export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

function client(url) {
  const parsed = new URL(url);
  return new pg.Client({
    host: decodeURIComponent(parsed.hostname) || "localhost",
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username) || "postgres",
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    database: decodeURIComponent(parsed.pathname.slice(1)) || "postgres",
    connectionTimeoutMillis: 3000,
  });
}

/** null when the server answers, else why not (for a clear message). */
export async function postgresProblem(url) {
  const c = client(url);
  try {
    await c.connect();
    await c.query("SELECT 1");
    return null;
  } catch (error) {
    return error instanceof Error ? error.message || error.constructor.name : String(error);
  } finally {
    await c.end().catch(() => {});
  }
}

const NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * Runs statements on a connection to the database of `url`.
 * @template T
 * @param {string} url
 * @param {(client: pg.Client) => Promise<T>} work
 * @returns {Promise<T>}
 */
export async function onServer(url, work) {
  const c = client(url);
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

/** CREATE DATABASE name [TEMPLATE template] (names are checked, never user input). */
export async function createDatabase(url, name, template) {
  if (!NAME.test(name) || (template && !NAME.test(template))) throw new Error(`bad database name ${name}`);
  await onServer(url, (c) =>
    c.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`),
  );
  return withDatabase(url, name);
}

export async function dropDatabase(url, name) {
  if (!NAME.test(name)) throw new Error(`bad database name ${name}`);
  await onServer(url, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** A fresh, unique database name with a recognisable prefix (`xyd_<kind>_<pid>_<random>`). */
export function throwAwayName(kind) {
  return `xyd_${kind}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
}
