/**
 * Keeps the indicator rollups (IndicatorRollup; app/domain/indicator-rollup.ts) in step with the
 * applications, in the transaction of the event that changes them: `withFirmRollups(tx, firm,
 * write)` locks the firm, reads its contribution, runs the write, reads it again and applies
 * the difference in one upsert. `rebuildRollups` and `verifyRollups` (npm run rollups:rebuild /
 * rollups:verify) recompute every firm's contribution from the base tables.
 */
import { Prisma } from "@prisma/client";

import { db, type Db } from "~/db.server";
import { lockRow } from "~/db/row-lock.server";
import { sqlBoolean, sqlDialect } from "~/db/dialect.server";
import {
  ROLLUP_DIMENSIONS,
  addRow,
  compareRollups,
  cubeFor,
  diffContributions,
  firmContributions,
  type RollupApplication,
  type RollupFirm,
  type RollupKind,
  type RollupRow,
} from "~/domain/indicator-rollup";

type Client = Db | Prisma.TransactionClient;

/** A firm with its applications, as its contribution is computed from them. */
type FirmInput = { id: string; firm: RollupFirm; applications: RollupApplication[] };

const at = (value: unknown) =>
  value === null || value === undefined ? null : new Date(value as string | Date);
const count = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/**
 * The firms `where` selects (over alias e), each with its applications and their products, in
 * one statement — Prisma's nested read takes three. The maintenance reads one firm twice a
 * transition (docs/performance.md, the write overhead); the rebuild reads the firms in batches.
 */
async function readFirms(client: Client, where: Prisma.Sql): Promise<FirmInput[]> {
  const rows = await client.$queryRaw<Record<string, unknown>[]>`
    SELECT "e"."id" AS "firmId", "e"."hadBankLoan", "e"."subDistrictId", "e"."sectionCode", "e"."size",
           "a"."id", "a"."bankId", "a"."whitelisted", "a"."state", "a"."offerId", "a"."submittedAt",
           "a"."firstResponseAt", "a"."decidedAt", "a"."approvedAmountYuan", "a"."rejectReason",
           "a"."disbursedAt", "a"."disbursedAmountYuan", "a"."disbursedRateBp", "a"."firstLoan",
           "p"."type" AS "productType", "p"."guaranteeType"
      FROM "Enterprise" "e"
      LEFT JOIN "Application" "a" ON "a"."enterpriseId" = "e"."id"
      LEFT JOIN "Product" "p" ON "p"."id" = "a"."productId"
     WHERE ${where}`;
  const firms = new Map<string, FirmInput>();
  for (const row of rows) {
    const id = row.firmId as string;
    let found = firms.get(id);
    if (!found) {
      found = {
        id,
        firm: {
          hadBankLoan: sqlBoolean(row.hadBankLoan),
          subDistrictId: row.subDistrictId as string,
          sectionCode: row.sectionCode as string,
          size: row.size as string,
        },
        applications: [],
      };
      firms.set(id, found);
    }
    if (row.id === null) continue;
    found.applications.push({
      id: row.id as string,
      bankId: row.bankId as string,
      productType: row.productType as string,
      guaranteeType: row.guaranteeType as string,
      whitelisted: sqlBoolean(row.whitelisted),
      state: row.state as string,
      offerId: (row.offerId as string | null) ?? null,
      submittedAt: at(row.submittedAt) as Date,
      firstResponseAt: at(row.firstResponseAt),
      decidedAt: at(row.decidedAt),
      approvedAmountYuan: count(row.approvedAmountYuan),
      rejectReason: (row.rejectReason as string | null) ?? null,
      disbursedAt: at(row.disbursedAt),
      disbursedAmountYuan: count(row.disbursedAmountYuan),
      disbursedRateBp: count(row.disbursedRateBp),
      firstLoan: sqlBoolean(row.firstLoan),
    });
  }
  return [...firms.values()];
}

/** The firm's contribution to every slot, read in `client` (inside the caller's transaction). */
export async function firmRollup(client: Client, enterpriseId: string): Promise<Map<string, RollupRow>> {
  const [input] = await readFirms(client, Prisma.sql`"e"."id" = ${enterpriseId}`);
  return input ? firmContributions(input.firm, input.applications) : new Map();
}

const COLUMNS = [
  "slot",
  "kind",
  "cube",
  "day",
  ...ROLLUP_DIMENSIONS,
  "lagDays",
  "pending",
  "fromOffer",
  "outcome",
  "n",
  "amountYuan",
  "amountRate",
  "creditYuan",
  "inclusiveYuan",
  "firstLoans",
] as const;
const SUMMED = ["n", "amountYuan", "amountRate", "creditYuan", "inclusiveYuan", "firstLoans"] as const;

function valuesOf(row: RollupRow): Prisma.Sql {
  const dialect = sqlDialect();
  return Prisma.sql`(${Prisma.join(
    COLUMNS.map((column) => {
      const value = row[column];
      if (typeof value === "boolean") return value ? dialect.true : dialect.false;
      return Prisma.sql`${value}`;
    }),
  )})`;
}

const columnList = Prisma.raw(COLUMNS.map((c) => `"${c}"`).join(", "));

const addIntoSlot = Prisma.raw(
  ` ON CONFLICT ("slot") DO UPDATE SET ${SUMMED.map((c) => `"${c}" = "IndicatorRollup"."${c}" + excluded."${c}"`).join(", ")}`,
);

/**
 * Adds the rows' values into their slots (one statement per 500 rows), then drops the slots a
 * change emptied (`prune`; a rebuild adds only positive counts and has none to drop).
 */
export async function applyRollupDeltas(client: Client, rows: readonly RollupRow[], { prune = true } = {}) {
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    await client.$executeRaw`INSERT INTO "IndicatorRollup" (${columnList}) VALUES ${Prisma.join(batch.map(valuesOf))}${addIntoSlot}`;
  }
  // only a slot whose count went down can have emptied
  const shrunk = prune ? rows.filter((row) => row.n < 0).map((row) => row.slot) : [];
  if (shrunk.length) {
    await client.$executeRaw`DELETE FROM "IndicatorRollup" WHERE "n" = 0 AND "slot" IN (${Prisma.join(shrunk)})`;
  }
}

/**
 * Applications submitted and loans disbursed on or after `fromDay` (a Shanghai day), district-wide
 * or in one sub-district (the firm's): sums over the rollups' smallest cube that keeps the
 * sub-district — a few rows a day — instead of a scan of the applications with their firms.
 */
export async function rollupTotalsSince(
  fromDay: string,
  { subDistrictId = null }: { subDistrictId?: string | null } = {},
  client: Client = db,
): Promise<{ applications: number; disbursedYuan: number }> {
  const cube = cubeFor(subDistrictId === null ? [] : ["subDistrictId"]);
  const rows = await client.$queryRaw<{ kind: string; n: unknown; amount: unknown }[]>`
    SELECT "kind", SUM("n") AS "n", SUM("amountYuan") AS "amount" FROM "IndicatorRollup"
     WHERE "kind" IN ('RESPONSE', 'LOAN') AND "cube" = ${cube} AND "day" >= ${fromDay}
       ${subDistrictId === null ? Prisma.empty : Prisma.sql`AND "subDistrictId" = ${subDistrictId}`}
     GROUP BY "kind"`;
  const of = (kind: string) => rows.find((row) => row.kind === kind);
  return {
    applications: Number(of("RESPONSE")?.n ?? 0),
    disbursedYuan: Number(of("LOAN")?.amount ?? 0),
  };
}

let maintained = true;
/**
 * The bench only (bench/main.ts, the rollups' write overhead): turns the maintenance off for the
 * transitions it times without it, and repairs their firms itself. Never off in the portal.
 */
export function setRollupMaintenanceForBench(on: boolean) {
  maintained = on;
}

/**
 * Runs `write` (which changes the firm's applications) with the rollups kept in step, in the
 * caller's transaction. The firm's row is locked first, so two transactions on the same firm
 * (PostgreSQL, several servers) read and adjust its contribution one after the other.
 */
export async function withFirmRollups<T>(
  tx: Prisma.TransactionClient,
  enterpriseId: string,
  write: () => Promise<T>,
): Promise<T> {
  if (!maintained) return write();
  await lockRow(tx, "Enterprise", enterpriseId);
  const before = await firmRollup(tx, enterpriseId);
  const result = await write();
  const after = await firmRollup(tx, enterpriseId);
  await applyRollupDeltas(tx, diffContributions(before, after));
  return result;
}

/**
 * Every firm's contribution from the base tables, firms in batches by id (a firm is never split
 * across batches: the unit of the definitions is the firm): `each` gets one batch's slots.
 */
async function forEachFirmBatch(
  client: Client,
  batchSize: number,
  each: (slots: Map<string, RollupRow>, firms: number) => Promise<void> | void,
) {
  let cursor = "";
  for (;;) {
    const firms = await readFirms(
      client,
      Prisma.sql`"e"."id" IN (SELECT "f"."id" FROM "Enterprise" "f" WHERE "f"."id" > ${cursor} ORDER BY "f"."id" LIMIT ${batchSize})`,
    );
    if (firms.length === 0) break;
    const slots = new Map<string, RollupRow>();
    for (const input of firms) firmContributions(input.firm, input.applications, slots);
    await each(slots, firms.length);
    cursor = firms.reduce((last, input) => (input.id > last ? input.id : last), cursor);
  }
}

/** Every slot recomputed from the base tables, in memory (verify, tests). */
export async function recomputeRollups(
  client: Client = db,
  batchSize = 2000,
): Promise<Map<string, RollupRow>> {
  const into = new Map<string, RollupRow>();
  await forEachFirmBatch(client, batchSize, (slots) => {
    for (const row of slots.values()) addRow(into, row);
  });
  return into;
}

/** What the table holds now. */
export async function readRollups(client: Client = db): Promise<Map<string, RollupRow>> {
  const rows = await client.indicatorRollup.findMany();
  const into = new Map<string, RollupRow>();
  for (const row of rows) {
    addRow(into, {
      ...row,
      kind: row.kind as RollupKind,
      amountYuan: Number(row.amountYuan),
      amountRate: Number(row.amountRate),
      creditYuan: Number(row.creditYuan),
      inclusiveYuan: Number(row.inclusiveYuan),
    });
  }
  return into;
}

/** Replaces the rollups with a recomputation (after a raw load: the seed, the bench dataset). */
export async function rebuildRollups(
  client: Db = db,
  { batchSize = 1000, progress }: { batchSize?: number; progress?: (firms: number) => void } = {},
): Promise<{ slots: number }> {
  // Streams: each batch of firms is summed into the table (upsert) and forgotten, so the memory
  // is one batch's slots, not the whole city's (docs/performance.md). One transaction: a reader
  // never sees half a rebuild.
  await client.$transaction(
    async (tx) => {
      await tx.indicatorRollup.deleteMany();
      let firms = 0;
      await forEachFirmBatch(tx, batchSize, async (batch, size) => {
        await applyRollupDeltas(tx, [...batch.values()], { prune: false });
        progress?.((firms += size));
      });
      await tx.indicatorRollup.deleteMany({ where: { n: 0 } });
    },
    { timeout: 3_600_000, maxWait: 60_000 },
  );
  return { slots: await client.indicatorRollup.count() };
}

/** Recomputes from the base tables and lists every slot that differs from the table. */
export async function verifyRollups(client: Db = db) {
  const [expected, actual] = [await recomputeRollups(client), await readRollups(client)];
  return { slots: expected.size, problems: compareRollups(expected, actual) };
}
