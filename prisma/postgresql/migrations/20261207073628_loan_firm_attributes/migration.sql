-- The loan carries its firm's section and size, its application's whitelist flag and its
-- product's type (the indicators' loan-book filters, read from one covering index). The loans
-- already in the table get them from their firm, application and product before the columns
-- become NOT NULL.

-- DropIndex
DROP INDEX "Loan_status_subDistrictId_bankId_oldestUnpaidDueOn_reported_idx";

-- AlterTable
ALTER TABLE "Loan" ADD COLUMN     "productType" TEXT,
ADD COLUMN     "sectionCode" TEXT,
ADD COLUMN     "size" TEXT,
ADD COLUMN     "whitelisted" BOOLEAN;

UPDATE "Loan" AS "l"
   SET "sectionCode" = "e"."sectionCode", "size" = "e"."size", "whitelisted" = "a"."whitelisted", "productType" = "p"."type"
  FROM "Enterprise" AS "e", "Application" AS "a", "Product" AS "p"
 WHERE "e"."id" = "l"."enterpriseId" AND "a"."id" = "l"."applicationId" AND "p"."id" = "l"."productId";

ALTER TABLE "Loan" ALTER COLUMN "productType" SET NOT NULL,
ALTER COLUMN "sectionCode" SET NOT NULL,
ALTER COLUMN "size" SET NOT NULL,
ALTER COLUMN "whitelisted" SET NOT NULL;

-- CreateIndex
CREATE INDEX "Loan_status_subDistrictId_bankId_oldestUnpaidDueOn_reported_idx" ON "Loan"("status", "subDistrictId", "bankId", "oldestUnpaidDueOn", "reportedRiskClass", "outstandingPrincipalFen", "id", "sectionCode", "size", "whitelisted", "productType", "firstLoan");
