-- The clerk queue's tab counts at any volume: "QueueCount" holds the number of filings per
-- station, state, channel and assignee ('' = unassigned), kept exact by statement-level
-- triggers on "Application" in the same transaction as every insert, update and delete —
-- whichever code path changes a filing. Deltas are applied in key order, so concurrent
-- transactions lock count rows in the same order (no deadlock). Hand-written: Prisma does not
-- manage triggers; never regenerate this file.

CREATE OR REPLACE FUNCTION "queue_count_apply"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "QueueCount" ("stationId", "status", "channel", "assignedClerkId", "n")
    SELECT "stationId", "status", "channel", COALESCE("assignedClerkId", ''), count(*)::int
    FROM new_rows WHERE "stationId" IS NOT NULL
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("stationId", "status", "channel", "assignedClerkId") DO UPDATE SET "n" = "QueueCount"."n" + EXCLUDED."n";
  ELSIF TG_OP = 'TRUNCATE' THEN
    DELETE FROM "QueueCount";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "QueueCount" ("stationId", "status", "channel", "assignedClerkId", "n")
    SELECT "stationId", "status", "channel", COALESCE("assignedClerkId", ''), -count(*)::int
    FROM old_rows WHERE "stationId" IS NOT NULL
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("stationId", "status", "channel", "assignedClerkId") DO UPDATE SET "n" = "QueueCount"."n" + EXCLUDED."n";
  ELSE
    -- Only rows whose key changed; an edit of a draft's answers touches no counter.
    INSERT INTO "QueueCount" ("stationId", "status", "channel", "assignedClerkId", "n")
    SELECT s, st, c, a, sum(d)::int FROM (
      SELECT o."stationId" AS s, o."status" AS st, o."channel" AS c, COALESCE(o."assignedClerkId", '') AS a, -1 AS d
      FROM old_rows o JOIN new_rows n ON n."id" = o."id"
      WHERE o."stationId" IS NOT NULL
        AND (o."stationId", o."status", o."channel", o."assignedClerkId") IS DISTINCT FROM (n."stationId", n."status", n."channel", n."assignedClerkId")
      UNION ALL
      SELECT n."stationId", n."status", n."channel", COALESCE(n."assignedClerkId", ''), 1
      FROM old_rows o JOIN new_rows n ON n."id" = o."id"
      WHERE n."stationId" IS NOT NULL
        AND (o."stationId", o."status", o."channel", o."assignedClerkId") IS DISTINCT FROM (n."stationId", n."status", n."channel", n."assignedClerkId")
    ) delta
    GROUP BY 1, 2, 3, 4 HAVING sum(d) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("stationId", "status", "channel", "assignedClerkId") DO UPDATE SET "n" = "QueueCount"."n" + EXCLUDED."n";
  END IF;
  RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS "Application_queue_count_insert" ON "Application";
CREATE TRIGGER "Application_queue_count_insert" AFTER INSERT ON "Application"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_count_apply"();

DROP TRIGGER IF EXISTS "Application_queue_count_update" ON "Application";
CREATE TRIGGER "Application_queue_count_update" AFTER UPDATE ON "Application"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_count_apply"();

DROP TRIGGER IF EXISTS "Application_queue_count_delete" ON "Application";
CREATE TRIGGER "Application_queue_count_delete" AFTER DELETE ON "Application"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "queue_count_apply"();

DROP TRIGGER IF EXISTS "Application_queue_count_truncate" ON "Application";
CREATE TRIGGER "Application_queue_count_truncate" AFTER TRUNCATE ON "Application"
  FOR EACH STATEMENT EXECUTE FUNCTION "queue_count_apply"();

-- A database that already has filings starts from their true counts.
DELETE FROM "QueueCount";
INSERT INTO "QueueCount" ("stationId", "status", "channel", "assignedClerkId", "n")
SELECT "stationId", "status", "channel", COALESCE("assignedClerkId", ''), count(*)::int
FROM "Application" WHERE "stationId" IS NOT NULL GROUP BY 1, 2, 3, 4;
