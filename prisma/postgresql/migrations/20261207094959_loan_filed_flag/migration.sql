-- The loan says whether it is filed with the risk pool (备案), so that the pool's figures read the
-- filed active loans from one index range (by bank) instead of a join from every filing to its
-- loan. A trigger on Filing keeps the flag: every writer of a filing (the portal, the seed, the
-- bench's raw load, a test's direct insert) sets it without knowing about it.

-- DropIndex: the filings' loans looked up one by one by id
DROP INDEX "Loan_id_status_bankId_subDistrictId_outstandingPrincipalFen_idx";

-- AlterTable
ALTER TABLE "Loan" ADD COLUMN     "filed" BOOLEAN NOT NULL DEFAULT false;

UPDATE "Loan" SET "filed" = true WHERE "id" IN (SELECT "loanId" FROM "Filing");

CREATE FUNCTION "Filing_marks_loan_filed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE "Loan" SET "filed" = false WHERE "id" = OLD."loanId";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE "Loan" SET "filed" = true WHERE "id" = NEW."loanId";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Filing_marks_loan_filed"
AFTER INSERT OR DELETE OR UPDATE OF "loanId" ON "Filing"
FOR EACH ROW EXECUTE FUNCTION "Filing_marks_loan_filed"();

-- CreateIndex
CREATE INDEX "Loan_filed_status_bankId_subDistrictId_outstandingPrincipal_idx" ON "Loan"("filed", "status", "bankId", "subDistrictId", "outstandingPrincipalFen", "oldestUnpaidDueOn");
