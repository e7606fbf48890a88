-- CreateIndex
CREATE INDEX "Enterprise_subDistrictId_verifiedAt_sectionCode_size_whitel_idx" ON "Enterprise"("subDistrictId", "verifiedAt", "sectionCode", "size", "whitelistedUntil");

