import path from "node:path";
import { test, expect } from "@playwright/test";
import { testId } from "../helpers/ids";
import { loginAs } from "../support/login";
import { FIXTURES, PNG, precheckRenter, signUp, startFiling, uploadEverything } from "../support/filing-journey";
import { pdfText } from "../support/pdf-text";

/**
 * Done means (issue 4): a resident signs up, does the pre-check, fills a rental-residence
 * filing with a spouse and a child, uploads files, checks the answers, submits and sees the
 * timeline; another resident files for a community collective household.
 */

const NOT_AN_IMAGE = path.join(FIXTURES, "not-an-image.png");

const stamp = String(Date.now()).slice(-7);

test("a renter files with a spouse and a child: sign-up, pre-check, form, uploads, check answers, submit, timeline", async ({ page }) => {
  const me = { mobile: `136${stamp}1`.slice(0, 11), name: "刘晓燕", id: testId("411221", "19900315", "357") };
  await signUp(page, me);

  // The pre-check, carrying its answers into the filing (never the ID number).
  await precheckRenter(page, me.name, me.id);
  const first = page.getByTestId("precheck-results").locator("article").first();
  await expect(first).toContainText("合法稳定住所");
  await first.getByRole("link", { name: "按此通道开始申请" }).click();
  await expect(page).toHaveURL(/\/apply\/new\?precheck=/);
  expect(page.url()).not.toContain(me.id);

  // The channel comes preselected from the pre-check.
  await expect(page.getByRole("radio", { name: /合法稳定住所（含租赁）落户/ })).toBeChecked();
  await page.getByRole("button", { name: "开始填写" }).click();

  // Applicant: real-name data shown, hukou nature prefilled; a missing field is reported next to it.
  await expect(page.getByRole("heading", { name: "申请人信息" })).toBeVisible();
  await expect(page.getByLabel("农业户口（农村）")).toBeChecked();
  await page.getByRole("button", { name: "保存并继续" }).click();
  await expect(page.locator("#f-hukouAddress-error")).toContainText("请填写户籍地址");
  await page.getByLabel("户籍地址（户口簿上的住址）").fill("渑池县城关镇韶州路12号");
  await page.getByRole("button", { name: "保存并继续" }).click();

  // Destination: the county comes from the pre-check, the address suggests the station.
  await expect(page.getByRole("heading", { name: "落户地址与派出所" })).toBeVisible();
  await expect(page.getByLabel("落户地县（市、区）")).toHaveValue("411202");
  await page.getByLabel("落户详细地址").fill("湖滨区崤山路88号院3号楼2单元501室");
  await expect(page.getByLabel("受理派出所")).toHaveValue(/.+/);
  await expect(page.getByLabel("受理派出所").locator("option:checked")).toHaveText(/前进派出所/);
  await page.getByRole("button", { name: "保存并继续" }).click();

  // Residence: rented, legal.
  await expect(page.getByRole("heading", { name: "住所情况" })).toBeVisible();
  await page.getByLabel(/^租赁住房/).check();
  await page.getByRole("group", { name: "该住所是否为合法建筑？" }).getByLabel("是").check();
  await page.getByRole("button", { name: "保存并继续" }).click();

  // Household members: a spouse and a child; a bad ID number is caught and nothing typed is lost.
  await expect(page.getByRole("heading", { name: "随迁家庭成员" })).toBeVisible();
  const form = page.getByTestId("member-form");
  await form.getByLabel("与申请人的关系").selectOption({ label: "配偶" });
  await form.getByLabel("姓名").fill("王建华");
  await form.getByLabel("公民身份号码").fill("411221199208082461");
  await form.getByRole("button", { name: "添加此人" }).click();
  await expect(page.locator("#f-idNumber-error")).toBeVisible();
  await expect(page.getByTestId("member-form").getByLabel("姓名")).toHaveValue("王建华");
  await page
    .getByTestId("member-form")
    .getByLabel("公民身份号码")
    .fill(testId("411221", "19920808", "246"));
  await page.getByTestId("member-form").getByRole("button", { name: "添加此人" }).click();
  await expect(page.getByTestId("member-list")).toContainText("王建华");
  await page.getByTestId("member-form").getByLabel("与申请人的关系").selectOption({ label: "子女" });
  await page.getByTestId("member-form").getByLabel("姓名").fill("王小明");
  await page
    .getByTestId("member-form")
    .getByLabel("公民身份号码")
    .fill(testId("411202", "20190101", "135"));
  await page.getByTestId("member-form").getByRole("button", { name: "添加此人" }).click();
  await expect(page.getByTestId("member-list")).toContainText("王小明");
  await page.getByRole("button", { name: "成员已填写完毕，继续" }).click();

  // Documents: the checklist lists every person's documents; a wrong type gets a clear message.
  await expect(page.getByRole("heading", { name: "上传材料" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /王建华（配偶）/ })).toBeVisible();
  await expect(page.getByTestId("slot-spouse-marriage_certificate")).toBeVisible();
  await expect(page.getByTestId("slot-child-birth_certificate")).toBeVisible();
  await expect(page.getByTestId("slot-self-rental_contract")).toBeVisible();
  const contract = page.getByTestId("slot-self-rental_contract");
  await contract.locator('input[type="file"]').setInputFiles(NOT_AN_IMAGE);
  await expect(contract.getByRole("alert")).toContainText("只能上传");
  await expect(contract).toHaveAttribute("data-satisfied", "false");
  await uploadEverything(page);
  await expect(page.getByTestId("missing-count")).toContainText("材料已齐全");
  // Replace one file before submitting.
  await contract.locator('input[type="file"]').setInputFiles(PNG);
  await expect(contract.locator("li")).toHaveCount(2);
  await contract.getByRole("button", { name: /删除/ }).first().click();
  await expect(contract.locator("li")).toHaveCount(1);
  await page.getByRole("link", { name: "继续：核对并提交" }).click();

  // Check answers: everything on one page, with change links; the declaration is required.
  await expect(page.getByRole("heading", { name: "核对并提交" })).toBeVisible();
  await expect(page.getByTestId("check-members")).toContainText("王建华");
  await expect(page.getByTestId("check-members")).toContainText("王小明");
  await expect(page.getByTestId("check-destination")).toContainText("前进派出所");
  await expect(page.getByRole("link", { name: /修改\s*落户地址与派出所/ })).toHaveAttribute("href", /destination\?return=check/);
  await page.getByRole("button", { name: "确认并提交申请" }).click();
  await expect(page.locator("#f-voluntary-error")).toContainText("自愿");
  await page.getByLabel(/真实、准确、完整/).check();
  await page.getByLabel(/自愿申请落户/).check();
  await page.getByRole("button", { name: "确认并提交申请" }).dblclick();

  // What happens next, with the reference and the acceptance date.
  await expect(page.getByRole("heading", { name: "申请已提交" })).toBeVisible();
  const reference = (await page.getByTestId("reference").textContent())!.trim();
  expect(reference).toMatch(/^SMX-\d{4}-\d{6}$/);
  await expect(page.getByTestId("acceptance-due")).toHaveText(/\d{4}-\d{2}-\d{2}/);
  await page.getByRole("link", { name: "查看办理进度" }).click();

  // The filing page: status, due date of the current step, the timeline.
  await expect(page.getByTestId("filing-status")).toHaveText("已提交，待受理");
  await expect(page.getByTestId("current-step")).toContainText("派出所受理");
  await expect(page.getByTestId("timeline")).toContainText("提交申请");
  await page.goto("/my");
  await expect(page.getByTestId("my-filings")).toContainText(reference);
  // The double click made one filing.
  await expect(page.getByTestId("my-filings").locator("li")).toHaveCount(1);
  await page.goto("/my/inbox");
  await expect(page.getByTestId("inbox")).toContainText(reference);
});

test("a worker without a home files for the community collective household at the place of employment; others' filings are 404", async ({ page, browser }) => {
  // On a 360 px phone.
  await page.setViewportSize({ width: 360, height: 740 });
  const noSideScroll = async () =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  const me = { mobile: `135${stamp}2`.slice(0, 11), name: "马超", id: testId("411224", "19970707", "579") };
  await signUp(page, me);
  await startFiling(page, /社区集体户落户/);

  await page.getByLabel("农业户口（农村）").check();
  await page.getByLabel("户籍地址（户口簿上的住址）").fill("卢氏县东明镇某村5组");
  await page.getByRole("button", { name: "保存并继续" }).click();

  await expect(page.getByRole("heading", { name: "就业地与派出所" })).toBeVisible();
  await page.getByLabel("就业单位所在县（市、区）").selectOption({ label: "陕州区" });
  await page.getByLabel("就业单位地址").fill("陕州区大营镇人民路66号");
  await expect(page.getByLabel("受理派出所").locator("option:checked")).toHaveText(/大营派出所/);
  await page.getByRole("button", { name: "保存并继续" }).click();

  await expect(page.getByRole("heading", { name: "集体户落户条件" })).toBeVisible();
  await page.getByLabel("就业单位名称").fill("三门峡某食品有限公司");
  for (const q of ["在就业地是否有合法稳定住所（含租赁）？", "是否有可投靠的直系亲属？", "就业单位（含人才交流中心）是否有集体户口？"]) {
    await page.getByRole("group", { name: q }).getByLabel("否").check();
  }
  await page.getByRole("button", { name: "保存并继续" }).click();

  await expect(page.getByRole("heading", { name: "上传材料" })).toBeVisible();
  await expect(page.getByTestId("slot-self-employment_contract")).toBeVisible();
  await uploadEverything(page);
  await noSideScroll();
  await page.screenshot({ path: test.info().outputPath("documents-360.png"), fullPage: true });
  await page.getByRole("link", { name: "继续：核对并提交" }).click();
  await expect(page.getByRole("heading", { name: "核对并提交" })).toBeVisible();
  await noSideScroll();
  await page.screenshot({ path: test.info().outputPath("check-360.png"), fullPage: true });
  await page.getByLabel(/真实、准确、完整/).check();
  await page.getByLabel(/自愿申请落户/).check();
  await page.getByRole("button", { name: "确认并提交申请" }).click();
  await expect(page.getByRole("heading", { name: "申请已提交" })).toBeVisible();
  await expect(page.getByTestId("what-next")).toContainText("大营派出所");
  await page.getByRole("link", { name: "查看办理进度" }).click();
  await expect(page.getByTestId("timeline")).toContainText("提交申请");
  const filingUrl = page.url();
  const fileHref = await page.locator('a[href^="/api/files/"]').first().getAttribute("href");

  // Another resident tampers with the URL: not found, never someone else's data.
  const other = await browser.newContext();
  const page2 = await other.newPage();
  await signUp(page2, { mobile: `137${stamp}3`.slice(0, 11), name: "周建国", id: testId("411221", "19880101", "791") });
  await page2.goto(filingUrl);
  await expect(page2.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  const res = await page2.request.get(fileHref!);
  expect(res.status()).toBe(404);
  await other.close();
});

test("a settled resident sees the rights under 三(六)–(十), downloads the permit, and its QR page verifies it publicly with masked data", async ({
  page,
  browser,
}) => {
  await loginAs(page, "13800000001", { home: /\/my$/ });
  const registered = page.getByTestId("my-filings").locator("li", { hasText: "已落户" }).first();
  await registered.getByRole("link").click();
  await expect(page.getByTestId("filing-status")).toHaveText("已落户");
  const rights = page.getByTestId("settled-rights");
  for (const text of ["三(六)", "市住房城乡建设局", "三(七)", "市医保局", "三(八)", "市人力资源社会保障局", "三(九)", "市教育局", "三(十)", "市公安局"]) {
    await expect(rights).toContainText(text);
  }
  await expect(page.getByTestId("timeline")).toContainText("落户完成");
  const permit = page.getByTestId("permit");
  const number = ((await permit.locator("strong").first().textContent()) ?? "").trim();
  expect(number).toMatch(/^ZQ-\d{4}-\d{6}$/);
  const href = await permit.getByRole("link", { name: "下载准迁证（PDF）" }).getAttribute("href");
  const pdf = await page.request.get(href!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  // The verification code printed on the permit (and in its QR link).
  const code = ((await pdfText(new Uint8Array(await pdf.body()))).match(/(?:[0-9A-Fa-f]{4}-){5}[0-9A-Fa-f]{4}/) ?? [""])[0].replaceAll("-", "");
  expect(code).toHaveLength(24);

  // Public verification: no sign-in, number and code, masked name and ID number.
  const anon = await browser.newContext();
  const pub = await anon.newPage();
  await pub.goto(`/verify/${number}?code=${code}`);
  const result = pub.getByTestId("verify-result");
  await expect(result).toHaveAttribute("data-state", "valid");
  await expect(result).toContainText("真实有效");
  await expect(pub.getByTestId("verify-persons")).toContainText("张*");
  await expect(pub.getByTestId("verify-persons")).not.toContainText("张明");
  await expect(pub.getByTestId("verify-persons")).toContainText("**********");
  await pub.goto("/verify/ZQ-2099-000001");
  await expect(pub.getByTestId("verify-result")).toHaveAttribute("data-state", "unknown");
  // Without signing in, the permit itself is not available.
  expect((await pub.request.get(href!)).status()).toBe(401);
  await anon.close();
});
