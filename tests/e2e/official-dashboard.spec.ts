import { test, expect } from "@playwright/test";
import { loginAs } from "../support/login";

/**
 * Done means (issue 6): a city official sees every county; a county official only theirs, and
 * "not found" for another county's page or CSV by URL.
 */

const COUNTY_NAMES = ["湖滨区", "陕州区", "渑池县", "卢氏县", "义马市", "灵宝市", "城乡一体化示范区", "经济开发区"];

test("a city official sees every county, with charts and the numbers in tables beside them", async ({ page }) => {
  await loginAs(page, "official-city", { home: /\/official/ });
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
  await page.getByTestId("table-transfers").getByRole("link", { name: "陕州区", exact: true }).click();
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
  await loginAs(page, "official-hubin", { home: /\/official/ });
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

test("a city official drills down from an overdue count to the filings and into one county's station performance", async ({ page }) => {
  await loginAs(page, "official-city", { home: /\/official/ });
  // 需要关注 is open, the year list ends at this year, the page uses the width.
  await expect(page.getByTestId("behind").getByRole("list")).toBeVisible();
  const thisYear = Number(await page.locator("#f-year option").first().getAttribute("value"));
  expect(await page.locator(`#f-year option[value="${thisYear + 1}"]`).count()).toBe(0);
  await expect(page.getByTestId("transfer-definition")).toContainText("农业转移人口");

  // Chart labels are at least 12 px as drawn, with axis titles.
  const smallest = await page.evaluate(() => {
    let min = Infinity;
    for (const svg of Array.from(document.querySelectorAll<SVGSVGElement>("svg[data-testid^='chart-']"))) {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      for (const t of Array.from(svg.querySelectorAll("text"))) min = Math.min(min, parseFloat(getComputedStyle(t).fontSize) * scale);
    }
    return min;
  });
  expect(smallest).toBeGreaterThanOrEqual(12);
  await expect(page.getByTestId("chart-service").locator("[data-axis='value']")).toHaveText("工作日");

  // The overdue count of 湖滨区 leads to exactly those filings.
  const service = page.getByTestId("table-service");
  const hubinRow = service.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "湖滨区", exact: true }) });
  const overdue = hubinRow.getByRole("link", { name: /当前超期在办/ });
  const n = Number((await overdue.textContent())!.replace(/[^\d]/g, ""));
  expect(n).toBeGreaterThan(0);
  await overdue.click();
  await expect(page).toHaveURL(/\/official\/filings\?kind=overdue&county=411202/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("湖滨区：当前超期在办");
  await expect(page.getByTestId("filings-total")).toContainText(`共 ${n.toLocaleString("zh-CN")} 件`);
  await expect(page.getByTestId("official-filings").locator("tbody tr")).toHaveCount(Math.min(n, 50));

  // Into the county, then one station's performance per clerk.
  await page.getByRole("link", { name: "← 返回统计" }).click();
  await expect(page).toHaveURL(/\/official\/county\/411202/);
  await page
    .getByTestId("table-service")
    .getByRole("link", { name: /前进派出所/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/official\/station\//);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("前进派出所办理情况");
  await expect(page.getByRole("heading", { name: "各民警办理情况" })).toBeVisible();
  const clerks = page.getByTestId("table-service").nth(1);
  await expect(clerks.getByRole("columnheader", { name: "提交至决定 90%分位" })).toBeVisible();
  await expect(clerks.locator("tbody tr").first()).toBeVisible();

  // The 2020 summary evaluation prints per county and for the city.
  await page.goto("/official/summary");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("三门峡市非户籍人口在城市落户情况总结评估（2016—2020年）");
  await expect(page.getByTestId("evaluation")).toContainText("年均转户");
  await page.getByRole("link", { name: "卢氏县" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("卢氏县");
});

test("an admin records a plan's targets; a breakdown below the plan needs a reason", async ({ page }) => {
  await loginAs(page, "admin", { home: /\/admin/ });
  await page.goto("/admin/targets?year=2020");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("落户工作方案与转户目标");
  await expect(page.getByRole("cell", { name: "三政办〔2019〕24号" })).toBeVisible();

  const form = page.getByRole("form", { name: "2020年转户目标分解" });
  const shares = {
    湖滨区: "9000",
    陕州区: "6000",
    渑池县: "5000",
    卢氏县: "3500",
    义马市: "3000",
    灵宝市: "9500",
    城乡一体化示范区: "4000",
    经济开发区: "3000",
  };
  for (const [name, v] of Object.entries(shares)) await form.getByLabel(`${name}（人）`).fill(v);
  await expect(form.getByText("合计 43,000 人")).toBeVisible();
  await form.getByRole("button", { name: "保存2020年分解目标" }).click();
  await expect(form.getByRole("alert").first()).toContainText("低于方案");
  await form.getByLabel("低于方案目标的理由（必填，至少10个字）").fill("湖滨区城区已基本完成转户，余量由灵宝市承担");
  await form.getByRole("button", { name: "保存2020年分解目标" }).click();
  await expect(form.getByRole("status")).toContainText("理由已记入审计日志");

  // A later plan is recorded as data.
  const plan = page.getByRole("form", { name: "录入落户工作方案" });
  await plan.getByLabel("文号").fill("三政办〔2021〕9号");
  await plan.getByLabel("方案名称").fill("“十四五”农业转移人口市民化实施方案");
  await plan.getByLabel("起始年份").fill("2021");
  await plan.getByLabel("截止年份").fill("2025");
  await plan.getByLabel("基期年份").fill("2020");
  await plan.getByLabel("年均转户（人）").fill("30000");
  await plan.getByLabel("户籍人口城镇化率年均提高（百分点）").fill("1.5");
  await plan.getByRole("button", { name: "保存方案" }).click();
  await expect(plan.getByRole("status")).toContainText("三政办〔2021〕9号");
  await expect(page.getByRole("cell", { name: "三政办〔2021〕9号" })).toBeVisible();
});
