-- The loan says whether it is filed with the risk pool (备案), so that the pool's figures read the
-- filed active loans from one index range (by bank) instead of a join from every filing to its
-- loan. Triggers on Filing keep the flag: every writer of a filing (the portal, the seed, the
-- bench's raw load, a test's direct insert) sets it without knowing about it.
ALTER TABLE "Loan" ADD COLUMN "filed" BOOLEAN NOT NULL DEFAULT false;

UPDATE "Loan" SET "filed" = true WHERE "id" IN (SELECT "loanId" FROM "Filing");

CREATE TRIGGER "Filing_marks_loan_filed"
AFTER INSERT ON "Filing"
BEGIN
  UPDATE "Loan" SET "filed" = true WHERE "id" = NEW."loanId";
END;

CREATE TRIGGER "Filing_unmarks_loan_filed"
AFTER DELETE ON "Filing"
BEGIN
  UPDATE "Loan" SET "filed" = false WHERE "id" = OLD."loanId";
END;

CREATE TRIGGER "Filing_moves_loan_filed"
AFTER UPDATE OF "loanId" ON "Filing"
BEGIN
  UPDATE "Loan" SET "filed" = false WHERE "id" = OLD."loanId";
  UPDATE "Loan" SET "filed" = true WHERE "id" = NEW."loanId";
END;

-- DropIndex: the filings' loans looked up one by one by id
DROP INDEX "Loan_id_status_bankId_subDistrictId_outstandingPrincipalFen_oldestUnpaidDueOn_idx";

-- CreateIndex
CREATE INDEX "Loan_filed_status_bankId_subDistrictId_outstandingPrincipalFen_oldestUnpaidDueOn_idx" ON "Loan"("filed", "status", "bankId", "subDistrictId", "outstandingPrincipalFen", "oldestUnpaidDueOn");
