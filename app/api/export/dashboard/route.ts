import { routeFromAction } from "@/lib/auth/guard";
import { exportDashboardCsvDef } from "@/lib/stats/dashboard";

export const dynamic = "force-dynamic";

/**
 * GET /api/export/dashboard?table=service&year=2025[&month=3][&county=411202] — one dashboard
 * table as CSV (UTF-8 with BOM). Same scope as the pages: another county → 404.
 */
export const GET = routeFromAction(exportDashboardCsvDef, async (req) => Object.fromEntries(new URL(req.url).searchParams));
