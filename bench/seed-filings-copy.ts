/**
 * Bench seed for very large volumes (issue 14: 10,000,000 filings, under 30 minutes here):
 * filings, household members and refusals streamed with COPY … FROM STDIN, the secondary
 * indexes dropped during the load and rebuilt after it (their definitions are read from
 * pg_indexes, so whatever indexes the schema has are restored exactly), then the dashboard
 * counters and rollups counted set-based from the filings — the same numbers transition()
 * keeps one by one. A progress bar with rate and ETA is printed (a line every 5 % when the
 * output is not a terminal).
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/luohu_bench10m npx tsx bench/seed-filings-copy.ts [--count 10000000]
 *
 * Refuses a database whose name does not contain "bench" (LUOHU_BENCH_FORCE=1 overrides).
 * Re-running replaces the rows it added (ids starting with "bulk").
 *
 * Shape (deterministic): stations in turn, a fifth at 前进派出所; ~5 % new, 3 % waiting for a
 * supplement, 6 % accepted, 3 % approved, 2 % moved out, 68 % registered, 6 % refused, 4 %
 * withdrawn, 3 % drafts; open filings from the last 40 days, closed ones over six years; a
 * third carry a spouse; two thirds of the people had a rural hukou.
 */
import { ensureDatabase, rebuildRollups } from "./lib/bench-db";
import { Client } from "pg";
import { copyField as f, copyIn, progressLine } from "./lib/copy-in";
import { REFUSAL_REASON_CODES } from "../lib/rules/types";

export type SeedCopyOptions = {
  count: number;
  /** Drop secondary indexes during the load and rebuild them after (default: from 200,000 filings). */
  dropIndexes?: boolean;
  /** Migrate and seed reference data first (default true). */
  prepare?: boolean;
  /** Allow a database whose name lacks "bench" (tests). */
  force?: boolean;
  log?: (m: string) => void;
  /** Called with each progress line (default: a bar on stderr). */
  progress?: (line: string, done: number, total: number) => void;
  now?: Date;
};

export type SeedCopyResult = { filings: number; members: number; refusals: number; seconds: number; indexesRebuilt: number };

const PREFIX = "bulk";
const CHUNK = 5_000;
/** The reasons a clerk chooses (not the ones a withdrawal or an expired notice records). */
const REASONS = REFUSAL_REASON_CODES.filter((c) => c !== "withdrawn" && c !== "supplement_not_provided");
const CHANNELS = ["residence", "residence", "residence", "residence", "talent", "talent", "talent", "family", "rural_student", "collective"];
const SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
const GIVEN = ["伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "桂英", "建华", "晓燕"];
const DAY = 86_400_000;

/** Deterministic per-filing numbers in [0, 1). */
function rand(i: number, salt: number): number {
  let x = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 0x632be5ab, 0xc2b2ae35);
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return (x >>> 0) / 4294967296;
}

const ts = (d: Date | null) => (d ? d.toISOString().replace("T", " ").replace("Z", "") : null);

type Station = { id: string; code: string; countyCode: string; address: string };

function statusOf(r: number): string {
  if (r < 0.05) return "submitted";
  if (r < 0.08) return "supplement_requested";
  if (r < 0.14) return "accepted";
  if (r < 0.17) return "approved";
  if (r < 0.19) return "moved_out";
  if (r < 0.87) return "registered";
  if (r < 0.93) return "refused";
  if (r < 0.97) return "withdrawn";
  return "draft";
}

export async function seedFilingsCopy(url: string, opts: SeedCopyOptions): Promise<SeedCopyResult> {
  const dbName = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!dbName.includes("bench") && !opts.force && process.env.LUOHU_BENCH_FORCE !== "1")
    throw new Error(`refusing to seed "${dbName}": use a database whose name contains "bench"`);
  const t0 = Date.now();
  const log = (m: string) => (opts.log ?? console.log)(`[seed-copy ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
  const tty = process.stderr.isTTY;
  let lastPct = -1;
  const progress =
    opts.progress ??
    ((line: string, done: number, total: number) => {
      if (tty) process.stderr.write(`\r${line}${done === total ? "\n" : ""}`);
      else {
        const pct = Math.floor((done / total) * 20);
        if (pct !== lastPct || done === total) {
          lastPct = pct;
          process.stderr.write(`${line}\n`);
        }
      }
    });
  const total = opts.count;
  const dropIndexes = opts.dropIndexes ?? total >= 200_000;
  const now = opts.now ?? new Date();

  if (opts.prepare !== false) {
    await ensureDatabase(url);
    const { applyMigrations } = await import("../lib/db/migrate");
    const { createPrisma } = await import("../lib/db/client");
    const { seedReferenceData } = await import("../lib/seed/reference-data");
    await applyMigrations({ connectionString: url });
    const prisma = createPrisma({ databaseUrl: url });
    await seedReferenceData(prisma);
    await prisma.$disconnect();
  }

  const db = new Client({ connectionString: url });
  await db.connect();
  const q = (sql: string, params: unknown[] = []) => db.query(sql, params);
  let indexesRebuilt = 0;
  try {
    log(`removing earlier ${PREFIX} rows`);
    await q(`DELETE FROM "ReviewAction" WHERE "id" LIKE '${PREFIX}%'`);
    await q(`DELETE FROM "HouseholdMember" WHERE "id" LIKE '${PREFIX}%'`);
    await q(`DELETE FROM "Application" WHERE "id" LIKE '${PREFIX}%'`);

    const stations = (await q(`SELECT "id", "code", "countyCode", "address" FROM "PoliceStation" ORDER BY "code"`)).rows as Station[];
    const qianjin = stations.find((s) => s.code === "411202-01") ?? stations[0];
    const others = stations.filter((s) => s !== qianjin);
    await q(
      `INSERT INTO "User" ("id", "role", "username", "realName", "passwordHash", "stationId", "isStationHead", "updatedAt")
       SELECT '${PREFIX}-clerk-' || s."code", 'clerk', '${PREFIX}-clerk-' || s."code", '压测民警' || s."code", '!bench-no-login', s."id", false, now()
         FROM "PoliceStation" s ON CONFLICT DO NOTHING`,
    );
    await q(
      `INSERT INTO "User" ("id", "role", "mobile", "realName", "passwordHash", "idNumber", "updatedAt")
       SELECT '${PREFIX}-r-' || i, 'resident', '171' || lpad(i::text, 8, '0'), '压测居民' || i, '!bench-no-login', '41120319' || lpad(i::text, 10, '0'), now()
         FROM generate_series(1, 10000) i ON CONFLICT DO NOTHING`,
    );
    const ruleSetId =
      ((await q(`SELECT "id" FROM "RuleSet" WHERE "publishedAt" IS NOT NULL ORDER BY "effectiveFrom" DESC LIMIT 1`)).rows[0]?.id as string | undefined) ?? null;

    // Secondary indexes off during the load (primary keys and unique constraints stay).
    const tables = ["Application", "HouseholdMember", "ReviewAction"];
    let saved: Array<{ name: string; def: string }> = [];
    if (dropIndexes) {
      saved = (
        await q(
          `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
            WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
              AND i.indexdef NOT LIKE 'CREATE UNIQUE%'`,
          [tables],
        )
      ).rows;
      log(`dropping ${saved.length} secondary indexes for the load`);
      for (const ix of saved) await q(`DROP INDEX IF EXISTS "${ix.name}"`);
    }

    // Foreign-key checks and the queue-count triggers off for the load (superuser only; the data
    // is generated consistent, and QueueCount / QueueDueCount are recounted for the new rows after it).
    const replica = await q(`SET session_replication_role = replica`).then(
      () => true,
      () => false,
    );
    if (!replica) log("(not a superuser: loading with foreign-key checks and triggers on, slower)");
    try {
      log(`streaming ${total.toLocaleString("en")} filings with COPY`);
      const loadStart = Date.now();
      let members = 0;
      let refusals = 0;
      for (let from = 1; from <= total; from += CHUNK * 20) {
        const to = Math.min(total, from + CHUNK * 20 - 1);
        const apps: string[] = [];
        const mem: string[] = [];
        const ras: string[] = [];
        for (let i = from; i <= to; i++) {
          const id = `${PREFIX}${String(i).padStart(9, "0")}`;
          const st = i % 5 === 0 ? qianjin : others[Math.floor(i / 5) % others.length];
          const r = rand(i, 1);
          const r2 = rand(i, 2);
          const r3 = rand(i, 3);
          const status = statusOf(r);
          const channel = CHANNELS[i % CHANNELS.length];
          const open = r < 0.14;
          const submitted = new Date(now.getTime() - (open ? r3 * 40 : 30 + r3 * 2190) * DAY);
          const accepted = ["accepted", "approved", "moved_out", "registered"].includes(status) ? new Date(submitted.getTime() + 2 * DAY) : null;
          const decided = ["approved", "moved_out", "registered", "refused"].includes(status) ? new Date(submitted.getTime() + (3 + r2 * 20) * DAY) : null;
          const completed = status === "registered" ? new Date(submitted.getTime() + (30 + r2 * 20) * DAY) : null;
          const withdrawn = status === "withdrawn" ? new Date(submitted.getTime() + DAY) : null;
          const due =
            status === "submitted"
              ? new Date(submitted.getTime() + 7 * DAY)
              : status === "supplement_requested"
                ? new Date(submitted.getTime() + 42 * DAY)
                : status === "accepted"
                  ? new Date(submitted.getTime() + 30 * DAY)
                  : null;
          const persons = i % 3 === 0 ? 2 : 1;
          const rural = i % 3 !== 1;
          const name = `${SURNAMES[i % 20]}${GIVEN[Math.floor(i / 20) % 20]}${i % 7 === 0 ? "" : String.fromCharCode(0x4e00 + (i % 400))}`;
          const idNumber = `41122119${String(i % 10_000_000_000).padStart(10, "0")}`;
          const clerk = accepted || decided ? `${PREFIX}-clerk-${st.code}` : null;
          const isDraft = status === "draft";
          apps.push(
            [
              id,
              isDraft ? null : `B${String(i).padStart(9, "0")}`,
              `${PREFIX}-r-${1 + (i % 10_000)}`,
              channel,
              channel === "talent" ? "college_graduate" : channel === "rural_student" ? "enrollment" : null,
              status,
              st.countyCode,
              `${st.address}${i % 300}号`,
              st.id,
              JSON.stringify({ hukouType: rural ? "rural" : "urban" }),
              name,
              idNumber,
              persons,
              ruleSetId,
              ts(isDraft ? null : submitted),
              ts(accepted),
              ts(decided),
              ts(completed),
              ts(withdrawn),
              ts(due),
              clerk,
              ts(clerk ? (accepted ?? decided) : null),
              ts(submitted),
              ts(submitted),
            ]
              .map(f)
              .join("\t"),
          );
          mem.push([`${PREFIX}m${id}`, id, "self", name, idNumber, rural ? "rural" : "urban", 0].map(f).join("\t"));
          if (persons === 2)
            mem.push(
              [`${PREFIX}s${id}`, id, "spouse", `配偶${i % 1000}`, `41122219${String(i % 10_000_000_000).padStart(10, "0")}`, "rural", 1].map(f).join("\t"),
            );
          if (status === "refused") {
            const codes = r2 < 0.33 ? [REASONS[i % 8], "documents_invalid"] : [REASONS[i % 8]];
            ras.push(
              [`${PREFIX}ra${id}`, id, `${PREFIX}-clerk-${st.code}`, "refuse", `{${[...new Set(codes)].join(",")}}`, "经核查，不符合条件。", ts(decided)]
                .map(f)
                .join("\t"),
            );
          }
        }
        const chunks = (rows: string[]) => {
          const out: Buffer[] = [];
          for (let k = 0; k < rows.length; k += CHUNK) out.push(Buffer.from(rows.slice(k, k + CHUNK).join("\n") + "\n"));
          return out;
        };
        await copyIn(
          db,
          `COPY "Application" ("id", "reference", "residentId", "channel", "subtype", "status", "destinationCounty", "destinationAddress", "stationId", "answers",
             "applicantName", "applicantIdNumber", "personsCount", "ruleSetId", "submittedAt", "acceptedAt", "decidedAt", "completedAt", "withdrawnAt", "dueAt",
             "assignedClerkId", "assignedAt", "createdAt", "updatedAt") FROM STDIN`,
          chunks(apps),
        );
        members += await copyIn(
          db,
          `COPY "HouseholdMember" ("id", "applicationId", "relation", "name", "idNumber", "hukouType", "sortOrder") FROM STDIN`,
          chunks(mem),
        );
        if (ras.length)
          refusals += await copyIn(
            db,
            `COPY "ReviewAction" ("id", "applicationId", "clerkId", "action", "reasonCodes", "note", "createdAt") FROM STDIN`,
            chunks(ras),
          );
        progress(progressLine(to, total, loadStart), to, total);
      }

      if (replica) {
        await q(`SET session_replication_role = origin`);
        log("clerk queue counts (QueueCount) for the new filings");
        await q(`
          INSERT INTO "QueueCount" ("stationId", "status", "channel", "assignedClerkId", "n")
          SELECT "stationId", "status", "channel", COALESCE("assignedClerkId", ''), count(*)::int FROM "Application"
           WHERE "id" LIKE '${PREFIX}%' AND "stationId" IS NOT NULL GROUP BY 1, 2, 3, 4
          ON CONFLICT ("stationId", "status", "channel", "assignedClerkId") DO UPDATE SET "n" = "QueueCount"."n" + EXCLUDED."n"`);
        log("clerk queue due-date counts (QueueDueCount) for the new filings");
        await q(`
          INSERT INTO "QueueDueCount" ("stationId", "status", "channel", "assignedClerkId", "day", "n")
          SELECT "stationId", "status", "channel", COALESCE("assignedClerkId", ''), ("dueAt" + interval '8 hours')::date, count(*)::int FROM "Application"
           WHERE "id" LIKE '${PREFIX}%' AND "stationId" IS NOT NULL AND "dueAt" IS NOT NULL GROUP BY 1, 2, 3, 4, 5
          ON CONFLICT ("stationId", "status", "channel", "assignedClerkId", "day") DO UPDATE SET "n" = "QueueDueCount"."n" + EXCLUDED."n"`);
      }
      if (dropIndexes) {
        log(`rebuilding ${saved.length} indexes`);
        const ixStart = Date.now();
        for (const [k, ix] of saved.entries()) {
          await q(ix.def);
          indexesRebuilt += 1;
          progress(`index ${ix.name}  ${progressLine(k + 1, saved.length, ixStart)}`, k + 1, saved.length);
        }
        saved = [];
      }

      log("dashboard counters from the filings (DailyCounter), as transition() bumps them");
      await q(`DELETE FROM "DailyCounter"`);
      await q(`
        INSERT INTO "DailyCounter" ("day", "stationId", "countyCode", "channel", "event", "filings", "persons", "workingDays")
        SELECT (e.at + INTERVAL '8 hours')::date, a."stationId", a."destinationCounty", a."channel", e.event, count(*)::int, sum(a."personsCount")::int, 0
          FROM "Application" a
          CROSS JOIN LATERAL (VALUES
            ('submitted', a."submittedAt"),
            ('accepted', a."acceptedAt"),
            ('approved', CASE WHEN a."status" IN ('approved', 'moved_out', 'registered') THEN a."decidedAt" END),
            ('refused', CASE WHEN a."status" = 'refused' THEN a."decidedAt" END),
            ('moved_out', CASE WHEN a."status" IN ('moved_out', 'registered') THEN a."completedAt" - INTERVAL '3 days' END),
            ('registered', a."completedAt"),
            ('withdrawn', a."withdrawnAt")
          ) AS e(event, at)
         WHERE e.at IS NOT NULL AND a."stationId" IS NOT NULL
         GROUP BY 1, 2, 3, 4, 5`);
      log("rollups (months, working-day histograms, final refusals, rural people)");
      await rebuildRollups(url);
      // VACUUM, not only ANALYZE: it sets the visibility map, without which the clerk queue's
      // index-only counts visit the heap (autovacuum does the same for a live table over time).
      log("VACUUM ANALYZE");
      for (const t of [...tables, "DailyCounter", "MonthlyCounter", "StepHistogram", "RefusalCount", "QueueCount", "QueueDueCount"])
        await q(`VACUUM ANALYZE "${t}"`);
      const seconds = (Date.now() - t0) / 1000;
      log(
        `done: ${total.toLocaleString("en")} filings, ${members.toLocaleString("en")} people, ${refusals.toLocaleString("en")} refusals in ${seconds.toFixed(0)} s`,
      );
      return { filings: total, members, refusals, seconds, indexesRebuilt };
    } finally {
      // A failed load still leaves every index in place.
      for (const ix of saved) await q(ix.def.replace(/^CREATE (UNIQUE )?INDEX /, "CREATE $1INDEX IF NOT EXISTS ")).catch(() => undefined);
    }
  } finally {
    await db.end();
  }
}

if (process.argv[1]?.endsWith("seed-filings-copy.ts")) {
  const i = process.argv.indexOf("--count");
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is required, e.g. postgresql://postgres@127.0.0.1:5432/luohu_bench10m");
    process.exit(1);
  }
  seedFilingsCopy(url, { count: i > 0 ? Number(process.argv[i + 1]) : 10_000_000 }).catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
