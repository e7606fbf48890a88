-- A key per rendered create form: a second submission of the same form finds the row the
-- first one created instead of creating another (double click, retry after a timeout).
ALTER TABLE "Authorization" ADD COLUMN "formKey" TEXT;
ALTER TABLE "Demand" ADD COLUMN "formKey" TEXT;
ALTER TABLE "Product" ADD COLUMN "formKey" TEXT;
ALTER TABLE "Visit" ADD COLUMN "formKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Authorization_formKey_key" ON "Authorization"("formKey");

-- CreateIndex
CREATE UNIQUE INDEX "Demand_formKey_key" ON "Demand"("formKey");

-- CreateIndex
CREATE UNIQUE INDEX "Product_formKey_key" ON "Product"("formKey");

-- CreateIndex
CREATE UNIQUE INDEX "Visit_formKey_key" ON "Visit"("formKey");
