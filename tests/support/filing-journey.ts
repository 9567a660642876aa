import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { signUpResidentToMy } from "../helpers/e2e-sign-up";

/** The sample uploads of the browser journeys. */
export const FIXTURES = path.resolve(__dirname, "../fixtures");
export const PNG = path.join(FIXTURES, "document.png");
export const PDF = path.join(FIXTURES, "document.pdf");

/** Uploads a file into every line of the document checklist not yet met (an image for ID cards, a PDF otherwise), and waits for each to be met. */
export async function uploadEverything(page: Page): Promise<void> {
  const slots = page.locator('[data-testid^="slot-"]');
  const n = await slots.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    const slot = slots.nth(i);
    if ((await slot.getAttribute("data-satisfied")) === "true") continue;
    const kind = (await slot.getAttribute("data-testid")) ?? "";
    await slot.locator('input[type="file"]').setInputFiles(kind.endsWith("id_card") ? PNG : PDF);
    await expect(slot).toHaveAttribute("data-satisfied", "true");
  }
}

/** Registers a resident on /register (with the SMS code when the test reads it) and lands on /my. */
/** Registers a resident (with the SMS code from the stub gateway) and lands on /my. */
export async function signUp(page: Page, me: { mobile: string; name: string; id: string }): Promise<void> {
  await signUpResidentToMy(page, { mobile: me.mobile, name: me.name, idNumber: me.id });
}

/** From /apply: picks a channel (and its subtype) and opens the first step of a new filing. */
export async function startFiling(page: Page, channel: RegExp, subtype?: string): Promise<void> {
  await page.goto("/apply");
  await page.getByRole("link", { name: "选择落户通道并开始" }).click();
  await page.getByRole("radio", { name: channel }).check();
  if (subtype) await page.getByRole("radio", { name: new RegExp(`^${subtype}`) }).check();
  await page.getByRole("button", { name: "开始填写" }).click();
}

/** The pre-check of a rural renter in 湖滨区 without a job, sent. */
export async function precheckRenter(page: Page, name: string, idNumber: string): Promise<void> {
  await page.goto("/precheck");
  await page.getByLabel("姓名").fill(name);
  await page.getByLabel("居民身份证号码").fill(idNumber);
  await page.getByLabel("农业户口（农村）").check();
  await page.getByLabel("县（市、区）").selectOption({ label: "湖滨区" });
  await page.getByLabel("您属于以下哪类人员？").selectOption({ label: "以上都不是" });
  await page.getByLabel("租赁住房").check();
  await page.getByLabel("暂未就业").check();
  await page.getByRole("button", { name: "查看预检结果" }).click();
}
