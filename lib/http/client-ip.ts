import { isIP } from "node:net";

/**
 * The client address. Our server (scripts/start.ts) stamps the socket address on every
 * request as `x-luohu-client-ip`, overwriting anything a client sent.
 *
 * Behind reverse proxies set LUOHU_TRUST_PROXY=<hops>, the number of proxies in front of the
 * portal (`1` = one proxy). Each proxy APPENDS the address it saw to X-Forwarded-For, so
 * everything left of the last <hops> entries was written by the client and may be invented:
 * the client address is the entry <hops> places from the RIGHT. With fewer entries than hops
 * (the request skipped a proxy) the socket address is used.
 */
export const CLIENT_IP_HEADER = "x-luohu-client-ip";

let parsedHops: { raw: string | undefined; hops: number } | null = null;

/** How many reverse proxies in front of the portal are trusted (0 = none: use the socket address). */
export function trustedProxyHops(): number {
  // Every API request asks: the setting is parsed again only when it changed (tests change it).
  const raw = process.env.LUOHU_TRUST_PROXY;
  if (parsedHops && parsedHops.raw === raw) return parsedHops.hops;
  const v = raw?.trim();
  const n = Number(v === "true" ? 1 : v || 0);
  parsedHops = { raw, hops: Number.isInteger(n) && n > 0 && n <= 10 ? n : 0 };
  return parsedHops.hops;
}

export function behindTrustedProxy(): boolean {
  return trustedProxyHops() > 0;
}

function clean(ip: string): string {
  let s = ip.trim();
  // "[::1]:port" or "1.2.3.4:port" as some proxies write it
  const bracket = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracket) s = bracket[1];
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(s)) s = s.slice(0, s.lastIndexOf(":"));
  if (s.startsWith("::ffff:") && isIP(s.slice(7)) === 4) s = s.slice(7);
  return isIP(s) ? s : "";
}

/** Reads a header by its lower-case name: Web `Headers`, or the lean path's view of node's headers. */
export type HeaderReader = { get(name: string): string | null };

/** `hops`: the lean API path passes the setting it read at start, sparing an environment read per request. */
export function clientIpFromHeaders(h: HeaderReader, hops: number = trustedProxyHops()): string {
  const socket = (h.get(CLIENT_IP_HEADER) ?? "").slice(0, 64);
  if (hops > 0) {
    const entries = (h.get("x-forwarded-for") ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    if (entries.length >= hops) {
      const ip = clean(entries[entries.length - hops]);
      if (ip) return ip;
    }
  }
  return clean(socket) || socket.replace(/[^0-9A-Za-z.:_-]/g, "") || "unknown";
}
