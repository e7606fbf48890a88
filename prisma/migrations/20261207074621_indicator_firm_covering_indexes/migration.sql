-- DropIndex
DROP INDEX "Demand_createdAt_idx";

-- DropIndex
DROP INDEX "Enterprise_id_subDistrictId_idx";

-- CreateIndex
CREATE INDEX "Demand_createdAt_enterpriseId_amountYuan_idx" ON "Demand"("createdAt", "enterpriseId", "amountYuan");

-- CreateIndex
CREATE INDEX "Enterprise_id_subDistrictId_sectionCode_size_whitelistedUntil_idx" ON "Enterprise"("id", "subDistrictId", "sectionCode", "size", "whitelistedUntil");
