-- DropIndex
DROP INDEX "Authorization_enterpriseId_revokedAt_expiresAt_bankId_idx";

-- CreateIndex
CREATE INDEX "Authorization_enterpriseId_revokedAt_expiresAt_bankId_grantedAt_idx" ON "Authorization"("enterpriseId", "revokedAt", "expiresAt", "bankId", "grantedAt");
