import { Prisma } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";

import { databaseProvider } from "~/database-url.server";
import { shanghaiDayOfKey, sqlDialect } from "~/db/dialect.server";

import { db } from "./helpers";

// Runs on whichever database the suite runs on: SQLite by `npm run test:unit`, PostgreSQL by
// `npm run test:pg`. The expected values are worked out by hand from UTC+8.
const dialect = sqlDialect();
const effectiveOn = Prisma.raw(`"LprRate"."effectiveOn"`);

const instants = {
  /** 2026-03-01 23:59:59.999 in Shanghai */
  lastMsOfDay: new Date("2026-03-01T15:59:59.999Z"),
  /** 2026-03-02 00:00 in Shanghai */
  midnight: new Date("2026-03-01T16:00:00.000Z"),
  /** 2027-01-01 00:30 in Shanghai: another day, month and year than in UTC */
  newYear: new Date("2026-12-31T16:30:00.000Z"),
};

beforeAll(async () => {
  await db.lprRate.createMany({
    data: Object.values(instants).map((at, i) => ({ effectiveOn: at, rateBp: 300 + i })),
  });
  await db.bank.createMany({
    data: [
      { code: "ALPHA", name: "Alpha Rural Bank", nameEn: "Alpha", active: true },
      { code: "PCT", name: "100% Mutual", nameEn: "Pct", active: false },
    ],
  });
});

describe(`SQL dialect on ${databaseProvider()}`, () => {
  it("chooses the dialect of the configured database", () => {
    expect(dialect.provider).toBe(process.env.TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite");
  });

  it("keys stored instants by their Shanghai day and month", async () => {
    const rows = await db.$queryRaw<{ rateBp: number; day: string; month: string }[]>`
      SELECT "rateBp", ${dialect.day(effectiveOn)} AS "day", ${dialect.month(effectiveOn)} AS "month"
        FROM "LprRate" ORDER BY "rateBp"`;
    expect(rows.map((row) => [Number(row.rateBp), shanghaiDayOfKey(row.day), row.month])).toEqual([
      [300, "2026-03-01", "2026-03"],
      [301, "2026-03-02", "2026-03"],
      [302, "2027-01-01", "2027-01"],
    ]);
  });

  it("compares stored instants with bound instants to the millisecond", async () => {
    const from = dialect.instant(instants.midnight);
    const [row] = await db.$queryRaw<{ atOrAfter: number | bigint; before: number | bigint }[]>`
      SELECT SUM(CASE WHEN "effectiveOn" >= ${from} THEN 1 ELSE 0 END) AS "atOrAfter",
             SUM(CASE WHEN "effectiveOn" < ${from} THEN 1 ELSE 0 END) AS "before"
        FROM "LprRate"`;
    expect([Number(row.atOrAfter), Number(row.before)]).toEqual([2, 1]);
  });

  it("adds calendar days to a stored instant", async () => {
    const oneDayLater = dialect.plusDays(effectiveOn, 1);
    const count = async (bound: Date) => {
      const [row] = await db.$queryRaw<{ n: number | bigint }[]>`
        SELECT COUNT(*) AS "n" FROM "LprRate"
         WHERE "rateBp" = 301 AND ${oneDayLater} <= ${dialect.instant(bound)}`;
      return Number(row.n);
    };
    expect(await count(new Date("2026-03-02T16:00:00.000Z"))).toBe(1);
    expect(await count(new Date("2026-03-02T15:59:59.999Z"))).toBe(0);
    expect(() => dialect.plusDays(effectiveOn, 1.5)).toThrow();
  });

  it("compares Boolean columns with its true and false", async () => {
    const rows = await db.$queryRaw<{ code: string }[]>`
      SELECT "code" FROM "Bank" WHERE "active" = ${dialect.true} AND "code" IN ('ALPHA', 'PCT')
      UNION ALL
      SELECT "code" FROM "Bank" WHERE "active" = ${dialect.false} AND "code" IN ('ALPHA', 'PCT')`;
    expect(rows.map((row) => row.code)).toEqual(["ALPHA", "PCT"]);
  });

  it("matches LIKE patterns without regard to the case of ASCII letters, with escapes", async () => {
    const like = async (pattern: string) => {
      const rows = await db.$queryRaw<{ code: string }[]>`
        SELECT "code" FROM "Bank" WHERE "name" ${dialect.like} ${pattern} ESCAPE '\\' ORDER BY "code"`;
      return rows.map((row) => row.code);
    };
    expect(await like("%alpha rural%")).toEqual(["ALPHA"]);
    expect(await like("100\\%%")).toEqual(["PCT"]);
    expect(await like("1000%")).toEqual([]);
  });

  it("filters with a case-insensitive contains", async () => {
    const banks = await db.bank.findMany({
      where: { name: dialect.contains("RURAL") },
      select: { code: true },
    });
    expect(banks.map((bank) => bank.code)).toEqual(["ALPHA"]);
  });
});
