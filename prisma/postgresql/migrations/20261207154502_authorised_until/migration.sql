-- AlterTable
ALTER TABLE "Enterprise" ADD COLUMN     "authorisedUntil" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Authorization_grantedAt_idx" ON "Authorization"("grantedAt");

-- CreateIndex
CREATE INDEX "Authorization_revokedAt_idx" ON "Authorization"("revokedAt");

-- CreateIndex
CREATE INDEX "Enterprise_subDistrictId_authorisedUntil_sectionCode_size_w_idx" ON "Enterprise"("subDistrictId", "authorisedUntil", "sectionCode", "size", "whitelistedUntil");


-- The firms' authorisations so far (the writers keep it from here: refreshAuthorisedUntil)
UPDATE "Enterprise" SET "authorisedUntil" = (
    SELECT MAX("z"."expiresAt") FROM "Authorization" "z"
     WHERE "z"."enterpriseId" = "Enterprise"."id" AND "z"."revokedAt" IS NULL);
