import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import type { Channel } from "@/lib/generated/prisma/enums";
import { beijingDate, workingDaysBetween } from "@/lib/calendar/working-days";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { DEFAULT_RULE_SET_DATA } from "@/lib/rules/default-rule-set";
import type { RuleSetData } from "@/lib/rules/types";

/**
 * Statistics rollups kept in the same transaction as every transition (issue 14 point 2): the
 * dashboards read these and never the filings, so the first load after a restart costs what
 * every later one costs — no per-process cache to warm.
 *
 *   DailyCounter / MonthlyCounter  day|month × station × channel × event → filings, people,
 *                                  rural people (农业转移人口, the one 转户 number)
 *   StepHistogram                  day|month × station × clerk × step × working days → n, late
 *   RefusalCount                   day|month × station × clerk × reason code → n (final refusals)
 *
 * Definitions (the same in rebuildStatRollups, which recounts everything from the filings):
 * - step "accept": working days from submission to acceptance; late when more than the
 *   filing's rule set's acceptance limit;
 * - step "decide": working days from submission to the decision; late when the decision came
 *   more than the decision limit after acceptance (after submission when refused unaccepted);
 * - the clerk is the one who acted (the transition's actor);
 * - reversed decisions: statistics count the FINAL decision. A station head's reopening of a
 *   refusal takes that refusal (its counter, reasons and decision step) out again, on the day it
 *   was counted; a revocation of an approval takes the approval out and counts the refusal on the
 *   day of the revocation. Each correction is counted separately as "reopened" or "revoked".
 */

export type Grain = "day" | "month";
/** RefusalCount's code for the refusals themselves (one per refusal, whatever its reasons). */
export const ALL_REFUSALS = "*";
export const dayDate = (ymd: string) => new Date(`${ymd}T00:00:00Z`);
export const monthDate = (ymd: string) => new Date(`${ymd.slice(0, 7)}-01T00:00:00Z`);

type Where = { stationId: string; countyCode: string; channel: Channel };

/** Adds to the month's counter (DailyCounter is bumped by transition()'s bumpCounter). */
export async function bumpMonthlyCounter(tx: Db, w: Where, event: string, at: Date, d: { filings: number; persons: number; ruralPersons: number }) {
  const month = monthDate(beijingDate(at));
  await tx.$executeRaw`
    INSERT INTO "MonthlyCounter" ("month", "stationId", "countyCode", "channel", "event", "filings", "persons", "ruralPersons")
    VALUES (${month}, ${w.stationId}, ${w.countyCode}, ${w.channel}::"Channel", ${event}, ${d.filings}, ${d.persons}, ${d.ruralPersons})
    ON CONFLICT ("month", "stationId", "channel", "event") DO UPDATE SET
      "filings" = "MonthlyCounter"."filings" + EXCLUDED."filings",
      "persons" = "MonthlyCounter"."persons" + EXCLUDED."persons",
      "ruralPersons" = "MonthlyCounter"."ruralPersons" + EXCLUDED."ruralPersons"`;
}

/** Takes a counted event out again (a reversed decision), on the day and month it was counted. */
export async function unbumpCounter(tx: Db, w: Where, event: string, at: Date, persons: number) {
  const ymd = beijingDate(at);
  await tx.$executeRaw`
    UPDATE "DailyCounter" SET "filings" = "filings" - 1, "persons" = "persons" - ${persons}
     WHERE "day" = ${dayDate(ymd)} AND "stationId" = ${w.stationId} AND "channel" = ${w.channel}::"Channel" AND "event" = ${event} AND "filings" > 0`;
  await tx.$executeRaw`
    UPDATE "MonthlyCounter" SET "filings" = "filings" - 1, "persons" = "persons" - ${persons}
     WHERE "month" = ${monthDate(ymd)} AND "stationId" = ${w.stationId} AND "channel" = ${w.channel}::"Channel" AND "event" = ${event} AND "filings" > 0`;
}

async function bumpStep(tx: Db, w: Where, clerkId: string, step: "accept" | "decide", wd: number, late: boolean, at: Date, delta: 1 | -1) {
  const ymd = beijingDate(at);
  for (const [grain, bucket] of [
    ["day", dayDate(ymd)],
    ["month", monthDate(ymd)],
  ] as const) {
    await tx.$executeRaw`
      INSERT INTO "StepHistogram" ("grain", "bucket", "stationId", "countyCode", "clerkId", "step", "wd", "n", "late")
      VALUES (${grain}, ${bucket}, ${w.stationId}, ${w.countyCode}, ${clerkId}, ${step}, ${wd}, ${delta}, ${late ? delta : 0})
      ON CONFLICT ("grain", "bucket", "stationId", "clerkId", "step", "wd") DO UPDATE SET
        "n" = "StepHistogram"."n" + EXCLUDED."n", "late" = "StepHistogram"."late" + EXCLUDED."late"`;
  }
}

async function bumpRefusals(tx: Db, w: Where, clerkId: string, codes: readonly string[], at: Date, delta: 1 | -1) {
  const ymd = beijingDate(at);
  // "*" counts the refusal itself once (a refusal may give several reasons).
  for (const code of new Set([...codes, ALL_REFUSALS])) {
    for (const [grain, bucket] of [
      ["day", dayDate(ymd)],
      ["month", monthDate(ymd)],
    ] as const) {
      await tx.$executeRaw`
        INSERT INTO "RefusalCount" ("grain", "bucket", "stationId", "countyCode", "clerkId", "code", "n")
        VALUES (${grain}, ${bucket}, ${w.stationId}, ${w.countyCode}, ${clerkId}, ${code}, ${delta})
        ON CONFLICT ("grain", "bucket", "stationId", "clerkId", "code") DO UPDATE SET "n" = "RefusalCount"."n" + EXCLUDED."n"`;
    }
  }
}

/**
 * People of a filing whose previous hukou was rural: a member's own hukouType, else the
 * applicant's answer (answers.applicant.hukouType, then answers.hukouType) — as the rules panel reads it.
 */
export async function ruralPersonsOf(tx: Db, applicationId: string): Promise<number> {
  const r = await tx.$queryRaw<Array<{ n: number }>>`
    SELECT COUNT(*) FILTER (WHERE COALESCE(m."hukouType", a."answers"->'applicant'->>'hukouType', a."answers"->>'hukouType') = 'rural')::int AS n
      FROM "Application" a LEFT JOIN "HouseholdMember" m ON m."applicationId" = a."id"
     WHERE a."id" = ${applicationId}`;
  return r[0]?.n ?? 0;
}

const limitsCache = new Map<string, RuleSetData["timeLimits"]>();
async function limitsOf(tx: Db, ruleSetId: string | null): Promise<RuleSetData["timeLimits"]> {
  if (!ruleSetId) return DEFAULT_RULE_SET_DATA.timeLimits;
  const hit = limitsCache.get(ruleSetId);
  if (hit) return hit;
  const rs = await tx.ruleSet.findUnique({
    where: { id: ruleSetId },
    select: { data: true, publishedAt: true },
  });
  const limits = {
    ...DEFAULT_RULE_SET_DATA.timeLimits,
    ...((rs?.data as unknown as Partial<RuleSetData> | undefined)?.timeLimits ?? {}),
  };
  if (rs?.publishedAt) limitsCache.set(ruleSetId, limits); // published rule sets never change
  return limits;
}

type StepFacts = {
  submittedAt: Date;
  acceptedAt: Date | null;
  decidedAt: Date;
  ruleSetId: string | null;
};

async function stepOf(tx: Db, step: "accept" | "decide", f: StepFacts): Promise<{ wd: number; late: boolean }> {
  const cal = await loadCalendar(tx);
  const limits = await limitsOf(tx, f.ruleSetId);
  if (step === "accept") {
    const wd = workingDaysBetween(f.submittedAt, f.acceptedAt ?? f.decidedAt, cal);
    return { wd, late: wd > limits.acceptanceWorkingDays };
  }
  const wd = workingDaysBetween(f.submittedAt, f.decidedAt, cal);
  return {
    wd,
    late: workingDaysBetween(f.acceptedAt ?? f.submittedAt, f.decidedAt, cal) > limits.decisionWorkingDays,
  };
}

export type TransitionFacts = {
  applicationId: string;
  stationId: string;
  countyCode: string;
  channel: Channel;
  personsCount: number;
  event: string;
  counter: string | null;
  actorId: string | null;
  data?: Record<string, unknown>;
  now: Date;
};

const reasonCodesOf = (data: unknown): string[] => {
  const reasons = (data as { reasons?: Array<{ code?: unknown }> } | null)?.reasons;
  return Array.isArray(reasons) ? reasons.map((r) => r?.code).filter((c): c is string => typeof c === "string") : [];
};

/**
 * The rollups of one transition, after DailyCounter was bumped and the status event written
 * (same transaction). Returns the rural people counted for "registered" (for DailyCounter).
 */
export async function bumpRollups(tx: Db, t: TransitionFacts): Promise<void> {
  const w: Where = {
    stationId: t.stationId,
    countyCode: t.countyCode,
    channel: t.channel,
  };
  const clerk = t.actorId ?? "";
  if (t.counter) {
    const ruralPersons = t.counter === "registered" ? await ruralPersonsOf(tx, t.applicationId) : 0;
    if (ruralPersons) {
      await tx.$executeRaw`
        UPDATE "DailyCounter" SET "ruralPersons" = "ruralPersons" + ${ruralPersons}
         WHERE "day" = ${dayDate(beijingDate(t.now))} AND "stationId" = ${t.stationId} AND "channel" = ${t.channel}::"Channel" AND "event" = 'registered'`;
    }
    await bumpMonthlyCounter(tx, w, t.counter, t.now, {
      filings: 1,
      persons: t.personsCount,
      ruralPersons,
    });
  }
  const isStep = t.counter === "accepted" || t.counter === "approved" || t.counter === "refused";
  const isCorrection = t.event === "corrected";
  if (!isStep && !isCorrection) return;
  const f = await tx.application.findUniqueOrThrow({
    where: { id: t.applicationId },
    select: { submittedAt: true, acceptedAt: true, ruleSetId: true },
  });
  if (!f.submittedAt) return;
  const facts = (decidedAt: Date): StepFacts => ({
    submittedAt: f.submittedAt!,
    acceptedAt: f.acceptedAt,
    decidedAt,
    ruleSetId: f.ruleSetId,
  });

  if (t.counter === "accepted") {
    const s = await stepOf(tx, "accept", {
      ...facts(t.now),
      acceptedAt: t.now,
    });
    await bumpStep(tx, w, clerk, "accept", s.wd, s.late, t.now, 1);
    return;
  }
  if (t.counter === "approved" || t.counter === "refused") {
    const s = await stepOf(tx, "decide", facts(t.now));
    await bumpStep(tx, w, clerk, "decide", s.wd, s.late, t.now, 1);
    if (t.counter === "refused") await bumpRefusals(tx, w, clerk, reasonCodesOf(t.data), t.now, 1);
    return;
  }

  // A station head's correction: take the reversed decision out where it was counted.
  const kind = (t.data as { kind?: string } | undefined)?.kind;
  const previous = kind === "reopen" ? "refused" : kind === "revoke" ? "approved" : null;
  if (!previous) return;
  const prev = await tx.statusEvent.findFirst({
    where: {
      applicationId: t.applicationId,
      toStatus: previous,
      type: { not: "corrected" },
      createdAt: { lte: t.now },
    },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true, actorId: true, data: true },
  });
  // A refusal by an earlier revocation is recorded on the correction event itself.
  const prevRevoke =
    previous === "refused"
      ? await tx.statusEvent.findFirst({
          where: {
            applicationId: t.applicationId,
            toStatus: "refused",
            type: "corrected",
            createdAt: { lt: t.now },
          },
          orderBy: { createdAt: "desc" },
          select: { createdAt: true, actorId: true, data: true },
        })
      : null;
  const last = prevRevoke && (!prev || prevRevoke.createdAt > prev.createdAt) ? prevRevoke : prev;
  if (last) {
    const at = last.createdAt;
    const s = await stepOf(tx, "decide", facts(at));
    await unbumpCounter(tx, w, previous, at, t.personsCount);
    await bumpStep(tx, w, last.actorId ?? "", "decide", s.wd, s.late, at, -1);
    if (previous === "refused") await bumpRefusals(tx, w, last.actorId ?? "", reasonCodesOf(last.data), at, -1);
  }
  const correction = kind === "reopen" ? "reopened" : "revoked";
  await bumpCorrection(tx, w, correction, t.now, t.personsCount);
  if (kind === "revoke") {
    // The final decision is now a refusal, counted on the day of the revocation.
    await bumpCorrection(tx, w, "refused", t.now, t.personsCount);
    const s = await stepOf(tx, "decide", facts(t.now));
    await bumpStep(tx, w, clerk, "decide", s.wd, s.late, t.now, 1);
    await bumpRefusals(tx, w, clerk, reasonCodesOf(t.data), t.now, 1);
  }
}

async function bumpCorrection(tx: Db, w: Where, event: string, at: Date, persons: number) {
  const day = dayDate(beijingDate(at));
  await tx.$executeRaw`
    INSERT INTO "DailyCounter" ("day", "stationId", "countyCode", "channel", "event", "filings", "persons", "workingDays")
    VALUES (${day}, ${w.stationId}, ${w.countyCode}, ${w.channel}::"Channel", ${event}, 1, ${persons}, 0)
    ON CONFLICT ("day", "stationId", "channel", "event") DO UPDATE SET "filings" = "DailyCounter"."filings" + 1, "persons" = "DailyCounter"."persons" + EXCLUDED."persons"`;
  await bumpMonthlyCounter(tx, w, event, at, {
    filings: 1,
    persons,
    ruralPersons: 0,
  });
}

/**
 * Recounts StepHistogram, RefusalCount, MonthlyCounter and the rural people of DailyCounter
 * from the filings (seeds, imports, the bench; tests compare it with the incremental rollups).
 * The clerk of a step is the filing's assigned clerk (the one who acted, unless reassigned since).
 */
export async function rebuildStatRollups(db: Db): Promise<void> {
  const d = DEFAULT_RULE_SET_DATA.timeLimits;
  const bounds = await db.$queryRaw<Array<{ lo: string | null; hi: string | null }>>`
    SELECT to_char(MIN("submittedAt" + INTERVAL '8 hours'), 'YYYY-MM-DD') AS lo, to_char(GREATEST(MAX("decidedAt"), MAX("acceptedAt"), MAX("submittedAt")) + INTERVAL '8 hours' + INTERVAL '1 day', 'YYYY-MM-DD') AS hi
      FROM "Application" WHERE "submittedAt" IS NOT NULL`;
  await db.$executeRaw`DELETE FROM "StepHistogram"`;
  await db.$executeRaw`DELETE FROM "RefusalCount"`;
  const lo = bounds[0]?.lo;
  const hi = bounds[0]?.hi;
  if (lo && hi) {
    // Working-day ordinals per calendar day, joined per date (a row must not carry the whole
    // calendar: at 10,000,000 filings a sort spilling an array per row filled the disk).
    const day = (col: string) => Prisma.raw(`(a."${col}" + INTERVAL '8 hours')::date`);
    for (const step of ["accept", "decide"] as const) {
      const at = step === "accept" ? "acceptedAt" : "decidedAt";
      const late =
        step === "accept"
          ? Prisma.sql`ca.ord - cs.ord > COALESCE(l.acc, ${d.acceptanceWorkingDays})`
          : Prisma.sql`ca.ord - COALESCE(cc.ord, cs.ord) > COALESCE(l.dec, ${d.decisionWorkingDays})`;
      // Day rows from the filings; month rows are summed from the day rows below.
      await db.$executeRaw`
        WITH cal AS MATERIALIZED (
          SELECT ${lo}::date + g.i AS day,
                 (SUM(CASE WHEN c."kind" = 'workday' THEN 1 WHEN c."kind" = 'holiday' THEN 0
                           WHEN EXTRACT(ISODOW FROM ${lo}::date + g.i) < 6 THEN 1 ELSE 0 END) OVER (ORDER BY g.i))::int AS ord
            FROM generate_series(0, ${hi}::date - ${lo}::date) AS g(i)
            LEFT JOIN "CalendarDay" c ON c."date" = ${lo}::date + g.i
        ),
        limits AS MATERIALIZED (
          SELECT "id", ("data"->'timeLimits'->>'acceptanceWorkingDays')::int AS acc, ("data"->'timeLimits'->>'decisionWorkingDays')::int AS dec FROM "RuleSet"
        )
        INSERT INTO "StepHistogram" ("grain", "bucket", "stationId", "countyCode", "clerkId", "step", "wd", "n", "late")
        SELECT 'day', x.bucket, x."stationId", MIN(x."countyCode"), x."clerkId", ${step}, x.wd, COUNT(*)::int, (COUNT(*) FILTER (WHERE x.late))::int
          FROM (
            SELECT ${day(at)} AS bucket, a."stationId", a."destinationCounty" AS "countyCode", COALESCE(a."assignedClerkId", '') AS "clerkId",
                   ca.ord - cs.ord AS wd, ${late} AS late
              FROM "Application" a
              LEFT JOIN cal cs ON cs.day = ${day("submittedAt")}
              LEFT JOIN cal ca ON ca.day = ${day(at)}
              LEFT JOIN cal cc ON cc.day = ${day("acceptedAt")}
              LEFT JOIN limits l ON l."id" = a."ruleSetId"
             WHERE a.${Prisma.raw(`"${at}"`)} IS NOT NULL AND a."submittedAt" IS NOT NULL AND a."stationId" IS NOT NULL
          ) x
         GROUP BY x.bucket, x."stationId", x."clerkId", x.wd`;
    }
    {
      const grain = "day";
      const bucket = Prisma.raw(`(a."decidedAt" + INTERVAL '8 hours')::date`);
      await db.$executeRaw`
        WITH last AS (
          SELECT DISTINCT ON (ra."applicationId") ra."applicationId", ra."clerkId", ra."reasonCodes"
            FROM "ReviewAction" ra JOIN "Application" a ON a."id" = ra."applicationId"
           WHERE a."status" = 'refused' AND (ra."action" = 'refuse' OR (ra."action" = 'correct' AND cardinality(ra."reasonCodes") > 0))
           ORDER BY ra."applicationId", ra."createdAt" DESC
        )
        INSERT INTO "RefusalCount" ("grain", "bucket", "stationId", "countyCode", "clerkId", "code", "n")
        SELECT ${grain}, ${bucket}, a."stationId", MIN(a."destinationCounty"), l."clerkId", c.code, COUNT(*)::int
          FROM last l JOIN "Application" a ON a."id" = l."applicationId" CROSS JOIN LATERAL (SELECT DISTINCT unnest(l."reasonCodes" || ARRAY['*']::text[]) AS code) c
         WHERE a."decidedAt" IS NOT NULL AND a."stationId" IS NOT NULL
         GROUP BY 1, 2, 3, 5, 6`;
    }
    await db.$executeRaw`
      INSERT INTO "StepHistogram" ("grain", "bucket", "stationId", "countyCode", "clerkId", "step", "wd", "n", "late")
      SELECT 'month', date_trunc('month', "bucket")::date, "stationId", MIN("countyCode"), "clerkId", "step", "wd", SUM("n")::int, SUM("late")::int
        FROM "StepHistogram" WHERE "grain" = 'day' GROUP BY 2, 3, 5, 6, 7`;
    await db.$executeRaw`
      INSERT INTO "RefusalCount" ("grain", "bucket", "stationId", "countyCode", "clerkId", "code", "n")
      SELECT 'month', date_trunc('month', "bucket")::date, "stationId", MIN("countyCode"), "clerkId", "code", SUM("n")::int
        FROM "RefusalCount" WHERE "grain" = 'day' GROUP BY 2, 3, 5, 6`;
  }
  await db.$executeRaw`
    UPDATE "DailyCounter" dc SET "ruralPersons" = COALESCE(x.n, 0)
      FROM (
        SELECT (a."completedAt" + INTERVAL '8 hours')::date AS day, a."stationId", a."channel",
               COUNT(*) FILTER (WHERE COALESCE(m."hukouType", a."answers"->'applicant'->>'hukouType', a."answers"->>'hukouType') = 'rural')::int AS n
          FROM "Application" a LEFT JOIN "HouseholdMember" m ON m."applicationId" = a."id"
         WHERE a."status" = 'registered' AND a."completedAt" IS NOT NULL AND a."stationId" IS NOT NULL
         GROUP BY 1, 2, 3
      ) x
     WHERE dc."event" = 'registered' AND dc."day" = x.day AND dc."stationId" = x."stationId" AND dc."channel" = x."channel"`;
  await db.$executeRaw`DELETE FROM "MonthlyCounter"`;
  await db.$executeRaw`
    INSERT INTO "MonthlyCounter" ("month", "stationId", "countyCode", "channel", "event", "filings", "persons", "ruralPersons")
    SELECT date_trunc('month', "day")::date, "stationId", MIN("countyCode"), "channel", "event", SUM("filings")::int, SUM("persons")::int, SUM("ruralPersons")::int
      FROM "DailyCounter" GROUP BY 1, 2, 4, 5`;
}
