import { behindTrustedProxy } from "@/lib/http/client-ip";

/**
 * The absolute base URL printed on a permit and in its QR code.
 * - PUBLIC_BASE_URL when set — and it must be set in production (with DATABASE_URL):
 *   scripts/start.ts refuses to start without it.
 * - Otherwise (the embedded demo): the request's Host; X-Forwarded-Host/-Proto only behind a
 *   trusted proxy (LUOHU_TRUST_PROXY), since any client can send them.
 */
export function publicBaseUrl(headers?: Headers): string {
  const configured = process.env.PUBLIC_BASE_URL?.trim();
  if (configured && !publicBaseUrlProblem(configured, true)) return configured.replace(/\/+$/, "");
  const trusted = behindTrustedProxy();
  const fwdHost = trusted ? headers?.get("x-forwarded-host")?.split(",")[0].trim() : undefined;
  const host = fwdHost || headers?.get("host");
  if (!host || !/^[A-Za-z0-9.\-:[\]]+$/.test(host)) return "http://localhost:3000";
  const fwdProto = trusted ? headers?.get("x-forwarded-proto")?.split(",")[0].trim() : undefined;
  return `${fwdProto === "https" ? "https" : "http"}://${host}`;
}

/** Why PUBLIC_BASE_URL cannot be used (one line), or null. `required`: production with DATABASE_URL. */
export function publicBaseUrlProblem(value: string | undefined, required: boolean): string | null {
  const v = value?.trim();
  if (!v) {
    return required
      ? "PUBLIC_BASE_URL is required in production with DATABASE_URL (生产环境请设置 PUBLIC_BASE_URL，例如 https://luohu.smx.gov.cn — 准迁证二维码和链接只用这个地址)."
      : null;
  }
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return `PUBLIC_BASE_URL is not a URL: ${v.slice(0, 80)} (应为 https://域名).`;
  }
  if (!["http:", "https:"].includes(url.protocol) || url.username || url.password || url.search || url.hash) {
    return `PUBLIC_BASE_URL must be a plain http(s) address such as https://luohu.smx.gov.cn (got ${v.slice(0, 80)}).`;
  }
  return null;
}

/** The verification link in a permit's QR code: number AND verification code (the number alone discloses nothing). */
export function verifyUrl(baseUrl: string, permitNumber: string, verifyCode?: string): string {
  const base = `${baseUrl}/verify/${encodeURIComponent(permitNumber)}`;
  return verifyCode ? `${base}?code=${encodeURIComponent(verifyCode)}` : base;
}
