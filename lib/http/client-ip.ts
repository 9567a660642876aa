/**
 * The client address. Our server (scripts/start.ts) stamps the socket address on every
 * request as `x-luohu-client-ip`, overwriting anything a client sent. X-Forwarded-For is
 * trusted only when LUOHU_TRUST_PROXY=1 (behind the city's reverse proxy), since any
 * client can forge it to dodge rate limits.
 */
export const CLIENT_IP_HEADER = "x-luohu-client-ip";

export function clientIpFromHeaders(h: Headers): string {
  if (process.env.LUOHU_TRUST_PROXY === "1") {
    const fwd = h.get("x-forwarded-for");
    if (fwd) return fwd.split(",")[0].trim().slice(0, 64);
  }
  return (h.get(CLIENT_IP_HEADER) ?? "unknown").slice(0, 64);
}
