import { checkDatabaseReachable } from "@/lib/http/check-health";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and the test runner. */
export async function GET() {
  try {
    await checkDatabaseReachable();
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false, error: "database_unavailable" }, { status: 503 });
  }
}
