-- CreateEnum
CREATE TYPE "SupplementNoticeStatus" AS ENUM ('sent', 'corrected', 'withdrawn', 'answered');

-- AlterTable
ALTER TABLE "SupplementNotice" ADD COLUMN     "correctedAt" TIMESTAMP(3),
ADD COLUMN     "correctedById" TEXT,
ADD COLUMN     "history" JSONB,
ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "status" "SupplementNoticeStatus" NOT NULL DEFAULT 'sent',
ADD COLUMN     "withdrawReason" TEXT,
ADD COLUMN     "withdrawnAt" TIMESTAMP(3),
ADD COLUMN     "withdrawnById" TEXT;

-- Notices answered before this migration.
UPDATE "SupplementNotice" SET "status" = 'answered' WHERE "answeredAt" IS NOT NULL;
