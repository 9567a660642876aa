-- The audit trail is append-only (plan 四(四)): the database itself refuses to change or
-- remove an event, whatever the application code does. INSERT stays allowed; UPDATE, DELETE
-- and TRUNCATE raise an exception. (Prisma does not manage triggers: this hand-written
-- migration is kept as is and never regenerated.)

CREATE OR REPLACE FUNCTION "audit_event_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '审计记录只能追加，不能修改或删除 (AuditEvent is append-only: % refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

DROP TRIGGER IF EXISTS "AuditEvent_no_update_delete" ON "AuditEvent";
CREATE TRIGGER "AuditEvent_no_update_delete"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();

DROP TRIGGER IF EXISTS "AuditEvent_no_truncate" ON "AuditEvent";
CREATE TRIGGER "AuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();
