import { test, expect } from "@playwright/test";
import { loginAs } from "../support/login";

/**
 * Done means (issue 6): an admin enters statistics and the rates change; an admin's attempt to
 * publish a rule set requiring a property certificate of renters is refused with 二(二).
 */

test("an admin enters population statistics and the urbanization rates change", async ({ page }) => {
  await loginAs(page, "admin", { home: /\/admin$/ });
  await page.getByRole("link", { name: /人口统计数据/ }).click();
  await page.getByRole("link", { name: "2025年" }).click();
  const rate = page.getByTestId("registered-rate-411202");
  const before = await rate.textContent();
  await page
    .getByTestId("population-table")
    .getByRole("link", { name: /湖滨区/ })
    .click();
  await expect(page.getByLabel("县（市、区）", { exact: true })).toHaveValue("411202");
  await page.getByLabel("户籍总人口（人）", { exact: true }).fill("200000");
  await page.getByLabel("城镇户籍人口（人）", { exact: true }).fill("90000");
  await page.getByLabel("常住人口（人）", { exact: true }).fill("210000");
  await page.getByLabel("城镇常住人口（人）", { exact: true }).fill("126000");
  await page.getByRole("button", { name: "保存统计数据" }).click();
  await expect(page.getByRole("status")).toContainText("已保存");
  await expect(rate).toHaveText("45.00%");
  expect(before).not.toBe("45.00%");
  await expect(page.getByTestId("resident-rate-411202")).toHaveText("60.00%");

  // An impossible figure is refused next to its field, and what was typed stays.
  await page.getByLabel("城镇户籍人口（人）", { exact: true }).fill("250000");
  await page.getByRole("button", { name: "保存统计数据" }).click();
  await expect(page.getByText("城镇户籍人口不能多于户籍总人口")).toBeVisible();
  await expect(page.getByLabel("城镇常住人口（人）", { exact: true })).toHaveValue("126000");
});

test("publishing a rule set that requires a property certificate of renters is refused with 二(二)", async ({ page }) => {
  await loginAs(page, "admin", { home: /\/admin$/ });
  await page.goto("/admin/rules");
  await page
    .getByRole("link", { name: /基于此版本修改/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("修改规则集");
  const slot = page.locator('details[data-slot="residence.rented"]');
  await slot.locator("summary").click();
  await slot.getByLabel("第1种材料").selectOption({ label: "不动产权证书" });
  // Remove the alternatives (the rental contract, the employer housing certificate).
  await slot.getByLabel("或第2种材料").selectOption({ label: "（不选）" });
  await slot.getByLabel("或第2种材料").selectOption({ label: "（不选）" });
  await expect(slot.locator("summary")).toContainText("租赁住房：不动产权证书");
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "保存并发布" }).click();
  const alert = page.getByRole("alert").first();
  await expect(alert).toContainText("二(二)");
  await expect(alert).toContainText("规则集不能发布");
  await expect(slot).toHaveAttribute("open", "");
  await expect(slot.getByRole("alert")).toContainText("二(二)");

  // Nothing was published: the default version is still in force.
  await page.goto("/admin/rules");
  await expect(page.getByTestId("rulesets-table").getByRole("row")).toHaveCount(2);
  await expect(page.getByTestId("rulesets-table")).toContainText("现行");
});
