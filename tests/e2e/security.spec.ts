import { test, expect, type BrowserContext } from "@playwright/test";
import { generate } from "otplib";
import { testId } from "../helpers/ids";
import { signUpResident } from "../helpers/e2e-sign-up";
import { loginAs } from "../support/login";

/**
 * Issue 12 (ASVS L2) from the outside: copied session cookies die on sign-out and on an admin's
 * password reset; temporary passwords are changed first; TOTP enrolment and sign-in; open
 * redirects refused; CSP with nonces and the other headers; cross-site API writes refused;
 * permit numbers alone disclose nothing; bad input never gives a 5xx.
 */

/** A fresh browser holding only a copy of `from`'s cookies. */
async function withCopiedCookies(ctx: BrowserContext, from: BrowserContext) {
  await ctx.addCookies(await from.cookies());
  return ctx;
}

test("a copied session cookie is refused after sign-out", async ({ page, browser, context }) => {
  await loginAs(page, "clerk-shanzhou", { home: false });
  await expect(page).toHaveURL(/\/clerk$/);
  expect((await context.cookies()).some((c) => c.name.includes("session-token"))).toBe(true);
  const copy = await withCopiedCookies(await browser.newContext(), context);
  const p2 = await copy.newPage();
  await p2.goto("/clerk");
  await expect(p2).toHaveURL(/\/clerk$/); // the copy works while the session lives

  await page.getByRole("button", { name: "退出" }).click();
  await expect(page).toHaveURL(/\/$/);
  await p2.goto("/clerk");
  await expect(p2).toHaveURL(/\/login\?next=%2Fclerk/);
  // the same through HTTP: the copied cookie gets no page of a signed-in person
  const res = await copy.request.get("/clerk", { maxRedirects: 0 });
  expect(res.status()).toBeGreaterThanOrEqual(300);
  expect(res.status()).toBeLessThan(400);
  await copy.close();
});

test("an admin's reset ends the account's sessions; the temporary password is changed first; staff enrol TOTP and sign in with it", async ({
  page,
  browser,
}) => {
  // The admin creates an auditor account (a temporary password, shown once).
  await loginAs(page, "admin", { home: false });
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto("/admin/staff");
  const username = `sec-aud-${Date.now() % 100000}`;
  await page.getByLabel("用户名（登录用）").fill(username);
  await page.getByLabel("姓名", { exact: true }).fill("安全审计");
  await page.locator("#s-role").selectOption("auditor");
  await page.getByRole("button", { name: "创建账号" }).click();
  const temp = (await page.getByTestId("temporary-password").textContent())!.trim();

  // The new account signs in and must change the temporary password before anything else.
  const staffCtx = await browser.newContext();
  const staff = await staffCtx.newPage();
  await loginAs(staff, username, { password: temp, home: false });
  await expect(staff).toHaveURL(/\/account\/password$/);
  await staff.goto("/audit");
  await expect(staff).toHaveURL(/\/account\/password$/);
  await staff.getByLabel("当前密码").fill(temp);
  await staff.getByLabel("新密码", { exact: true }).fill("password12345");
  await staff.getByLabel("再次输入新密码").fill("password12345");
  await staff.getByRole("button", { name: "修改密码" }).click();
  await expect(staff.getByText(/太常见/)).toBeVisible();
  const newPassword = "Harbor-Lantern-7391";
  await staff.getByLabel("当前密码").fill(temp);
  await staff.getByLabel("新密码", { exact: true }).fill(newPassword);
  await staff.getByLabel("再次输入新密码").fill(newPassword);
  await staff.getByRole("button", { name: "修改密码" }).click();
  await expect(staff).toHaveURL(/\/login\?changed=1/);
  await loginAs(staff, username, { password: newPassword, home: false });
  await expect(staff).toHaveURL(/\/audit$/);
  await expect(staff.getByTestId("two-factor-hint")).toContainText("两步验证");

  // A copy of this session, then the admin resets the password: the copy is refused.
  const copy = await withCopiedCookies(await browser.newContext(), staffCtx);
  const cp = await copy.newPage();
  await cp.goto("/audit");
  await expect(cp).toHaveURL(/\/audit$/);
  await page.goto("/admin/staff");
  await page
    .getByRole("link", { name: new RegExp(username) })
    .first()
    .click();
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "重置密码" }).click();
  const temp2 = (await page.getByRole("status").locator("strong").textContent())!.trim();
  await cp.goto("/audit");
  await expect(cp).toHaveURL(/\/login/);
  await staff.goto("/audit");
  await expect(staff).toHaveURL(/\/login/);
  await copy.close();

  // Sign in with the second temporary password, change it, enrol TOTP.
  await loginAs(staff, username, { password: temp2, home: false });
  await expect(staff).toHaveURL(/\/account\/password$/);
  const finalPassword = "Quiet-Orchard-5820";
  await staff.getByLabel("当前密码").fill(temp2);
  await staff.getByLabel("新密码", { exact: true }).fill(finalPassword);
  await staff.getByLabel("再次输入新密码").fill(finalPassword);
  await staff.getByRole("button", { name: "修改密码" }).click();
  await expect(staff).toHaveURL(/\/login\?changed=1/);
  await loginAs(staff, username, { password: finalPassword, home: false });
  await expect(staff).toHaveURL(/\/audit$/);
  await staff.getByRole("link", { name: "账户安全" }).click();
  await staff.getByRole("link", { name: /两步验证（身份验证器）/ }).click();
  await expect(staff.getByRole("img", { name: /二维码/ })).toBeVisible();
  const secret = (await staff.getByTestId("totp-secret").textContent())!.trim();
  await staff.getByLabel("6位验证码").fill(await generate({ secret }));
  await staff.getByRole("button", { name: "启用两步验证" }).click();
  await expect(staff.getByTestId("recovery-codes").locator("li")).toHaveCount(10);

  // Sign out; signing in now asks for the code (the next time step: the enrolment code was used).
  await staff.getByRole("button", { name: "退出" }).click();
  await expect(staff.getByRole("banner").getByRole("link", { name: "登录", exact: true })).toBeVisible();
  await loginAs(staff, username, { password: finalPassword, home: false });
  await staff.getByLabel("验证码或恢复码").fill("000000");
  await staff.getByRole("button", { name: "验证并登录" }).click();
  await expect(staff.getByText(/验证码不正确或已使用过/)).toBeVisible();
  await staff.getByLabel("验证码或恢复码").fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
  await staff.getByRole("button", { name: "验证并登录" }).click();
  await expect(staff).toHaveURL(/\/audit$/);
  // the session list shows this browser
  await staff.goto("/account");
  await expect(staff.getByTestId("session-row").filter({ hasText: "本设备" })).toHaveCount(1);

  // The phone is lost: the admin resets the second factor; the session ends, and the next sign-in
  // asks for the password only (the staff member then enrols again).
  await page.goto("/admin/staff");
  await page
    .getByRole("link", { name: new RegExp(username) })
    .first()
    .click();
  await expect(page.getByText("两步验证：已启用")).toBeVisible();
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "重置两步验证" }).click();
  await expect(page.getByText(/两步验证已重置/)).toBeVisible();
  await expect(page.getByText("两步验证：未启用")).toBeVisible();
  await staff.goto("/audit");
  await expect(staff).toHaveURL(/\/login/);
  await loginAs(staff, username, { password: finalPassword, home: false });
  await expect(staff).toHaveURL(/\/audit$/);
  await staffCtx.close();
});

test("redirect targets: /register?next=/%5Cevil.invalid/ and /login?next=//evil.invalid stay on the portal", async ({ page }) => {
  const mobile = `139${String(Date.now()).slice(-8)}`;
  await signUpResident(
    page,
    { mobile, name: "韩梅梅", idNumber: testId("411202", "19950505", String(Date.now() % 1000).padStart(3, "0")), password: "Maple-Harbor-2291" },
    { url: "/register?next=/%5Cevil.invalid/" },
  );
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/my$/);
  await page.getByRole("button", { name: "退出" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "登录", exact: true })).toBeVisible();

  await page.goto("/login?next=//evil.invalid/x");
  await page.getByLabel("手机号或用户名").fill("13800000001");
  await page.getByLabel("密码", { exact: true }).fill("luohu-demo");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/my$/);
});

test("headers: CSP with a nonce and no framing, Permissions-Policy, COOP, nosniff; pages still run their scripts", async ({ page, request }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  const res = await request.get("/login");
  const h = res.headers();
  const csp = h["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(h["permissions-policy"]).toContain("camera=()");
  expect(h["cross-origin-opener-policy"]).toBe("same-origin");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBeTruthy();
  expect(h["strict-transport-security"]).toBeUndefined(); // plain http here; HSTS only over TLS
  const again = (await request.get("/login")).headers()["content-security-policy"];
  expect(again).not.toBe(csp); // a fresh nonce per response
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  expect(await res.text()).toContain(`nonce="${nonce}"`);
  // a page with client components works under the policy
  await loginAs(page, "official-city", { home: false });
  await expect(page).toHaveURL(/\/official$/);
  expect(violations).toEqual([]);
});

test("cross-site writes to /api are refused; bad input never answers 5xx", async ({ request }) => {
  const evil = await request.post("/api/files", {
    headers: { origin: "https://evil.invalid", "sec-fetch-site": "cross-site" },
    multipart: { applicationId: "x" },
  });
  expect(evil.status()).toBe(403);
  const deep = await request.post("/api/v1/eligibility", {
    headers: { "content-type": "application/json" },
    data: `{"documents":${"[".repeat(5000)}${"]".repeat(5000)}}`,
  });
  expect(deep.status()).toBe(400);
  // NUL in the sign-in name through next-auth's own endpoint
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const nul = await request.post("/api/auth/callback/credentials", { form: { csrfToken, login: "adm\u0000in", password: "x" }, maxRedirects: 0 });
  expect(nul.status()).toBeLessThan(500);
});

test("a permit number alone discloses nothing", async ({ page }) => {
  await page.goto("/verify/ZQ-2026-000001");
  await expect(page.getByTestId("verify-result")).toHaveAttribute("data-state", "unknown");
  await expect(page.getByTestId("verify-persons")).toHaveCount(0);
  await page.goto("/verify");
  await expect(page.getByLabel("核验码")).toBeVisible();
});
