-- DropIndex
DROP INDEX "Application_disbursedAt_idx";

-- CreateIndex
CREATE INDEX "Application_state_disbursedAt_idx" ON "Application"("state", "disbursedAt");

-- CreateIndex
CREATE INDEX "Application_enterpriseId_state_disbursedAt_idx" ON "Application"("enterpriseId", "state", "disbursedAt");
