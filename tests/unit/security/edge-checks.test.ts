import { afterEach, describe, expect, it } from "vitest";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { baseSecurityHeaders, contentSecurityPolicy, crossSiteRefusal, servedOverTls } from "@/lib/http/security-headers";
import { inputProblem, jsonNestedDeeperThan, jsonTextDepth, plainText } from "@/lib/schemas/text";
import { decodeJsonBody, readBodyBytes } from "@/lib/http/json-api";
import { publicBaseUrl, publicBaseUrlProblem } from "@/lib/permits/public-base-url";
import { passwordProblem } from "@/lib/auth/password-strength";

const saved = { ...process.env };
afterEach(() => {
  for (const k of ["LUOHU_TRUST_PROXY", "PUBLIC_BASE_URL"]) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

describe("client address (point 3)", () => {
  const h = (xff: string | null, socket = "10.0.0.9") => new Headers({ "x-luohu-client-ip": socket, ...(xff ? { "x-forwarded-for": xff } : {}) });

  it("without a trusted proxy, X-Forwarded-For is ignored", () => {
    delete process.env.LUOHU_TRUST_PROXY;
    expect(clientIpFromHeaders(h("1.2.3.4"))).toBe("10.0.0.9");
  });

  it("with LUOHU_TRUST_PROXY=1 the RIGHTMOST entry (written by our proxy) is the client, whatever the client prepended", () => {
    process.env.LUOHU_TRUST_PROXY = "1";
    expect(clientIpFromHeaders(h("6.6.6.6, 203.0.113.7"))).toBe("203.0.113.7");
    expect(clientIpFromHeaders(h("203.0.113.7"))).toBe("203.0.113.7");
    // rotating the invented part changes nothing
    expect(clientIpFromHeaders(h("1.1.1.1, 2.2.2.2, 203.0.113.7"))).toBe("203.0.113.7");
  });

  it("with two hops, the second from the right; too few entries or garbage → the socket address", () => {
    process.env.LUOHU_TRUST_PROXY = "2";
    expect(clientIpFromHeaders(h("6.6.6.6, 198.51.100.4, 10.1.1.1"))).toBe("198.51.100.4");
    expect(clientIpFromHeaders(h("10.1.1.1"))).toBe("10.0.0.9");
    process.env.LUOHU_TRUST_PROXY = "1";
    expect(clientIpFromHeaders(h("<script>"))).toBe("10.0.0.9");
    expect(clientIpFromHeaders(h("[2001:db8::1]:4711"))).toBe("2001:db8::1");
  });
});

describe("redirect targets (point 4)", () => {
  it.each([
    "/\\evil.invalid/",
    "/%5Cevil.invalid/",
    "/%5cevil.invalid/",
    "//evil.invalid",
    "/%2F/evil.invalid",
    "/%2f%2fevil.invalid",
    "%2F%2Fevil.invalid",
    "/%252F%252Fevil.invalid",
    "https://evil.invalid",
    "javascript:alert(1)",
    "/javascript:alert(1)",
    "\\\\evil.invalid",
    "/\t/evil.invalid",
    " //evil.invalid",
    "/%09/evil.invalid",
    "evil.invalid",
    "",
  ])("refuses %j", (v) => {
    expect(safeRedirectPath(v)).toBe("/after-login");
  });

  it("keeps same-site paths with their query", () => {
    expect(safeRedirectPath("/apply/abc?step=2")).toBe("/apply/abc?step=2");
    expect(safeRedirectPath("/clerk")).toBe("/clerk");
    expect(safeRedirectPath(["/my"])).toBe("/after-login");
    expect(safeRedirectPath(undefined, "/my")).toBe("/my");
  });
});

describe("public base URL (point 6)", () => {
  it("is required in production and must be a plain http(s) address", () => {
    expect(publicBaseUrlProblem(undefined, true)).toMatch(/PUBLIC_BASE_URL is required/);
    expect(publicBaseUrlProblem(undefined, false)).toBeNull();
    expect(publicBaseUrlProblem("ftp://x", true)).toMatch(/http/);
    expect(publicBaseUrlProblem("https://luohu.smx.gov.cn", true)).toBeNull();
  });

  it("X-Forwarded-Host is used only behind a trusted proxy", () => {
    delete process.env.PUBLIC_BASE_URL;
    delete process.env.LUOHU_TRUST_PROXY;
    const hdrs = new Headers({ host: "portal.local", "x-forwarded-host": "evil.invalid" });
    expect(publicBaseUrl(hdrs)).toBe("http://portal.local");
    process.env.LUOHU_TRUST_PROXY = "1";
    expect(publicBaseUrl(hdrs)).toBe("http://evil.invalid");
    process.env.PUBLIC_BASE_URL = "https://luohu.smx.gov.cn";
    expect(publicBaseUrl(hdrs)).toBe("https://luohu.smx.gov.cn");
  });
});

describe("bad input is a validation error (point 8)", () => {
  it("counts JSON depth without parsing, ignoring brackets in strings", () => {
    expect(jsonTextDepth('{"a":[1,{"b":"[[[["}]}')).toBe(3);
    expect(jsonTextDepth("[".repeat(5000) + "]".repeat(5000), 32)).toBeGreaterThan(32);
    // Many brackets side by side are not depth; brackets inside strings are not nesting.
    expect(jsonNestedDeeperThan(JSON.stringify(Array.from({ length: 100 }, () => ({ a: [1] }))), 32)).toBe(false);
    expect(jsonNestedDeeperThan(JSON.stringify({ s: "[".repeat(100) }), 32)).toBe(false);
    expect(jsonNestedDeeperThan("[".repeat(33) + "]".repeat(33), 32)).toBe(true);
    expect(jsonNestedDeeperThan("[".repeat(32) + "]".repeat(32), 32)).toBe(false);
  });

  it("a JSON body of 5,000 levels of nesting is refused with a 400-type error", async () => {
    const body = `{"documents":${"[".repeat(5000)}${"]".repeat(5000)}}`;
    const req = new Request("http://x/api", { method: "POST", body, headers: { "content-type": "application/json" } });
    const bytes = await readBodyBytes(req, 64 * 1024);
    expect(() => decodeJsonBody(req.headers, bytes, 64 * 1024)).toThrow(expect.objectContaining({ code: "validation_failed" }) as never);
  });

  it("inputProblem finds control characters and deep nesting without recursion", () => {
    expect(inputProblem({ a: "ok\nline" })).toBeNull();
    expect(inputProblem({ login: "adm\u0000in" })).toMatchObject({ path: "login" });
    expect(inputProblem({ a: [{ b: "\u001b[31m" }] })).toMatchObject({ path: "a.0.b" });
    let deep: unknown = "x";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(inputProblem(deep)?.message).toMatch(/嵌套/);
  });

  it("plainText refuses NUL and other controls, trims, caps", () => {
    const s = plainText({ required: "必填", max: 5 });
    expect(s.safeParse("a\u0000b").success).toBe(false);
    expect(s.safeParse("a\u202eb").success).toBe(true);
    expect(s.safeParse("  ab ").data).toBe("ab");
    expect(s.safeParse("abcdef").success).toBe(false);
    expect(s.safeParse("   ").success).toBe(false);
  });
});

describe("headers and cross-site requests (point 9)", () => {
  it("CSP with the nonce, no inline scripts, no framing", () => {
    const csp = contentSecurityPolicy("abc123", { tls: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(contentSecurityPolicy("n", { tls: true })).toContain("upgrade-insecure-requests");
  });

  it("HSTS only over TLS; X-Forwarded-Proto only from a trusted proxy", () => {
    delete process.env.LUOHU_TRUST_PROXY;
    const h = new Headers({ "x-forwarded-proto": "https" });
    expect(servedOverTls(new URL("http://x/"), h)).toBe(false);
    expect(servedOverTls(new URL("https://x/"), new Headers())).toBe(true);
    process.env.LUOHU_TRUST_PROXY = "1";
    expect(servedOverTls(new URL("http://x/"), h)).toBe(true);
    expect(baseSecurityHeaders(true)["Strict-Transport-Security"]).toMatch(/max-age=\d{7,}/);
    expect(baseSecurityHeaders(false)["Strict-Transport-Security"]).toBeUndefined();
    expect(baseSecurityHeaders(false)).toMatchObject({ "X-Content-Type-Options": "nosniff", "Cross-Origin-Opener-Policy": "same-origin" });
    expect(baseSecurityHeaders(false)["Permissions-Policy"]).toContain("camera=()");
  });

  it("state-changing /api/* from another site is refused; same-origin, non-browser and the public API pass", () => {
    const u = new URL("http://portal.local/api/files");
    const host = { host: "portal.local" };
    expect(crossSiteRefusal("POST", u, new Headers({ ...host, "sec-fetch-site": "cross-site" }))).not.toBeNull();
    expect(crossSiteRefusal("POST", u, new Headers({ ...host, origin: "http://evil.invalid" }))).not.toBeNull();
    expect(crossSiteRefusal("DELETE", u, new Headers({ ...host, "sec-fetch-site": "same-site" }))).not.toBeNull();
    expect(crossSiteRefusal("POST", u, new Headers({ ...host, origin: "http://portal.local", "sec-fetch-site": "same-origin" }))).toBeNull();
    expect(crossSiteRefusal("POST", u, new Headers(host))).toBeNull();
    expect(crossSiteRefusal("GET", u, new Headers({ ...host, "sec-fetch-site": "cross-site" }))).toBeNull();
    expect(crossSiteRefusal("POST", new URL("http://portal.local/api/v1/eligibility"), new Headers({ ...host, "sec-fetch-site": "cross-site" }))).toBeNull();
  });
});

describe("password strength (point 9)", () => {
  it("refuses common, breached-style and personal passwords; staff need 12 characters", () => {
    for (const p of ["12345678", "password", "woaini1314", "zhangwei1990", "qwertyuiop"]) expect(passwordProblem(p, "resident")).not.toBeNull();
    expect(passwordProblem("Zhangming13800000001", "resident", ["张明", "zhangming", "13800000001"])).not.toBeNull();
    expect(passwordProblem("kq8#Zm2pLw", "resident")).toBeNull();
    expect(passwordProblem("kq8#Zm2pLw", "clerk")).toMatch(/12/);
    expect(passwordProblem("kq8#Zm2pLw9x-Tf", "clerk")).toBeNull();
  });
});
