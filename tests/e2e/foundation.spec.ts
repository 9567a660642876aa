import { test, expect } from "@playwright/test";
import { loginAs } from "../support/login";

const ACCOUNTS: Array<{ login: string; home: string; name: string }> = [
  { login: "13800000001", home: "/my", name: "张明" },
  { login: "clerk-hubin", home: "/clerk", name: "李卫东" },
  { login: "clerk-shanzhou", home: "/clerk", name: "周建国" },
  { login: "official-hubin", home: "/official", name: "王志刚" },
  { login: "official-city", home: "/official", name: "陈国强" },
  { login: "admin", home: "/admin", name: "系统管理员" },
  { login: "auditor", home: "/audit", name: "孙审计" },
];

test.describe("the portal shell and sign-in", () => {
  test("the home page speaks Chinese, names the service and the plan, and fits a phone", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    const res = await page.goto("/");
    expect(res?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("banner")).toContainText("三门峡市户口迁移（落户）网上办理");
    await expect(page.getByRole("contentinfo")).toContainText("三政办〔2019〕24号");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  for (const a of ACCOUNTS) {
    test(`${a.login} signs in and lands on their own home page`, async ({ page }) => {
      await loginAs(page, a.login, { home: false });
      await expect(page).toHaveURL(new RegExp(`${a.home}(\\?|$)`));
      await expect(page.getByTestId("signed-in-as")).toContainText(a.name);
      expect((await page.request.get(a.home)).status()).toBe(200);
    });
  }

  test("a wrong password is refused with a Chinese message and the login kept", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("手机号或用户名").fill("clerk-hubin");
    await page.getByLabel("密码").fill("not-the-password");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByText("账号或密码不正确")).toBeVisible();
    await expect(page.getByLabel("手机号或用户名")).toHaveValue("clerk-hubin");
  });

  test("signed out, a protected page sends you to sign in", async ({ page }) => {
    await page.goto("/clerk");
    await expect(page).toHaveURL(/\/login\?next=%2Fclerk/);
  });

  test("a resident gets 404 for the staff pages, a clerk for the admin pages", async ({ page }) => {
    await loginAs(page, "13800000001", { home: false });
    await expect(page).toHaveURL(/\/my/);
    for (const path of ["/clerk", "/official", "/admin", "/audit"]) {
      expect((await page.request.get(path)).status(), path).toBe(404);
    }
    await page.getByRole("button", { name: "退出" }).click();
    await expect(page.getByRole("link", { name: "登录" })).toBeVisible();
    await loginAs(page, "clerk-hubin", { home: false });
    await expect(page).toHaveURL(/\/clerk/);
    for (const path of ["/admin", "/audit", "/official", "/my"]) {
      expect((await page.request.get(path)).status(), path).toBe(404);
    }
  });

  test("sign-up validates in Chinese next to the field and keeps what was typed", async ({ page }) => {
    await page.goto("/register");
    await page.getByLabel("手机号码").fill("12345");
    await page.getByLabel("真实姓名").fill("钱七");
    await page.getByLabel("居民身份证号码").fill("411221199505052310");
    await page.getByLabel("设置密码").fill("short");
    await page.getByRole("button", { name: "注册并登录" }).click();
    await expect(page.locator("#mobile-error")).toHaveText("请输入11位中国大陆手机号码");
    await expect(page.locator("#idNumber-error")).toContainText("校验码不正确");
    await expect(page.getByLabel("真实姓名")).toHaveValue("钱七");
  });
});
