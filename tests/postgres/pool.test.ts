import { afterEach, describe, expect, it } from "vitest";

import { assertDatabaseSettings, createPrismaClient, type Db, pingDatabase } from "~/db.server";

// Runs on PostgreSQL only (vitest.pg.config.ts): the pool and timeouts of DATABASE_POOL_MAX,
// DATABASE_STATEMENT_TIMEOUT_MS and DATABASE_CONNECT_TIMEOUT_MS, and the health check over them.
const url = process.env.DATABASE_URL!;
const opened: Db[] = [];
const saved = { ...process.env };

function clientWith(settings: Record<string, string>) {
  Object.assign(process.env, settings);
  const client = createPrismaClient(url);
  opened.push(client);
  return client;
}

afterEach(async () => {
  for (const key of ["DATABASE_POOL_MAX", "DATABASE_STATEMENT_TIMEOUT_MS", "DATABASE_CONNECT_TIMEOUT_MS"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  await Promise.all(opened.splice(0).map((client) => client.$disconnect()));
});

describe("the PostgreSQL pool", () => {
  it("sets the statement timeout on every connection, and the server enforces it", async () => {
    const client = clientWith({ DATABASE_STATEMENT_TIMEOUT_MS: "200" });
    await expect(assertDatabaseSettings(client, url)).resolves.toBeUndefined();
    await expect(client.$queryRawUnsafe("SELECT 1 FROM pg_sleep(0.05)")).resolves.toBeDefined();
    await expect(client.$queryRawUnsafe("SELECT 1 FROM pg_sleep(2)")).rejects.toThrow(/statement timeout/);
  });

  it("start-up refuses a server whose statement timeout is not the configured one", async () => {
    const client = clientWith({ DATABASE_STATEMENT_TIMEOUT_MS: "200" });
    process.env.DATABASE_STATEMENT_TIMEOUT_MS = "300";
    await expect(assertDatabaseSettings(client, url)).rejects.toThrow(
      /statement_timeout is 200 ms, expected 300/,
    );
  });

  it("opens at most DATABASE_POOL_MAX connections, and the health check fails while none is free", async () => {
    const client = clientWith({ DATABASE_POOL_MAX: "1", DATABASE_CONNECT_TIMEOUT_MS: "300" });
    await pingDatabase(client);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const holding = new Promise<void>((resolve) => (started = resolve));
    const transaction = client.$transaction(
      async (tx) => {
        await tx.$queryRawUnsafe("SELECT 1");
        started();
        await held;
      },
      { timeout: 10_000, maxWait: 5_000 },
    );
    await holding;
    await expect(pingDatabase(client)).rejects.toThrow(/PostgreSQL pool: 1 connections, 0 idle, 0 waiting/);
    release();
    await transaction;
    await expect(pingDatabase(client)).resolves.toBeUndefined();
  });
});
