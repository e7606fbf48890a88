-- CreateIndex
CREATE INDEX "Enterprise_subDistrictId_name_idx" ON "Enterprise"("subDistrictId", "name");
