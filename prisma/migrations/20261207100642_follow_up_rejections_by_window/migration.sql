-- CreateIndex
CREATE INDEX "Application_state_decidedAt_enterpriseId_idx" ON "Application"("state", "decidedAt", "enterpriseId");
