/**
 * Seeds a PostgreSQL database with 1,000,000 filings (and their household members) for the
 * clerk-queue benchmark, with set-based generate_series SQL (minutes, not hours).
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/luohu_bench npx tsx bench/seed-million.ts [--count 1000000]
 *
 * The database is migrated and given the reference data first. It refuses a database whose
 * name does not contain "bench" (it adds a million rows), unless LUOHU_BENCH_FORCE=1.
 * Re-running replaces the previous bench rows (ids starting with "bench").
 *
 * Shape (deterministic, setseed): 20% of filings at 前进派出所 (the demo clerk's, 411202-01),
 * the rest spread over the other stations; ~5% new, 3% waiting for a supplement, 6% accepted,
 * 3% approved, 2% moved out, 68% registered, 6% refused, 4% withdrawn, 3% drafts; a third of
 * the filings carry a second person.
 */
import { Client } from "pg";
import { ensureDatabase } from "./lib/bench-db";

const DAY = "interval '1 day'";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is required, e.g. postgresql://postgres@127.0.0.1:5432/luohu_bench");
  const dbName = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!dbName.includes("bench") && process.env.LUOHU_BENCH_FORCE !== "1") {
    throw new Error(`refusing to add a million rows to "${dbName}": use a database whose name contains "bench" (or LUOHU_BENCH_FORCE=1)`);
  }
  const total = arg("count", 1_000_000);
  const batch = 100_000;
  await ensureDatabase(url);

  const { applyMigrations } = await import("../lib/db/migrate");
  const { createPrisma } = await import("../lib/db/client");
  const { seedReferenceData } = await import("../lib/seed/reference-data");
  const { hashPassword } = await import("../lib/auth/password");
  const t0 = Date.now();
  await applyMigrations({ connectionString: url });
  const prisma = createPrisma({ databaseUrl: url });
  await seedReferenceData(prisma);
  const passwordHash = await hashPassword("luohu-demo");
  await prisma.$disconnect();

  const db = new Client({ connectionString: url });
  await db.connect();
  const q = (sql: string, params: unknown[] = []) => db.query(sql, params);
  const log = (m: string) => console.log(`[seed-million ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

  log("removing earlier bench rows");
  await q(`DELETE FROM "HouseholdMember" WHERE "applicationId" LIKE 'bench%'`);
  await q(`DELETE FROM "Application" WHERE "id" LIKE 'bench%'`);
  await q(`DELETE FROM "User" WHERE "id" LIKE 'bench%'`);

  // One clerk per station (bench-clerk-<station code>, password luohu-demo; the first is a
  // station head) and 10,000 residents who own the filings.
  await q(
    `INSERT INTO "User" ("id", "role", "username", "realName", "passwordHash", "stationId", "isStationHead", "updatedAt")
     SELECT 'bench-clerk-' || s."code", 'clerk', 'bench-clerk-' || s."code", '压测民警' || s."code", $1, s."id", true, now()
     FROM "PoliceStation" s`,
    [passwordHash],
  );
  await q(
    `INSERT INTO "User" ("id", "role", "mobile", "realName", "passwordHash", "idNumber", "updatedAt")
     SELECT 'bench-r-' || i, 'resident', '170' || lpad(i::text, 8, '0'), '压测居民' || i, 'x', '41120219' || lpad(i::text, 10, '0'), now()
     FROM generate_series(1, 10000) i`,
  );
  const ruleSet = await q(`SELECT "id" FROM "RuleSet" WHERE "publishedAt" IS NOT NULL ORDER BY "effectiveFrom" DESC LIMIT 1`);
  const ruleSetId = ruleSet.rows[0]?.id as string;

  await q(`SELECT setseed(0.4242)`);
  await q(`DROP TABLE IF EXISTS bench_station`);
  await q(
    `CREATE TEMP TABLE bench_station AS
     SELECT (row_number() OVER (ORDER BY "code") - 1)::int AS idx, "id", "code", "countyCode", "address" FROM "PoliceStation" WHERE "code" <> '411202-01'`,
  );
  const others = Number((await q(`SELECT count(*)::int AS n FROM bench_station`)).rows[0].n);
  const qianjin = (await q(`SELECT "id", "countyCode", "address" FROM "PoliceStation" WHERE "code" = '411202-01'`)).rows[0];

  for (let from = 1; from <= total; from += batch) {
    const to = Math.min(total, from + batch - 1);
    await q(
      `INSERT INTO "Application" ("id", "reference", "residentId", "channel", "subtype", "status", "destinationCounty", "destinationAddress",
         "stationId", "answers", "applicantName", "applicantIdNumber", "personsCount", "ruleSetId", "submittedAt", "acceptedAt",
         "decidedAt", "completedAt", "withdrawnAt", "dueAt", "assignedClerkId", "assignedAt", "createdAt", "updatedAt")
       SELECT
         'bench' || lpad(g.i::text, 8, '0'),
         CASE WHEN g.status = 'draft' THEN NULL ELSE 'SMX-' || (2020 + g.i % 7) || '-' || lpad((g.i / 7 + 1)::text, 6, '0') END,
         'bench-r-' || (1 + g.i % 10000),
         g.channel::"Channel",
         CASE g.channel WHEN 'talent' THEN 'college_graduate' WHEN 'rural_student' THEN 'enrollment' ELSE NULL END,
         g.status::"ApplicationStatus",
         g.county, g.address || (g.i % 300) || '号', g.station,
         jsonb_build_object('hukouType', CASE WHEN g.i % 3 = 0 THEN 'urban' ELSE 'rural' END),
         (ARRAY['王','李','张','刘','陈','杨','赵','黄','周','吴','徐','孙','胡','朱','高','林','何','郭','马','罗'])[1 + g.i % 20]
           || (ARRAY['伟','芳','娜','敏','静','强','磊','洋','艳','勇','军','杰','娟','涛','明','超','秀英','桂英','建华','晓燕'])[1 + (g.i / 20) % 20]
           || (ARRAY['','一','二','三','四','五','六','七','八','九'])[1 + (g.i / 400) % 10],
         '41122119' || lpad(g.i::text, 10, '0'),
         CASE WHEN g.i % 3 = 0 THEN 2 ELSE 1 END,
         $3,
         CASE WHEN g.status = 'draft' THEN NULL ELSE g.submitted END,
         CASE WHEN g.status IN ('accepted','approved','moved_out','registered') THEN g.submitted + 2 * ${DAY} END,
         CASE WHEN g.status IN ('approved','moved_out','registered','refused') THEN g.submitted + (3 + g.r2 * 20) * ${DAY} END,
         CASE WHEN g.status = 'registered' THEN g.submitted + (30 + g.r2 * 20) * ${DAY} END,
         CASE WHEN g.status = 'withdrawn' THEN g.submitted + ${DAY} END,
         CASE g.status
           WHEN 'submitted' THEN g.submitted + 7 * ${DAY}
           WHEN 'supplement_requested' THEN g.submitted + 42 * ${DAY}
           WHEN 'accepted' THEN g.submitted + 30 * ${DAY}
         END,
         CASE WHEN g.status IN ('accepted','approved','moved_out','registered','refused') THEN 'bench-clerk-' || g.code END,
         CASE WHEN g.status IN ('accepted','approved','moved_out','registered','refused') THEN g.submitted + 2 * ${DAY} END,
         g.submitted, g.submitted
       FROM (
         SELECT s.i, s.r2, st.*,
           CASE WHEN s.r < 0.05 THEN 'submitted' WHEN s.r < 0.08 THEN 'supplement_requested' WHEN s.r < 0.14 THEN 'accepted'
                WHEN s.r < 0.17 THEN 'approved' WHEN s.r < 0.19 THEN 'moved_out' WHEN s.r < 0.87 THEN 'registered'
                WHEN s.r < 0.93 THEN 'refused' WHEN s.r < 0.97 THEN 'withdrawn' ELSE 'draft' END AS status,
           (ARRAY['residence','residence','residence','residence','talent','talent','talent','family','rural_student','collective'])[1 + s.i % 10] AS channel,
           -- Open filings are recent (their clocks run now); decided ones spread over six years.
           CASE WHEN s.r < 0.14 THEN now() - s.r3 * 40 * ${DAY} ELSE now() - (30 + s.r3 * 2190) * ${DAY} END AS submitted
         FROM (SELECT i, random() AS r, random() AS r2, random() AS r3 FROM generate_series($1::int, $2::int) i) s
         CROSS JOIN LATERAL (
           SELECT "id" AS station, "code", "countyCode" AS county, "address" FROM bench_station WHERE idx = (s.i / 5) % ${others} AND s.i % 5 <> 0
           UNION ALL
           SELECT $4::text, '411202-01', $5::text, $6::text WHERE s.i % 5 = 0
         ) st
       ) g`,
      [from, to, ruleSetId, qianjin.id, qianjin.countyCode, qianjin.address],
    );
    log(`filings ${to.toLocaleString("en")} / ${total.toLocaleString("en")}`);
  }

  log("household members (the applicant, and a spouse on every third filing)");
  await q(
    `INSERT INTO "HouseholdMember" ("id", "applicationId", "relation", "name", "idNumber", "hukouType", "sortOrder")
     SELECT 'm' || a."id", a."id", 'self', a."applicantName", a."applicantIdNumber", 'rural', 0 FROM "Application" a WHERE a."id" LIKE 'bench%'`,
  );
  await q(
    `INSERT INTO "HouseholdMember" ("id", "applicationId", "relation", "name", "idNumber", "hukouType", "sortOrder")
     SELECT 's' || a."id", a."id", 'spouse', '配偶' || right(a."id", 6), '41122219' || right(a."applicantIdNumber", 10), 'rural', 1
     FROM "Application" a WHERE a."id" LIKE 'bench%' AND a."personsCount" = 2`,
  );
  log("VACUUM ANALYZE");
  await q(`VACUUM ANALYZE "Application"`);
  await q(`VACUUM ANALYZE "HouseholdMember"`);
  await q(`VACUUM ANALYZE "User"`);
  const counts = await q(`SELECT count(*)::int AS n FROM "Application"`);
  log(`done: ${counts.rows[0].n.toLocaleString("en")} filings in ${dbName}`);
  await db.end();
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
