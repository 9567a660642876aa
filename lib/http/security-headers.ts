import { trustedProxyHops } from "./client-ip";

/**
 * Response headers of every page and API answer (set in proxy.ts), and the cross-site check
 * of state-changing /api/* requests. Pure functions of the request, tested directly.
 */

/** The Content-Security-Policy of a page: scripts only with this request's nonce (Next.js adds it to its own). */
export function contentSecurityPolicy(nonce: string, opts: { tls: boolean; dev?: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    // React's style={…} attributes (charts, progress bars) cannot carry a nonce.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.tls ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Served over TLS: the request's own scheme, or X-Forwarded-Proto from a trusted proxy (LUOHU_TRUST_PROXY). */
export function servedOverTls(url: URL, headers: Headers): boolean {
  if (url.protocol === "https:") return true;
  if (trustedProxyHops() > 0) return headers.get("x-forwarded-proto")?.split(",").at(-1)?.trim().toLowerCase() === "https";
  return false;
}

/** Headers for every response (pages and API). HSTS only when served over TLS. */
export function baseSecurityHeaders(tls: boolean): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    ...(tls ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** Public, stateless API endpoints other sites may call (they change nothing). */
const CROSS_SITE_OK = ["/api/v1/eligibility", "/api/v1/criteria-check", "/api/health", "/api/ping"];

/**
 * A state-changing /api/* request from another site is refused (CSRF): Sec-Fetch-Site must be
 * same-origin (or none: typed or bookmarked), and Origin, when sent, must be this portal.
 * Requests without either header are not from a browser (curl, scripts) and need their own credentials anyway.
 * Returns a reason when refused, else null.
 */
export function crossSiteRefusal(method: string, url: URL, headers: Headers): string | null {
  if (["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase())) return null;
  if (!url.pathname.startsWith("/api/")) return null;
  if (CROSS_SITE_OK.some((p) => url.pathname === p || url.pathname.startsWith(`${p}/`))) return null;
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return `sec-fetch-site ${site}`;
  const origin = headers.get("origin");
  if (origin) {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return "origin unreadable";
    }
    if (!allowedHosts(url, headers).has(host.toLowerCase())) return "origin mismatch";
  }
  return null;
}

function allowedHosts(url: URL, headers: Headers): Set<string> {
  const hosts = new Set<string>();
  const add = (h: string | null | undefined) => h && hosts.add(h.trim().toLowerCase());
  add(headers.get("host"));
  add(url.host);
  if (trustedProxyHops() > 0) add(headers.get("x-forwarded-host")?.split(",")[0]);
  const base = process.env.PUBLIC_BASE_URL?.trim();
  if (base) {
    try {
      add(new URL(base).host);
    } catch {
      /* checked at start */
    }
  }
  return hosts;
}
