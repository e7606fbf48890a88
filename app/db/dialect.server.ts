import { Prisma } from "@prisma/client";

import { type DatabaseProvider, databaseProvider } from "../database-url.server";
import { addDays } from "../domain/shanghai-time";

/**
 * The one module that knows how SQLite and PostgreSQL differ in the SQL the portal writes by hand
 * (raw queries of the indicators and the candidate list) and in Prisma filters whose meaning
 * differs. Everything else is the same SQL on both. docs/decisions/008-postgresql.md;
 * tests/integration/dialect.test.ts runs each piece on the configured database.
 */
export interface Dialect {
  provider: DatabaseProvider;
  /** a DateTime bound for comparison with a stored column */
  instant(instant: Date): string | Date;
  /**
   * The Shanghai day of a stored DateTime column as a key that `shanghaiDayOfKey` turns into
   * "YYYY-MM-DD" (on SQLite a cheap key, see there).
   */
  day(column: Prisma.Sql): Prisma.Sql;
  /** the Shanghai month of a stored DateTime column, "YYYY-MM" */
  month(column: Prisma.Sql): Prisma.Sql;
  /** a stored DateTime column plus n calendar days, comparable with stored columns */
  plusDays(column: Prisma.Sql, days: number): Prisma.Sql;
  /** Boolean literals comparable with a Boolean column */
  true: Prisma.Sql;
  false: Prisma.Sql;
  /** case-insensitive (for ASCII letters) LIKE, as SQLite's LIKE is */
  like: Prisma.Sql;
  /** a Prisma string filter "contains, ignoring the case of ASCII letters" (SQLite's `contains`) */
  contains(text: string): Prisma.StringFilter;
  /** a fresh random id (32 lower-case hex characters) for rows inserted by INSERT … SELECT */
  randomId: Prisma.Sql;
}

function wholeDays(days: number) {
  if (!Number.isInteger(days)) throw new Error(`plusDays needs whole days, got ${days}`);
  return days;
}

const sqlite: Dialect = {
  provider: "sqlite",
  // the adapter stores DateTime as ISO text with +00:00
  instant: (instant) => instant.toISOString().replace("Z", "+00:00"),
  // The UTC day, marked "+" when the UTC hour is 16 or later (already the next day in UTC+8, which
  // has no daylight saving). SQLite's date() parses the text and costs twice as much per row.
  day: (column) =>
    Prisma.sql`substr(${column}, 1, 10) || CASE WHEN substr(${column}, 12, 2) >= '16' THEN '+' ELSE '' END`,
  month: (column) => Prisma.sql`strftime('%Y-%m', ${column}, '+8 hours')`,
  plusDays: (column, days) =>
    Prisma.sql`strftime('%Y-%m-%dT%H:%M:%f+00:00', ${column}, ${`+${wholeDays(days)} days`})`,
  true: Prisma.sql`1`,
  false: Prisma.sql`0`,
  like: Prisma.sql`LIKE`,
  contains: (text) => ({ contains: text }),
  randomId: Prisma.sql`lower(hex(randomblob(16)))`,
};

const postgresql: Dialect = {
  provider: "postgresql",
  // timestamp(3) columns hold UTC; the adapter sends a Date as UTC text
  instant: (instant) => instant,
  day: (column) => Prisma.sql`to_char(${column} + INTERVAL '8 hours', 'YYYY-MM-DD')`,
  month: (column) => Prisma.sql`to_char(${column} + INTERVAL '8 hours', 'YYYY-MM')`,
  plusDays: (column, days) => Prisma.sql`(${column} + ${Prisma.raw(`INTERVAL '${wholeDays(days)} days'`)})`,
  true: Prisma.sql`TRUE`,
  false: Prisma.sql`FALSE`,
  like: Prisma.sql`ILIKE`,
  contains: (text) => ({ contains: text, mode: "insensitive" }) as Prisma.StringFilter,
  randomId: Prisma.sql`replace(gen_random_uuid()::text, '-', '')`,
};

/** A Boolean as a raw query returns it: true on PostgreSQL, 1 (a number or a BigInt) on SQLite. */
export function sqlBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === 1n || value === "1";
}

export function sqlDialect(provider: DatabaseProvider = databaseProvider()): Dialect {
  return provider === "postgresql" ? postgresql : sqlite;
}

const dayKeys = new Map<string, string>();

/** The "YYYY-MM-DD" of a `day` key (memoised: a report reads thousands). */
export function shanghaiDayOfKey(key: string): string;
export function shanghaiDayOfKey(key: string | null): string | null;
export function shanghaiDayOfKey(key: string | null): string | null {
  if (key === null) return null;
  let day = dayKeys.get(key);
  if (day === undefined) {
    day = key.endsWith("+") ? addDays(key.slice(0, 10), 1) : key;
    if (dayKeys.size < 100_000) dayKeys.set(key, day);
  }
  return day;
}
