-- The clerk queue's due-soon and overdue counts at any volume: "QueueDueCount" holds the number
-- of filings with a due date per station, state, channel, assignee ('' = unassigned) and the
-- Beijing calendar day of "dueAt" (UTC+8, no DST), kept exact by statement-level triggers on
-- "Application" in the same transaction as every insert, update and delete, as "QueueCount" is.
-- A count over a range of instants sums the whole days here and counts the filings of the
-- partial edge day (today) in the (stationId, status, dueAt, id) index. Rows that fall to 0
-- are deleted, so the table holds the open filings' days only. Deltas are applied in key
-- order (no deadlock between concurrent transactions). Hand-written trigger part: Prisma does
-- not manage triggers; never regenerate this file.

-- CreateTable
CREATE TABLE "QueueDueCount" (
    "stationId" TEXT NOT NULL,
    "status" "ApplicationStatus" NOT NULL,
    "channel" "Channel" NOT NULL,
    "assignedClerkId" TEXT NOT NULL DEFAULT '',
    "day" DATE NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "QueueDueCount_pkey" PRIMARY KEY ("stationId","status","channel","assignedClerkId","day")
);

CREATE OR REPLACE FUNCTION "queue_due_count_apply"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "QueueDueCount" ("stationId", "status", "channel", "assignedClerkId", "day", "n")
    SELECT "stationId", "status", "channel", COALESCE("assignedClerkId", ''), ("dueAt" + interval '8 hours')::date, count(*)::int
    FROM new_rows WHERE "stationId" IS NOT NULL AND "dueAt" IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ("stationId", "status", "channel", "assignedClerkId", "day") DO UPDATE SET "n" = "QueueDueCount"."n" + EXCLUDED."n";
    RETURN NULL;
  ELSIF TG_OP = 'TRUNCATE' THEN
    DELETE FROM "QueueDueCount";
    RETURN NULL;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "QueueDueCount" ("stationId", "status", "channel", "assignedClerkId", "day", "n")
    SELECT "stationId", "status", "channel", COALESCE("assignedClerkId", ''), ("dueAt" + interval '8 hours')::date, -count(*)::int
    FROM old_rows WHERE "stationId" IS NOT NULL AND "dueAt" IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ("stationId", "status", "channel", "assignedClerkId", "day") DO UPDATE SET "n" = "QueueDueCount"."n" + EXCLUDED."n";
  ELSE
    -- Only rows whose key changed; an edit of a draft's answers touches no counter.
    INSERT INTO "QueueDueCount" ("stationId", "status", "channel", "assignedClerkId", "day", "n")
    SELECT s, st, c, a, d, sum(delta)::int FROM (
      SELECT o."stationId" AS s, o."status" AS st, o."channel" AS c, COALESCE(o."assignedClerkId", '') AS a, (o."dueAt" + interval '8 hours')::date AS d, -1 AS delta
      FROM old_rows o JOIN new_rows n ON n."id" = o."id"
      WHERE o."stationId" IS NOT NULL AND o."dueAt" IS NOT NULL
        AND (o."stationId", o."status", o."channel", o."assignedClerkId", (o."dueAt" + interval '8 hours')::date)
            IS DISTINCT FROM (n."stationId", n."status", n."channel", n."assignedClerkId", (n."dueAt" + interval '8 hours')::date)
      UNION ALL
      SELECT n."stationId", n."status", n."channel", COALESCE(n."assignedClerkId", ''), (n."dueAt" + interval '8 hours')::date, 1
      FROM old_rows o JOIN new_rows n ON n."id" = o."id"
      WHERE n."stationId" IS NOT NULL AND n."dueAt" IS NOT NULL
        AND (o."stationId", o."status", o."channel", o."assignedClerkId", (o."dueAt" + interval '8 hours')::date)
            IS DISTINCT FROM (n."stationId", n."status", n."channel", n."assignedClerkId", (n."dueAt" + interval '8 hours')::date)
    ) changed
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ("stationId", "status", "channel", "assignedClerkId", "day") DO UPDATE SET "n" = "QueueDueCount"."n" + EXCLUDED."n";
  END IF;
  -- Only a decrement reaches 0, on a key of an old row: those rows go (this transaction holds their lock).
  DELETE FROM "QueueDueCount" c USING (
    SELECT DISTINCT "stationId", "status", "channel", COALESCE("assignedClerkId", '') AS "assignedClerkId", ("dueAt" + interval '8 hours')::date AS "day"
    FROM old_rows WHERE "stationId" IS NOT NULL AND "dueAt" IS NOT NULL
  ) o
  WHERE c."n" = 0 AND c."stationId" = o."stationId" AND c."status" = o."status" AND c."channel" = o."channel"
    AND c."assignedClerkId" = o."assignedClerkId" AND c."day" = o."day";
  RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS "Application_queue_due_count_insert" ON "Application";
CREATE TRIGGER "Application_queue_due_count_insert" AFTER INSERT ON "Application"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_due_count_apply"();

DROP TRIGGER IF EXISTS "Application_queue_due_count_update" ON "Application";
CREATE TRIGGER "Application_queue_due_count_update" AFTER UPDATE ON "Application"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_due_count_apply"();

DROP TRIGGER IF EXISTS "Application_queue_due_count_delete" ON "Application";
CREATE TRIGGER "Application_queue_due_count_delete" AFTER DELETE ON "Application"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_due_count_apply"();

DROP TRIGGER IF EXISTS "Application_queue_due_count_truncate" ON "Application";
CREATE TRIGGER "Application_queue_due_count_truncate" AFTER TRUNCATE ON "Application"
  FOR EACH STATEMENT EXECUTE FUNCTION "queue_due_count_apply"();

-- A database that already has filings starts from their true counts.
INSERT INTO "QueueDueCount" ("stationId", "status", "channel", "assignedClerkId", "day", "n")
SELECT "stationId", "status", "channel", COALESCE("assignedClerkId", ''), ("dueAt" + interval '8 hours')::date, count(*)::int
FROM "Application" WHERE "stationId" IS NOT NULL AND "dueAt" IS NOT NULL GROUP BY 1, 2, 3, 4, 5;
