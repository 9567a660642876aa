import { requirePageUser, pageError, runGuarded } from "@/lib/auth/guard";
import type { Role, SessionUser } from "@/lib/auth/roles";
import { isDomainError } from "@/lib/errors";
import { viewSupervisionDef, type SupervisionReport } from "./supervision";

type Search = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/**
 * The supervision pages' read (auditors: the city; officials: their county): the signed-in
 * person, the report for the period and drill-down in the query string, or the form's message.
 */
export async function loadSupervisionPage(
  roles: readonly Role[],
  path: string,
  searchParams: Promise<Search>,
): Promise<{ user: SessionUser; r: SupervisionReport | null; error: string | null }> {
  const user = await requirePageUser(roles, path);
  const sp = await searchParams;
  try {
    const r = await runGuarded(user, viewSupervisionDef, { from: one(sp.from), to: one(sp.to), station: one(sp.station), clerk: one(sp.clerk) });
    return { user, r, error: null };
  } catch (e) {
    if (isDomainError(e) && e.code === "validation_failed") return { user, r: null, error: e.issues.map((i) => i.message).join("；") || e.message };
    pageError(e);
  }
}
