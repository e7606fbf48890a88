-- DropIndex
DROP INDEX "Application_state_disbursedAt_idx";

-- CreateIndex
CREATE INDEX "Application_state_disbursedAt_disbursedAmountYuan_idx" ON "Application"("state", "disbursedAt", "disbursedAmountYuan");
