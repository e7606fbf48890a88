import { describe, expect, it } from "vitest";

import { rebuildRollups } from "~/models/indicator-rollup.server";

import {
  createApplication,
  createBank,
  createEnterprise,
  createProduct,
  createSubDistrict,
} from "../../prisma/factories";
import { db } from "../integration/helpers";

// Runs on PostgreSQL only (vitest.pg.config.ts). SQLite keeps the rollups in a WITHOUT ROWID
// table, its key's B-tree (tests/integration/database.test.ts).
describe("the indicator rollups on PostgreSQL", () => {
  it("are stored in the slot key's order after a rebuild, so a period of one cube is one stretch of the table", async () => {
    const bank = await createBank(db);
    const product = await createProduct(db, { bankId: bank.id });
    const subDistricts = [await createSubDistrict(db), await createSubDistrict(db)];
    // firms in one order, their days in another: the rebuild adds each firm's slots in turn
    for (const [i, day] of ["2026-03-09", "2026-01-05", "2026-02-02", "2026-01-20"].entries()) {
      const firm = await createEnterprise(db, { subDistrictId: subDistricts[i % 2].id });
      await createApplication(db, {
        enterpriseId: firm.id,
        productId: product.id,
        state: "REJECTED",
        submittedAt: new Date(`${day}T01:00:00Z`),
      });
    }
    await rebuildRollups(db, { batchSize: 1 });
    const inHeapOrder = await db.$queryRaw<{ slot: string }[]>`
      SELECT "slot" FROM "IndicatorRollup" ORDER BY ctid`;
    const inKeyOrder = await db.$queryRaw<{ slot: string }[]>`
      SELECT "slot" FROM "IndicatorRollup" ORDER BY "slot"`;
    expect(inHeapOrder.length).toBeGreaterThan(10);
    expect(inHeapOrder).toEqual(inKeyOrder);
  });
});
