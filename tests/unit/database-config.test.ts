import { describe, expect, it } from "vitest";

import { databaseProvider, postgresTarget } from "~/database-url.server";
import { postgresPoolConfig, postgresPoolSettings } from "~/db/postgres.server";

describe("DATABASE_URL", () => {
  it("selects PostgreSQL for postgres:// and postgresql://, SQLite for file:", () => {
    expect(databaseProvider("postgres://u@db.internal:5433/xyd")).toBe("postgresql");
    expect(databaseProvider("postgresql://u@db.internal/xyd")).toBe("postgresql");
    expect(databaseProvider("file:/srv/portal.db")).toBe("sqlite");
    expect(() => databaseProvider("mysql://u@h/x")).toThrow(/file: \(SQLite\) or postgres:\/\//);
  });

  it("splits a PostgreSQL URL into discrete fields, decoding them", () => {
    expect(postgresTarget("postgres://portal:p%40ss%2Fw@db.internal:5433/xin_yidai")).toEqual({
      host: "db.internal",
      port: 5433,
      user: "portal",
      password: "p@ss/w",
      database: "xin_yidai",
    });
    expect(postgresTarget("postgresql://127.0.0.1/xyd")).toEqual({
      host: "127.0.0.1",
      port: 5432,
      user: "postgres",
      password: undefined,
      database: "xyd",
    });
    expect(() => postgresTarget("postgres://127.0.0.1/")).toThrow(/names no PostgreSQL database/);
  });
});

describe("PostgreSQL pool settings", () => {
  it("defaults to 10 connections, a 15 s statement timeout and a 5 s connect timeout", () => {
    expect(postgresPoolSettings({})).toEqual({
      max: 10,
      statementTimeoutMs: 15_000,
      connectTimeoutMs: 5_000,
      idleTimeoutMs: 30_000,
    });
  });

  it("reads the environment and refuses nonsense", () => {
    const env = {
      DATABASE_POOL_MAX: "25",
      DATABASE_STATEMENT_TIMEOUT_MS: "0",
      DATABASE_CONNECT_TIMEOUT_MS: "1500",
      DATABASE_IDLE_TIMEOUT_MS: "60000",
    };
    expect(postgresPoolSettings(env)).toEqual({
      max: 25,
      statementTimeoutMs: 0,
      connectTimeoutMs: 1500,
      idleTimeoutMs: 60_000,
    });
    expect(() => postgresPoolSettings({ DATABASE_POOL_MAX: "0" })).toThrow(
      /DATABASE_POOL_MAX must be an integer ≥ 1/,
    );
    expect(() => postgresPoolSettings({ DATABASE_STATEMENT_TIMEOUT_MS: "1.5" })).toThrow(/integer/);
    expect(() => postgresPoolSettings({ DATABASE_CONNECT_TIMEOUT_MS: "soon" })).toThrow(/integer/);
  });

  it("passes them to node-postgres, with discrete connection fields and no connectionString", () => {
    const config = postgresPoolConfig(
      "postgres://portal@db.internal/xyd",
      postgresPoolSettings({ DATABASE_POOL_MAX: "4" }),
    );
    expect(config).toMatchObject({
      host: "db.internal",
      database: "xyd",
      max: 4,
      statement_timeout: 15_000,
      connectionTimeoutMillis: 5_000,
    });
    expect(config).not.toHaveProperty("connectionString");
  });
});
