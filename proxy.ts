import { NextResponse, type NextRequest } from "next/server";
import { baseSecurityHeaders, contentSecurityPolicy, crossSiteRefusal, servedOverTls } from "@/lib/http/security-headers";

/**
 * Runs before every request (Next.js 16 "proxy", formerly middleware): a fresh CSP nonce for
 * pages (Next.js puts it on its own scripts), the security headers of lib/http/security-headers.ts,
 * and the cross-site refusal of state-changing /api/* requests.
 */
export function proxy(request: NextRequest) {
  const tls = servedOverTls(request.nextUrl, request.headers);
  const isApi = request.nextUrl.pathname.startsWith("/api/");
  const refusal = crossSiteRefusal(request.method, request.nextUrl, request.headers);
  if (refusal) {
    const res = NextResponse.json({ error: "forbidden", message: "跨站请求被拒绝。" }, { status: 403 });
    for (const [k, v] of Object.entries(baseSecurityHeaders(tls))) res.headers.set(k, v);
    return res;
  }
  if (isApi) {
    const res = NextResponse.next();
    for (const [k, v] of Object.entries(baseSecurityHeaders(tls))) res.headers.set(k, v);
    return res;
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, { tls, dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  res.headers.set("Content-Security-Policy", csp);
  for (const [k, v] of Object.entries(baseSecurityHeaders(tls))) res.headers.set(k, v);
  return res;
}

// Uploads (/api/files) stay out: the proxy would buffer every body up to 10 MB in memory and
// hand the route a truncated stream; their route refuses cross-site writes itself (routeFromAction).
export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/files).*)" }],
};
