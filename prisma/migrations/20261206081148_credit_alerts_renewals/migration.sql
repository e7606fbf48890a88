-- CreateTable
CREATE TABLE "CreditAlert" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "enterpriseId" TEXT NOT NULL,
    "bankId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "changeKey" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "recordKey" TEXT,
    "basis" TEXT NOT NULL,
    "detectedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueAt" DATETIME NOT NULL,
    "acknowledgedAt" DATETIME,
    "acknowledgedById" TEXT,
    "action" TEXT,
    "actionNote" TEXT,
    CONSTRAINT "CreditAlert_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CreditAlert_bankId_fkey" FOREIGN KEY ("bankId") REFERENCES "Bank" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CreditAlert_acknowledgedById_fkey" FOREIGN KEY ("acknowledgedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RenewalNotice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "loanId" TEXT NOT NULL,
    "daysBefore" INTEGER NOT NULL,
    "sentAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RenewalNotice_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES "Loan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RenewalRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "loanId" TEXT NOT NULL,
    "requestedKind" TEXT NOT NULL,
    "kind" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RenewalRequest_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RenewalRequest_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES "Loan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CreditAlert_bankId_acknowledgedAt_dueAt_idx" ON "CreditAlert"("bankId", "acknowledgedAt", "dueAt");

-- CreateIndex
CREATE INDEX "CreditAlert_bankId_detectedAt_idx" ON "CreditAlert"("bankId", "detectedAt");

-- CreateIndex
CREATE INDEX "CreditAlert_enterpriseId_detectedAt_idx" ON "CreditAlert"("enterpriseId", "detectedAt");

-- CreateIndex
CREATE INDEX "CreditAlert_dueAt_idx" ON "CreditAlert"("dueAt");

-- CreateIndex
CREATE INDEX "CreditAlert_detectedAt_idx" ON "CreditAlert"("detectedAt");

-- CreateIndex
CREATE INDEX "CreditAlert_acknowledgedById_idx" ON "CreditAlert"("acknowledgedById");

-- CreateIndex
CREATE UNIQUE INDEX "CreditAlert_enterpriseId_changeKey_bankId_key" ON "CreditAlert"("enterpriseId", "changeKey", "bankId");

-- CreateIndex
CREATE UNIQUE INDEX "RenewalNotice_loanId_daysBefore_key" ON "RenewalNotice"("loanId", "daysBefore");

-- CreateIndex
CREATE UNIQUE INDEX "RenewalRequest_applicationId_key" ON "RenewalRequest"("applicationId");

-- CreateIndex
CREATE INDEX "RenewalRequest_loanId_idx" ON "RenewalRequest"("loanId");
