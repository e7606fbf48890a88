-- CreateIndex
CREATE INDEX "Loan_id_status_bankId_subDistrictId_outstandingPrincipalFen_oldestUnpaidDueOn_idx" ON "Loan"("id", "status", "bankId", "subDistrictId", "outstandingPrincipalFen", "oldestUnpaidDueOn");
