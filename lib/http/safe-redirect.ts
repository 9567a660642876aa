/**
 * The one check for redirect targets taken from a request (login `next`, register `next`, …):
 * only a path on this site. Refused, falling back to `fallback`: anything not starting with a
 * single "/", protocol-relative "//host" and "/\\host" (browsers treat "\\" as "/"), their
 * percent-encoded forms (%2F, %5C, double-encoded), schemes ("javascript:", "https:"),
 * control characters and whitespace tricks, and anything that does not resolve to our own origin.
 */
const BASE = "http://same-origin.invalid";

export function safeRedirectPath(raw: unknown, fallback = "/after-login"): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2048) return fallback;
  // Decode a few times so "%252F%252F" and "%5C" are seen for what a browser or proxy may make of them.
  let probe = raw;
  for (let i = 0; i < 3; i += 1) {
    if (!isPlainPath(probe)) return fallback;
    let decoded: string;
    try {
      decoded = decodeURIComponent(probe);
    } catch {
      return fallback;
    }
    if (decoded === probe) break;
    probe = decoded;
  }
  if (!isPlainPath(probe)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

function isPlainPath(s: string): boolean {
  if (!s.startsWith("/")) return false;
  if (s.startsWith("//") || s.startsWith("/\\")) return false;
  if (s.includes("\\")) return false;
  if (/[\u0000-\u001f\u007f\s]/.test(s)) return false;
  // A scheme anywhere before the first slash-free segment, e.g. "/javascript:…" is a path, but be strict: no ":" in the first segment.
  const first = s.slice(1).split(/[/?#]/)[0];
  if (first.includes(":")) return false;
  return true;
}
