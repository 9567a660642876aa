/** The client address: the first X-Forwarded-For hop when behind the city's proxy, else X-Real-IP. */
export function clientIpFromHeaders(h: Headers): string {
  const fwd = h.get("x-forwarded-for");
  if (fwd) return fwd.split(",")[0].trim().slice(0, 64);
  return (h.get("x-real-ip") ?? "local").slice(0, 64);
}
