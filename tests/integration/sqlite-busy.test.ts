import { copyFileSync } from "node:fs";

import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { resolveDatabaseUrl, sqliteFilePath } from "~/database-url.server";
import { db as appDb } from "~/db.server";
import { lockRow } from "~/db/row-lock.server";
import { serializedAdapterFactory } from "~/db/serialized-adapter.server";

/**
 * The hazard of the better-sqlite3 adapter (docs/decisions/003): an SQLITE_BUSY at COMMIT
 * leaves the connection inside the transaction, and the adapter's own mutex locked, so every
 * later transaction waits forever and every later write joins the dead transaction (prisma#29933).
 *
 * Reproduced for real, not simulated: the database is put in rollback-journal mode, where COMMIT
 * needs an exclusive lock, and a second connection holds a read transaction open across the
 * commit. (In WAL mode a commit is rarely refused, but the adapter's recovery must not depend on
 * that.) The client is built exactly as app/db.server.ts builds it, with a short busy timeout.
 */

const BUSY_TIMEOUT_MS = 100;
let file: string;
let client: PrismaClient;
let blocker: Database.Database;

beforeAll(async () => {
  file = sqliteFilePath(resolveDatabaseUrl()).replace(/\.db$/, "-busy.db");
  copyFileSync(sqliteFilePath(resolveDatabaseUrl()), file);
  const factory = new PrismaBetterSQLite3({ url: `file:${file}`, timeout: BUSY_TIMEOUT_MS });
  client = new PrismaClient({
    adapter: serializedAdapterFactory(factory, (adapter) =>
      adapter.executeScript(`PRAGMA journal_mode = DELETE; PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`),
    ),
  });
  await client.setting.create({ data: { key: "acknowledged-before", value: "1" } });
  blocker = new Database(file, { timeout: BUSY_TIMEOUT_MS });
});

afterAll(async () => {
  blocker?.close();
  await client?.$disconnect();
});

/** Holds a SHARED lock: a read transaction that has read something. */
function holdReadLock() {
  blocker.exec("BEGIN");
  blocker.prepare(`SELECT count(*) FROM "Setting"`).get();
  return () => blocker.exec("COMMIT");
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`${what}: still waiting after ${ms} ms`)), ms),
    ),
  ]);
}

describe("SQLITE_BUSY at COMMIT", () => {
  it("fails that transaction only: later transactions run, acknowledged writes survive, none is swallowed", async () => {
    let commitReached!: () => void;
    const atCommit = new Promise<void>((resolve) => (commitReached = resolve));
    let release: (() => void) | null = null;

    const doomed = client
      .$transaction(async (tx) => {
        await tx.setting.create({ data: { key: "in-doomed-transaction", value: "x" } });
        // The reader arrives after the write and before COMMIT: COMMIT cannot get its lock.
        release = holdReadLock();
        commitReached();
      })
      .then(
        () => "committed",
        (error: Error) => `failed: ${error.message}`,
      );
    await atCommit;
    // An ordinary write of another request, issued while the doomed transaction is open. It
    // waits for the transaction to end; the reader still holds its lock then, so it may be
    // refused too — but it must never be acknowledged and then lost with the rollback.
    const queued = client.setting.create({ data: { key: "queued-during", value: "y" } }).then(
      () => "written",
      () => "refused",
    );

    const outcome = await within(doomed, 5_000, "the doomed transaction");
    const queuedOutcome = await within(queued, 5_000, "the queued write");
    release!();
    // SQLITE_BUSY surfaces as Prisma's P1008 ("SocketTimeout")
    expect(outcome).toMatch(/^failed: .*(SocketTimeout|locked|busy)/i);

    // The connection is usable for transactions and writes again.
    await within(
      client.$transaction(async (tx) => {
        await tx.setting.create({ data: { key: "acknowledged-after", value: "2" } });
      }),
      5_000,
      "a later transaction",
    );
    await within(
      client.setting.create({ data: { key: "ordinary-after", value: "3" } }),
      5_000,
      "a later write",
    );

    // Read through a separate connection: what is on disk, not what the client's connection sees.
    const reader = new Database(file, { readonly: true });
    const keys = reader.prepare(`SELECT "key" FROM "Setting" ORDER BY "key"`).pluck().all();
    reader.close();
    expect(keys).toEqual([
      "acknowledged-after",
      "acknowledged-before",
      "ordinary-after",
      ...(queuedOutcome === "written" ? ["queued-during"] : []),
    ]);
  });

  it("recovers from several refused commits in a row", async () => {
    for (let i = 0; i < 3; i++) {
      const release = { fn: null as null | (() => void) };
      const result = await within(
        client
          .$transaction(async (tx) => {
            await tx.setting.create({ data: { key: `doomed-${i}`, value: "x" } });
            release.fn = holdReadLock();
          })
          .then(
            () => "committed",
            () => "failed",
          ),
        5_000,
        `doomed transaction ${i}`,
      );
      release.fn?.();
      expect(result).toBe("failed");
    }
    await within(client.setting.create({ data: { key: "after-three", value: "ok" } }), 5_000, "a write");
    expect(await client.setting.count({ where: { key: { startsWith: "doomed-" } } })).toBe(0);
    expect(await client.setting.count({ where: { key: "after-three" } })).toBe(1);
  });
});

describe("a transaction that gives up waiting for the connection", () => {
  it("does not keep the connection when it finally gets it", async () => {
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    let started!: () => void;
    const slowStarted = new Promise<void>((resolve) => (started = resolve));
    const slow = appDb.$transaction(
      async (tx) => {
        await tx.setting.create({ data: { key: "slow", value: "1" } });
        started();
        await sleep(1_000);
      },
      { timeout: 5_000 },
    );
    await slowStarted;
    const impatient = appDb
      .$transaction(
        async (tx) => {
          await tx.setting.create({ data: { key: "impatient", value: "1" } });
        },
        { maxWait: 100 },
      )
      .then(
        () => "ran",
        () => "gave up",
      );
    expect(await impatient).toBe("gave up");
    await slow;
    await within(appDb.setting.create({ data: { key: "after-impatient", value: "1" } }), 3_000, "a write");
    await within(
      appDb.$transaction(async (tx) =>
        tx.setting.create({ data: { key: "tx-after-impatient", value: "1" } }),
      ),
      3_000,
      "a transaction",
    );
    const keys = (
      await appDb.setting.findMany({
        where: { key: { in: ["slow", "impatient", "after-impatient", "tx-after-impatient"] } },
      })
    )
      .map((s) => s.key)
      .sort();
    expect(keys).toEqual(["after-impatient", "slow", "tx-after-impatient"]);
  });
});

describe("lockRow on SQLite", () => {
  it("takes the database's write lock at once, before the reads that follow it", async () => {
    const other = new Database(sqliteFilePath(resolveDatabaseUrl()), { timeout: 10 });
    const tryWriteLock = () => {
      try {
        other.exec("BEGIN IMMEDIATE");
        other.exec("ROLLBACK");
        return "free";
      } catch {
        return "held";
      }
    };
    const seen: string[] = [];
    try {
      await appDb.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1`;
        seen.push(tryWriteLock());
        // a firm that does not exist: on SQLite the lock is the database's, not the row's
        await lockRow(tx, "Enterprise", "no-such-firm");
        seen.push(tryWriteLock());
      });
      seen.push(tryWriteLock());
    } finally {
      other.close();
    }
    expect(seen).toEqual(["free", "held", "free"]);
  });
});
