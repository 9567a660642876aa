-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('pending', 'sent', 'dead');

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "deadAt" TIMESTAMP(3),
ADD COLUMN     "idempotencyKey" TEXT,
ADD COLUMN     "lockedBy" TEXT,
ADD COLUMN     "lockedUntil" TIMESTAMP(3),
ADD COLUMN     "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "params" JSONB,
ADD COLUMN     "status" "OutboxStatus" NOT NULL DEFAULT 'pending',
ADD COLUMN     "template" TEXT;

-- CreateTable
CREATE TABLE "SmsCode" (
    "id" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "mobile" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SmsCode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SmsCode_mobile_purpose_createdAt_idx" ON "SmsCode"("mobile", "purpose", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_idempotencyKey_key" ON "OutboxMessage"("idempotencyKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- Data: messages sent before this migration are sent; those that failed five times are dead letters.
UPDATE "OutboxMessage" SET "status" = 'sent' WHERE "sentAt" IS NOT NULL;
UPDATE "OutboxMessage" SET "status" = 'dead', "deadAt" = CURRENT_TIMESTAMP WHERE "sentAt" IS NULL AND "attempts" >= 5;
