-- The security audit trail is kept for at least six months (等保2.0 L3): the database itself
-- refuses to delete a row younger than that, whatever code asks. Prisma stores DateTime as
-- ISO-8601 text ("2026-11-27T03:23:39.000+00:00"), which compares correctly with strftime's
-- "YYYY-MM-DDTHH:MM:SS.SSS" up to the millisecond.
CREATE TRIGGER "AuditLog_keep_six_months"
BEFORE DELETE ON "AuditLog"
WHEN OLD."at" > strftime('%Y-%m-%dT%H:%M:%f', 'now', '-6 months')
BEGIN
  SELECT RAISE(ABORT, 'AuditLog rows are kept for at least six months');
END;
