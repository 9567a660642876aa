/**
 * `npm run bench -- load`: two instances of `npm start` on one PostgreSQL database (demo data),
 * driven for BENCH_LOAD_SECONDS (default 60, at most 300) by a scripted client on loopback only:
 *
 * - 4 residents, each filing after filing: sign in, eligibility check, a new filing and its four
 *   form steps, the three documents uploaded (and a fourth uploaded and removed), submitted —
 *   the form steps and the submission are the pages' own server actions, called as the browser
 *   calls them (bench/lib/server-actions.ts). Each filing is made by a new resident account
 *   (one person may have one open filing), created in the database beforehand (sign-up needs an
 *   SMS code);
 * - 2 clerks of 前进派出所 loading the queue and a filing, and deciding the residents' filings as
 *   they come in: claim, then a one-time supplement notice (1 in 4), or accept and refuse (1 in 4)
 *   or accept and approve (2 in 4) — server actions again;
 * - 2 officials loading the city and county dashboards and exporting a table as CSV.
 *
 * Prints per-page p50 / p95 and the error count, then checks in the database that every
 * submission and every decision the portal answered as done changed the filing's state, and
 * fails when one did not (or when no decision was made at all).
 * Bounded: a fixed number of virtual users, each one request at a time, residents pausing 1 s
 * between filings.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Client, Pool } from "pg";
import { makeIdNumber } from "../lib/schemas/id-number";
import { callServerAction, readServerActions, type ActionAnswer, type ActionRef } from "./lib/server-actions";

const root = path.resolve(__dirname, "..");
type Instance = { url: string };

/** Raised for the bench only (as scripts/e2e-server.ts does); the per-account limits (actions 300, uploads 60 a minute) stay. */
const RAISED_LIMITS = { LUOHU_RATE_ELIGIBILITY: "1000000" };

/** Starts `npm start`'s script on `port`; the child is added to `children` at once (stopped even when the start fails). */
async function startInstance(port: number, env: Record<string, string>, children: ChildProcess[]): Promise<Instance> {
  const child = spawn(process.execPath, [require.resolve("tsx/cli"), "scripts/start.ts"], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1", PUBLIC_BASE_URL: `http://127.0.0.1:${port}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
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
      return { url };
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
  await res.arrayBuffer();
  const cookies = [...jar, ...res.headers.getSetCookie().map((c) => c.split(";")[0])];
  if (!cookies.some((c) => c.includes("session-token"))) throw new Error(`sign-in of ${login} failed (${res.status})`);
  return cookies.join("; ");
}

const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] : 0);

const formOf = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

/** What went wrong with an action's answer, for the error samples. */
function answerProblem(a: ActionAnswer): string {
  const r = a.result as { message?: string; code?: string } | null;
  return `HTTP ${a.status}${r?.code ? ` ${r.code}` : ""}${r?.message ? ` ${r.message}` : ""}${a.redirect ? ` → ${a.redirect}` : ""}`;
}
const actionOk = (a: ActionAnswer) => ((a.result as { ok?: boolean } | null)?.ok === true ? null : answerProblem(a));
const redirectsTo = (to: string) => (a: ActionAnswer) => (a.redirect === to ? null : answerProblem(a));

type Decision = "supplement_requested" | "refused" | "approved";

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
    ...RAISED_LIMITS,
    LUOHU_UPLOADS_DIR: fs.mkdtempSync(path.join(root, ".data-load-uploads-")),
  };
  const children: ChildProcess[] = [];
  const stop = async () => {
    const running = children.filter((c) => c.exitCode === null && c.signalCode === null);
    await Promise.all(
      running.map((c) => {
        const exited = new Promise((r) => c.once("exit", r));
        c.kill("SIGTERM");
        return exited;
      }),
    );
    fs.rmSync(env.LUOHU_UPLOADS_DIR, { recursive: true, force: true });
  };
  let a: Instance, b: Instance;
  try {
    a = await startInstance(3410, env, children);
    b = await startInstance(3411, { ...env, LUOHU_SKIP_BUILD: "1" }, children);
  } catch (e) {
    await stop();
    throw e;
  }
  const distDir = path.join(root, process.env.LUOHU_DIST_DIR || ".next");
  const apply = readServerActions(distDir, "app/apply/actions.ts");
  const review = readServerActions(distDir, "app/clerk/actions.ts");
  const pg = new Pool({ connectionString: base.toString(), max: 4 });
  const samples = new Map<string, number[]>();
  let errors = 0;
  const errorSamples: string[] = [];
  const fail = (page: string, why: string) => {
    errors += 1;
    if (errorSamples.length < 5) errorSamples.push(`${page}: ${why}`);
  };
  /** Times one request; `problem` says what is wrong with its answer (null: fine). */
  const timed = async <T>(page: string, f: () => Promise<T>, problem: (r: T) => string | null): Promise<T | null> => {
    const t0 = performance.now();
    try {
      const r = await f();
      const why = problem(r);
      if (why) fail(page, why);
      return why ? null : r;
    } catch (e) {
      fail(page, (e as Error).message);
      return null;
    } finally {
      const list = samples.get(page) ?? [];
      list.push(performance.now() - t0);
      samples.set(page, list);
    }
  };
  const http = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, init);
    return { status: res.status, body: await res.text() };
  };
  const statusOk =
    (ok = (s: number) => s < 400) =>
    (r: { status: number }) =>
      ok(r.status) ? null : `HTTP ${r.status}`;
  const act = (page: string, pageUrl: string, action: ActionRef, args: unknown[], cookie: string, problem: (a: ActionAnswer) => string | null) =>
    timed(page, () => callServerAction(pageUrl, action, args, cookie), problem);

  // What the run did, checked against the database afterwards.
  const submitted: string[] = [];
  const decided = new Map<string, Decision>();
  const decisionCounts: Record<Decision, number> = { supplement_requested: 0, refused: 0, approved: 0 };
  try {
    const instances = [a.url, b.url];
    const clerks = [await signIn(b.url, "clerk-hubin"), await signIn(a.url, "clerk-hubin-2")];
    // Two officials with their own accounts (the city's and 湖滨区's): the dashboards' per-user limit is 300 loads a minute.
    const officials = [await signIn(a.url, "official-city"), await signIn(b.url, "official-hubin")];
    const { rows: stations } = await pg.query<{ id: string }>(`SELECT "id" FROM "PoliceStation" WHERE "code" = '411202-01'`);
    const stationId = stations[0].id;
    const { rows: demo } = await pg.query<{ passwordHash: string }>(`SELECT "passwordHash" FROM "User" WHERE "mobile" = '13800000001'`);
    const { rows: filings } = await pg.query<{ id: string }>(
      `SELECT "id" FROM "Application" WHERE "status" <> 'draft' AND "stationId" = $1 ORDER BY "updatedAt" DESC LIMIT 20`,
      [stationId],
    );
    const png = fs.readFileSync(path.join(root, "tests/fixtures/document.png"));
    const pdf = fs.readFileSync(path.join(root, "tests/fixtures/document.pdf"));
    const end = Date.now() + seconds * 1000;
    const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];
    /** Submitted filings not yet taken by a clerk (the clerks' "new" tab, first come first served). */
    const inbox: string[] = [];
    const names = ["王芳", "李强", "赵丽", "陈刚"];

    /** A new resident account with a real-name ID number (untimed setup: registration needs an SMS code). */
    let accounts = 0;
    const newResident = async () => {
      const n = ++accounts;
      const born = new Date(Date.UTC(1985, 0, 1) + n * 86_400_000).toISOString().slice(0, 10).replaceAll("-", "");
      const person = { mobile: `177${String(n).padStart(8, "0")}`, name: names[n % names.length], idNumber: makeIdNumber(`411221${born}517`) };
      await pg.query(`INSERT INTO "User" ("id","role","mobile","realName","idNumber","passwordHash","updatedAt") VALUES ($1,'resident',$2,$3,$4,$5,now())`, [
        `load${randomBytes(8).toString("hex")}`,
        person.mobile,
        person.name,
        person.idNumber,
        demo[0].passwordHash,
      ]);
      return person;
    };

    const upload = (url: string, cookie: string, appId: string, memberId: string, docType: string, file: Buffer, fileName: string, type: string) => {
      const form = formOf({ applicationId: appId, memberId, docType });
      form.set("file", new Blob([new Uint8Array(file)], { type }), fileName);
      return timed("POST /api/files (upload)", () => http(`${url}/api/files`, { method: "POST", headers: { cookie, origin: url }, body: form }), statusOk());
    };

    /** One resident's filing, from signing in to the submission; stops at the first failure (counted). */
    const fileOne = async () => {
      const me = await newResident();
      const url = pick(instances);
      const cookie = await timed(
        "POST sign-in (resident)",
        () => signIn(url, me.mobile),
        () => null,
      );
      if (!cookie) return;
      await timed(
        "POST /api/v1/eligibility",
        () =>
          http(`${url}/api/v1/eligibility`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({
              applicant: { idNumber: me.idNumber, name: me.name, hukouType: "rural", hukouRegion: "411221" },
              destinationCounty: "411202",
              channel: "residence",
              residence: { tenure: "rented", address: "湖滨区崤山路88号", legal: true },
              documents: ["id_card", "hukou_booklet", "rental_contract"],
            }),
          }),
        statusOk(),
      );
      const started = await act("action: start a filing", `${url}/apply/new`, apply.startFilingAction, [{}, formOf({ channel: "residence" })], cookie, (r) =>
        /^\/apply\/[^/]+\/applicant$/.test(r.redirect ?? "") ? null : answerProblem(r),
      );
      if (!started) return;
      const id = started.redirect!.split("/")[2];
      const steps: Array<[step: string, page: string, fields: Record<string, string>, next: string]> = [
        ["applicant", "applicant", { hukouType: "rural", hukouRegion: "411221", hukouAddress: "渑池县城关镇韶州路12号" }, "destination"],
        ["destination", "destination", { county: "411202", address: "湖滨区崤山路88号院3号楼2单元501室", stationId }, "details"],
        ["details_residence", "details", { tenure: "rented", legal: "true" }, "members"],
        ["members_done", "members", {}, "documents"],
      ];
      for (const [step, page, fields, next] of steps) {
        // As the page's <form> sends it: the step bound by the page, the form's previous state, its fields.
        const saved = await act(
          "action: save a filing step (×4)",
          `${url}/apply/${id}/${page}`,
          apply.saveStepAction,
          [step, {}, formOf({ applicationId: id, ...fields })],
          cookie,
          redirectsTo(`/apply/${id}/${next}`),
        );
        if (!saved) return;
      }
      const { rows: self } = await pg.query<{ id: string }>(`SELECT "id" FROM "HouseholdMember" WHERE "applicationId" = $1 AND "relation" = 'self'`, [id]);
      const memberId = self[0].id;
      if (!(await upload(url, cookie, id, memberId, "id_card", png, "身份证.png", "image/png"))) return;
      if (!(await upload(url, cookie, id, memberId, "hukou_booklet", pdf, "户口簿.pdf", "application/pdf"))) return;
      if (!(await upload(url, cookie, id, memberId, "rental_contract", pdf, "租赁合同.pdf", "application/pdf"))) return;
      // A second copy of the contract, uploaded by mistake and removed.
      const extra = await upload(url, cookie, id, memberId, "rental_contract", png, "租赁合同-拍照.png", "image/png");
      if (!extra) return;
      const { id: documentId } = JSON.parse(extra.body) as { id: string };
      const other = pick(instances); // the session is valid on both instances
      await timed(
        "DELETE /api/files/:id",
        () => http(`${other}/api/files/${documentId}`, { method: "DELETE", headers: { cookie, origin: other } }),
        statusOk(),
      );
      const done = await act(
        "action: submit the filing",
        `${url}/apply/${id}/check`,
        apply.submitFilingAction,
        [{}, formOf({ applicationId: id, submitKey: randomBytes(16).toString("hex"), truthful: "true", voluntary: "true" })],
        cookie,
        redirectsTo(`/apply/${id}/submitted`),
      );
      if (!done) return;
      submitted.push(id);
      inbox.push(id);
    };

    /** The version of the filing the clerk's page shows (the actions refuse a stale one). */
    const versionOf = async (id: string) => (await pg.query<{ version: number }>(`SELECT "version" FROM "Application" WHERE "id" = $1`, [id])).rows[0].version;

    /** A clerk takes a new filing: claims it, then decides (k counts both clerks' decisions). */
    let decisions = 0;
    const decide = async (url: string, cookie: string, id: string) => {
      const page = `${url}/clerk/filings/${id}`;
      const k = decisions++;
      await timed("GET /clerk/filings/:id", () => http(page, { headers: { cookie } }), statusOk());
      if (!(await act("action: clerk claims", page, review.claimAction, [{ applicationId: id }], cookie, actionOk))) return;
      if (k % 4 === 0) {
        const items = [{ code: "rental_contract", clarification: "租赁合同第2页不清晰" }];
        const r = await act(
          "action: clerk requests a supplement",
          page,
          review.supplementAction,
          [{ applicationId: id, version: await versionOf(id), items }],
          cookie,
          actionOk,
        );
        if (r) decided.set(id, "supplement_requested");
        return;
      }
      if (!(await act("action: clerk accepts", page, review.acceptAction, [{ applicationId: id, version: await versionOf(id) }], cookie, actionOk))) return;
      if (k % 4 === 1) {
        const input = { applicationId: id, version: await versionOf(id), reasonCodes: ["documents_invalid"], note: "租赁合同与申请信息不符" };
        if (await act("action: clerk refuses", page, review.refuseAction, [input], cookie, actionOk)) decided.set(id, "refused");
      } else if (await act("action: clerk approves", page, review.approveAction, [{ applicationId: id, version: await versionOf(id) }], cookie, actionOk)) {
        decided.set(id, "approved");
      }
    };

    const loops: Promise<void>[] = [];
    for (let i = 0; i < 4; i++) {
      loops.push(
        (async () => {
          while (Date.now() < end) {
            await fileOne();
            await new Promise((r) => setTimeout(r, 1000));
          }
        })(),
      );
    }
    for (const cookie of clerks) {
      loops.push(
        (async () => {
          while (Date.now() < end) {
            const url = pick(instances);
            await timed("GET /clerk (queue)", () => http(`${url}/clerk`, { headers: { cookie } }), statusOk());
            const next = inbox.shift();
            if (next) await decide(url, cookie, next);
            else if (filings.length)
              await timed(
                "GET /clerk/filings/:id",
                () => http(`${url}/clerk/filings/${pick(filings).id}`, { headers: { cookie } }),
                statusOk((s) => s < 400 || s === 404),
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
            const cookie = officials[i];
            await timed("GET /official (dashboard)", () => http(`${url}/official`, { headers: { cookie } }), statusOk());
            await timed("GET /official/county/411202", () => http(`${url}/official/county/411202`, { headers: { cookie } }), statusOk());
            await timed("GET /api/export/dashboard (CSV)", () => http(`${url}/api/export/dashboard?table=transfers`, { headers: { cookie } }), statusOk());
            // An official reads what loaded before asking for more (a second of reading keeps each under the limit).
            await new Promise((r) => setTimeout(r, 1000));
          }
        })(),
      );
    }
    await Promise.all(loops);
  } finally {
    await stop();
  }
  // Did it land? The submissions and the decisions the portal answered as done, in the database.
  const { rows: now } = await pg.query<{ id: string; status: string }>(`SELECT "id", "status"::text FROM "Application" WHERE "id" = ANY($1)`, [
    [...submitted, ...decided.keys()],
  ]);
  await pg.end().catch(() => {});
  const statusOf = new Map(now.map((r) => [r.id, r.status]));
  for (const d of decided.values()) decisionCounts[d] += 1;
  const check = {
    submitted: submitted.length,
    submittedLanded: submitted.filter((id) => (statusOf.get(id) ?? "draft") !== "draft").length,
    decisions: decided.size,
    decisionsLanded: [...decided].filter(([id, to]) => statusOf.get(id) === to).length,
    byDecision: decisionCounts,
  };
  const table = [...samples].map(([page, xs]) => ({ page, requests: xs.length, p50: Math.round(pct(xs, 50)), p95: Math.round(pct(xs, 95)) }));
  return { seconds, table, errors, errorSamples, check, limits: RAISED_LIMITS };
}

export function printMixedLoad(r: Awaited<ReturnType<typeof benchMixedLoad>>) {
  console.log(`two instances, ${r.seconds} s, 4 residents + 2 clerks + 2 officials (ms):`);
  console.table(r.table);
  console.log(`errors: ${r.errors}${r.errorSamples.length ? ` (${r.errorSamples.join("; ")})` : ""}`);
  const c = r.check;
  console.log(`filings submitted: ${c.submitted}, in the database as submitted or later: ${c.submittedLanded}`);
  console.log(
    `clerk decisions: ${c.decisions} (supplement ${c.byDecision.supplement_requested}, refused ${c.byDecision.refused}, approved ${c.byDecision.approved}); filings whose state changed to the decision: ${c.decisionsLanded}`,
  );
  console.log(
    `rate limits raised for the bench: ${Object.entries(r.limits)
      .map(([k, v]) => `${k}=${v}`)
      .join(", ")}; each filing by its own resident account (per-account limits unchanged)`,
  );
  if (c.decisions === 0 || c.decisionsLanded < c.decisions || c.submittedLanded < c.submitted)
    throw new Error("mixed load: the scripted submissions or decisions did not all land in the database");
}

if (require.main === module)
  void benchMixedLoad(process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/luohu_bench")
    .then(printMixedLoad)
    .catch((e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
