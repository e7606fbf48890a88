-- CreateTable
CREATE TABLE "RiskPool" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "balanceFen" BIGINT NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PoolMovement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "poolId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "balanceAfterFen" BIGINT NOT NULL,
    "claimId" TEXT,
    "recoveryId" TEXT,
    "reference" TEXT NOT NULL DEFAULT '',
    "note" TEXT NOT NULL DEFAULT '',
    "actorId" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PoolMovement_poolId_fkey" FOREIGN KEY ("poolId") REFERENCES "RiskPool" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PoolMovement_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PoolMovement_recoveryId_fkey" FOREIGN KEY ("recoveryId") REFERENCES "Recovery" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PoolRule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "effectiveOn" TEXT NOT NULL,
    "coverageBp" INTEGER NOT NULL,
    "firstLoanBonusBp" INTEGER NOT NULL,
    "capYuan" INTEGER NOT NULL,
    "guaranteeTypes" TEXT NOT NULL,
    "maxPrincipalYuan" INTEGER NOT NULL,
    "sizes" TEXT NOT NULL,
    "whitelistOnly" BOOLEAN NOT NULL,
    "filingWindowDays" INTEGER NOT NULL,
    "claimThresholdDpd" INTEGER NOT NULL,
    "suspensionThresholdBp" INTEGER NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Filing" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "loanId" TEXT NOT NULL,
    "bankId" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "principalFen" BIGINT NOT NULL,
    "filedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "filedById" TEXT,
    CONSTRAINT "Filing_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES "Loan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Filing_bankId_fkey" FOREIGN KEY ("bankId") REFERENCES "Bank" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Filing_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "PoolRule" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Claim" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "loanId" TEXT NOT NULL,
    "filingId" TEXT NOT NULL,
    "bankId" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'FILED',
    "version" INTEGER NOT NULL DEFAULT 0,
    "principalAtClaimFen" BIGINT NOT NULL,
    "daysPastDue" INTEGER NOT NULL,
    "coverageBp" INTEGER NOT NULL,
    "firstLoan" BOOLEAN NOT NULL,
    "computedFen" BIGINT NOT NULL,
    "approvedFen" BIGINT,
    "statement" TEXT NOT NULL DEFAULT '',
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "firstSubmittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "approvedAt" DATETIME,
    "paidAt" DATETIME,
    "decidedAt" DATETIME,
    "returnNote" TEXT,
    "rejectReason" TEXT,
    "rejectText" TEXT,
    "filedById" TEXT,
    "reviewedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Claim_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES "Loan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Claim_filingId_fkey" FOREIGN KEY ("filingId") REFERENCES "Filing" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Claim_bankId_fkey" FOREIGN KEY ("bankId") REFERENCES "Bank" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClaimEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "claimId" TEXT NOT NULL,
    "actorId" TEXT,
    "fromState" TEXT,
    "toState" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "data" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "ClaimEvent_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClaimMaterial" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "claimId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 1,
    "addedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ClaimMaterial_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RecoveryAction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "loanId" TEXT NOT NULL,
    "bankId" TEXT NOT NULL,
    "takenOn" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RecoveryAction_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES "Loan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RecoveryAction_bankId_fkey" FOREIGN KEY ("bankId") REFERENCES "Bank" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Recovery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "claimId" TEXT NOT NULL,
    "bankId" TEXT NOT NULL,
    "recoveredOn" TEXT NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "shareFen" BIGINT NOT NULL,
    "reference" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "reportedById" TEXT,
    "reportedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "receivedAt" DATETIME,
    "receivedById" TEXT,
    CONSTRAINT "Recovery_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Recovery_bankId_fkey" FOREIGN KEY ("bankId") REFERENCES "Bank" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BankSuspension" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bankId" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ratioBp" INTEGER NOT NULL,
    "thresholdBp" INTEGER NOT NULL,
    "overdueFen" BIGINT NOT NULL,
    "outstandingFen" BIGINT NOT NULL,
    "endedAt" DATETIME,
    "endKind" TEXT,
    "endReason" TEXT,
    "endedById" TEXT,
    "waiverEndedAt" DATETIME,
    "activeKey" TEXT,
    CONSTRAINT "BankSuspension_bankId_fkey" FOREIGN KEY ("bankId") REFERENCES "Bank" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "PoolMovement_claimId_key" ON "PoolMovement"("claimId");

-- CreateIndex
CREATE UNIQUE INDEX "PoolMovement_recoveryId_key" ON "PoolMovement"("recoveryId");

-- CreateIndex
CREATE INDEX "PoolMovement_poolId_at_idx" ON "PoolMovement"("poolId", "at");

-- CreateIndex
CREATE INDEX "PoolMovement_kind_at_idx" ON "PoolMovement"("kind", "at");

-- CreateIndex
CREATE UNIQUE INDEX "PoolRule_effectiveOn_key" ON "PoolRule"("effectiveOn");

-- CreateIndex
CREATE UNIQUE INDEX "Filing_loanId_key" ON "Filing"("loanId");

-- CreateIndex
CREATE INDEX "Filing_bankId_filedAt_idx" ON "Filing"("bankId", "filedAt");

-- CreateIndex
CREATE INDEX "Filing_ruleId_idx" ON "Filing"("ruleId");

-- CreateIndex
CREATE INDEX "Filing_filedAt_idx" ON "Filing"("filedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Claim_loanId_key" ON "Claim"("loanId");

-- CreateIndex
CREATE UNIQUE INDEX "Claim_filingId_key" ON "Claim"("filingId");

-- CreateIndex
CREATE INDEX "Claim_bankId_state_idx" ON "Claim"("bankId", "state");

-- CreateIndex
CREATE INDEX "Claim_state_submittedAt_idx" ON "Claim"("state", "submittedAt");

-- CreateIndex
CREATE INDEX "Claim_state_approvedAt_idx" ON "Claim"("state", "approvedAt");

-- CreateIndex
CREATE INDEX "Claim_paidAt_idx" ON "Claim"("paidAt");

-- CreateIndex
CREATE INDEX "ClaimEvent_claimId_at_idx" ON "ClaimEvent"("claimId", "at");

-- CreateIndex
CREATE INDEX "ClaimMaterial_claimId_idx" ON "ClaimMaterial"("claimId");

-- CreateIndex
CREATE INDEX "RecoveryAction_loanId_takenOn_idx" ON "RecoveryAction"("loanId", "takenOn");

-- CreateIndex
CREATE INDEX "RecoveryAction_bankId_idx" ON "RecoveryAction"("bankId");

-- CreateIndex
CREATE INDEX "Recovery_claimId_recoveredOn_idx" ON "Recovery"("claimId", "recoveredOn");

-- CreateIndex
CREATE INDEX "Recovery_receivedAt_idx" ON "Recovery"("receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Recovery_bankId_reference_key" ON "Recovery"("bankId", "reference");

-- CreateIndex
CREATE UNIQUE INDEX "BankSuspension_activeKey_key" ON "BankSuspension"("activeKey");

-- CreateIndex
CREATE INDEX "BankSuspension_bankId_startedAt_idx" ON "BankSuspension"("bankId", "startedAt");

-- CreateIndex
CREATE INDEX "BankSuspension_endedAt_idx" ON "BankSuspension"("endedAt");

-- Written by hand (triggers are not part of the Prisma schema): the pool's ledger is append-only
-- and its balance never goes below zero, whatever code asks (docs/decisions/015).
CREATE TRIGGER "PoolMovement_no_update"
BEFORE UPDATE ON "PoolMovement"
BEGIN
  SELECT RAISE(ABORT, 'PoolMovement rows are append-only');
END;

CREATE TRIGGER "PoolMovement_no_delete"
BEFORE DELETE ON "PoolMovement"
BEGIN
  SELECT RAISE(ABORT, 'PoolMovement rows are append-only');
END;

CREATE TRIGGER "RiskPool_balance_not_negative_insert"
BEFORE INSERT ON "RiskPool"
WHEN NEW."balanceFen" < 0
BEGIN
  SELECT RAISE(ABORT, 'the pool balance cannot go below zero');
END;

CREATE TRIGGER "RiskPool_balance_not_negative"
BEFORE UPDATE OF "balanceFen" ON "RiskPool"
WHEN NEW."balanceFen" < 0
BEGIN
  SELECT RAISE(ABORT, 'the pool balance cannot go below zero');
END;
