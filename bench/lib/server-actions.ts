/**
 * Calling the portal's Next.js server actions over HTTP the way the browser does (bench only):
 *
 * - the action's id comes from the production build's `<distDir>/server/server-reference-manifest.json`
 *   (`node[id] = { filename, exportedName, workers: { "app/…/page": … } }`), looked up by the
 *   source file and the exported name;
 * - the request is Next's own (next/dist/client/components/router-reducer/reducers/server-action-reducer.js):
 *   `POST <page URL>` with `Next-Action: <id>`, `Accept: text/x-component`, the arguments encoded
 *   by React's `encodeReply` (a JSON string, or multipart FormData when an argument is a FormData;
 *   bound arguments first, as `action.bind(null, …)` sends them), and an `Origin` equal to the host
 *   (Next refuses a server action whose origin differs);
 * - the answer is a React Flight stream decoded with `createFromFetch`; a `redirect()` in the
 *   action answers with an `x-action-redirect: <path>;<push|replace>` header.
 */
import fs from "node:fs";
import path from "node:path";

type ManifestEntry = { filename?: string; exportedName?: string; workers: Record<string, unknown> };
type FlightClient = {
  encodeReply: (args: unknown[]) => Promise<string | FormData>;
  createFromFetch: (res: Promise<Response>, opts: object) => Promise<unknown>;
};

// The React Flight client the app's own pages use (Next's compiled copy), for Node.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const flight = require("next/dist/compiled/react-server-dom-webpack/client.node") as FlightClient;

/**
 * The answer carries the re-rendered page too (the actions revalidate it), whose client
 * components the bench never renders: every client reference resolves to a placeholder entry
 * (no chunks to load), and only the action's own result is read.
 */
const anyClientModule = new Proxy({}, { get: (_, id) => new Proxy({}, { get: (__, name) => ({ id, chunks: [], name, async: false }) }) });
const consumerManifest = { serverConsumerManifest: { moduleMap: anyClientModule, serverModuleMap: null, moduleLoading: null } };

export type ActionRef = { id: string; name: string; file: string; pages: string[] };

/** The ids of the server actions exported by `file` (relative to the project, e.g. "app/clerk/actions.ts"), by exported name. */
export function readServerActions(distDir: string, file: string): Record<string, ActionRef> {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  const out: Record<string, ActionRef> = {};
  for (const [id, e] of Object.entries(manifest.node)) {
    if (e.filename !== file || !e.exportedName) continue;
    out[e.exportedName] = { id, name: e.exportedName, file, pages: Object.keys(e.workers) };
  }
  if (Object.keys(out).length === 0) throw new Error(`no server actions of ${file} in ${distDir} (is it a production build of this tree?)`);
  return out;
}

/** The request a browser makes for `action(...args)` on the page at `pageUrl`. */
export async function serverActionRequest(pageUrl: string, action: ActionRef, args: unknown[], cookie: string): Promise<RequestInit> {
  const body = await flight.encodeReply(args);
  return {
    method: "POST",
    redirect: "manual",
    headers: {
      accept: "text/x-component",
      "next-action": action.id,
      origin: new URL(pageUrl).origin,
      cookie,
      // A FormData body sets its own multipart content type (with the boundary).
      ...(typeof body === "string" ? { "content-type": "text/plain;charset=UTF-8" } : {}),
    },
    body,
  };
}

export type ActionAnswer = { status: number; result: unknown; redirect: string | null };

/** Calls the action and reads its answer: the returned value, or where `redirect()` sent the browser. */
export async function callServerAction(pageUrl: string, action: ActionRef, args: unknown[], cookie: string): Promise<ActionAnswer> {
  const res = await fetch(pageUrl, await serverActionRequest(pageUrl, action, args, cookie));
  const redirect = res.headers.get("x-action-redirect")?.split(";")[0] ?? null;
  if (!res.ok || !res.headers.get("content-type")?.startsWith("text/x-component")) {
    await res.arrayBuffer();
    return { status: res.status, result: null, redirect };
  }
  const root = (await flight.createFromFetch(Promise.resolve(res), consumerManifest)) as { a?: Promise<unknown> } | null;
  return { status: res.status, result: root?.a === undefined ? null : await root.a, redirect };
}
