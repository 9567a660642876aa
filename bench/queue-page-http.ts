/**
 * The queue PAGE end to end over HTTP (guard, queries, audit event and React rendering): signs
 * in as a clerk and times GET /clerk for every tab, first and deep pages, p50/p95.
 *
 *   # a production server on the seeded bench database, e.g.
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/luohu_bench AUTH_SECRET=bench PORT=3212 npx tsx scripts/start.ts
 *   BASE_URL=http://127.0.0.1:3212 npx tsx bench/queue-page-http.ts [--runs 20] [--login bench-clerk-411202-01]
 */
const BASE = process.env.BASE_URL ?? "http://127.0.0.1:3212";
const TABS = ["new", "accepted", "supplement", "due_soon", "overdue", "decided"] as const;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};

/** next-auth credentials sign-in: the session cookie to send with every page request. */
async function signIn(login: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair.indexOf("=");
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${BASE}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, login, password, callbackUrl: `${BASE}/clerk` }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed for ${login} (HTTP ${res.status})`);
  return cookie();
}

async function timed(url: string, cookie: string): Promise<{ ms: number; html: string }> {
  const t = performance.now();
  const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
  const html = await res.text();
  const ms = performance.now() - t;
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
  return { ms, html };
}

async function main() {
  const runs = Number(arg("runs", "20"));
  const cookie = await signIn(arg("login", "bench-clerk-411202-01"), arg("password", "luohu-demo"));
  const all: number[] = [];
  console.log(`queue page over HTTP at ${BASE}; ${runs} runs per scenario\n`);
  console.log("scenario                         p50 ms  p95 ms");
  for (const tab of TABS) {
    // A deep page: follow "下一页" 20 times.
    let deep = `${BASE}/clerk?tab=${tab}`;
    for (let p = 0; p < 20; p++) {
      const { html } = await timed(deep, cookie);
      const m = /href="(\/clerk\?[^"]*after=[^"]+)"[^>]*rel="next"|rel="next"[^>]*href="(\/clerk\?[^"]*after=[^"]+)"/.exec(html);
      if (!m) break;
      deep = `${BASE}${(m[1] ?? m[2]).replace(/&amp;/g, "&")}`;
    }
    for (const [label, url] of [
      ["page 1", `${BASE}/clerk?tab=${tab}`],
      ["page 21", deep],
    ] as const) {
      await timed(url, cookie); // warm
      const ms: number[] = [];
      for (let i = 0; i < runs; i++) ms.push((await timed(url, cookie)).ms);
      all.push(...ms);
      console.log(`${`${tab} ${label}`.padEnd(30)} ${pct(ms, 50).toFixed(1).padStart(7)} ${pct(ms, 95).toFixed(1).padStart(7)}`);
    }
  }
  console.log(`\nQUEUE PAGE over HTTP (${all.length} requests): p50 ${pct(all, 50).toFixed(1)} ms, p95 ${pct(all, 95).toFixed(1)} ms`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
