-- PostgreSQL twin of prisma/migrations/20261127040000_audit_log_retention (written by hand:
-- triggers are not part of the Prisma schema). The security audit trail is kept for at least six
-- months (等保2.0 L3): the database itself refuses to delete a row younger than that, whatever
-- code asks. "at" is a timestamp(3) holding UTC.
CREATE FUNCTION "AuditLog_keep_six_months"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."at" > (now() AT TIME ZONE 'UTC') - INTERVAL '6 months' THEN
    RAISE EXCEPTION 'AuditLog rows are kept for at least six months';
  END IF;
  RETURN OLD;
END
$$;

CREATE TRIGGER "AuditLog_keep_six_months"
BEFORE DELETE ON "AuditLog"
FOR EACH ROW EXECUTE FUNCTION "AuditLog_keep_six_months"();
