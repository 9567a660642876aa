import { test, expect, type Browser, type Page } from "@playwright/test";
import { testId } from "../helpers/ids";
import { pageAs } from "../support/login";
import { PDF, signUp, startFiling, uploadEverything } from "../support/filing-journey";

/**
 * Done means (issue 11): a family of four (applicant, spouse, child of 8, parent) files a
 * rental-residence application uploading one booklet once and no ID card for the child; a
 * graduate with no home and no job is registered into a collective household named on the
 * permit; a rural student registers at origin without a move-out.
 */

const stamp = String(Date.now()).slice(-6);

async function applicantAndDestination(page: Page, address: string) {
  await page.getByLabel("农业户口（农村）").check();
  await page.getByLabel("户籍地址（户口簿上的住址）").fill("湖滨区磁钟乡某村3组");
  await page.getByRole("button", { name: "保存并继续" }).click();
  await page.getByLabel("落户地县（市、区）").selectOption({ label: "湖滨区" });
  await page.getByLabel(/落户详细地址|落户住所地址/).fill(address);
  const station = page.getByLabel("受理派出所");
  await station.selectOption((await station.locator("option", { hasText: "前进派出所" }).first().getAttribute("value"))!);
  await page.getByRole("button", { name: "保存并继续" }).click();
}

async function uploadRest(page: Page) {
  await expect(page.getByRole("heading", { name: "上传材料" })).toBeVisible();
  await expect(page.locator('[data-testid^="slot-"]').first()).toBeVisible();
  await uploadEverything(page);
  await expect(page.getByTestId("missing-count")).toContainText("材料已齐全");
}

async function submit(page: Page): Promise<string> {
  await page.getByRole("link", { name: "继续：核对并提交" }).click();
  await page.getByLabel(/真实、准确、完整/).check();
  await page.getByLabel(/自愿申请落户/).check();
  await page.getByRole("button", { name: "确认并提交申请" }).click();
  await expect(page.getByRole("heading", { name: "申请已提交" })).toBeVisible();
  return (await page.getByTestId("reference").textContent())!.trim();
}

/** Saves the details step, declares no family members, uploads, submits; the clerk opens the filing and accepts it. */
async function submitAloneAndAccept(page: Page, browser: Browser): Promise<Page> {
  await page.getByRole("button", { name: "保存并继续" }).click();
  await page.getByRole("button", { name: /没有随迁人员，继续/ }).click();
  await uploadRest(page);
  const reference = await submit(page);
  const clerk = await pageAs(browser, "clerk-hubin");
  await openAsClerk(clerk, reference);
  await clerk.getByTestId("accept").click();
  await clerk.getByTestId("accept-confirm-button").click();
  await expect(clerk.getByTestId("filing-status")).toContainText("已受理");
  return clerk;
}

async function openAsClerk(clerk: Page, reference: string) {
  await clerk.goto("/clerk");
  await clerk.getByLabel("查找申请").fill(reference);
  await clerk.getByRole("button", { name: "查找", exact: true }).click();
  await clerk.getByRole("region", { name: "查找结果" }).getByRole("link", { name: reference }).click();
  await expect(clerk.getByTestId("filing-reference")).toHaveText(reference);
}

test("a family of four on a rented home: one booklet uploaded once, no ID card for the child of 8", async ({ page }) => {
  await signUp(page, { mobile: `137${stamp}01`.slice(0, 11), name: "陈建华", id: testId("411221", "19880310", "731") });
  await startFiling(page, /合法稳定住所（含租赁）落户/);
  await applicantAndDestination(page, "湖滨区崤山路88号院3号楼2单元501室");
  await page.getByLabel(/^租赁住房/).check();
  await page.getByRole("group", { name: "该住所是否为合法建筑？" }).getByLabel("是").check();
  await page.getByRole("button", { name: "保存并继续" }).click();

  const childBirth = `${new Date().getFullYear() - 8}0501`;
  const members: Array<[string, string, string]> = [
    ["配偶", "李秀英", testId("411221", "19890606", "742")],
    ["子女", "陈小宇", testId("411202", childBirth, "753")],
    ["父母", "陈国强", testId("411221", "19600101", "715")],
  ];
  for (const [relation, name, id] of members) {
    const form = page.getByTestId("member-form");
    await form.getByLabel("与申请人的关系").selectOption({ label: relation });
    await form.getByLabel("姓名").fill(name);
    await form.getByLabel("公民身份号码").fill(id);
    await form.getByRole("button", { name: "添加此人" }).click();
    await expect(page.getByTestId("member-list")).toContainText(name);
  }
  await page.getByRole("button", { name: "成员已填写完毕，继续" }).click();

  // The child of 8 has no ID card slot: the booklet page identifies them.
  await expect(page.getByRole("heading", { name: "上传材料" })).toBeVisible();
  await expect(page.getByTestId("slot-child-id_card")).toHaveCount(0);
  await expect(page.getByTestId("slot-child-hukou_booklet")).toBeVisible();
  // One booklet: tick everyone listed on it, upload once.
  const booklet = page.getByTestId("slot-self-hukou_booklet");
  const covers = page.getByTestId("covers-slot-self-hukou_booklet");
  for (const [, name] of members) await covers.getByLabel(name).check();
  await booklet.locator('input[type="file"]').setInputFiles(PDF);
  await expect(booklet).toHaveAttribute("data-satisfied", "true");
  for (const rel of ["spouse", "child", "parent"]) await expect(page.getByTestId(`slot-${rel}-hukou_booklet`)).toHaveAttribute("data-satisfied", "true");
  await uploadRest(page);
  // The booklet file was uploaded once: it appears in four slots but is one file.
  const bookletLinks = page.locator('[data-testid$="-hukou_booklet"] a[href^="/api/files/"]');
  await expect(bookletLinks).toHaveCount(4);
  expect(new Set(await bookletLinks.evaluateAll((as) => as.map((a) => a.getAttribute("href")))).size).toBe(1);
  const reference = await submit(page);
  expect(reference).toMatch(/^SMX-\d{4}-\d{6}$/);
});

test("a graduate with no home and no job is registered into a collective household named on the permit", async ({ page, browser }) => {
  await signUp(page, { mobile: `137${stamp}02`.slice(0, 11), name: "杨洋", id: testId("410323", "20010909", "819") });
  await startFiling(page, /重点群体落户/, "高校毕业生");
  await applicantAndDestination(page, "湖滨区前进街道");
  await page.getByRole("group", { name: "在落户地的住所情况" }).getByLabel("暂无合法稳定住所").check();
  await page.getByRole("group", { name: "是否已落实工作单位？" }).getByLabel("否").check();
  await page
    .getByRole("group", { name: /在哪类集体户落户/ })
    .getByLabel("社区集体户")
    .check();
  const clerk = await submitAloneAndAccept(page, browser);
  const household = clerk.getByLabel(/落户的集体户/);
  const name = (await household.locator("option").nth(1).innerText()).replace(/（.*$/, "");
  await household.selectOption({ index: 1 });
  await clerk.getByTestId("approve").click();
  await clerk.getByTestId("approve-confirm-button").click();
  await expect(clerk.getByTestId("filing-status")).toContainText("已准予迁入");
  await expect(clerk.getByTestId("permit-destination")).toContainText(name);
  await expect(clerk.getByTestId("permit-destination")).not.toHaveText("湖滨区前进街道");
  // The move-out office is chosen from the origin's region (洛阳市 for 410323), not typed.
  const office = clerk.getByLabel(/迁出地公安机关/);
  await office.selectOption({ index: 0 });
  await expect(office).not.toHaveValue("");
  await clerk.getByTestId("move-out").click();
  await clerk.getByTestId("move-out-confirm-button").click();
  await expect(clerk.getByTestId("filing-status")).toContainText("待落户");
  await clerk.getByTestId("register").click();
  await clerk.getByTestId("register-confirm-button").click();
  await expect(clerk.getByTestId("filing-status")).toContainText("已落户");

  await page.goto("/my");
  await page.getByTestId("my-filings").getByRole("link").first().click();
  await expect(page.getByTestId("permit-destination")).toContainText(name);
});

test("a rural student registers as urban at origin: no permit, no move-out", async ({ page, browser }) => {
  await signUp(page, { mobile: `137${stamp}03`.slice(0, 11), name: "王磊", id: testId("411202", "20050505", "913") });
  await startFiling(page, /农村升学学生落户/, "在原籍办理城镇居民登记");
  await applicantAndDestination(page, "湖滨区磁钟乡某村3组");
  await page.getByLabel("录取或毕业院校名称").fill("郑州大学");
  await page.getByRole("group", { name: "是否已就业？" }).getByLabel("否").check();
  const clerk = await submitAloneAndAccept(page, browser);
  await expect(clerk.getByTestId("approve")).toHaveCount(0);
  await clerk.getByTestId("register-directly").click();
  await clerk.getByTestId("register-directly-confirm-button").click();
  await expect(clerk.getByTestId("filing-status")).toContainText("已落户");
  await expect(clerk.getByTestId("permit-number")).toHaveCount(0);
  await expect(clerk.getByTestId("timeline")).toContainText("直接办理城镇居民登记");
  await expect(clerk.getByTestId("timeline")).not.toContainText("原籍已办理迁出");
  await expect(clerk.getByTestId("timeline")).not.toContainText("准予迁入，已签发准迁证");
});
