-- DropIndex
DROP INDEX "Application_slaDueAt_idx";

-- DropIndex
DROP INDEX "Demand_noOfferDueAt_idx";

-- DropIndex
DROP INDEX "Enterprise_followUpRejectedAt_idx";

-- DropIndex
DROP INDEX "Enterprise_subDistrictId_followUpRejectedAt_idx";

-- CreateIndex
CREATE INDEX "Application_state_slaDueAt_enterpriseId_idx" ON "Application"("state", "slaDueAt", "enterpriseId");

-- CreateIndex
CREATE INDEX "Application_enterpriseId_state_decidedAt_idx" ON "Application"("enterpriseId", "state", "decidedAt");

-- CreateIndex
CREATE INDEX "Demand_status_noOfferDueAt_validUntil_enterpriseId_createdAt_idx" ON "Demand"("status", "noOfferDueAt", "validUntil", "enterpriseId", "createdAt");

-- CreateIndex
CREATE INDEX "Enterprise_subDistrictId_followUpRejectedAt_id_idx" ON "Enterprise"("subDistrictId", "followUpRejectedAt", "id");

-- CreateIndex
CREATE INDEX "Enterprise_followUpRejectedAt_subDistrictId_id_idx" ON "Enterprise"("followUpRejectedAt", "subDistrictId", "id");

-- CreateIndex
CREATE INDEX "Enterprise_id_subDistrictId_idx" ON "Enterprise"("id", "subDistrictId");
