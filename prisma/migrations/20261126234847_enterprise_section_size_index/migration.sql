-- DropIndex
DROP INDEX "Enterprise_sectionCode_idx";

-- CreateIndex
CREATE INDEX "Enterprise_sectionCode_size_idx" ON "Enterprise"("sectionCode", "size");
