import { serveInNext } from "@/lib/http/json-api";
import { eligibilityApi } from "@/lib/http/public-api";

export const dynamic = "force-dynamic";

/** Public eligibility check — contract: docs/api/eligibility-api.md. Also served on the lean path (scripts/lean-routes.ts). */
export const POST = serveInNext(eligibilityApi);
