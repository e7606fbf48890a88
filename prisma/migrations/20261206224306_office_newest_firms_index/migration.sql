-- DropIndex
DROP INDEX "Enterprise_subDistrictId_idx";

-- CreateIndex
CREATE INDEX "Enterprise_subDistrictId_createdAt_idx" ON "Enterprise"("subDistrictId", "createdAt");
