-- CreateIndex
CREATE INDEX "Loan_status_subDistrictId_bankId_oldestUnpaidDueOn_reported_idx" ON "Loan"("status", "subDistrictId", "bankId", "oldestUnpaidDueOn", "reportedRiskClass", "outstandingPrincipalFen", "id");

