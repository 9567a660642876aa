-- CreateEnum
CREATE TYPE "Role" AS ENUM ('resident', 'clerk', 'official', 'admin', 'auditor');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('talent', 'rural_student', 'residence', 'family', 'collective');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('draft', 'submitted', 'supplement_requested', 'accepted', 'approved', 'moved_out', 'registered', 'refused', 'withdrawn');

-- CreateEnum
CREATE TYPE "CountyKind" AS ENUM ('district', 'county', 'city', 'zone');

-- CreateTable
CREATE TABLE "County" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "CountyKind" NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "County_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "PoliceStation" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "countyCode" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "phone" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PoliceStation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "username" TEXT,
    "mobile" TEXT,
    "realName" TEXT NOT NULL,
    "idNumber" TEXT,
    "passwordHash" TEXT NOT NULL,
    "stationId" TEXT,
    "isStationHead" BOOLEAN NOT NULL DEFAULT false,
    "countyCode" TEXT,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "lastLoginAt" TIMESTAMP(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Application" (
    "id" TEXT NOT NULL,
    "reference" TEXT,
    "residentId" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "subtype" TEXT,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'draft',
    "destinationCounty" TEXT NOT NULL,
    "destinationAddress" TEXT NOT NULL DEFAULT '',
    "stationId" TEXT,
    "answers" JSONB NOT NULL DEFAULT '{}',
    "draftStep" TEXT,
    "applicantName" TEXT NOT NULL,
    "applicantIdNumber" TEXT NOT NULL,
    "personsCount" INTEGER NOT NULL DEFAULT 1,
    "ruleSetId" TEXT,
    "ruleResult" JSONB,
    "submitKey" TEXT,
    "assignedClerkId" TEXT,
    "assignedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "supplementFrom" "ApplicationStatus",
    "collectiveHouseholdId" TEXT,
    "submittedAt" TIMESTAMP(3),
    "acceptedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "movedOutAt" TIMESTAMP(3),
    "moveOutOffice" TEXT,
    "dueAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HouseholdMember" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "relation" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "idNumber" TEXT NOT NULL,
    "hukouType" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "HouseholdMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "memberId" TEXT,
    "docType" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMP(3),
    "noticeId" TEXT,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatusEvent" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "fromStatus" "ApplicationStatus",
    "toStatus" "ApplicationStatus" NOT NULL,
    "actorId" TEXT,
    "note" TEXT,
    "data" JSONB,
    "dueAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatusEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewAction" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "clerkId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "reasonCodes" TEXT[],
    "note" TEXT,
    "data" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QueueCount" (
    "stationId" TEXT NOT NULL,
    "status" "ApplicationStatus" NOT NULL,
    "channel" "Channel" NOT NULL,
    "assignedClerkId" TEXT NOT NULL DEFAULT '',
    "n" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "QueueCount_pkey" PRIMARY KEY ("stationId","status","channel","assignedClerkId")
);

-- CreateTable
CREATE TABLE "SupplementNotice" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "items" JSONB NOT NULL,
    "note" TEXT,
    "requestedById" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "SupplementNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Permit" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "stationId" TEXT NOT NULL,
    "persons" JSONB NOT NULL,
    "destinationAddress" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "issuedById" TEXT NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokeReason" TEXT,

    CONSTRAINT "Permit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CollectiveHousehold" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "countyCode" TEXT NOT NULL,
    "stationId" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "approvingOffice" TEXT NOT NULL,
    "approvedAt" TIMESTAMP(3) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CollectiveHousehold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RuleSet" (
    "id" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "effectiveFrom" TIMESTAMP(3) NOT NULL,
    "data" JSONB NOT NULL,
    "notes" TEXT,
    "publishedAt" TIMESTAMP(3),
    "publishedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RuleSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PopulationStat" (
    "id" TEXT NOT NULL,
    "countyCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "hukouTotal" INTEGER NOT NULL,
    "hukouUrban" INTEGER NOT NULL,
    "residentTotal" INTEGER NOT NULL,
    "residentUrban" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "PopulationStat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TransferTarget" (
    "id" TEXT NOT NULL,
    "countyCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "target" INTEGER NOT NULL,

    CONSTRAINT "TransferTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarDay" (
    "date" DATE NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "CalendarDay_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "DailyCounter" (
    "day" DATE NOT NULL,
    "stationId" TEXT NOT NULL,
    "countyCode" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "event" TEXT NOT NULL,
    "filings" INTEGER NOT NULL DEFAULT 0,
    "persons" INTEGER NOT NULL DEFAULT 0,
    "workingDays" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DailyCounter_pkey" PRIMARY KEY ("day","stationId","channel","event")
);

-- CreateTable
CREATE TABLE "NumberSequence" (
    "name" TEXT NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "NumberSequence_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "applicationId" TEXT,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorRole" TEXT,
    "stationId" TEXT,
    "countyCode" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT,
    "entityId" TEXT,
    "applicationId" TEXT,
    "ip" TEXT,
    "details" JSONB,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "County_name_key" ON "County"("name");

-- CreateIndex
CREATE UNIQUE INDEX "PoliceStation_code_key" ON "PoliceStation"("code");

-- CreateIndex
CREATE UNIQUE INDEX "PoliceStation_name_key" ON "PoliceStation"("name");

-- CreateIndex
CREATE INDEX "PoliceStation_countyCode_idx" ON "PoliceStation"("countyCode");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE UNIQUE INDEX "User_mobile_key" ON "User"("mobile");

-- CreateIndex
CREATE UNIQUE INDEX "User_idNumber_key" ON "User"("idNumber");

-- CreateIndex
CREATE INDEX "User_role_stationId_idx" ON "User"("role", "stationId");

-- CreateIndex
CREATE INDEX "User_role_countyCode_idx" ON "User"("role", "countyCode");

-- CreateIndex
CREATE UNIQUE INDEX "Application_reference_key" ON "Application"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "Application_submitKey_key" ON "Application"("submitKey");

-- CreateIndex
CREATE INDEX "Application_stationId_status_dueAt_id_idx" ON "Application"("stationId", "status", "dueAt", "id");

-- CreateIndex
CREATE INDEX "Application_stationId_dueAt_id_idx" ON "Application"("stationId", "dueAt", "id");

-- CreateIndex
CREATE INDEX "Application_stationId_decidedAt_id_idx" ON "Application"("stationId", "decidedAt", "id");

-- CreateIndex
CREATE INDEX "Application_stationId_status_channel_dueAt_id_idx" ON "Application"("stationId", "status", "channel", "dueAt", "id");

-- CreateIndex
CREATE INDEX "Application_assignedClerkId_status_dueAt_id_idx" ON "Application"("assignedClerkId", "status", "dueAt", "id");

-- CreateIndex
CREATE INDEX "Application_stationId_applicantName_idx" ON "Application"("stationId", "applicantName");

-- CreateIndex
CREATE INDEX "Application_collectiveHouseholdId_idx" ON "Application"("collectiveHouseholdId");

-- CreateIndex
CREATE INDEX "Application_residentId_createdAt_idx" ON "Application"("residentId", "createdAt");

-- CreateIndex
CREATE INDEX "Application_applicantIdNumber_idx" ON "Application"("applicantIdNumber");

-- CreateIndex
CREATE INDEX "Application_destinationCounty_status_completedAt_idx" ON "Application"("destinationCounty", "status", "completedAt");

-- CreateIndex
CREATE INDEX "Application_status_completedAt_idx" ON "Application"("status", "completedAt");

-- CreateIndex
CREATE INDEX "Application_status_updatedAt_idx" ON "Application"("status", "updatedAt");

-- CreateIndex
CREATE INDEX "Application_acceptedAt_destinationCounty_stationId_submitte_idx" ON "Application"("acceptedAt", "destinationCounty", "stationId", "submittedAt", "ruleSetId");

-- CreateIndex
CREATE INDEX "Application_decidedAt_destinationCounty_stationId_submitted_idx" ON "Application"("decidedAt", "destinationCounty", "stationId", "submittedAt", "acceptedAt", "ruleSetId");

-- CreateIndex
CREATE INDEX "HouseholdMember_idNumber_idx" ON "HouseholdMember"("idNumber");

-- CreateIndex
CREATE INDEX "HouseholdMember_name_idx" ON "HouseholdMember"("name");

-- CreateIndex
CREATE UNIQUE INDEX "HouseholdMember_applicationId_idNumber_key" ON "HouseholdMember"("applicationId", "idNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Document_storageKey_key" ON "Document"("storageKey");

-- CreateIndex
CREATE INDEX "Document_applicationId_removedAt_idx" ON "Document"("applicationId", "removedAt");

-- CreateIndex
CREATE INDEX "StatusEvent_applicationId_createdAt_idx" ON "StatusEvent"("applicationId", "createdAt");

-- CreateIndex
CREATE INDEX "StatusEvent_type_createdAt_idx" ON "StatusEvent"("type", "createdAt");

-- CreateIndex
CREATE INDEX "ReviewAction_applicationId_createdAt_idx" ON "ReviewAction"("applicationId", "createdAt");

-- CreateIndex
CREATE INDEX "ReviewAction_action_createdAt_idx" ON "ReviewAction"("action", "createdAt");

-- CreateIndex
CREATE INDEX "SupplementNotice_applicationId_requestedAt_idx" ON "SupplementNotice"("applicationId", "requestedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Permit_number_key" ON "Permit"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Permit_applicationId_key" ON "Permit"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "CollectiveHousehold_name_key" ON "CollectiveHousehold"("name");

-- CreateIndex
CREATE INDEX "CollectiveHousehold_stationId_idx" ON "CollectiveHousehold"("stationId");

-- CreateIndex
CREATE UNIQUE INDEX "RuleSet_version_key" ON "RuleSet"("version");

-- CreateIndex
CREATE INDEX "RuleSet_publishedAt_effectiveFrom_idx" ON "RuleSet"("publishedAt", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "PopulationStat_countyCode_year_key" ON "PopulationStat"("countyCode", "year");

-- CreateIndex
CREATE UNIQUE INDEX "TransferTarget_countyCode_year_key" ON "TransferTarget"("countyCode", "year");

-- CreateIndex
CREATE INDEX "DailyCounter_countyCode_day_stationId_channel_event_filings_idx" ON "DailyCounter"("countyCode", "day", "stationId", "channel", "event", "filings", "persons");

-- CreateIndex
CREATE INDEX "DailyCounter_day_countyCode_stationId_channel_event_filings_idx" ON "DailyCounter"("day", "countyCode", "stationId", "channel", "event", "filings", "persons");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_sentAt_createdAt_idx" ON "OutboxMessage"("sentAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_applicationId_at_idx" ON "AuditEvent"("applicationId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_stationId_at_idx" ON "AuditEvent"("stationId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");

-- AddForeignKey
ALTER TABLE "PoliceStation" ADD CONSTRAINT "PoliceStation_countyCode_fkey" FOREIGN KEY ("countyCode") REFERENCES "County"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "PoliceStation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_countyCode_fkey" FOREIGN KEY ("countyCode") REFERENCES "County"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "PoliceStation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_destinationCounty_fkey" FOREIGN KEY ("destinationCounty") REFERENCES "County"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_assignedClerkId_fkey" FOREIGN KEY ("assignedClerkId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_ruleSetId_fkey" FOREIGN KEY ("ruleSetId") REFERENCES "RuleSet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_collectiveHouseholdId_fkey" FOREIGN KEY ("collectiveHouseholdId") REFERENCES "CollectiveHousehold"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdMember" ADD CONSTRAINT "HouseholdMember_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "HouseholdMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusEvent" ADD CONSTRAINT "StatusEvent_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusEvent" ADD CONSTRAINT "StatusEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAction" ADD CONSTRAINT "ReviewAction_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAction" ADD CONSTRAINT "ReviewAction_clerkId_fkey" FOREIGN KEY ("clerkId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupplementNotice" ADD CONSTRAINT "SupplementNotice_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Permit" ADD CONSTRAINT "Permit_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Permit" ADD CONSTRAINT "Permit_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "PoliceStation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollectiveHousehold" ADD CONSTRAINT "CollectiveHousehold_countyCode_fkey" FOREIGN KEY ("countyCode") REFERENCES "County"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollectiveHousehold" ADD CONSTRAINT "CollectiveHousehold_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "PoliceStation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PopulationStat" ADD CONSTRAINT "PopulationStat_countyCode_fkey" FOREIGN KEY ("countyCode") REFERENCES "County"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransferTarget" ADD CONSTRAINT "TransferTarget_countyCode_fkey" FOREIGN KEY ("countyCode") REFERENCES "County"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;
