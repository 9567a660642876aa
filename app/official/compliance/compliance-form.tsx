"use client";

import { useState, useTransition } from "react";
import { CriteriaFindings } from "@/components/forms/criteria-findings";
import { issueFor, ErrorSummary } from "@/components/forms/field";
import { TextareaField } from "@/components/forms/field-controls";
import type { FieldIssue } from "@/lib/errors";
import type { DocumentCheck } from "@/lib/criteria/check-document";
import { checkDocumentAction } from "./actions";

const MAX = 20_000;

/** Paste, check, see every finding highlighted in place with its clause. The text stays in this page. */
export function ComplianceForm() {
  const [text, setText] = useState("");
  const [checked, setChecked] = useState<{ text: string; result: DocumentCheck } | null>(null);
  const [error, setError] = useState<{ message: string; issues: FieldIssue[] } | null>(null);
  const [pending, startTransition] = useTransition();
  const length = [...text].length;
  const textError = issueFor(error?.issues, "text");

  return (
    <div className="space-y-4">
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          const sent = text;
          setError(null);
          startTransition(async () => {
            try {
              const r = await checkDocumentAction({ text: sent });
              if (r.ok) setChecked({ text: sent, result: r.data });
              else setError({ message: r.message, issues: r.issues });
            } catch {
              setError({ message: "网络或系统异常，请稍后重试。已粘贴的内容仍保留在页面上。", issues: [] });
            }
          });
        }}
      >
        <TextareaField
          id="document-text"
          label="文件草稿全文"
          hint={`最多 ${MAX.toLocaleString("zh-CN")} 字。检查不保存文件内容。`}
          error={textError}
          className="input font-mono"
          rows={12}
          value={text}
          onValue={setText}
          data-testid="document-text"
        />
        <p className={`text-sm ${length > MAX ? "text-red-700" : "text-slate-600"}`} aria-live="polite">
          已输入 {length.toLocaleString("zh-CN")} / {MAX.toLocaleString("zh-CN")} 字
        </p>
        {error && <ErrorSummary message={error.message} />}
        <button type="submit" className="btn-primary" disabled={pending || length === 0} data-testid="check-document">
          {pending ? "正在检查…" : "检查"}
        </button>
      </form>

      {checked && (
        <section aria-live="polite" aria-labelledby="check-result" data-testid="check-result">
          <h2 id="check-result" className="mb-2 text-lg font-semibold">
            检查结果
          </h2>
          {checked.result.findings.length === 0 ? (
            <p className="rounded border border-green-300 bg-green-50 p-3 text-green-900" data-testid="no-findings">
              未发现将购房、投资、纳税、积分、退出农村土地权益，或社保年限、居住年限、落户名额等作为落户条件的内容（共{" "}
              {checked.result.characters.toLocaleString("zh-CN")} 字，规则集 {checked.result.ruleSetVersion}）。
            </p>
          ) : (
            <CriteriaFindings
              text={checked.text}
              findings={checked.result.findings}
              idPrefix="document-finding"
              title={`发现 ${checked.result.findings.length} 处将不得设定的内容作为落户条件（规则集 ${checked.result.ruleSetVersion}）：`}
            />
          )}
        </section>
      )}
    </div>
  );
}
