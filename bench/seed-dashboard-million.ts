/**
 * What the dashboards and the audit trail read, on top of bench/seed-million.ts's million filings:
 *
 *   - DailyCounter rebuilt from the filings themselves (set-based): one event per step each
 *     filing went through (submitted, supplement_requested, accepted, approved/refused,
 *     moved_out, registered, withdrawn) on the Beijing day its timestamp says, filings and
 *     people (personsCount) — exactly what transition() would have bumped, so the counters
 *     and the filings agree;
 *   - refusals' ReviewAction rows with one or two reason codes;
 *   - the rollups transition() keeps (MonthlyCounter, StepHistogram, RefusalCount, rural people),
 *     counted from the filings by lib/stats/rollups.ts rebuildStatRollups;
 *   - population statistics (2015, 2019 … last year) and transfer targets per county;
 *   - --audit N (default 1,000,000) hash-chained audit events, continuing the chain exactly as
 *     lib/audit/record-audit.ts does (same hash function, same lock).
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/luohu_bench npx tsx bench/seed-million.ts
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/luohu_bench npx tsx bench/seed-dashboard-million.ts [--audit 1000000]
 *
 * Refuses a database whose name does not contain "bench". Re-running rebuilds the counters
 * and refusals; audit events are only added up to N bench events.
 */
import { Client } from "pg";
import { GENESIS_HASH } from "../lib/audit/record-audit";
import { appendAuditEvents } from "./lib/audit-chain";
import { rebuildRollups } from "./lib/bench-db";

const AUDIT_LOCK = 7_410_202_024; // the lock record-audit.ts serialises the chain with
const BJ = "INTERVAL '8 hours'";

export type SeedDashboardOptions = { audit?: number; log?: (m: string) => void };

export async function seedDashboardMillion(url: string, opts: SeedDashboardOptions = {}) {
  const dbName = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!dbName.includes("bench") && process.env.LUOHU_BENCH_FORCE !== "1")
    throw new Error(`refusing to seed "${dbName}": use a database whose name contains "bench"`);
  const t0 = Date.now();
  const log = (m: string) => (opts.log ?? console.log)(`[seed-dashboard ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
  const db = new Client({ connectionString: url });
  await db.connect();
  const q = (sql: string, params: unknown[] = []) => db.query(sql, params);
  try {
    const bench = Number((await q(`SELECT count(*)::int AS n FROM "Application" WHERE "id" LIKE 'bench%'`)).rows[0].n);
    if (bench === 0) throw new Error("no bench filings: run bench/seed-million.ts first");

    log("DailyCounter from the filings' timestamps");
    await q(`DELETE FROM "DailyCounter"`);
    await q(`
      INSERT INTO "DailyCounter" ("day", "stationId", "countyCode", "channel", "event", "filings", "persons", "workingDays")
      SELECT (e.at + ${BJ})::date, a."stationId", a."destinationCounty", a."channel", e.event, count(*)::int, sum(a."personsCount")::int, 0
        FROM "Application" a
        CROSS JOIN LATERAL (VALUES
          ('submitted', a."submittedAt"),
          -- every tenth filing got a one-time supplement notice the day after submission
          ('supplement_requested', CASE WHEN a."status" = 'supplement_requested' OR (a."submittedAt" IS NOT NULL AND hashtext(a."id") % 10 = 0) THEN a."submittedAt" + INTERVAL '1 day' END),
          ('accepted', a."acceptedAt"),
          ('approved', CASE WHEN a."status" IN ('approved', 'moved_out', 'registered') THEN a."decidedAt" END),
          ('refused', CASE WHEN a."status" = 'refused' THEN a."decidedAt" END),
          ('moved_out', CASE WHEN a."status" IN ('moved_out', 'registered') THEN COALESCE(a."completedAt" - INTERVAL '3 days', a."decidedAt" + INTERVAL '5 days') END),
          ('registered', a."completedAt"),
          ('withdrawn', a."withdrawnAt")
        ) AS e(event, at)
       WHERE e.at IS NOT NULL AND a."stationId" IS NOT NULL
       GROUP BY 1, 2, 3, 4, 5`);
    log(`  ${(await q(`SELECT count(*)::int AS n FROM "DailyCounter"`)).rows[0].n.toLocaleString("en")} counter rows`);

    log("refusal reasons (ReviewAction)");
    await q(`DELETE FROM "ReviewAction" WHERE "id" LIKE 'bench%'`);
    await q(`
      INSERT INTO "ReviewAction" ("id", "applicationId", "clerkId", "action", "reasonCodes", "note", "createdAt")
      SELECT 'bench-ra-' || a."id", a."id", 'bench-clerk-' || s."code", 'refuse',
             CASE WHEN abs(hashtext(a."id")) % 3 = 0
                  THEN ARRAY[(ARRAY['identity_unverified','documents_invalid','residence_not_legal','residence_not_lived_in','relationship_not_proven','collective_conditions_not_met','already_registered','duplicate_filing'])[1 + abs(hashtext(a."id")) % 8], 'documents_invalid']
                  ELSE ARRAY[(ARRAY['identity_unverified','documents_invalid','residence_not_legal','residence_not_lived_in','relationship_not_proven','collective_conditions_not_met','already_registered','duplicate_filing'])[1 + abs(hashtext(a."id")) % 8]] END,
             '经核查，不符合条件。', a."decidedAt"
        FROM "Application" a JOIN "PoliceStation" s ON s."id" = a."stationId"
       WHERE a."id" LIKE 'bench%' AND a."status" = 'refused' AND a."decidedAt" IS NOT NULL`);

    log("rollups (months, working-day histograms per clerk, final refusals, rural people) from the filings");
    await rebuildRollups(url);

    log("population statistics and transfer targets");
    const counties = (await q(`SELECT "code" FROM "County" ORDER BY "sortOrder"`)).rows.map((r) => r.code as string);
    const thisYear = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    const shares = [12000, 6000, 5000, 3500, 3000, 9500, 4000, 3000];
    for (const [i, code] of counties.entries()) {
      for (const year of [2015, ...Array.from({ length: thisYear - 2019 }, (_, k) => 2019 + k)]) {
        const total = 200_000 + i * 37_000;
        const g = year - 2015;
        await q(
          `INSERT INTO "PopulationStat" ("id", "countyCode", "year", "hukouTotal", "hukouUrban", "residentTotal", "residentUrban", "updatedAt")
           VALUES ($1, $2, $3, $4, $5, $6, $7, now())
           ON CONFLICT ("countyCode", "year") DO NOTHING`,
          [
            `bench-ps-${code}-${year}`,
            code,
            year,
            total,
            Math.round(total * (0.24 + 0.018 * g + i * 0.004)),
            Math.round(total * 1.02),
            Math.round(total * 1.02 * (0.4 + 0.015 * g + i * 0.003)),
          ],
        );
      }
      for (const year of [thisYear - 1, thisYear]) {
        await q(`INSERT INTO "TransferTarget" ("id", "countyCode", "year", "target") VALUES ($1, $2, $3, $4) ON CONFLICT ("countyCode", "year") DO NOTHING`, [
          `bench-tt-${code}-${year}`,
          code,
          year,
          shares[i] ?? 3000,
        ]);
      }
    }

    const wantAudit = opts.audit ?? 1_000_000;
    const have = Number((await q(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE "entityType" = 'bench'`)).rows[0].n);
    if (have < wantAudit) await seedAudit(db, wantAudit - have, log);
    else log(`audit trail already holds ${have.toLocaleString("en")} bench events`);

    log("VACUUM ANALYZE");
    for (const t of [
      "DailyCounter",
      "MonthlyCounter",
      "StepHistogram",
      "RefusalCount",
      "ReviewAction",
      "AuditEvent",
      "Application",
      "HouseholdMember",
      "PopulationStat",
      "TransferTarget",
    ])
      await q(`VACUUM ANALYZE "${t}"`);
    log("done");
  } finally {
    await db.end();
  }
}

/** Appends n events to the hash chain in batches, each batch under the chain's lock. */
async function seedAudit(db: Client, n: number, log: (m: string) => void) {
  log(`audit trail: ${n.toLocaleString("en")} hash-chained events`);
  const stations = (await db.query(`SELECT "id", "code", "countyCode" FROM "PoliceStation" ORDER BY "code"`)).rows as Array<{
    id: string;
    code: string;
    countyCode: string;
  }>;
  const actions = [
    "review.queue.view",
    "review.filing.view",
    "review.accept",
    "review.approve",
    "review.refuse",
    "review.request_supplement",
    "filing.submit",
    "auth.sign_in",
  ];
  const BATCH = 2_000;
  // Spread over the last six years, oldest first (the chain is in time order).
  const start = Date.now() - 6 * 365 * 86_400_000;
  const step = (6 * 365 * 86_400_000) / Math.max(1, n);
  for (let done = 0; done < n;) {
    const size = Math.min(BATCH, n - done);
    await db.query("BEGIN");
    try {
      await db.query(`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`);
      const last = (await db.query(`SELECT "hash", (EXTRACT(EPOCH FROM "at") * 1000)::float8 AS ms FROM "AuditEvent" ORDER BY "id" DESC LIMIT 1`)).rows[0] as
        { hash: string; ms: number } | undefined;
      const events = Array.from({ length: size }, (_, k) => {
        const i = done + k;
        const st = stations[i % stations.length];
        return {
          at: new Date(Math.max(Math.floor(start + i * step), last ? Math.round(last.ms) : 0)),
          actorId: `bench-clerk-${st.code}`,
          actorRole: "clerk",
          stationId: st.id,
          countyCode: st.countyCode,
          action: actions[i % actions.length],
          entityType: "bench",
          entityId: String(i),
          applicationId: `bench${String(1 + (i % 1_000_000)).padStart(8, "0")}`,
          ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
          details: { i, tab: "new" },
        };
      });
      await appendAuditEvents(db, last?.hash ?? GENESIS_HASH, events);
      await db.query("COMMIT");
    } catch (e) {
      await db.query("ROLLBACK");
      throw e;
    }
    done += size;
    if (done % 100_000 === 0 || done === n) log(`  audit events ${done.toLocaleString("en")} / ${n.toLocaleString("en")}`);
  }
}

if (process.argv[1]?.endsWith("seed-dashboard-million.ts")) {
  const i = process.argv.indexOf("--audit");
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is required, e.g. postgresql://postgres@127.0.0.1:5432/luohu_bench");
    process.exit(1);
  }
  seedDashboardMillion(url, { audit: i > 0 ? Number(process.argv[i + 1]) : undefined }).catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
