/**
 * Throughput and p99 latency of POST /api/v1/eligibility on the production build with 50
 * concurrent clients, next to a constant-JSON route of the same app (the ratio is what matters).
 */
import autocannon from "autocannon";
import { startServer } from "./lib/server";
import { makeIdNumber } from "../lib/validation/id-number";

type Row = { route: string; rps: number; p50: number; p99: number; errors: number; non2xx: number };

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))));
}

export async function benchEligibilityHttp(opts: { seconds?: number; connections?: number } = {}): Promise<Row[]> {
  const seconds = opts.seconds ?? 15;
  const connections = opts.connections ?? 50;
  const server = await startServer(3400);
  const body = JSON.stringify({
    applicant: { idNumber: makeIdNumber("41122119950505231"), name: "张三", hukouType: "rural", hukouRegion: "411221" },
    destinationCounty: "411202",
    channel: "residence",
    residence: { tenure: "rented", address: "湖滨区崤山路1号", legal: true },
    documents: ["id_card", "hukou_booklet", "rental_contract"],
    ownsHome: false,
    taxPaidYuan: 0,
  });
  try {
    const rows: Row[] = [];
    const targets: Array<[string, autocannon.Options]> = [
      ["GET /api/ping (constant JSON)", { url: `${server.url}/api/ping` }],
      ["POST /api/v1/eligibility", { url: `${server.url}/api/v1/eligibility`, method: "POST", headers: { "content-type": "application/json" }, body }],
    ];
    for (const [route, o] of targets) {
      await run({ ...o, connections, duration: 3 }); // warm-up
      const r = await run({ ...o, connections, duration: seconds });
      rows.push({ route, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx });
    }
    return rows;
  } finally {
    await server.stop();
  }
}

if (require.main === module) {
  void benchEligibilityHttp().then((rows) => {
    console.table(rows);
    console.log(`eligibility / constant throughput ratio: ${(rows[1].rps / rows[0].rps).toFixed(2)}`);
  });
}
