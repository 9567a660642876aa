import { test, expect, type Page } from "@playwright/test";

/**
 * Done means (issue 6): a city official sees every county; a county official only theirs, and
 * "not found" for another county's page or CSV by URL.
 */

async function signIn(page: Page, login: string) {
  await page.goto("/login");
  await page.getByLabel("手机号或用户名").fill(login);
  await page.getByLabel("密码").fill("luohu-demo");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/official/);
}

const COUNTY_NAMES = ["湖滨区", "陕州区", "渑池县", "卢氏县", "义马市", "灵宝市", "城乡一体化示范区", "经济开发区"];

test("a city official sees every county, with charts and the numbers in tables beside them", async ({ page }) => {
  await signIn(page, "official-city");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("三门峡市落户工作统计");
  const targets = page.getByTestId("table-targets");
  for (const name of COUNTY_NAMES) await expect(targets.getByRole("rowheader", { name, exact: true })).toBeVisible();
  await expect(targets.getByRole("rowheader", { name: "全市" })).toBeVisible();
  // Every chart is an image with a text alternative, and has its table.
  for (const key of ["transfers", "channels", "urbanization", "trend", "service", "refusals"]) {
    await expect(page.getByTestId(`chart-${key}`)).toHaveAttribute("role", "img");
    await expect(page.getByTestId(`table-${key}`).locator("table")).toBeVisible();
  }
  await expect(page.getByTestId("table-urbanization").getByRole("rowheader", { name: "湖滨区" })).toBeVisible();

  // A county's row opens that county, per station.
  await page.getByTestId("table-transfers").getByRole("link", { name: "陕州区" }).click();
  await expect(page).toHaveURL(/\/official\/county\/411203/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("陕州区落户工作统计");
  await expect(page.getByTestId("table-transfers").getByRole("rowheader", { name: /大营派出所/ })).toBeVisible();

  // CSV of a table: UTF-8 with BOM, Chinese header.
  const res = await page.request.get("/api/export/dashboard?table=targets&year=2025");
  expect(res.status()).toBe(200);
  const body = await res.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = body.subarray(3).toString("utf8");
  expect(text.split("\r\n")[0]).toContain("县（市、区）");
  for (const name of COUNTY_NAMES) expect(text).toContain(name);
});

test("a county official sees only their county; another county's page and CSV are not found", async ({ page }) => {
  await signIn(page, "official-hubin");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("湖滨区落户工作统计");
  const transfers = page.getByTestId("table-transfers");
  await expect(transfers.getByRole("rowheader", { name: /前进派出所/ })).toBeVisible();
  await expect(transfers.getByRole("rowheader", { name: /大营派出所/ })).toHaveCount(0);
  await expect(page.getByTestId("table-urbanization").getByRole("rowheader", { name: "陕州区" })).toHaveCount(0);

  // On a 360 px phone the page does not scroll sideways (wide tables scroll inside their box).
  await page.setViewportSize({ width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });

  const other = await page.goto("/official/county/411203");
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  await expect(page.getByText("陕州区落户工作统计")).toHaveCount(0);
  expect(other?.status()).toBe(404);

  const own = await page.request.get("/api/export/dashboard?table=service");
  expect(own.status()).toBe(200);
  expect((await own.text()).replace(/^\uFEFF/, "")).toContain("前进派出所");
  const csv = await page.request.get("/api/export/dashboard?table=service&county=411203");
  expect(csv.status()).toBe(404);
  expect(await csv.text()).not.toContain("大营派出所");
});
