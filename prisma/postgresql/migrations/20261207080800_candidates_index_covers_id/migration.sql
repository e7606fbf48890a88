-- DropIndex
DROP INDEX "Enterprise_sectionCode_size_createdAt_idx";

-- CreateIndex
CREATE INDEX "Enterprise_sectionCode_size_createdAt_id_idx" ON "Enterprise"("sectionCode", "size", "createdAt", "id");

