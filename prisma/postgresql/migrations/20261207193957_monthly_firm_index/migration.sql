-- CreateIndex
CREATE INDEX "Enterprise_verifiedAt_sectionCode_size_whitelistedUntil_sub_idx" ON "Enterprise"("verifiedAt", "sectionCode", "size", "whitelistedUntil", "subDistrictId");

