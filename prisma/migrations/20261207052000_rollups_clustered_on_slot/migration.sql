-- The rollups clustered on their slot key, which begins kind|cube|day|… : a period of one cube is
-- one contiguous range of the table, read without a row lookup per slot (decision 020). Prisma's
-- schema cannot say WITHOUT ROWID; the columns and indexes are those of the schema, unchanged.
CREATE TABLE "new_IndicatorRollup" (
    "slot" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "cube" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "subDistrictId" TEXT NOT NULL,
    "bankId" TEXT NOT NULL,
    "sectionCode" TEXT NOT NULL,
    "size" TEXT NOT NULL,
    "whitelisted" TEXT NOT NULL,
    "productType" TEXT NOT NULL,
    "borrower" TEXT NOT NULL,
    "lagDays" INTEGER NOT NULL,
    "pending" BOOLEAN NOT NULL,
    "fromOffer" BOOLEAN NOT NULL,
    "outcome" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "amountYuan" BIGINT NOT NULL DEFAULT 0,
    "amountRate" BIGINT NOT NULL DEFAULT 0,
    "creditYuan" BIGINT NOT NULL DEFAULT 0,
    "inclusiveYuan" BIGINT NOT NULL DEFAULT 0,
    "firstLoans" INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
INSERT INTO "new_IndicatorRollup" SELECT "slot", "kind", "cube", "day", "subDistrictId", "bankId", "sectionCode", "size", "whitelisted", "productType", "borrower", "lagDays", "pending", "fromOffer", "outcome", "n", "amountYuan", "amountRate", "creditYuan", "inclusiveYuan", "firstLoans" FROM "IndicatorRollup" ORDER BY "slot";
DROP TABLE "IndicatorRollup";
ALTER TABLE "new_IndicatorRollup" RENAME TO "IndicatorRollup";
CREATE INDEX "IndicatorRollup_kind_cube_bankId_day_idx" ON "IndicatorRollup"("kind", "cube", "bankId", "day");
CREATE INDEX "IndicatorRollup_kind_cube_day_subDistrictId_n_amountYuan_idx" ON "IndicatorRollup"("kind", "cube", "day", "subDistrictId", "n", "amountYuan");
CREATE INDEX "IndicatorRollup_kind_cube_subDistrictId_day_n_amountYuan_idx" ON "IndicatorRollup"("kind", "cube", "subDistrictId", "day", "n", "amountYuan");
