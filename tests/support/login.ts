import { expect, type Browser, type Page } from "@playwright/test";

/** The password of every demo account (lib/seed/demo-data.ts). */
export const DEMO_PASSWORD = "luohu-demo";

type LoginOptions = {
  /** Defaults to the demo password. */
  password?: string;
  /** Where the sign-in must land (a URL pattern); by default anywhere but /login; `false`: do not wait (a refusal, a second factor). */
  home?: RegExp | false;
};

/** Signs `page` in through the sign-in form, as a person would, and waits until it has landed. */
export async function loginAs(page: Page, login: string, opts: LoginOptions = {}): Promise<Page> {
  await page.goto("/login");
  await page.getByLabel("手机号或用户名").fill(login);
  await page.getByLabel("密码", { exact: true }).fill(opts.password ?? DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  if (opts.home === false) return page;
  if (opts.home) await expect(page).toHaveURL(opts.home);
  else await expect(page).not.toHaveURL(/\/login/);
  return page;
}

/** A page in a browser context of its own (its own cookies), signed in: for a second person in one test. */
export async function pageAs(browser: Browser, login: string, opts: LoginOptions = {}): Promise<Page> {
  return loginAs(await (await browser.newContext()).newPage(), login, opts);
}
