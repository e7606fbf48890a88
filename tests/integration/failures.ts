import { databaseProvider } from "~/database-url.server";
import type { Db } from "~/db.server";

/**
 * Makes every INSERT into `table` fail (a full disk, a lost database) until the returned function
 * is called — in the trigger syntax of the database the test runs on.
 */
export async function refuseInserts(db: Db, table: string): Promise<() => Promise<void>> {
  const trigger = `refuse_${table.toLowerCase()}`;
  if (databaseProvider() === "postgresql") {
    await db.$executeRawUnsafe(
      `CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER ${trigger} BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION ${trigger}()`,
    );
    return async () => {
      await db.$executeRawUnsafe(`DROP TRIGGER ${trigger} ON "${table}"`);
      await db.$executeRawUnsafe(`DROP FUNCTION ${trigger}()`);
    };
  }
  await db.$executeRawUnsafe(
    `CREATE TRIGGER ${trigger} BEFORE INSERT ON "${table}" BEGIN SELECT RAISE(ABORT, 'disk full'); END;`,
  );
  return async () => {
    await db.$executeRawUnsafe(`DROP TRIGGER ${trigger}`);
  };
}
