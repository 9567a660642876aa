import { checkCriteriaPublicly } from "@/lib/eligibility/public-checks";
import { readJsonBody } from "@/lib/http/read-json";
import { checkRateLimit, RATE_LIMITS } from "@/lib/http/rate-limit";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { isDomainError } from "@/lib/errors";

export const dynamic = "force-dynamic";

const MAX_BODY = 64 * 1024;

/** Public criteria check — contract: docs/api/criteria-check-api.md. No sign-in; nothing sent is stored. */
export async function POST(req: Request) {
  try {
    const wait = await checkRateLimit(RATE_LIMITS.criteriaCheck, clientIpFromHeaders(req.headers));
    if (wait) {
      return Response.json({ error: "rate_limited", message: `请求过于频繁，请${wait}秒后再试。` }, { status: 429, headers: { "Retry-After": String(wait) } });
    }
    const body = await readJsonBody(req, MAX_BODY);
    return Response.json(await checkCriteriaPublicly(body));
  } catch (e) {
    if (isDomainError(e)) {
      if (e.code === "validation_failed") return Response.json({ error: "validation_failed", issues: e.issues }, { status: 400 });
      if (e.code === "payload_too_large") return Response.json({ error: "payload_too_large", message: e.message }, { status: 413 });
      if (e.code === "unsupported_media_type") return Response.json({ error: "unsupported_media_type", message: e.message }, { status: 415 });
    }
    console.error("[criteria-check]", e instanceof Error ? e.message : e);
    return Response.json({ error: "service_unavailable", message: "服务暂不可用，请稍后再试。" }, { status: 503 });
  }
}
