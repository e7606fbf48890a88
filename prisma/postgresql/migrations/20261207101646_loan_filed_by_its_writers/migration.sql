-- Loan.filed is written by the writers of a filing (the portal's filing, the seed, the bench's
-- load, the test factory), in the filing's transaction, no longer by a trigger on Filing (the
-- SQLite twin says why: its triggers blocked later rebuilds of the Loan table; one rule on both).
DROP TRIGGER "Filing_marks_loan_filed" ON "Filing";
DROP FUNCTION "Filing_marks_loan_filed"();
