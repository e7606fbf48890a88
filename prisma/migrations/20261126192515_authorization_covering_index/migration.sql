-- DropIndex
DROP INDEX "Authorization_enterpriseId_expiresAt_idx";

-- CreateIndex
CREATE INDEX "Authorization_enterpriseId_revokedAt_expiresAt_bankId_idx" ON "Authorization"("enterpriseId", "revokedAt", "expiresAt", "bankId");
