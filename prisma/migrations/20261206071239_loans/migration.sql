-- AlterTable
ALTER TABLE "Product" ADD COLUMN "defaultRepaymentMethod" TEXT;

-- CreateTable
CREATE TABLE "Loan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "enterpriseId" TEXT NOT NULL,
    "bankId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "subDistrictId" TEXT NOT NULL,
    "principalFen" BIGINT NOT NULL,
    "rateBp" INTEGER NOT NULL,
    "termMonths" INTEGER NOT NULL,
    "disbursedOn" DATETIME NOT NULL,
    "maturityOn" DATETIME NOT NULL,
    "repaymentMethod" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "settledOn" DATETIME,
    "settledBy" TEXT,
    "outstandingPrincipalFen" BIGINT NOT NULL,
    "paidPrincipalFen" BIGINT NOT NULL DEFAULT 0,
    "paidInterestFen" BIGINT NOT NULL DEFAULT 0,
    "oldestUnpaidDueOn" DATETIME,
    "reportedRiskClass" TEXT,
    "reportedRiskClassAt" DATETIME,
    "firstLoan" BOOLEAN NOT NULL DEFAULT false,
    "renewsLoanId" TEXT,
    "renewalKind" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Loan_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Loan_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Loan_bankId_fkey" FOREIGN KEY ("bankId") REFERENCES "Bank" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Loan_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Loan_subDistrictId_fkey" FOREIGN KEY ("subDistrictId") REFERENCES "SubDistrict" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Loan_renewsLoanId_fkey" FOREIGN KEY ("renewsLoanId") REFERENCES "Loan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LoanPeriod" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "loanId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "dueOn" DATETIME NOT NULL,
    "principalFen" BIGINT NOT NULL,
    "interestFen" BIGINT NOT NULL,
    "paidPrincipalFen" BIGINT NOT NULL DEFAULT 0,
    "paidInterestFen" BIGINT NOT NULL DEFAULT 0,
    "paidOffOn" DATETIME,
    "reminderSentAt" DATETIME,
    CONSTRAINT "LoanPeriod_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES "Loan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Repayment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "loanId" TEXT NOT NULL,
    "bankId" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "paidOn" DATETIME NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "principalFen" BIGINT NOT NULL,
    "interestFen" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "allocation" TEXT NOT NULL DEFAULT '[]',
    "channel" TEXT NOT NULL DEFAULT 'PORTAL',
    "reportedById" TEXT,
    "formKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Repayment_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES "Loan" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Repayment_bankId_fkey" FOREIGN KEY ("bankId") REFERENCES "Bank" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Repayment_reportedById_fkey" FOREIGN KEY ("reportedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Loan_applicationId_key" ON "Loan"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "Loan_renewsLoanId_key" ON "Loan"("renewsLoanId");

-- CreateIndex
CREATE INDEX "Loan_bankId_status_oldestUnpaidDueOn_idx" ON "Loan"("bankId", "status", "oldestUnpaidDueOn");

-- CreateIndex
CREATE INDEX "Loan_bankId_disbursedOn_idx" ON "Loan"("bankId", "disbursedOn");

-- CreateIndex
CREATE INDEX "Loan_enterpriseId_status_idx" ON "Loan"("enterpriseId", "status");

-- CreateIndex
CREATE INDEX "Loan_subDistrictId_status_oldestUnpaidDueOn_idx" ON "Loan"("subDistrictId", "status", "oldestUnpaidDueOn");

-- CreateIndex
CREATE INDEX "Loan_productId_idx" ON "Loan"("productId");

-- CreateIndex
CREATE INDEX "Loan_status_oldestUnpaidDueOn_idx" ON "Loan"("status", "oldestUnpaidDueOn");

-- CreateIndex
CREATE INDEX "Loan_status_maturityOn_idx" ON "Loan"("status", "maturityOn");

-- CreateIndex
CREATE INDEX "Loan_disbursedOn_idx" ON "Loan"("disbursedOn");

-- CreateIndex
CREATE INDEX "LoanPeriod_loanId_dueOn_idx" ON "LoanPeriod"("loanId", "dueOn");

-- CreateIndex
CREATE INDEX "LoanPeriod_dueOn_paidOffOn_idx" ON "LoanPeriod"("dueOn", "paidOffOn");

-- CreateIndex
CREATE UNIQUE INDEX "LoanPeriod_loanId_seq_key" ON "LoanPeriod"("loanId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "Repayment_formKey_key" ON "Repayment"("formKey");

-- CreateIndex
CREATE INDEX "Repayment_loanId_paidOn_idx" ON "Repayment"("loanId", "paidOn");

-- CreateIndex
CREATE INDEX "Repayment_bankId_paidOn_idx" ON "Repayment"("bankId", "paidOn");

-- CreateIndex
CREATE INDEX "Repayment_paidOn_idx" ON "Repayment"("paidOn");

-- CreateIndex
CREATE INDEX "Repayment_reportedById_idx" ON "Repayment"("reportedById");

-- CreateIndex
CREATE UNIQUE INDEX "Repayment_bankId_reference_key" ON "Repayment"("bankId", "reference");
