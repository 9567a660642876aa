-- AlterTable
ALTER TABLE "DailyCounter" ADD COLUMN     "ruralPersons" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "MonthlyCounter" (
    "month" DATE NOT NULL,
    "stationId" TEXT NOT NULL,
    "countyCode" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "event" TEXT NOT NULL,
    "filings" INTEGER NOT NULL DEFAULT 0,
    "persons" INTEGER NOT NULL DEFAULT 0,
    "ruralPersons" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MonthlyCounter_pkey" PRIMARY KEY ("month","stationId","channel","event")
);

-- CreateTable
CREATE TABLE "StepHistogram" (
    "grain" TEXT NOT NULL,
    "bucket" DATE NOT NULL,
    "stationId" TEXT NOT NULL,
    "countyCode" TEXT NOT NULL,
    "clerkId" TEXT NOT NULL DEFAULT '',
    "step" TEXT NOT NULL,
    "wd" INTEGER NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,
    "late" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "StepHistogram_pkey" PRIMARY KEY ("grain","bucket","stationId","clerkId","step","wd")
);

-- CreateTable
CREATE TABLE "RefusalCount" (
    "grain" TEXT NOT NULL,
    "bucket" DATE NOT NULL,
    "stationId" TEXT NOT NULL,
    "countyCode" TEXT NOT NULL,
    "clerkId" TEXT NOT NULL DEFAULT '',
    "code" TEXT NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RefusalCount_pkey" PRIMARY KEY ("grain","bucket","stationId","clerkId","code")
);

-- CreateTable
CREATE TABLE "SettlementPlan" (
    "id" TEXT NOT NULL,
    "documentNumber" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "startYear" INTEGER NOT NULL,
    "endYear" INTEGER NOT NULL,
    "baselineYear" INTEGER NOT NULL,
    "transfersPerYear" INTEGER NOT NULL,
    "rateRisePerYear" DOUBLE PRECISION NOT NULL,
    "endRate" DOUBLE PRECISION,
    "gapNarrowing" DOUBLE PRECISION,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "SettlementPlan_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MonthlyCounter_countyCode_month_idx" ON "MonthlyCounter"("countyCode", "month");

-- CreateIndex
CREATE INDEX "StepHistogram_grain_countyCode_bucket_idx" ON "StepHistogram"("grain", "countyCode", "bucket");

-- CreateIndex
CREATE INDEX "RefusalCount_grain_countyCode_bucket_idx" ON "RefusalCount"("grain", "countyCode", "bucket");

-- CreateIndex
CREATE UNIQUE INDEX "SettlementPlan_documentNumber_key" ON "SettlementPlan"("documentNumber");

-- The plan the portal carries out (一、主要目标), recorded as data; admins may record later plans.
INSERT INTO "SettlementPlan" ("id", "documentNumber", "title", "startYear", "endYear", "baselineYear", "transfersPerYear", "rateRisePerYear", "endRate", "gapNarrowing", "updatedAt")
VALUES ('plan-smx-2019-24', '三政办〔2019〕24号', '推动非户籍人口在城市落户实施方案（“十三五”期间）', 2016, 2020, 2015, 46000, 2, 37, 2, CURRENT_TIMESTAMP)
ON CONFLICT DO NOTHING;

-- Rural people of the registrations counted so far (the one 转户 number), per day, station and channel.
UPDATE "DailyCounter" dc SET "ruralPersons" = x.n
  FROM (
    SELECT (a."completedAt" + INTERVAL '8 hours')::date AS day, a."stationId", a."channel",
           COUNT(*) FILTER (WHERE COALESCE(m."hukouType", a."answers"->'applicant'->>'hukouType', a."answers"->>'hukouType') = 'rural')::int AS n
      FROM "Application" a LEFT JOIN "HouseholdMember" m ON m."applicationId" = a."id"
     WHERE a."status" = 'registered' AND a."completedAt" IS NOT NULL AND a."stationId" IS NOT NULL
     GROUP BY 1, 2, 3
  ) x
 WHERE dc."event" = 'registered' AND dc."day" = x.day AND dc."stationId" = x."stationId" AND dc."channel" = x."channel";

-- Months from the days already counted.
INSERT INTO "MonthlyCounter" ("month", "stationId", "countyCode", "channel", "event", "filings", "persons", "ruralPersons")
SELECT date_trunc('month', "day")::date, "stationId", MIN("countyCode"), "channel", "event", SUM("filings")::int, SUM("persons")::int, SUM("ruralPersons")::int
  FROM "DailyCounter" GROUP BY 1, 2, 4, 5;
