import { test, expect } from "@playwright/test";
import { loginAs } from "../support/login";

/** Done means (issue 6): an auditor verifies the hash chain of the audit trail. */

test("an auditor verifies the chain, filters the trail and exports it", async ({ page }) => {
  await loginAs(page, "auditor", { home: /\/audit$/ });

  await page.getByRole("button", { name: "校验审计链" }).click();
  const result = page.getByTestId("verify-result");
  await expect(result).toHaveAttribute("data-ok", "true");
  await expect(result).toContainText("审计链完整");

  // Their own sign-in is in the trail; filter by person and action.
  await page.getByLabel("操作人（用户名、手机号或姓名）").fill("auditor");
  await page.getByLabel(/^操作（/).fill("auth.sign_in");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/person=auditor/);
  const rows = page.getByTestId("audit-table").locator("tbody tr");
  await expect(rows.first()).toContainText("auth.sign_in");
  await expect(rows.first()).toContainText("孙审计");

  const csv = await page.request.get("/api/export/audit?person=auditor&action=auth.sign_in");
  expect(csv.status()).toBe(200);
  const body = await csv.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(body.subarray(3).toString("utf8")).toContain("auth.sign_in");

  // Read-only: the settings are not there for an auditor.
  await page.goto("/admin/population");
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
});
