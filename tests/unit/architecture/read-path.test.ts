import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";

/**
 * One read path (issue 9): nothing in app/ or components/ imports the database client, the
 * lib/db modules or the generated Prisma client; they read through guarded queries in lib/.
 */
const ROOT = path.resolve(__dirname, "../../..");
const FORBIDDEN = /^(@\/lib\/db\/|@\/lib\/generated(\/|$)|@prisma\/client(\/|$)|(\.\.?\/)+(.*\/)?lib\/(db|generated)\/)/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx|js|jsx|mjs)$/.test(e.name) ? [p] : [];
  });
}

/** Every module specifier of a file: static imports and re-exports, `import()` and `require()`. */
function specifiers(text: string): string[] {
  const out: string[] = [];
  for (const re of [
    /(?:^|\n)\s*(?:import|export)\b[^'"`;]*?\bfrom\s*["']([^"']+)["']/g,
    /(?:^|\n)\s*import\s*["']([^"']+)["']/g,
    /\b(?:import|require)\s*\(\s*["']([^"']+)["']\s*\)/g,
  ]) {
    for (const m of text.matchAll(re)) out.push(m[1]);
  }
  return out;
}

describe("one read path: app/ and components/ never touch the database", () => {
  it("no file in app/ or components/ imports the database client, lib/db or generated Prisma", () => {
    const files = [...sourceFiles(path.join(ROOT, "app")), ...sourceFiles(path.join(ROOT, "components"))];
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.flatMap((f) =>
      specifiers(fs.readFileSync(f, "utf8"))
        .filter((s) => FORBIDDEN.test(s))
        .map((s) => `${path.relative(ROOT, f)} → ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it("the import scan itself sees the forms an offender could take", () => {
    const probe = [
      'import { getPrisma } from "@/lib/db/client";',
      'import type { X } from "../../lib/generated/prisma/enums";',
      'export { y } from "@/lib/db/types";',
      'const m = await import("@/lib/db/client");',
    ].join("\n");
    expect(specifiers(probe).filter((s) => FORBIDDEN.test(s))).toHaveLength(4);
    expect(specifiers('import { runQuery } from "@/lib/auth/guard";').filter((s) => FORBIDDEN.test(s))).toEqual([]);
  });

  it("ESLint (the build's lint) fails a page or a component that imports the database client", async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const bad =
      'import { getPrisma } from "@/lib/db/client";\nimport type { ApplicationStatus } from "@/lib/generated/prisma/enums";\nexport const p = getPrisma;\nexport type S = ApplicationStatus;\n';
    for (const filePath of ["app/probe/page.tsx", "components/probe.tsx"]) {
      const [res] = await eslint.lintText(bad, { filePath: path.join(ROOT, filePath) });
      const hits = res.messages.filter((m) => m.ruleId === "no-restricted-imports");
      expect(hits).toHaveLength(2);
      expect(hits[0].message).toMatch(/runQuery/);
    }
    // lib/ itself may use the client (that is where the read path lives).
    const [inLib] = await eslint.lintText(bad, { filePath: path.join(ROOT, "lib/probe/read-probe.ts") });
    expect(inLib.messages.filter((m) => m.ruleId === "no-restricted-imports")).toEqual([]);
  }, 60_000);
});
