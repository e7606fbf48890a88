-- DropIndex
DROP INDEX "Loan_disbursedOn_idx";

-- CreateIndex
CREATE INDEX "Loan_disbursedOn_renewsLoanId_idx" ON "Loan"("disbursedOn", "renewsLoanId");

