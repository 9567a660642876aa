import { cache } from "react";
import { headers } from "next/headers";
import { notFound as nextNotFound, redirect } from "next/navigation";
import { z } from "zod";
import { auth } from "./auth";
import { getPrisma } from "@/lib/db/client";
import type { Role, SessionUser } from "./roles";
import { ROLE_HOME } from "./roles";
import { DomainError, isDomainError, toActionError, type ActionResult } from "@/lib/errors";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { crossSiteRefusal } from "@/lib/http/security-headers";
import { isRateLimited, RATE_LIMITS } from "@/lib/http/rate-limit";
import { runAction, type ActionDef } from "./run-action";
import { loadSessionUser } from "./sessions";
import { safeRedirectPath } from "@/lib/http/safe-redirect";

import { executeQuery, type QueryDef } from "./run-query";

export { defineAction, runAction, type ActionDef, type GuardContext } from "./run-action";
export { defineQuery, type QueryDef, type QueryContext } from "./run-query";

/**
 * The signed-in person, reloaded from the database once per request. The session cookie is
 * refused when its session was ended (sign-out), the user's session version moved on (password,
 * role or station change, disabling) or it idled or aged out (lib/auth/sessions.ts).
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await auth()) as { user?: { id?: string }; sid?: unknown; sv?: unknown } | null;
  if (!session?.user?.id) return null;
  return loadSessionUser(getPrisma(), { uid: session.user.id, sid: session.sid, sv: session.sv });
});

export async function requestIp(): Promise<string> {
  return clientIpFromHeaders(await headers());
}

/**
 * For pages: the signed-in person with one of `roles`. Not signed in → the sign-in page;
 * another role → 404 (a page that exists for others is not advertised).
 */
export async function requirePageUser(roles: readonly Role[], nextPath?: string, opts: { setupPage?: boolean } = {}): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/login${nextPath ? `?next=${encodeURIComponent(safeRedirectPath(nextPath, ""))}` : ""}`);
  if (!roles.includes(user.role)) nextNotFound();
  // A temporary password is changed, and (when required) two-factor set up, before anything else.
  if (!opts.setupPage && user.mustChangePassword) redirect("/account/password");
  if (!opts.setupPage && user.needsTwoFactorEnrolment) redirect("/account/two-factor");
  return user;
}

/**
 * The read path for pages and route handlers: a guarded query (lib/auth/run-query.ts) for the
 * signed-in `user`, on the app's database, with the request's address for the audit trail.
 */
export async function runQuery<I, O>(user: SessionUser, def: QueryDef<I, O>, input?: unknown): Promise<O> {
  return executeQuery(getPrisma(), user, await requestIp(), def, input);
}

/** A guarded action run from a page or route handler (reads that also write, e.g. an audited view). */
export async function runGuarded<S extends z.ZodType, O>(user: SessionUser, def: ActionDef<S, O>, input: unknown, ip?: string): Promise<O> {
  return runAction(getPrisma(), user, ip ?? (await requestIp()), def, input);
}

export function homeFor(user: SessionUser | null): string {
  return user ? ROLE_HOME[user.role] : "/login";
}

/** A server action from a definition: returns a typed ActionResult for the form, never a stack. */
export async function callAsServerAction<S extends z.ZodType, O>(def: ActionDef<S, O>, input: unknown): Promise<ActionResult<O>> {
  try {
    const user = await currentUser();
    if (!user) throw new DomainError("unauthenticated", "登录已过期，请重新登录。您填写的内容已保存。");
    return { ok: true, data: await runAction(getPrisma(), user, await requestIp(), def, input) };
  } catch (e) {
    if (!isDomainError(e)) console.error(`[${def.opts.action}]`, e instanceof Error ? e.message : e);
    return toActionError(e);
  }
}

/** A route handler from a definition: JSON out, domain errors as their HTTP status. */
export function routeFromAction<S extends z.ZodType, O>(
  def: ActionDef<S, O | Response>,
  readInput: (req: Request, params: Record<string, string>) => Promise<unknown>,
) {
  return async (req: Request, routeCtx: { params: Promise<Record<string, string>> }) => {
    try {
      // Routes the proxy does not see (uploads) refuse cross-site writes here too.
      if (crossSiteRefusal(req.method, new URL(req.url), req.headers)) throw new DomainError("forbidden", "跨站请求被拒绝。");
      const user = await currentUser();
      if (!user) throw new DomainError("unauthenticated", "请先登录。");
      const ip = clientIpFromHeaders(req.headers);
      // Role and rate limit before a byte of the body is read (runAction audits the refusal).
      if (!def.opts.roles.includes(user.role)) await runAction(getPrisma(), user, ip, def, null);
      const wait = await isRateLimited(def.opts.rateLimit ?? RATE_LIMITS.action, user.id);
      if (wait) throw new DomainError("rate_limited", `操作过于频繁，请${wait}秒后再试。`);
      const input = await readInput(req, (await routeCtx.params) ?? {});
      const out = await runAction(getPrisma(), user, ip, def, input);
      return out instanceof Response ? out : Response.json(out);
    } catch (e) {
      return errorResponse(e, def.opts.action);
    }
  };
}

export function errorResponse(e: unknown, where: string): Response {
  if (!isDomainError(e)) console.error(`[${where}]`, e instanceof Error ? e.message : e);
  const err = toActionError(e);
  return Response.json({ error: err.code, message: err.message, issues: err.issues }, { status: isDomainError(e) ? e.status : 500 });
}

/** Domain errors thrown while rendering a page: not found → the 404 page. */
export function pageError(e: unknown): never {
  if (isDomainError(e) && (e.code === "not_found" || e.code === "forbidden")) nextNotFound();
  throw e;
}
