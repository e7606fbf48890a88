-- DropIndex
DROP INDEX "Loan_enterpriseId_status_idx";

-- CreateIndex
CREATE INDEX "Demand_status_createdAt_validUntil_enterpriseId_idx" ON "Demand"("status", "createdAt", "validUntil", "enterpriseId");

-- CreateIndex
CREATE INDEX "Loan_enterpriseId_status_bankId_idx" ON "Loan"("enterpriseId", "status", "bankId");
