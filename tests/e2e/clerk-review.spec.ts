import path from "node:path";
import { test, expect, type Page } from "@playwright/test";
import { pageAs } from "../support/login";
import { pdfText } from "../support/pdf-text";

/**
 * Done means (issue 5): a clerk signs in, finds a new filing in the queue, opens it, sends the
 * one-time supplement notice; the resident supplements; the clerk accepts and approves; the
 * permit verifies publicly; another filing is refused with an allowed reason, and a refusal
 * citing 未购房 is refused by the guard with the clause.
 *
 * Runs on the demo data (clerk-hubin: station head of 前进派出所; demo residents sign in with
 * their mobile number, password luohu-demo).
 */

const FIXTURES = path.resolve(__dirname, "../fixtures");
const PNG = path.join(FIXTURES, "document.png");
const PDF = path.join(FIXTURES, "document.pdf");

const status = (page: Page) => page.getByTestId("filing-status");

test("a clerk reviews a filing from the queue to the permit; refusals follow the rules", async ({ browser }) => {
  const clerk = await pageAs(browser, "clerk-hubin");

  // The queue: the new filings of the clerk's own station, soonest due first, with counts per tab.
  await clerk.goto("/clerk");
  await expect(clerk.getByRole("heading", { name: "受理工作台" })).toBeVisible();
  await expect(clerk.getByTestId("tab-new")).toHaveAttribute("aria-current", "page");
  await expect(clerk.getByTestId("tab-new")).toContainText(/\d+/);
  const rows = clerk.getByTestId("queue-row");
  await expect(rows.first()).toBeVisible();
  // Lists never show a full ID number.
  await expect(rows.first()).toContainText(/\d{4}\*{10}[\dX]{4}/);

  // A single-person filing of a channel without further conditions (talent or residence).
  const candidate = rows
    .filter({ hasText: /重点群体|合法稳定住所/ })
    .filter({ hasNotText: /等\d+人/ })
    .first();
  const reference = (await candidate.getByRole("link").first().innerText()).trim();
  expect(reference).toMatch(/^SMX-\d{4}-\d{6}$/);

  // Finding it by its reference: the search is POSTed, the URL never carries the term.
  const queueUrl = clerk.url();
  await clerk.getByLabel("查找申请").fill(reference);
  await clerk.getByRole("button", { name: "查找", exact: true }).click();
  const results = clerk.getByRole("region", { name: "查找结果" });
  await expect(results.getByTestId("queue-row")).toHaveCount(1);
  expect(clerk.url()).toBe(queueUrl);
  await results.getByRole("link", { name: reference }).click();

  // The review page: members, the rules panel with the missing documents, the duplicate check.
  await expect(clerk.getByTestId("filing-reference")).toHaveText(reference);
  const filingId = new URL(clerk.url()).pathname.split("/").pop()!;
  await expect(status(clerk)).toContainText("已提交，待受理");
  await expect(clerk.getByTestId("rules-panel")).toContainText("缺少的材料");
  await expect(clerk.getByTestId("duplicate-panel")).toContainText("未发现");
  const mobile = (await clerk.getByTestId("resident-mobile").innerText()).trim();

  // Accepting with missing documents would be refused: the button is disabled and says why.
  await expect(clerk.getByTestId("accept")).toBeDisabled();
  await expect(clerk.getByTestId("accept-disabled-reason")).toContainText("一次性补正告知");
  const prefilled = clerk.getByTestId("supplement-prefilled");
  await expect(prefilled).toContainText("居民身份证");
  // Items come from the rules; the clerk adds a clarification to one of them (no free-text items).
  await clerk.getByTestId("notice-clarification").first().fill("请上传清晰的彩色扫描件");
  await clerk.getByTestId("send-supplement").click();
  await expect(clerk.getByText("请确认本告知已列明需要补正的全部内容")).toBeVisible();
  await clerk.getByLabel(/我已核对，本告知已列明需要补正的全部内容/).check();
  await clerk.getByTestId("send-supplement").click();
  await expect(status(clerk)).toContainText("待补正材料");
  await expect(clerk.getByTestId("notice")).toContainText("请上传清晰的彩色扫描件");
  await expect(clerk.getByTestId("assignee")).toContainText("（我）");

  // The resident answers the ONE notice: uploads every listed item and resubmits.
  const resident = await pageAs(browser, mobile);
  await resident.goto(`/my/${filingId}/supplement`);
  const slots = resident.locator('[data-testid^="supplement-slot-"]');
  const n = await slots.count();
  expect(n).toBeGreaterThanOrEqual(3);
  for (let i = 0; i < n; i++) {
    const slot = slots.nth(i);
    await slot.locator('input[type="file"]').setInputFiles(i === 0 ? PNG : PDF);
    await expect(slot).toHaveAttribute("data-satisfied", "true");
  }
  await resident.getByRole("button", { name: "提交补正" }).click();
  await expect(resident).toHaveURL(new RegExp(`/my/${filingId}\\?done=supplemented$`));
  await expect(resident.getByTestId("success-banner")).toContainText("补正材料已提交");

  // Back at the station: complete now; accept, then approve.
  await clerk.reload();
  await expect(status(clerk)).toContainText("已提交，待受理");
  await expect(clerk.getByTestId("rules-outcome").first()).toContainText("符合条件，材料齐全");
  // Each uploaded document opens inline in the page.
  const firstDoc = clerk.getByTestId("document").first();
  await firstDoc.locator("summary").click();
  const shown = firstDoc.locator("img, iframe").first();
  await expect(shown).toBeVisible();
  // The authorized file route served it (an image that failed to load has no natural size).
  if ((await shown.evaluate((el) => el.tagName)) === "IMG") {
    await expect.poll(() => shown.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  }
  // Each decision shows what the resident will receive and asks to confirm.
  await clerk.getByTestId("accept").click();
  await expect(clerk.getByTestId("accept-confirm")).toContainText("申请人将收到");
  await clerk.getByTestId("accept-confirm-button").click();
  await expect(status(clerk)).toContainText("已受理，审核中");
  await clerk.getByTestId("approve").click();
  await clerk.getByTestId("approve-confirm-button").click();
  await expect(status(clerk)).toContainText("已准予迁入，待迁出");
  const permitNumber = ((await clerk.getByTestId("permit-number").innerText()).match(/ZQ-\d{4}-\d{6}/) ?? [""])[0];
  expect(permitNumber).not.toBe("");
  // Decided: no more decision buttons.
  await expect(clerk.getByTestId("approve")).toHaveCount(0);
  await expect(clerk.getByTestId("refuse")).toHaveCount(0);

  // The permit verifies publicly, without signing in, with the number and the code printed on it;
  // the number alone discloses nothing.
  const permitPdf = await clerk.request.get(
    await clerk
      .getByTestId("print-permit")
      .getAttribute("href")
      .then((h) => h!),
  );
  expect(permitPdf.status()).toBe(200);
  const verifyCode = ((await pdfText(new Uint8Array(await permitPdf.body()))).match(/(?:[0-9A-Fa-f]{4}-){5}[0-9A-Fa-f]{4}/) ?? [""])[0].replaceAll("-", "");
  expect(verifyCode).not.toBe("");
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(`/verify/${permitNumber}`);
  await expect(anonymous.getByTestId("verify-result")).toHaveAttribute("data-state", "unknown");
  await anonymous.goto(`/verify/${permitNumber}?code=${verifyCode}`);
  await expect(anonymous.getByTestId("verify-result")).toHaveAttribute("data-state", "valid");

  // Another filing refused with an allowed reason (with its clause).
  await clerk.goto("/clerk?tab=accepted");
  const accepted = clerk.getByTestId("queue-row");
  await expect(accepted.first()).toBeVisible();
  await accepted.first().getByRole("link").first().click();
  await expect(status(clerk)).toContainText("已受理，审核中");
  const refusedRef = (await clerk.getByTestId("filing-reference").innerText()).trim();
  await clerk.getByLabel(/申请材料系伪造、无效或与申请信息不符/).check();
  await clerk.getByLabel("说明（将告知申请人）").fill("经核查，所附毕业证书与学信网记录不一致。");
  await clerk.getByTestId("refuse").click();
  await expect(clerk.getByTestId("refuse-confirm")).toContainText("行政复议");
  await clerk.getByTestId("refuse-confirm-button").click();
  await expect(status(clerk)).toContainText("不予批准");
  await expect(clerk.getByTestId("timeline")).toContainText("不予批准");

  // A refusal citing 未购房 is refused by the guard, which names the clause that forbids it.
  await clerk.goto("/clerk?tab=accepted");
  const next = clerk.getByTestId("queue-row").filter({ hasNotText: refusedRef }).first();
  await next.getByRole("link").first().click();
  await expect(status(clerk)).toContainText("已受理，审核中");
  await clerk.getByLabel(/申请人并未在该住所实际居住生活/).check();
  await clerk.getByLabel("说明（将告知申请人）").fill("申请人未购房，不予落户。");
  await clerk.getByTestId("refuse").click();
  await clerk.getByTestId("refuse-confirm-button").click();
  const error = clerk.getByTestId("action-error");
  await expect(error).toContainText("二(二)");
  await expect(error).toContainText("不得将购买房屋");
  await expect(clerk.locator("#refuse-note-error")).toContainText("二(二)");
  await clerk.reload();
  await expect(status(clerk)).toContainText("已受理，审核中");
});
