/**
 * `npm run bench -- load`: two instances of `npm start` on one PostgreSQL database (demo data),
 * driven for BENCH_LOAD_SECONDS (default 60, at most 300) by a scripted client on loopback only:
 * residents checking eligibility and uploading / removing a file, clerks loading the queue and
 * a filing, officials loading the dashboards. Prints per-page p50 / p95 and the error count.
 * Bounded: a fixed number of virtual users, each one request at a time (residents pause 5 s
 * between uploads: they share the demo account and its upload limit of 60 a minute).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Client, Pool } from "pg";
import { makeIdNumber } from "../lib/validation/id-number";

const root = path.resolve(__dirname, "..");
type Instance = { url: string; child: ChildProcess };

async function startInstance(port: number, env: Record<string, string>): Promise<Instance> {
  const child = spawn(process.execPath, [require.resolve("tsx/cli"), "scripts/start.ts"], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`instance ${port} exited:\n${log.slice(-2000)}`);
    if (
      await fetch(`${url}/api/health`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return { url, child };
    if (Date.now() > deadline) throw new Error(`instance ${port} did not start`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** Signs in through next-auth's credentials endpoint; returns the cookie header. */
async function signIn(url: string, login: string): Promise<string> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin: url },
    body: new URLSearchParams({ csrfToken, login, password: "luohu-demo", callbackUrl: `${url}/` }),
  });
  const cookies = [...jar, ...res.headers.getSetCookie().map((c) => c.split(";")[0])];
  if (!cookies.some((c) => c.includes("session-token"))) throw new Error(`sign-in of ${login} failed (${res.status})`);
  return cookies.join("; ");
}

const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] : 0);

export async function benchMixedLoad(benchUrl: string) {
  const seconds = Math.min(300, Number(process.env.BENCH_LOAD_SECONDS ?? 60));
  const base = new URL(benchUrl);
  const name = `${base.pathname.slice(1)}_load`;
  const admin = new Client({ connectionString: Object.assign(new URL(benchUrl), { pathname: "/postgres" }).toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  base.pathname = `/${name}`;
  const env = {
    DATABASE_URL: base.toString(),
    LUOHU_DEMO: "1",
    LUOHU_ALLOW_OWNER_ROLE: "1",
    LUOHU_WORKERS: "1",
    AUTH_SECRET: randomBytes(32).toString("base64"),
    LUOHU_RATE_ELIGIBILITY: "1000000",
    LUOHU_UPLOADS_DIR: fs.mkdtempSync(path.join(root, ".data-load-uploads-")),
  };
  const a = await startInstance(3410, env);
  const b = await startInstance(3411, { ...env, LUOHU_SKIP_BUILD: "1" });
  const pg = new Pool({ connectionString: base.toString(), max: 4 });
  const samples = new Map<string, number[]>();
  let errors = 0;
  const errorSamples: string[] = [];
  const timed = async (page: string, f: () => Promise<Response>, ok = (s: number) => s < 400) => {
    const t0 = performance.now();
    try {
      const res = await f();
      await res.arrayBuffer();
      if (!ok(res.status)) {
        errors += 1;
        if (errorSamples.length < 5) errorSamples.push(`${page}: ${res.status}`);
      }
      return res;
    } catch (e) {
      errors += 1;
      if (errorSamples.length < 5) errorSamples.push(`${page}: ${(e as Error).message}`);
      return null;
    } finally {
      const list = samples.get(page) ?? [];
      list.push(performance.now() - t0);
      samples.set(page, list);
    }
  };
  try {
    const instances = [a.url, b.url];
    const resident = await signIn(a.url, "13800000001");
    const clerk = await signIn(b.url, "clerk-hubin");
    const official = await signIn(a.url, "official-city");
    const { rows: users } = await pg.query<{ id: string }>(`SELECT "id" FROM "User" WHERE "mobile" = '13800000001'`);
    const { rows: filings } = await pg.query<{ id: string }>(
      `SELECT "id" FROM "Application" WHERE "status" <> 'draft' AND "stationId" IS NOT NULL ORDER BY "updatedAt" DESC LIMIT 20`,
    );
    const idNumber = makeIdNumber("41120219900101123");
    const drafts: { appId: string; memberId: string }[] = [];
    for (let i = 0; i < 4; i++) {
      const appId = `load${randomBytes(6).toString("hex")}`;
      const memberId = `loadm${randomBytes(6).toString("hex")}`;
      await pg.query(
        `INSERT INTO "Application" ("id","residentId","channel","destinationCounty","applicantName","applicantIdNumber","updatedAt") VALUES ($1,$2,'residence','411202','张明',$3,now())`,
        [appId, users[0].id, idNumber],
      );
      await pg.query(`INSERT INTO "HouseholdMember" ("id","applicationId","relation","name","idNumber") VALUES ($1,$2,'self','张明',$3)`, [
        memberId,
        appId,
        idNumber,
      ]);
      drafts.push({ appId, memberId });
    }
    const png = fs.readFileSync(path.join(root, "tests/fixtures/document.png"));
    const eligibility = JSON.stringify({
      applicant: { idNumber, name: "张明", hukouType: "rural", hukouRegion: "411221" },
      destinationCounty: "411202",
      channel: "residence",
      residence: { tenure: "rented", address: "湖滨区崤山路1号", legal: true },
      documents: ["id_card", "hukou_booklet", "rental_contract"],
    });
    const end = Date.now() + seconds * 1000;
    const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];
    const loops: Promise<void>[] = [];
    for (let i = 0; i < 4; i++) {
      loops.push(
        (async () => {
          const d = drafts[i];
          while (Date.now() < end) {
            const url = pick(instances);
            await timed("POST /api/v1/eligibility", () =>
              fetch(`${url}/api/v1/eligibility`, { method: "POST", headers: { "content-type": "application/json" }, body: eligibility }),
            );
            const form = new FormData();
            form.set("applicationId", d.appId);
            form.set("memberId", d.memberId);
            form.set("docType", "id_card");
            form.set("file", new Blob([png], { type: "image/png" }), "身份证.png");
            const up = await timed("POST /api/files (upload)", () =>
              fetch(`${url}/api/files`, { method: "POST", headers: { cookie: resident, origin: url }, body: form }),
            );
            void up;
            const { rows } = await pg.query<{ id: string }>(`SELECT "id" FROM "Document" WHERE "applicationId" = $1 AND "removedAt" IS NULL`, [d.appId]);
            for (const r of rows)
              await timed("DELETE /api/files/:id", () =>
                fetch(`${pick(instances)}/api/files/${r.id}`, { method: "DELETE", headers: { cookie: resident, origin: url } }),
              );
            // A person's pace: the four residents share one demo account, whose upload limit is 60 a minute.
            await new Promise((r) => setTimeout(r, 5000));
          }
        })(),
      );
    }
    for (let i = 0; i < 2; i++) {
      loops.push(
        (async () => {
          while (Date.now() < end) {
            const url = pick(instances);
            await timed("GET /clerk (queue)", () => fetch(`${url}/clerk`, { headers: { cookie: clerk } }));
            if (filings.length)
              await timed(
                "GET /clerk/filings/:id",
                () => fetch(`${url}/clerk/filings/${pick(filings).id}`, { headers: { cookie: clerk } }),
                (s) => s < 400 || s === 404,
              );
          }
        })(),
      );
    }
    for (let i = 0; i < 2; i++) {
      loops.push(
        (async () => {
          while (Date.now() < end) {
            const url = pick(instances);
            await timed("GET /official (dashboard)", () => fetch(`${url}/official`, { headers: { cookie: official } }));
            await timed("GET /official/county/411202", () => fetch(`${url}/official/county/411202`, { headers: { cookie: official } }));
          }
        })(),
      );
    }
    await Promise.all(loops);
  } finally {
    await pg.end().catch(() => {});
    for (const i of [a, b]) i.child.kill("SIGTERM");
    await Promise.all([a, b].map((i) => new Promise((r) => (i.child.exitCode !== null ? r(null) : i.child.once("exit", r)))));
    fs.rmSync(env.LUOHU_UPLOADS_DIR, { recursive: true, force: true });
  }
  const table = [...samples].map(([page, xs]) => ({ page, requests: xs.length, p50: Math.round(pct(xs, 50)), p95: Math.round(pct(xs, 95)) }));
  return { seconds, table, errors, errorSamples };
}

export function printMixedLoad(r: Awaited<ReturnType<typeof benchMixedLoad>>) {
  console.log(`two instances, ${r.seconds} s, 4 residents + 2 clerks + 2 officials (ms):`);
  console.table(r.table);
  console.log(`errors: ${r.errors}${r.errorSamples.length ? ` (${r.errorSamples.join("; ")})` : ""}`);
}

if (require.main === module) void benchMixedLoad(process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/luohu_bench").then(printMixedLoad);
