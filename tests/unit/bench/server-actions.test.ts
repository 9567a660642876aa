import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readServerActions, serverActionRequest, type ActionRef } from "@/bench/lib/server-actions";

/**
 * The mixed-load bench calls server actions as the browser does (bench/lib/server-actions.ts).
 * Its end-to-end check is the bench itself, against a production build (`npm run bench -- load`
 * fails when the decisions do not land); here: the id lookup in a manifest of the shape
 * `next build` writes, and that the request body is what Next's action handler decodes into the
 * arguments (React's decodeReply, run under the "react-server" condition as in the server).
 */

function manifestDir(node: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "luohu-actions-"));
  fs.mkdirSync(path.join(dir, "server"));
  fs.writeFileSync(path.join(dir, "server", "server-reference-manifest.json"), JSON.stringify({ node, edge: {}, encryptionKey: "x" }));
  return dir;
}

const CLAIM = "40" + "a".repeat(40);
const STEP = "70" + "b".repeat(40);

describe("server actions over HTTP (bench)", () => {
  it("finds the ids of a file's actions by exported name, with the pages that serve them", () => {
    const dir = manifestDir({
      [CLAIM]: {
        workers: { "app/clerk/filings/[id]/page": { moduleId: 1, async: true } },
        layer: {},
        filename: "app/clerk/actions.ts",
        exportedName: "claimAction",
      },
      [STEP]: {
        workers: { "app/apply/[id]/applicant/page": { moduleId: 2, async: true } },
        layer: {},
        filename: "app/apply/actions.ts",
        exportedName: "saveStepAction",
      },
    });
    const clerk = readServerActions(dir, "app/clerk/actions.ts");
    expect(Object.keys(clerk)).toEqual(["claimAction"]);
    expect(clerk.claimAction).toEqual({ id: CLAIM, name: "claimAction", file: "app/clerk/actions.ts", pages: ["app/clerk/filings/[id]/page"] });
    expect(() => readServerActions(dir, "app/admin/actions.ts")).toThrow(/no server actions of app\/admin\/actions.ts/);
  });

  it("sends Next-Action, the page's origin and a body Next's handler decodes into the same arguments", async () => {
    const step: ActionRef = { id: STEP, name: "saveStepAction", file: "app/apply/actions.ts", pages: [] };
    const form = new FormData();
    form.set("applicationId", "app1");
    form.set("hukouAddress", "渑池县城关镇韶州路12号");
    const page = "http://127.0.0.1:3410/apply/app1/applicant";
    const withForm = await serverActionRequest(page, step, ["applicant", {}, form], "a=1");
    expect(withForm).toMatchObject({
      method: "POST",
      headers: { "next-action": STEP, accept: "text/x-component", origin: "http://127.0.0.1:3410", cookie: "a=1" },
    });
    const plain = await serverActionRequest(page, step, [{ applicationId: "app1", version: 3, items: [{ code: "rental_contract" }] }], "a=1");
    expect(plain.headers).toMatchObject({ "content-type": "text/plain;charset=UTF-8" });

    // What the server receives: the bytes of each request, decoded by the server half of React Flight.
    const bodies = await Promise.all(
      [withForm, plain].map(async (r) => {
        const res = new Response(r.body);
        return { type: res.headers.get("content-type") ?? "", bytes: Buffer.from(await res.arrayBuffer()).toString("base64") };
      }),
    );
    const decode = `
      const { decodeReply } = require("next/dist/compiled/react-server-dom-webpack/server.node");
      (async () => {
        const out = [];
        for (const b of JSON.parse(process.argv[1])) {
          const res = new Response(Buffer.from(b.bytes, "base64"), { headers: { "content-type": b.type } });
          const args = await decodeReply(b.type.startsWith("multipart/") ? await res.formData() : await res.text(), {});
          out.push(args.map((a) => (a instanceof FormData ? { form: Object.fromEntries(a) } : a)));
        }
        console.log(JSON.stringify(out));
      })();`;
    const decoded = JSON.parse(execFileSync(process.execPath, ["--conditions=react-server", "-e", decode, JSON.stringify(bodies)], { encoding: "utf8" }));
    expect(decoded).toEqual([
      ["applicant", {}, { form: { applicationId: "app1", hukouAddress: "渑池县城关镇韶州路12号" } }],
      [{ applicationId: "app1", version: 3, items: [{ code: "rental_contract" }] }],
    ]);
  });
});
