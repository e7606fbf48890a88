-- CreateTable
CREATE TABLE "RiskPool" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "balanceFen" BIGINT NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RiskPool_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PoolMovement" (
    "id" TEXT NOT NULL,
    "poolId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "balanceAfterFen" BIGINT NOT NULL,
    "claimId" TEXT,
    "recoveryId" TEXT,
    "reference" TEXT NOT NULL DEFAULT '',
    "note" TEXT NOT NULL DEFAULT '',
    "actorId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PoolMovement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PoolRule" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PoolRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Filing" (
    "id" TEXT NOT NULL,
    "loanId" TEXT NOT NULL,
    "bankId" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "principalFen" BIGINT NOT NULL,
    "filedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "filedById" TEXT,

    CONSTRAINT "Filing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Claim" (
    "id" TEXT NOT NULL,
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
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "firstSubmittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "approvedAt" TIMESTAMP(3),
    "paidAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "returnNote" TEXT,
    "rejectReason" TEXT,
    "rejectText" TEXT,
    "filedById" TEXT,
    "reviewedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimEvent" (
    "id" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "actorId" TEXT,
    "fromState" TEXT,
    "toState" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "data" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "ClaimEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimMaterial" (
    "id" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 1,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimMaterial_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecoveryAction" (
    "id" TEXT NOT NULL,
    "loanId" TEXT NOT NULL,
    "bankId" TEXT NOT NULL,
    "takenOn" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecoveryAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recovery" (
    "id" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "bankId" TEXT NOT NULL,
    "recoveredOn" TEXT NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "shareFen" BIGINT NOT NULL,
    "reference" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "reportedById" TEXT,
    "reportedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "receivedAt" TIMESTAMP(3),
    "receivedById" TEXT,

    CONSTRAINT "Recovery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BankSuspension" (
    "id" TEXT NOT NULL,
    "bankId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ratioBp" INTEGER NOT NULL,
    "thresholdBp" INTEGER NOT NULL,
    "overdueFen" BIGINT NOT NULL,
    "outstandingFen" BIGINT NOT NULL,
    "endedAt" TIMESTAMP(3),
    "endKind" TEXT,
    "endReason" TEXT,
    "endedById" TEXT,
    "waiverEndedAt" TIMESTAMP(3),
    "activeKey" TEXT,

    CONSTRAINT "BankSuspension_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "PoolMovement" ADD CONSTRAINT "PoolMovement_poolId_fkey" FOREIGN KEY ("poolId") REFERENCES "RiskPool"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PoolMovement" ADD CONSTRAINT "PoolMovement_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PoolMovement" ADD CONSTRAINT "PoolMovement_recoveryId_fkey" FOREIGN KEY ("recoveryId") REFERENCES "Recovery"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Filing" ADD CONSTRAINT "Filing_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES "Loan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Filing" ADD CONSTRAINT "Filing_bankId_fkey" FOREIGN KEY ("bankId") REFERENCES "Bank"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Filing" ADD CONSTRAINT "Filing_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "PoolRule"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES "Loan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_filingId_fkey" FOREIGN KEY ("filingId") REFERENCES "Filing"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_bankId_fkey" FOREIGN KEY ("bankId") REFERENCES "Bank"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimEvent" ADD CONSTRAINT "ClaimEvent_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimMaterial" ADD CONSTRAINT "ClaimMaterial_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecoveryAction" ADD CONSTRAINT "RecoveryAction_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES "Loan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecoveryAction" ADD CONSTRAINT "RecoveryAction_bankId_fkey" FOREIGN KEY ("bankId") REFERENCES "Bank"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recovery" ADD CONSTRAINT "Recovery_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recovery" ADD CONSTRAINT "Recovery_bankId_fkey" FOREIGN KEY ("bankId") REFERENCES "Bank"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BankSuspension" ADD CONSTRAINT "BankSuspension_bankId_fkey" FOREIGN KEY ("bankId") REFERENCES "Bank"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Written by hand (triggers are not part of the Prisma schema), the twin of the SQLite triggers:
-- the pool's ledger is append-only and its balance never goes below zero (docs/decisions/015).
CREATE FUNCTION "PoolMovement_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'PoolMovement rows are append-only';
END
$$;

CREATE TRIGGER "PoolMovement_no_update_or_delete"
BEFORE UPDATE OR DELETE ON "PoolMovement"
FOR EACH ROW EXECUTE FUNCTION "PoolMovement_append_only"();

-- A trigger rather than a CHECK constraint: Prisma's schema diff (npm run check:schema) panics on
-- CHECK constraints with the WASM engine.
CREATE FUNCTION "RiskPool_balance_not_negative"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."balanceFen" < 0 THEN
    RAISE EXCEPTION 'the pool balance cannot go below zero';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "RiskPool_balance_not_negative"
BEFORE INSERT OR UPDATE ON "RiskPool"
FOR EACH ROW EXECUTE FUNCTION "RiskPool_balance_not_negative"();
