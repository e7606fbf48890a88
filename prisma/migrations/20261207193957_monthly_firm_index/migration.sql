-- CreateIndex
CREATE INDEX "Enterprise_verifiedAt_sectionCode_size_whitelistedUntil_subDistrictId_idx" ON "Enterprise"("verifiedAt", "sectionCode", "size", "whitelistedUntil", "subDistrictId");
