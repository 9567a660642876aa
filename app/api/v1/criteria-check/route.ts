import { serveInNext } from "@/lib/http/json-api";
import { criteriaCheckApi } from "@/lib/http/public-api";

export const dynamic = "force-dynamic";

/** Public criteria check — contract: docs/api/criteria-check-api.md. Also served on the lean path (scripts/lean-routes.ts). */
export const POST = serveInNext(criteriaCheckApi);
