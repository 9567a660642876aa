import { test, expect, type Page } from "@playwright/test";
import { pdfText } from "../support/pdf-text";
import { pageAs } from "../support/login";
import { REFUSAL_LETTER_SAYS } from "../support/refusal-letter";

/**
 * Done means (issue 15, the station's workbench): a station head sees the workload panel and
 * reassigns two filings at once; a clerk finds a filing by part of a name and by the last
 * digits of its reference, verifies documents, refuses with the decision letter printed (the
 * PDF states the reasons, clauses and remedies), records a registration from the 待落户 tab;
 * a filing whose origin is 卢氏县 is confirmed by the origin station's clerk in their 迁出确认
 * tab — nobody types the move-out. Runs on the demo data.
 */

const status = (page: Page) => page.getByTestId("filing-status");

test("the station's workbench: workload, bulk reassignment, search, documents, refusal letter, registration, move-out inside the city", async ({ browser }) => {
  // --- the station head -------------------------------------------------------------------
  const head = await pageAs(browser, "clerk-hubin");
  await head.goto("/clerk");
  const panel = head.getByTestId("workload-panel");
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId("workload-row").filter({ hasText: "李卫东" })).toBeVisible();
  await expect(panel.getByTestId("workload-row").filter({ hasText: "未认领" })).toBeVisible();

  // Two new filings (with documents) reassigned at once to 赵晓梅.
  const rows = head.getByTestId("queue-row");
  const family = rows.filter({ hasText: "投靠家庭成员" }).first();
  const collective = rows.filter({ hasText: "社区集体户" }).first();
  const familyRef = (await family.getByRole("link").first().innerText()).trim();
  const collectiveRef = (await collective.getByRole("link").first().innerText()).trim();
  const familyName = (await family.getByTestId("applicant-name").innerText()).trim();
  await family.getByTestId("select-row").check();
  await collective.getByTestId("select-row").check();
  await head.getByLabel("改派给").selectOption({ label: "赵晓梅" });
  await head.getByTestId("bulk-assign").click();
  await expect(head.getByTestId("bulk-assign-done")).toContainText("已改派 2 件给赵晓梅");
  await head.reload();
  await expect(head.getByTestId("queue-row").filter({ hasText: familyRef })).toContainText("由赵晓梅办理");
  await expect(head.getByTestId("queue-row").filter({ hasText: collectiveRef })).toContainText("由赵晓梅办理");

  // --- the clerk ----------------------------------------------------------------------------
  const clerk = await pageAs(browser, "clerk-hubin-2");
  await clerk.goto("/clerk");
  // Part of a name: the given name without the surname.
  const part = familyName.slice(1);
  await clerk.getByLabel("查找申请").fill(part);
  await clerk.getByRole("button", { name: "查找", exact: true }).click();
  const results = clerk.getByRole("region", { name: "查找结果" });
  const hit = results.getByTestId("queue-row").filter({ hasText: familyRef });
  await expect(hit).toBeVisible();
  await expect(hit.getByTestId("match-reason")).toContainText(`申请人姓名包含「${part}」`);
  // The last digits of a reference.
  const tail = collectiveRef.slice(-4).replace(/^0+/, "") || "0";
  await clerk.getByLabel("查找申请").fill(tail);
  await clerk.getByRole("button", { name: "查找", exact: true }).click();
  const byTail = results.getByTestId("queue-row").filter({ hasText: collectiveRef });
  await expect(byTail).toBeVisible();
  await expect(byTail.getByTestId("match-reason")).toContainText(`受理编号末尾为 ${tail}`);

  // Verify the documents of the collective filing, then refuse it with the letter printed.
  await byTail.getByRole("link", { name: collectiveRef }).click();
  await expect(clerk.getByTestId("filing-reference")).toHaveText(collectiveRef);
  const checks = clerk.getByTestId("document-check");
  const n = await checks.count();
  expect(n).toBeGreaterThanOrEqual(3);
  for (let i = 0; i < n; i++) {
    // The first document not yet verified (the list keeps its order; this does not depend on it).
    await clerk
      .getByTestId("document-item")
      .filter({ hasNot: clerk.getByTestId("doc-verified") })
      .first()
      .getByTestId("verify-document")
      .click();
    await expect(clerk.getByTestId("doc-verified")).toHaveCount(i + 1);
  }
  // 「未在规定期限内补正材料」 cannot be chosen: no notice was sent.
  await expect(clerk.getByLabel(/未在规定期限内补正材料/)).toBeDisabled();
  await clerk.getByLabel(/不符合社区集体户落户条件/).check();
  await clerk.getByLabel("说明（将告知申请人）").fill("经核实，申请人在落户地有直系亲属可以投靠，应按投靠家庭成员通道办理。");
  await clerk.getByTestId("refuse").click();
  const confirm = clerk.getByTestId("refuse-confirm");
  await expect(confirm).toContainText("不符合社区集体户落户条件");
  await expect(confirm).toContainText("六十日内");
  await clerk.getByTestId("refuse-confirm-button").click();
  await expect(status(clerk)).toContainText("不予批准");
  const letter = clerk.getByTestId("print-refusal");
  await expect(letter).toBeVisible();
  const res = await clerk.request.get((await letter.getAttribute("href"))!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/pdf");
  const text = (await pdfText(new Uint8Array(await res.body()))).replace(/\n/g, "");
  for (const words of [...REFUSAL_LETTER_SAYS, collectiveRef, "不符合社区集体户落户条件", "二(三)"]) expect(text).toContain(words);

  // --- registration from the 待落户 tab (the head holds the demo's moved-out filing) ---------
  await head.goto("/clerk?tab=registration");
  await expect(head.getByTestId("tab-registration")).toHaveAttribute("aria-current", "page");
  const waiting = head.getByTestId("queue-row").first();
  await expect(waiting).toContainText(/剩 \d+ 个工作日|今日到期|已超期/);
  await waiting.getByRole("link").first().click();
  await expect(status(head)).toContainText("已迁出，待落户");
  await head.getByTestId("register").click();
  await head.getByTestId("register-confirm-button").click();
  await expect(status(head)).toContainText("已落户");

  // --- move-out inside the city: the origin station (卢氏县) confirms in its 迁出确认 tab --------
  const origin = await pageAs(browser, "clerk-lushi");
  await origin.goto("/clerk?tab=origin");
  const toConfirm = origin.getByTestId("queue-row").first();
  await expect(toConfirm).toContainText("迁入地：");
  const movedRef = (await toConfirm.getByRole("link").first().innerText()).trim();
  await toConfirm.getByRole("link").first().click();
  await expect(status(origin)).toContainText("已准予迁入，待迁出");
  await expect(origin.getByTestId("move-out")).toHaveCount(0); // nobody types the move-out
  await origin.getByTestId("confirm-move-out").click();
  await origin.getByTestId("confirm-move-out-confirm-button").click();
  await expect(status(origin)).toContainText("已迁出，待落户");
  await expect(origin.getByTestId("timeline")).toContainText("原籍派出所已在系统内确认迁出");

  // The destination sees it at once, in its 待落户 tab.
  await head.goto("/clerk?tab=registration");
  await expect(head.getByTestId("queue-row").filter({ hasText: movedRef })).toBeVisible();
});
