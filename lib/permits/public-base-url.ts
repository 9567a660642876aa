/**
 * The absolute base URL printed in a permit's QR code: PUBLIC_BASE_URL when set (production
 * behind a proxy), else the host the request came to.
 */
export function publicBaseUrl(headers?: Headers): string {
  const configured = process.env.PUBLIC_BASE_URL?.trim();
  if (configured) return configured.replace(/\/+$/, "");
  const host = headers?.get("x-forwarded-host") ?? headers?.get("host");
  if (!host || !/^[A-Za-z0-9.\-:[\]]+$/.test(host)) return "http://localhost:3000";
  const proto = headers?.get("x-forwarded-proto")?.split(",")[0].trim() === "https" ? "https" : "http";
  return `${proto}://${host}`;
}

export function verifyUrl(baseUrl: string, permitNumber: string): string {
  return `${baseUrl}/verify/${encodeURIComponent(permitNumber)}`;
}
