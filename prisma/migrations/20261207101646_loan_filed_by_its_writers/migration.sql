-- Loan.filed is written by the writers of a filing (the portal's filing, the seed, the bench's
-- load, the test factory), in the filing's transaction, no longer by triggers on Filing: a trigger
-- whose body names "Loan" makes SQLite refuse every later rebuild of the Loan table (Prisma's
-- RedefineTables: the rename of new_Loan fails with "error in trigger …: no such table: main.Loan").
DROP TRIGGER "Filing_marks_loan_filed";
DROP TRIGGER "Filing_unmarks_loan_filed";
DROP TRIGGER "Filing_moves_loan_filed";
