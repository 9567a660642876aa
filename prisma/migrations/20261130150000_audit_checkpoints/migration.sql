-- CreateTable
CREATE TABLE "AuditCheckpoint" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "eventId" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "AuditCheckpoint_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditCheckpoint_eventId_idx" ON "AuditCheckpoint"("eventId");

-- Checkpoints are append-only like the audit trail itself (same function as 20261127000100).
-- On PostgreSQL the runtime role also lacks UPDATE/DELETE/TRUNCATE and ownership (npm run db:grants),
-- so it can neither change a checkpoint nor disable these triggers.
DROP TRIGGER IF EXISTS "AuditCheckpoint_no_update_delete" ON "AuditCheckpoint";
CREATE TRIGGER "AuditCheckpoint_no_update_delete"
  BEFORE UPDATE OR DELETE ON "AuditCheckpoint"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();

DROP TRIGGER IF EXISTS "AuditCheckpoint_no_truncate" ON "AuditCheckpoint";
CREATE TRIGGER "AuditCheckpoint_no_truncate"
  BEFORE TRUNCATE ON "AuditCheckpoint"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();
