-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "slaDueAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Demand" ADD COLUMN     "noOfferDueAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Enterprise" ADD COLUMN     "followUpRejectedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "IndicatorRollup" (
    "slot" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "cube" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "subDistrictId" TEXT NOT NULL,
    "bankId" TEXT NOT NULL,
    "sectionCode" TEXT NOT NULL,
    "size" TEXT NOT NULL,
    "whitelisted" TEXT NOT NULL,
    "productType" TEXT NOT NULL,
    "borrower" TEXT NOT NULL,
    "lagDays" INTEGER NOT NULL,
    "pending" BOOLEAN NOT NULL,
    "fromOffer" BOOLEAN NOT NULL,
    "outcome" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "amountYuan" BIGINT NOT NULL DEFAULT 0,
    "amountRate" BIGINT NOT NULL DEFAULT 0,
    "creditYuan" BIGINT NOT NULL DEFAULT 0,
    "inclusiveYuan" BIGINT NOT NULL DEFAULT 0,
    "firstLoans" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "IndicatorRollup_pkey" PRIMARY KEY ("slot")
);

-- CreateIndex
CREATE INDEX "IndicatorRollup_kind_cube_day_idx" ON "IndicatorRollup"("kind", "cube", "day");

-- CreateIndex
CREATE INDEX "IndicatorRollup_kind_cube_bankId_day_idx" ON "IndicatorRollup"("kind", "cube", "bankId", "day");

-- CreateIndex
CREATE INDEX "IndicatorRollup_kind_cube_subDistrictId_day_idx" ON "IndicatorRollup"("kind", "cube", "subDistrictId", "day");

-- CreateIndex
CREATE INDEX "Application_slaDueAt_idx" ON "Application"("slaDueAt");

-- CreateIndex
CREATE INDEX "Demand_noOfferDueAt_idx" ON "Demand"("noOfferDueAt");

-- CreateIndex
CREATE INDEX "Enterprise_subDistrictId_followUpRejectedAt_idx" ON "Enterprise"("subDistrictId", "followUpRejectedAt");

-- CreateIndex
CREATE INDEX "Enterprise_followUpRejectedAt_idx" ON "Enterprise"("followUpRejectedAt");

