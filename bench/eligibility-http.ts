/**
 * `npm run bench -- http`: POST /api/v1/eligibility on the lean path of the production server
 * (lib/http/lean-api.ts) next to a bare Node server answering the same JSON, in one run, with
 * 50 concurrent connections. Goal (issue 14): ≥ 30 % of the bare server's requests per second,
 * p99 < 50 ms. Both on loopback; the bare server runs in its own process like the portal.
 */
import { spawn } from "node:child_process";
import os from "node:os";
import autocannon from "autocannon";
import { startServer } from "./lib/server";
import { treeCpuMs } from "./lib/process-cpu";
import { ensureDatabase } from "./lib/bench-db";
import { randomBytes } from "node:crypto";
import { makeIdNumber } from "../lib/schemas/id-number";

type Row = { route: string; rps: number; p50: number; p99: number; errors: number; non2xx: number; cpuUsPerReq: number };

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))));
}

/**
 * A bare node:http server that reads the body, parses it and answers a fixed eligibility JSON —
 * at once, or (`deferWrites`) after the poll phase as the lean path does, to show what that
 * write strategy alone is worth.
 */
async function startBare(port: number, deferWrites = false): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const answer = JSON.stringify({
    outcome: "eligible",
    channel: "residence",
    clauses: ["二(二)"],
    missingDocuments: [],
    reasons: [],
    suggestedChannels: [],
    ignoredFacts: [],
    ruleSetVersion: "sanmenxia-2019-24/v1",
  });
  const reply = `s.writeHead(200, { "content-type": "application/json" }); s.end(${JSON.stringify(answer)});`;
  const code = `require("node:http").createServer((q, s) => { const c = []; q.on("data", (d) => c.push(d)); q.on("end", () => { JSON.parse(Buffer.concat(c).toString() || "{}"); ${deferWrites ? `setImmediate(() => { ${reply} });` : reply} }); }).listen(${port}, "127.0.0.1", () => console.log("up"));`;
  const child = spawn(process.execPath, ["-e", code], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve) => child.stdout!.once("data", () => resolve()));
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, stop: async () => void (child.kill("SIGTERM"), await new Promise((r) => child.once("exit", r))) };
}

/**
 * Runs the bare server and the portal two ways: the embedded default (one process that also runs
 * the background jobs on its in-process PGlite) and the deployment on PostgreSQL (`npm start` with
 * DATABASE_URL and LUOHU_WORKERS=1: one HTTP worker, the jobs in the primary process).
 */
export async function benchEligibilityHttp(opts: { seconds?: number; connections?: number; benchUrl?: string } = {}): Promise<Row[]> {
  const seconds = opts.seconds ?? Number(process.env.BENCH_SECONDS ?? 10);
  const connections = opts.connections ?? 50;
  const body = JSON.stringify({
    applicant: { idNumber: makeIdNumber("41122119950505231"), name: "张三", hukouType: "rural", hukouRegion: "411221" },
    destinationCounty: "411202",
    channel: "residence",
    residence: { tenure: "rented", address: "湖滨区崤山路1号", legal: true },
    documents: ["id_card", "hukou_booklet", "rental_contract"],
    ownsHome: false,
    taxPaidYuan: 0,
  });
  const post = { method: "POST" as const, headers: { "content-type": "application/json" }, body };
  const server = await startServer(3400);
  const bare = await startBare(3401);
  const bareDeferred = await startBare(3403, true);
  const pgUrl = Object.assign(new URL(opts.benchUrl ?? "postgresql://postgres@127.0.0.1:5432/luohu_bench"), { pathname: "/luohu_bench_http" }).toString();
  await ensureDatabase(pgUrl);
  const deployed = await startServer(3402, {
    DATABASE_URL: pgUrl,
    LUOHU_WORKERS: "1",
    LUOHU_ALLOW_OWNER_ROLE: "1",
    LUOHU_SKIP_BUILD: "1",
    AUTH_SECRET: randomBytes(32).toString("base64"),
    PUBLIC_BASE_URL: "http://127.0.0.1:3402",
  });
  try {
    const rows: Row[] = [];
    const targets: Array<[string, number, autocannon.Options]> = [
      ["bare node:http (same JSON)", bare.pid, { url: `${bare.url}/api/v1/eligibility`, ...post }],
      ["POST /api/v1/eligibility (lean path, embedded: one process with the jobs)", server.pid, { url: `${server.url}/api/v1/eligibility`, ...post }],
      ["POST /api/v1/eligibility (lean path, PostgreSQL: 1 HTTP worker)", deployed.pid, { url: `${deployed.url}/api/v1/eligibility`, ...post }],
      ["GET /api/ping (through Next)", server.pid, { url: `${server.url}/api/ping` }],
      ["bare node:http, answers written after the poll phase like the lean path", bareDeferred.pid, { url: `${bareDeferred.url}/api/v1/eligibility`, ...post }],
    ];
    for (const [route, pid, o] of targets) {
      await run({ ...o, connections, duration: 3 }); // warm-up
      const cpu0 = treeCpuMs(pid);
      const r = await run({ ...o, connections, duration: seconds });
      const cpuUsPerReq = Math.round(((treeCpuMs(pid) - cpu0) * 1000) / Math.max(1, r.requests.total));
      rows.push({ route, rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx, cpuUsPerReq });
    }
    return rows;
  } finally {
    await Promise.all([server.stop(), bare.stop(), bareDeferred.stop(), deployed.stop()]);
  }
}

export function printHttpBench(rows: Row[]) {
  console.table(rows);
  const [bare, embedded, deployed, , bareDeferred] = rows;
  const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(0)} %`;
  for (const lean of [embedded, deployed]) {
    console.log(
      `${lean.route} / bare node: ${pct(lean.rps, bare.rps)} of the requests per second (goal ≥ 30 %; ${pct(lean.rps, bareDeferred.rps)} of the bare server with the same deferred writes), p99 ${lean.p99} ms (goal < 50 ms); ` +
        // Server CPU per request does not depend on what else the machine is doing, req/s does.
        `server CPU per request ${lean.cpuUsPerReq} µs against the bare server's ${bare.cpuUsPerReq} µs (${((bare.cpuUsPerReq / Math.max(1, lean.cpuUsPerReq)) * 100).toFixed(0)} %)`,
    );
  }
  console.log(`machine load average ${os.loadavg()[0].toFixed(1)}`);
}

if (require.main === module) void benchEligibilityHttp().then(printHttpBench);
