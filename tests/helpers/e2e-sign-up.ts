import { expect, type Page } from "@playwright/test";
import { smsCode } from "./e2e-sms";

export type NewResident = { mobile: string; name: string; idNumber: string; password?: string };

/**
 * Registers a resident the way a person does: the mobile number, the SMS code read from the stub
 * gateway the e2e server runs, name, ID number and a password. Leaves the page where the portal
 * redirects after registering (`/register?next=…` pages pass their own start URL).
 */
export async function signUpResident(page: Page, r: NewResident, opts: { url?: string } = {}): Promise<void> {
  const password = r.password ?? "resident-pass-1";
  await page.goto(opts.url ?? "/register");
  await page.getByLabel("手机号码").fill(r.mobile);
  await page.getByRole("button", { name: "获取验证码" }).click();
  await page.getByLabel("短信验证码").fill(await smsCode(r.mobile));
  await page.getByLabel("真实姓名").fill(r.name);
  await page.getByLabel("居民身份证号码").fill(r.idNumber);
  await page.getByLabel("设置密码").fill(password);
  await page.getByLabel("再次输入密码").fill(password);
  await page.getByRole("button", { name: "注册并登录" }).click();
}

/** Registers and expects to land on the resident's home page. */
export async function signUpResidentToMy(page: Page, r: NewResident): Promise<void> {
  await signUpResident(page, r);
  await expect(page).toHaveURL(/\/my$/);
}
