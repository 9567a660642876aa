-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "moveOutRequestedAt" TIMESTAMP(3),
ADD COLUMN     "moveOutReturnReason" TEXT,
ADD COLUMN     "moveOutReturnedAt" TIMESTAMP(3),
ADD COLUMN     "needsMoveOut" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "originStationId" TEXT,
ADD COLUMN     "originWorkingDays" INTEGER,
ADD COLUMN     "supplementAnsweredAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "reviewReason" TEXT,
ADD COLUMN     "reviewStatus" TEXT,
ADD COLUMN     "reviewedAt" TIMESTAMP(3),
ADD COLUMN     "reviewedById" TEXT;

-- CreateTable
CREATE TABLE "SavedQueueView" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedQueueView_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SavedQueueView_userId_name_key" ON "SavedQueueView"("userId", "name");

-- CreateIndex
CREATE INDEX "Application_originStationId_status_dueAt_id_idx" ON "Application"("originStationId", "status", "dueAt", "id");

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_originStationId_fkey" FOREIGN KEY ("originStationId") REFERENCES "PoliceStation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedQueueView" ADD CONSTRAINT "SavedQueueView_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Clerk search by part of a name, the end of a reference, part of an ID number or a phone
-- (hand-written): trigram GIN indexes where the server has pg_trgm (PostgreSQL). The embedded
-- PGlite (and the migrations' shadow database) has no pg_trgm loaded: there the search falls
-- back to a scan of the station's own filings, which is fine at an office's volume.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'pg_trgm not available: clerk search runs without trigram indexes';
END $$;

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    EXECUTE 'CREATE INDEX IF NOT EXISTS "Application_applicantName_trgm_idx" ON "Application" USING gin ("applicantName" gin_trgm_ops)';
    EXECUTE 'CREATE INDEX IF NOT EXISTS "Application_reference_trgm_idx" ON "Application" USING gin ("reference" gin_trgm_ops)';
    EXECUTE 'CREATE INDEX IF NOT EXISTS "Application_applicantIdNumber_trgm_idx" ON "Application" USING gin ("applicantIdNumber" gin_trgm_ops)';
    EXECUTE 'CREATE INDEX IF NOT EXISTS "HouseholdMember_name_trgm_idx" ON "HouseholdMember" USING gin ("name" gin_trgm_ops)';
    EXECUTE 'CREATE INDEX IF NOT EXISTS "HouseholdMember_idNumber_trgm_idx" ON "HouseholdMember" USING gin ("idNumber" gin_trgm_ops)';
    EXECUTE 'CREATE INDEX IF NOT EXISTS "User_mobile_trgm_idx" ON "User" USING gin ("mobile" gin_trgm_ops)';
  END IF;
END $$;
