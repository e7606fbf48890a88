-- The security audit trail is kept for at least six months (等保2.0 L3): the database itself
-- refuses to delete a row younger than that, whatever code asks (the SQLite migration of the
-- same name does the same). "at" is a UTC timestamp without time zone.
--
-- The migration runner (the pg driver adapter's executeScript) splits scripts at every
-- semicolon, so the function body's semicolons are written \073 inside an E'' string.
CREATE FUNCTION "AuditLog_keep_six_months"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF OLD."at" > (now() AT TIME ZONE \'UTC\') - interval \'6 months\' THEN
    RAISE EXCEPTION \'AuditLog rows are kept for at least six months\'\073
  END IF\073
  RETURN OLD\073
END
';

CREATE TRIGGER "AuditLog_keep_six_months"
BEFORE DELETE ON "AuditLog"
FOR EACH ROW EXECUTE FUNCTION "AuditLog_keep_six_months"();
