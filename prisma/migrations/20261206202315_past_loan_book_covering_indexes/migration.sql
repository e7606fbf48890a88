-- DropIndex
DROP INDEX "LoanPeriod_loanId_dueOn_idx";

-- DropIndex
DROP INDEX "Repayment_loanId_paidOn_idx";

-- CreateIndex
CREATE INDEX "LoanPeriod_loanId_dueOn_paidOffOn_idx" ON "LoanPeriod"("loanId", "dueOn", "paidOffOn");

-- CreateIndex
CREATE INDEX "Repayment_loanId_paidOn_principalFen_idx" ON "Repayment"("loanId", "paidOn", "principalFen");
