import type { z } from "zod";
import { getPrisma } from "@/lib/db/client";
import { pageError, requestIp, requirePageUser, runAction, type ActionDef } from "@/lib/auth/guard";
import { isDomainError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { DASHBOARD_ROLES } from "./dashboard";

type Params = Record<string, string | string[] | undefined>;

/** The first value of a search parameter. */
export const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * The loader of every official page (dashboards, drill-down lists, station performance, the
 * summary evaluation): the signed-in official, then the guarded definition (scope: another
 * county → 404). A malformed input or a rate limit is shown as a message, not thrown.
 */
export async function loadOfficialPage<S extends z.ZodType, O>(
  path: string,
  def: ActionDef<S, O>,
  input: Record<string, unknown>,
): Promise<{ user: SessionUser; data: O | null; error?: string }> {
  const user = await requirePageUser(DASHBOARD_ROLES, path);
  try {
    return {
      user,
      data: await runAction(getPrisma(), user, await requestIp(), def, input),
    };
  } catch (e) {
    if (isDomainError(e) && e.code === "validation_failed")
      return {
        user,
        data: null,
        error: e.issues.map((i) => i.message).join("；") || e.message,
      };
    // Too many loads in a minute: say so and when to retry (as the clerk's pages do), not a 500.
    if (isDomainError(e) && e.code === "rate_limited") return { user, data: null, error: e.message };
    pageError(e);
  }
}

/** The period fields of a search (year, month, or from … to). */
export function periodInput(search: Params) {
  return {
    year: one(search.year),
    month: one(search.month),
    from: one(search.from),
    to: one(search.to),
  };
}
