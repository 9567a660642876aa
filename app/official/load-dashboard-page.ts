import { requirePageUser, pageError, runGuarded } from "@/lib/auth/guard";
import { isDomainError } from "@/lib/errors";
import { DASHBOARD_ROLES, viewDashboardDef, type Dashboard } from "@/lib/stats/dashboard";
import type { SessionUser } from "@/lib/auth/roles";
import type { SearchParams } from "@/lib/http/page-args";
import { one } from "@/lib/stats/official-page";

/**
 * The loader both dashboard pages share: the signed-in official, then the dashboard through
 * the guard (scope: another county → 404). A malformed year or month is shown, not thrown.
 */
export async function loadDashboardPage(
  path: string,
  search: SearchParams,
  county?: string,
): Promise<{ user: SessionUser; d: Dashboard | null; error?: string }> {
  const user = await requirePageUser(DASHBOARD_ROLES, path);
  try {
    const d = await runGuarded(user, viewDashboardDef, {
      year: one(search.year),
      month: one(search.month),
      from: one(search.from),
      to: one(search.to),
      county,
    });
    return { user, d };
  } catch (e) {
    if (isDomainError(e) && e.code === "validation_failed") return { user, d: null, error: e.issues.map((i) => i.message).join("；") || e.message };
    pageError(e);
  }
}
