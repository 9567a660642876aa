import { test, expect } from "@playwright/test";
import { pageAs } from "../support/login";

/**
 * Issue 10 (the guard): POST /api/v1/criteria-check as the spec writes it; a county official
 * checks a draft document on 规范性文件合规检查 and sees every finding highlighted in place with
 * its clause; a clerk's refusal note with a forbidden condition is refused with 二(二)
 * highlighted and the note kept in the form. Runs on the demo data (password luohu-demo).
 */

const URL = "/api/v1/criteria-check";

test.describe("POST /api/v1/criteria-check (spec contract)", () => {
  test("200: the spec's example, with offsets into the text as sent and the rule set version", async ({ request }) => {
    const res = await request.post(URL, { data: { text: "申请人未购房，不予办理" } });
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.findings).toEqual([
      { criterion: "home_purchase", clause: "二(二)", match: "未购房", start: 3, end: 6, message: expect.stringContaining("不得将购买房屋作为落户限制条件") },
    ]);
    expect(typeof body.ruleSetVersion).toBe("string");
    expect(body.ruleSetVersion.length).toBeGreaterThan(0);
  });

  test("200: disguises are found, mentions that make nothing a condition are not", async ({ request }) => {
    const cases: Array<[string, string[]]> = [
      ["申請人未購房", ["home_purchase"]],
      ["本年度落户名额已满", ["quota"]],
      ["wei jiao shui", ["tax_payment"]],
      ["Applicant has no tax records", ["tax_payment"]],
      ["居住未满两年", ["residence_duration"]],
      ["可依法自愿有偿转让宅基地使用权，非落户条件", []],
      ["申请人在当地无住房（含租赁），按社区集体户登记", []],
      ["Henan Investment Group", []],
    ];
    for (const [text, criteria] of cases) {
      const body = await (await request.post(URL, { data: { text } })).json();
      expect([text, body.findings.map((f: { criterion: string }) => f.criterion)]).toEqual([text, criteria]);
      for (const f of body.findings) expect(text.slice(f.start, f.end)).toBe(f.match);
    }
  });

  test("400 validation_failed for a missing, empty, non-string or too long text", async ({ request }) => {
    for (const data of [{}, { text: "" }, { text: 7 }, { text: "字".repeat(20_001) }]) {
      const res = await request.post(URL, { data });
      expect(res.status()).toBe(400);
      const body = await res.json();
      expect(body.error).toBe("validation_failed");
      expect(body.issues[0].path).toBe("text");
    }
  });

  test("413 over 64 KiB, 415 for non-JSON", async ({ request }) => {
    expect((await request.post(URL, { headers: { "content-type": "application/json" }, data: JSON.stringify({ text: "a".repeat(70_000) }) })).status()).toBe(
      413,
    );
    expect((await request.post(URL, { headers: { "content-type": "text/plain" }, data: "未购房" })).status()).toBe(415);
  });
});

test("a county official checks a draft document and sees the findings highlighted with their clauses", async ({ browser }) => {
  const official = await pageAs(browser, "official-hubin");
  await official.goto("/official");
  await official.getByTestId("compliance-link").click();
  await expect(official.getByRole("heading", { name: "规范性文件合规检查" })).toBeVisible();
  const draft =
    "关于进一步做好落户工作的通知（征求意见稿）\n一、申请人须在本市购房，租赁住房不予认可。\n二、落户须放弃宅基地使用权。\n三、本市不实行积分落户。";
  await official.getByLabel("文件草稿全文").fill(draft);
  await official.getByTestId("check-document").click();
  const result = official.getByTestId("check-result");
  await expect(result.getByTestId("criteria-finding")).toHaveCount(3);
  const marks = result.locator("mark");
  await expect(marks).toHaveCount(3);
  await expect(marks.nth(0)).toHaveAttribute("data-clause", "二(二)");
  await expect(marks.nth(0)).toContainText("须在本市购房");
  await expect(marks.nth(1)).toContainText("租赁住房不予认可");
  await expect(marks.nth(2)).toHaveAttribute("data-clause", "三(五)");
  await expect(result).toContainText("《实施方案》三(五)");
  // The sentence that mentions points only to forbid them is shown, not marked.
  await expect(result.getByTestId("criteria-text")).toContainText("本市不实行积分落户");
  // The pasted text stays in the form for editing.
  await expect(official.getByLabel("文件草稿全文")).toHaveValue(draft);

  // A clean draft says so.
  await official.getByLabel("文件草稿全文").fill("有合法稳定住所（含租赁）的人员，均可根据本人意愿申请登记常住户口。");
  await official.getByTestId("check-document").click();
  await expect(official.getByTestId("no-findings")).toBeVisible();
});

test("a clerk's refusal note with a forbidden condition is refused with 二(二) highlighted and kept in the form", async ({ browser }) => {
  const clerk = await pageAs(browser, "clerk-hubin");
  await clerk.goto("/clerk?tab=accepted");
  const rows = clerk.getByTestId("queue-row");
  await expect(rows.first()).toBeVisible();
  await rows.first().getByRole("link").first().click();
  await expect(clerk.getByTestId("filing-status")).toContainText("已受理，审核中");
  await clerk.getByLabel(/申请人并未在该住所实际居住生活/).check();
  const note = "经核查，租住房屋不属于稳定住所，且申请人未交税。";
  await clerk.getByLabel("说明（将告知申请人）").fill(note);
  await clerk.getByTestId("refuse").click();
  await clerk.getByTestId("refuse-confirm-button").click();
  const findings = clerk.getByTestId("criteria-findings");
  await expect(findings).toBeVisible();
  const marks = findings.locator("mark");
  await expect(marks).toHaveCount(2);
  await expect(marks.nth(0)).toHaveAttribute("data-clause", "二(二)");
  await expect(marks.nth(0)).toContainText("租住房屋不属于");
  await expect(marks.nth(1)).toContainText("未交税");
  await expect(findings).toContainText("《实施方案》二(二)");
  await expect(clerk.getByLabel("说明（将告知申请人）")).toHaveValue(note);
  await clerk.reload();
  await expect(clerk.getByTestId("filing-status")).toContainText("已受理，审核中");
});
