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
import { sqlDialect } from "~/db/dialect.server";
import {
  ROLLUP_DIMENSIONS,
  addRow,
  compareRollups,
  diffContributions,
  firmContributions,
  type RollupApplication,
  type RollupFirm,
  type RollupKind,
  type RollupRow,
} from "~/domain/indicator-rollup";

type Client = Db | Prisma.TransactionClient;

const APPLICATION_SELECT = {
  id: true,
  bankId: true,
  whitelisted: true,
  state: true,
  offerId: true,
  submittedAt: true,
  firstResponseAt: true,
  decidedAt: true,
  approvedAmountYuan: true,
  rejectReason: true,
  disbursedAt: true,
  disbursedAmountYuan: true,
  disbursedRateBp: true,
  firstLoan: true,
  product: { select: { type: true, guaranteeType: true } },
} satisfies Prisma.ApplicationSelect;

const FIRM_SELECT = {
  id: true,
  hadBankLoan: true,
  subDistrictId: true,
  sectionCode: true,
  size: true,
  applications: { select: APPLICATION_SELECT },
} satisfies Prisma.EnterpriseSelect;

type FirmRow = Prisma.EnterpriseGetPayload<{ select: typeof FIRM_SELECT }>;

function toRollupInput(firm: FirmRow): { firm: RollupFirm; applications: RollupApplication[] } {
  return {
    firm,
    applications: firm.applications.map(({ product, ...a }) => ({
      ...a,
      productType: product.type,
      guaranteeType: product.guaranteeType,
    })),
  };
}

/** The firm's contribution to every slot, read in `client` (inside the caller's transaction). */
export async function firmRollup(client: Client, enterpriseId: string): Promise<Map<string, RollupRow>> {
  const firm = await client.enterprise.findUnique({ where: { id: enterpriseId }, select: FIRM_SELECT });
  if (!firm) return new Map();
  const input = toRollupInput(firm);
  return firmContributions(input.firm, input.applications);
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
  if (prune && rows.length) {
    await client.$executeRaw`DELETE FROM "IndicatorRollup" WHERE "n" = 0 AND "slot" IN (${Prisma.join(rows.map((r) => r.slot))})`;
  }
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
    const firms = await client.enterprise.findMany({
      where: { id: { gt: cursor } },
      orderBy: { id: "asc" },
      take: batchSize,
      select: FIRM_SELECT,
    });
    if (firms.length === 0) break;
    const slots = new Map<string, RollupRow>();
    for (const firm of firms) {
      if (firm.applications.length === 0) continue;
      const input = toRollupInput(firm);
      firmContributions(input.firm, input.applications, slots);
    }
    await each(slots, firms.length);
    cursor = firms[firms.length - 1].id;
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
