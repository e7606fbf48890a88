-- DropIndex
DROP INDEX "IndicatorRollup_kind_cube_day_idx";

-- DropIndex
DROP INDEX "IndicatorRollup_kind_cube_subDistrictId_day_idx";

-- CreateIndex
CREATE INDEX "IndicatorRollup_kind_cube_day_subDistrictId_n_amountYuan_idx" ON "IndicatorRollup"("kind", "cube", "day", "subDistrictId", "n", "amountYuan");

-- CreateIndex
CREATE INDEX "IndicatorRollup_kind_cube_subDistrictId_day_n_amountYuan_idx" ON "IndicatorRollup"("kind", "cube", "subDistrictId", "day", "n", "amountYuan");

