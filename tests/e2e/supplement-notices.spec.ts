import { test, expect } from "@playwright/test";
import { pageAs } from "../support/login";

/**
 * Done means (issue 10, points 1, 4, 5): a clerk cannot demand a purchase contract — it is no
 * item of the notice, and as a clarification it is refused with 二(二) highlighted and the text
 * kept; the station head (clerk-hubin) corrects the sent notice and the resident sees the
 * corrected one; the auditor finds the refused attempt with its text and opens the filing; the
 * county official sees it on the supervision figure and its drill-down.
 */

const FORBIDDEN = "请提供购房合同";

test("structured notices: no purchase contract, a station head's correction, the auditor's and the official's supervision", async ({ browser }) => {
  // Four people's pages in one journey: more than the default 90 s on a busy 2-core machine.
  test.setTimeout(240_000);
  const official = await pageAs(browser, "official-hubin");
  await official.goto("/official");
  const figure = official.getByTestId("supervision-figure-count");
  await expect(figure).toBeVisible();
  const before = Number(await figure.innerText());

  const clerk = await pageAs(browser, "clerk-hubin");
  await clerk.goto("/clerk");
  const candidate = clerk
    .getByTestId("queue-row")
    .filter({ hasText: /重点群体|合法稳定住所/ })
    .filter({ hasNotText: /等\d+人/ })
    .first();
  await candidate.getByRole("link").first().click();
  await expect(clerk.getByTestId("filing-status")).toContainText("已提交，待受理");
  const reference = (await clerk.getByTestId("filing-reference").innerText()).trim();
  const filingId = new URL(clerk.url()).pathname.split("/").pop()!;
  const mobile = (await clerk.getByTestId("resident-mobile").innerText()).trim();

  // The notice offers only what the rules require of this filing, and the rule set's other items.
  const options = clerk.getByTestId("supplement-prefilled").getByTestId("notice-option");
  await expect(options.first()).toBeVisible();
  await expect(clerk.getByTestId("supplement-prefilled")).not.toContainText("购房");
  await expect(clerk.getByRole("button", { name: "添加补正事项" })).toHaveCount(0);

  // As a clarification, the purchase contract is refused with the clause highlighted; the text stays.
  const clarification = clerk.getByTestId("supplement-prefilled").getByTestId("notice-clarification").first();
  await clarification.fill(FORBIDDEN);
  await clerk.getByLabel(/我已核对，本告知已列明需要补正的全部内容/).check();
  await clerk.getByTestId("send-supplement").click();
  await expect(clerk.getByTestId("action-error")).toHaveAttribute("data-code", "forbidden_criterion");
  await expect(clerk.getByTestId("forbidding-clause").first()).toHaveText("二(二)");
  await expect(clarification).toHaveValue(FORBIDDEN);
  await expect(clerk.getByTestId("filing-status")).toContainText("已提交，待受理");

  // A lawful clarification goes through.
  await clarification.fill("请上传正反面清晰的扫描件");
  await clerk.getByTestId("send-supplement").click();
  await expect(clerk.getByTestId("filing-status")).toContainText("待补正材料");
  await expect(clerk.getByTestId("notice")).toContainText("请上传正反面清晰的扫描件");

  // The station head corrects the sent notice: adds the name check for the applicant.
  const correction = clerk.getByTestId("notice-correction");
  await expect(correction).toBeVisible();
  await correction.locator('[data-testid="notice-option"][data-code="name_mismatch"]').first().getByRole("checkbox").check();
  await correction.getByLabel("更正理由").fill("原告知遗漏姓名核对事项，予以更正");
  await correction.getByTestId("correct-notice").click();
  await expect(clerk.getByTestId("notice")).toContainText("已由所长更正");
  await expect(clerk.getByTestId("notice")).toContainText("不同材料上的姓名不一致");

  // The resident sees the corrected notice.
  const resident = await pageAs(browser, mobile);
  await resident.goto(`/my/${filingId}`);
  await expect(resident.getByTestId("notice-corrected")).toBeVisible();
  await expect(resident.getByTestId("supplement-notice")).toContainText("不同材料上的姓名不一致");
  await expect(resident.getByTestId("supplement-notice")).toContainText("请上传正反面清晰的扫描件");
  await resident.goto(`/my/${filingId}/supplement`);
  await expect(resident.getByTestId("notice-corrected")).toBeVisible();
  await expect(resident.getByTestId("supplement-items")).toContainText("不同材料上的姓名不一致");

  // The auditor finds the refused attempt with its text, and opens the filing (the view is audited).
  const auditor = await pageAs(browser, "auditor");
  await auditor.goto(`/audit?action=review.request_supplement.denied&filing=${reference}`);
  const rows = auditor.getByTestId("audit-table").locator("tbody tr");
  await expect(rows.first()).toContainText(FORBIDDEN);
  await expect(rows.first()).toContainText("home_purchase");
  await rows.first().getByTestId("audit-filing-link").click();
  await expect(auditor.getByTestId("audit-filing")).toContainText(reference);
  await expect(auditor.getByTestId("audit-filing-events")).toContainText("review.notice.correct");
  await auditor.goto(`/audit?action=audit.filing.view&filing=${reference}`);
  await expect(auditor.getByTestId("audit-table").locator("tbody tr").first()).toContainText("audit.filing.view");
  await auditor.goto("/audit/supervision");
  await expect(auditor.getByTestId("supervision-events")).toContainText(FORBIDDEN);

  // The county official sees it on the supervision figure, and in the drill-down.
  await official.goto("/official");
  await expect.poll(async () => Number(await official.getByTestId("supervision-figure-count").innerText())).toBeGreaterThan(before);
  await official.getByRole("link", { name: "查看明细" }).click();
  await expect(official.getByTestId("supervision-stations")).toContainText("前进派出所");
  await official.getByTestId("supervision-clerks").getByRole("link").first().click();
  await expect(official.getByTestId("supervision-events")).toContainText(FORBIDDEN);
  await expect(official.getByTestId("supervision-events")).toContainText("二(二)");
});
