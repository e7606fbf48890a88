-- AlterTable
ALTER TABLE "Authorization" ADD COLUMN     "formKey" TEXT;

-- AlterTable
ALTER TABLE "Demand" ADD COLUMN     "formKey" TEXT;

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "formKey" TEXT;

-- AlterTable
ALTER TABLE "Visit" ADD COLUMN     "formKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Authorization_formKey_key" ON "Authorization"("formKey");

-- CreateIndex
CREATE UNIQUE INDEX "Demand_formKey_key" ON "Demand"("formKey");

-- CreateIndex
CREATE UNIQUE INDEX "Product_formKey_key" ON "Product"("formKey");

-- CreateIndex
CREATE UNIQUE INDEX "Visit_formKey_key" ON "Visit"("formKey");

