import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import type { PoolConfig } from "pg";

import { postgresTarget } from "../database-url.server";

/**
 * The connection pool of one app server on PostgreSQL. Every setting is an environment
 * variable (README, "Running on PostgreSQL"); N servers open at most N × DATABASE_POOL_MAX
 * connections, which must stay below the server's max_connections.
 */
export interface PostgresPoolSettings {
  /** DATABASE_POOL_MAX: connections this process keeps open at most (default 10) */
  max: number;
  /** DATABASE_STATEMENT_TIMEOUT_MS: the server cancels a statement running longer (default 15 s; 0 = none) */
  statementTimeoutMs: number;
  /** DATABASE_CONNECT_TIMEOUT_MS: how long a query waits to connect or for a free connection (default 5 s) */
  connectTimeoutMs: number;
  /** DATABASE_IDLE_TIMEOUT_MS: an idle connection is closed after this (default 30 s) */
  idleTimeoutMs: number;
}

function integerSetting(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  min: number,
): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  }
  return value;
}

export function postgresPoolSettings(
  env: Record<string, string | undefined> = process.env,
): PostgresPoolSettings {
  return {
    max: integerSetting(env, "DATABASE_POOL_MAX", 10, 1),
    statementTimeoutMs: integerSetting(env, "DATABASE_STATEMENT_TIMEOUT_MS", 15_000, 0),
    connectTimeoutMs: integerSetting(env, "DATABASE_CONNECT_TIMEOUT_MS", 5_000, 1),
    idleTimeoutMs: integerSetting(env, "DATABASE_IDLE_TIMEOUT_MS", 30_000, 1),
  };
}

/** node-postgres pool options for a URL: discrete fields, never `connectionString` (decision 008). */
export function postgresPoolConfig(url: string, settings = postgresPoolSettings()): PoolConfig {
  return {
    ...postgresTarget(url),
    max: settings.max,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    idleTimeoutMillis: settings.idleTimeoutMs,
    // sent at connection start: the server enforces it, also for a statement the client gave up on
    statement_timeout: settings.statementTimeoutMs,
    // a transaction left open by a crashed request does not hold its locks forever
    idle_in_transaction_session_timeout: Math.max(settings.statementTimeoutMs, 60_000),
    application_name: "xinyidai-portal",
  };
}

/** The driver adapter over a pool; disposing the Prisma client ends the pool. */
export function postgresAdapterFactory(pool: pg.Pool) {
  return new PrismaPg(pool, { disposeExternalPool: true });
}
