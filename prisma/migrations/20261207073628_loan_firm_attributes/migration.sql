-- The loan carries its firm's section and size, its application's whitelist flag and its
-- product's type (the indicators' loan-book filters, read from one covering index). The loans
-- already in the table get them from their firm, application and product in the copy below
-- (outer joins: a loan without one of them stops the migration at a NOT NULL column instead of
-- being left out of the copy).
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Loan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "enterpriseId" TEXT NOT NULL,
    "bankId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "subDistrictId" TEXT NOT NULL,
    "principalFen" BIGINT NOT NULL,
    "rateBp" INTEGER NOT NULL,
    "termMonths" INTEGER NOT NULL,
    "disbursedOn" DATETIME NOT NULL,
    "maturityOn" DATETIME NOT NULL,
    "repaymentMethod" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "settledOn" DATETIME,
    "settledBy" TEXT,
    "outstandingPrincipalFen" BIGINT NOT NULL,
    "paidPrincipalFen" BIGINT NOT NULL DEFAULT 0,
    "paidInterestFen" BIGINT NOT NULL DEFAULT 0,
    "oldestUnpaidDueOn" DATETIME,
    "reportedRiskClass" TEXT,
    "reportedRiskClassAt" DATETIME,
    "firstLoan" BOOLEAN NOT NULL DEFAULT false,
    "sectionCode" TEXT NOT NULL,
    "size" TEXT NOT NULL,
    "whitelisted" BOOLEAN NOT NULL,
    "productType" TEXT NOT NULL,
    "renewsLoanId" TEXT,
    "renewalKind" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Loan_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Loan_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Loan_bankId_fkey" FOREIGN KEY ("bankId") REFERENCES "Bank" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Loan_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Loan_subDistrictId_fkey" FOREIGN KEY ("subDistrictId") REFERENCES "SubDistrict" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Loan_renewsLoanId_fkey" FOREIGN KEY ("renewsLoanId") REFERENCES "Loan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Loan" ("applicationId", "bankId", "createdAt", "disbursedOn", "enterpriseId", "firstLoan", "id", "maturityOn", "oldestUnpaidDueOn", "outstandingPrincipalFen", "paidInterestFen", "paidPrincipalFen", "principalFen", "productId", "rateBp", "renewalKind", "renewsLoanId", "repaymentMethod", "reportedRiskClass", "reportedRiskClassAt", "settledBy", "settledOn", "status", "subDistrictId", "termMonths", "updatedAt", "version", "sectionCode", "size", "whitelisted", "productType") SELECT "l"."applicationId", "l"."bankId", "l"."createdAt", "l"."disbursedOn", "l"."enterpriseId", "l"."firstLoan", "l"."id", "l"."maturityOn", "l"."oldestUnpaidDueOn", "l"."outstandingPrincipalFen", "l"."paidInterestFen", "l"."paidPrincipalFen", "l"."principalFen", "l"."productId", "l"."rateBp", "l"."renewalKind", "l"."renewsLoanId", "l"."repaymentMethod", "l"."reportedRiskClass", "l"."reportedRiskClassAt", "l"."settledBy", "l"."settledOn", "l"."status", "l"."subDistrictId", "l"."termMonths", "l"."updatedAt", "l"."version", "e"."sectionCode", "e"."size", "a"."whitelisted", "p"."type" FROM "Loan" "l" LEFT JOIN "Enterprise" "e" ON "e"."id" = "l"."enterpriseId" LEFT JOIN "Application" "a" ON "a"."id" = "l"."applicationId" LEFT JOIN "Product" "p" ON "p"."id" = "l"."productId";
DROP TABLE "Loan";
ALTER TABLE "new_Loan" RENAME TO "Loan";
CREATE UNIQUE INDEX "Loan_applicationId_key" ON "Loan"("applicationId");
CREATE UNIQUE INDEX "Loan_renewsLoanId_key" ON "Loan"("renewsLoanId");
CREATE INDEX "Loan_bankId_status_oldestUnpaidDueOn_idx" ON "Loan"("bankId", "status", "oldestUnpaidDueOn");
CREATE INDEX "Loan_bankId_disbursedOn_idx" ON "Loan"("bankId", "disbursedOn");
CREATE INDEX "Loan_enterpriseId_status_bankId_idx" ON "Loan"("enterpriseId", "status", "bankId");
CREATE INDEX "Loan_id_status_bankId_subDistrictId_outstandingPrincipalFen_oldestUnpaidDueOn_idx" ON "Loan"("id", "status", "bankId", "subDistrictId", "outstandingPrincipalFen", "oldestUnpaidDueOn");
CREATE INDEX "Loan_subDistrictId_status_oldestUnpaidDueOn_idx" ON "Loan"("subDistrictId", "status", "oldestUnpaidDueOn");
CREATE INDEX "Loan_productId_idx" ON "Loan"("productId");
CREATE INDEX "Loan_status_oldestUnpaidDueOn_idx" ON "Loan"("status", "oldestUnpaidDueOn");
CREATE INDEX "Loan_status_subDistrictId_bankId_oldestUnpaidDueOn_reportedRiskClass_outstandingPrincipalFen_id_sectionCode_size_whitelisted_productType_firstLoan_idx" ON "Loan"("status", "subDistrictId", "bankId", "oldestUnpaidDueOn", "reportedRiskClass", "outstandingPrincipalFen", "id", "sectionCode", "size", "whitelisted", "productType", "firstLoan");
CREATE INDEX "Loan_status_maturityOn_idx" ON "Loan"("status", "maturityOn");
CREATE INDEX "Loan_disbursedOn_renewsLoanId_idx" ON "Loan"("disbursedOn", "renewsLoanId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
