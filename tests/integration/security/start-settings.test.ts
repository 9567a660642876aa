import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../../..");

/** `npm start` in production refuses, with one clear line, before touching the database (point 6). */
function start(env: Record<string, string>) {
  const r = spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/start.ts"], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env } as unknown as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: r.status, err: r.stderr.trim() };
}

describe("production start settings", () => {
  it("refuses to start with DATABASE_URL but without PUBLIC_BASE_URL", () => {
    const r = start({ DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none", AUTH_SECRET: "x".repeat(32) });
    expect(r.status).toBe(1);
    expect(r.err.split("\n").filter(Boolean)).toHaveLength(1);
    expect(r.err).toContain("PUBLIC_BASE_URL is required");
  });

  it("refuses a PUBLIC_BASE_URL that is not a plain http(s) address, and a LUOHU_TRUST_PROXY that is not a hop count", () => {
    expect(start({ DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none", AUTH_SECRET: "x".repeat(32), PUBLIC_BASE_URL: "javascript:alert(1)" }).err).toContain(
      "PUBLIC_BASE_URL",
    );
    const r = start({
      DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none",
      AUTH_SECRET: "x".repeat(32),
      PUBLIC_BASE_URL: "https://luohu.smx.gov.cn",
      LUOHU_TRUST_PROXY: "yes",
    });
    expect(r.status).toBe(1);
    expect(r.err).toContain("LUOHU_TRUST_PROXY");
  });
});
