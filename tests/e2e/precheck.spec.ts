import { test, expect } from "@playwright/test";
import { testId } from "../helpers/ids";
import { precheckRenter } from "../support/filing-journey";

test("a renter finds the residence channel, its clause and the checklist, keyboard and phone friendly", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await precheckRenter(page, "李四", testId("411221", "19950505", "231"));
  const results = page.getByTestId("precheck-results");
  await expect(results).toBeVisible();
  const first = results.locator("article").first();
  await expect(first).toContainText("合法稳定住所");
  await expect(first).toContainText("二(二)");
  await expect(first.getByTestId("checklist")).toContainText("房屋租赁合同");
  await expect(first.getByTestId("checklist")).toContainText("居民身份证");
  // The page fits a 360 px phone: no horizontal scrolling.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // Start a filing: signing in is required, the answers travel along without the ID number.
  const start = first.getByRole("link", { name: "按此通道开始申请" });
  const href = await start.getAttribute("href");
  expect(href).toContain("/apply/new?precheck=");
  const carried = Buffer.from(decodeURIComponent(href!.split("precheck=")[1]), "base64url").toString("utf8");
  expect(carried).not.toContain(testId("411221", "19950505", "231"));
  expect(JSON.parse(carried).channel).toBe("residence");
});

test("a bad ID number gets a Chinese message next to the field and keeps the answers", async ({ page }) => {
  await page.goto("/precheck");
  await page.getByLabel("姓名").fill("王五");
  await page.getByLabel("居民身份证号码").fill("411221199505052310");
  await page.getByRole("button", { name: "查看预检结果" }).click();
  await expect(page.locator("#pc-id-error")).toContainText("校验码不正确");
  // The error summary takes focus and links to the field.
  await expect(page.getByTestId("error-summary")).toBeFocused();
  await page
    .getByTestId("error-summary")
    .getByRole("link", { name: /校验码不正确/ })
    .click();
  await expect(page.getByLabel("居民身份证号码")).toBeFocused();
  await expect(page.getByLabel("姓名")).toHaveValue("王五");
});

test("a pre-check on behalf of a parent: no name, no ID number, a birth date instead", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto("/precheck");
  await page.getByLabel("城镇户口").check();
  await page.getByLabel("县（市、区）").selectOption({ label: "湖滨区" });
  await page.getByLabel("您属于以下哪类人员？").selectOption({ label: "以上都不是" });
  await page.getByLabel("租赁住房").check();
  await page.getByLabel("暂未就业").check();
  // Without an ID number the birth date is asked for.
  await page.getByRole("button", { name: "查看预检结果" }).click();
  await expect(page.locator("#pc-birth-error")).toContainText("出生日期");
  await page.getByLabel("出生日期").fill("1958-04-12");
  await page.getByRole("button", { name: "查看预检结果" }).click();
  const results = page.getByTestId("precheck-results");
  await expect(results).toBeVisible();
  await expect(page.getByTestId("precheck-results-title")).toBeFocused();
  const first = results.locator("article").first();
  await expect(first).toHaveAttribute("data-outcome", "needs_documents");
  const href = await first.getByRole("link", { name: "按此通道开始申请" }).getAttribute("href");
  const carried = JSON.parse(Buffer.from(decodeURIComponent(href!.split("precheck=")[1]), "base64url").toString("utf8"));
  expect(carried.residence).toEqual({ tenure: "rented", legal: true });
  expect(carried.employment.employed).toBe(false);
  expect(JSON.stringify(carried)).not.toContain("1958-04-12");
});
