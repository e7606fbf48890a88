/**
 * Keeps the indicator rollups (IndicatorRollup; app/domain/indicator-rollup.ts) in step with the
 * applications, in the transaction of the event that changes them: `updateWithFirmRollups` (a
 * transition) reads the firm once and derives its other state from the update; `withFirmRollups`
 * (a new application) reads it before and after. Either applies the difference in one upsert.
 * `rebuildRollups` and `verifyRollups` (npm run rollups:rebuild / rollups:verify) recompute every
 * firm's contribution from the base tables.
 */
import { Prisma } from "@prisma/client";

import { db, type Db } from "~/db.server";
import { lockRow } from "~/db/row-lock.server";
import { sqlBoolean, sqlDialect } from "~/db/dialect.server";
import {
  ROLLUP_DIMENSIONS,
  addRow,
  applyUpdates,
  compareRollups,
  READ_COLUMNS,
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

/**
 * One value of a rollup row written as an SQL literal. The bulk upsert of a transition's few
 * dozen values costs more in bound parameters than in SQLite's work (decision 020), and every
 * value here is the portal's own: ids, codes, days and safe integers. A string is quoted with
 * its quotes doubled — the one escape both databases read the same way — and refused if it holds
 * a backslash or a NUL, so no setting of either database can read it otherwise.
 */
function literal(value: string | number | boolean, dialect: ReturnType<typeof sqlDialect>): string {
  if (typeof value === "boolean") return value ? dialect.true.sql : dialect.false.sql;
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) throw new Error(`a rollup value is not a safe integer: ${value}`);
    return String(value);
  }
  if (/[\\\0]/.test(value))
    throw new Error(`a rollup value holds a backslash or NUL: ${JSON.stringify(value)}`);
  return `'${value.replaceAll("'", "''")}'`;
}

function valuesOf(row: RollupRow, dialect: ReturnType<typeof sqlDialect>): string {
  return `(${COLUMNS.map((column) => literal(row[column], dialect)).join(", ")})`;
}

const columnList = Prisma.raw(COLUMNS.map((c) => `"${c}"`).join(", "));

const addIntoSlot = Prisma.raw(
  ` ON CONFLICT ("slot") DO UPDATE SET ${SUMMED.map((c) => `"${c}" = "IndicatorRollup"."${c}" + excluded."${c}"`).join(", ")}`,
);

/**
 * Adds the rows' values into their slots (one statement per 500 rows). A slot a change emptied
 * stays with n = 0 until `pruneEmptyRollups` (the nightly job) or a rebuild.
 */
export async function applyRollupDeltas(client: Client, rows: readonly RollupRow[]) {
  const dialect = sqlDialect();
  for (let i = 0; i < rows.length; i += 500) {
    const values = Prisma.raw(
      rows
        .slice(i, i + 500)
        .map((row) => valuesOf(row, dialect))
        .join(", "),
    );
    await client.$executeRaw`INSERT INTO "IndicatorRollup" (${columnList}) VALUES ${values}${addIntoSlot}`;
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
 * Runs `write` (which adds applications to the firm) with the rollups kept in step, in the
 * caller's transaction: the firm's row is locked, so two transactions on the same firm
 * (PostgreSQL, several servers) read and adjust its contribution one after the other; its
 * contribution is read before and after the write and the difference applied in one upsert.
 * An update of one application has the cheaper `updateWithFirmRollups`.
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
  await applyRollupDeltas(tx, diffContributions(before, await firmRollup(tx, enterpriseId)));
  return result;
}

/**
 * Runs `write`, which updates application `applicationId` of the firm with `data` (a Prisma
 * update's data; read once `write` has run, which may complete it) and only if it still is
 * `previous` (the caller's update is conditional on the version it read: the values it replaces
 * are those of `previous`), with the rollups kept in step — reading the firm once (decision 020):
 * - PostgreSQL: the firm's row is locked (transactions of other servers run side by side), its
 *   applications read, the write run, and the state after derived from `data`;
 * - SQLite: the process's transactions are serialised (decision 003), so no firm lock is needed:
 *   the write runs first, then the firm is read, and the state before derived from `previous`.
 * Emptied slots stay (n = 0: every reader sums, the verify counts zero as absent) until the
 * nightly `prune-rollups` job or a rebuild.
 */
export async function updateWithFirmRollups<T>(
  tx: Prisma.TransactionClient,
  update: {
    enterpriseId: string;
    applicationId: string;
    data: Readonly<Record<string, unknown>>;
    previous: Readonly<Record<string, unknown>>;
  },
  write: () => Promise<T>,
): Promise<T> {
  if (!maintained) return write();
  const { enterpriseId, applicationId, data } = update;
  const firmWhere = Prisma.sql`"e"."id" = ${enterpriseId}`;
  let before: FirmInput["applications"] | null;
  let after: FirmInput["applications"] | null;
  let firm: RollupFirm;
  let result: T;
  if (sqlDialect().provider === "sqlite") {
    result = await write();
    const [input] = await readFirms(tx, firmWhere);
    firm = input.firm;
    after = input.applications;
    before = applyUpdates(after, new Map([[applicationId, previousValues(update)]]));
  } else {
    await lockRow(tx, "Enterprise", enterpriseId);
    const [input] = await readFirms(tx, firmWhere);
    firm = input.firm;
    before = input.applications;
    result = await write();
    after = applyUpdates(before, new Map([[applicationId, data]]));
  }
  if (!before || !after) throw new Error(`the rollups cannot follow this update of ${applicationId}`);
  await applyRollupDeltas(
    tx,
    diffContributions(firmContributions(firm, before), firmContributions(firm, after)),
  );
  return result;
}

/** The values `data` replaces, from `previous`: each column of `data` the rollups read must be in it. */
function previousValues({
  data,
  previous,
}: {
  data: Readonly<Record<string, unknown>>;
  previous: Readonly<Record<string, unknown>>;
}) {
  const values: Record<string, unknown> = {};
  for (const column of Object.keys(data)) {
    if (!READ_COLUMNS.has(column)) continue;
    if (!(column in previous)) throw new Error(`updateWithFirmRollups needs the previous ${column}`);
    values[column] = previous[column];
  }
  return values;
}

/** Drops the slots whose counts went back to zero (the rollup-prune job; a rebuild drops them too). */
export async function pruneEmptyRollups(client: Client = db): Promise<number> {
  return client.$executeRaw`DELETE FROM "IndicatorRollup" WHERE "n" = 0`;
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
  const postgres = sqlDialect().provider === "postgresql";
  // Streams: each batch of firms is summed into the table (upsert) and forgotten, so the memory
  // is one batch's slots, not the whole city's (docs/performance.md). One transaction: a reader
  // never sees half a rebuild.
  await client.$transaction(
    async (tx) => {
      await tx.indicatorRollup.deleteMany();
      let firms = 0;
      await forEachFirmBatch(tx, batchSize, async (batch, size) => {
        await applyRollupDeltas(tx, [...batch.values()]);
        progress?.((firms += size));
      });
      await tx.indicatorRollup.deleteMany({ where: { n: 0 } });
      // PostgreSQL keeps rows where they were inserted — here firm by firm, so a period of one
      // cube lay scattered over the whole heap (a two-year read 370 ms at city scale, 5 ms once
      // ordered). CLUSTER writes the table again in the slot key's order (kind|cube|day|…), in
      // this transaction and without the pool's statement timeout (8 s for the city's 1.08 M
      // slots). It locks the table against readers while it runs; the rebuild's own writes
      // already hold off the transitions. SQLite's table is its key's B-tree already.
      if (postgres) {
        await tx.$executeRawUnsafe(`SET LOCAL statement_timeout = 0`);
        await tx.$executeRawUnsafe(`CLUSTER "IndicatorRollup" USING "IndicatorRollup_pkey"`);
      }
    },
    { timeout: 3_600_000, maxWait: 60_000 },
  );
  if (postgres) await client.$executeRawUnsafe(`ANALYZE "IndicatorRollup"`);
  return { slots: await client.indicatorRollup.count() };
}

/** Recomputes from the base tables and lists every slot that differs from the table. */
export async function verifyRollups(client: Db = db) {
  const [expected, actual] = [await recomputeRollups(client), await readRollups(client)];
  return { slots: expected.size, problems: compareRollups(expected, actual) };
}
