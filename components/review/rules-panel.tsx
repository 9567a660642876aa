import type { RulesPanel } from "@/lib/rules/rules-panel";
import { CHANNEL_SHORT_LABELS } from "@/lib/review/labels";
import { relationLabel } from "@/lib/filings/member-relations";

const OUTCOME: Record<string, { text: string; tone: string }> = {
  eligible: { text: "符合条件，材料齐全", tone: "bg-green-100 text-green-900" },
  needs_documents: { text: "符合条件，缺少材料", tone: "bg-amber-100 text-amber-900" },
  ineligible: { text: "不符合该通道条件", tone: "bg-red-100 text-red-900" },
  invalid: { text: "无法核验（申请信息不完整）", tone: "bg-slate-200 text-slate-800" },
};

/**
 * The rules check of the filing: per person the outcome with its clauses, failed conditions,
 * documents present and missing; then the facts given that may not decide, greyed, with the
 * clause that forbids using them.
 */
export function RulesPanelView({ panel }: { panel: RulesPanel }) {
  return (
    <section className="card" aria-labelledby="rules-title" data-testid="rules-panel">
      <h2 id="rules-title" className="mb-1 text-lg font-semibold">
        规则核验
      </h2>
      <p className="mb-3 text-sm text-slate-600">依据规则集 {panel.ruleSetVersion}，按已上传的材料逐人核验。</p>
      <ul className="space-y-3">
        {panel.persons.map((p, i) => {
          const o = OUTCOME[p.outcome];
          return (
            <li key={p.memberId ?? `self-${i}`} className="rounded border border-slate-200 p-3" data-testid="rules-person">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">
                  {p.name}（{relationLabel(p.relation)}）
                </span>
                <span className={`rounded px-2 py-0.5 text-sm font-medium ${o.tone}`} data-testid="rules-outcome">
                  {o.text}
                </span>
                <span className="text-sm text-slate-600">
                  按“{CHANNEL_SHORT_LABELS[p.channel]}”核验{p.clauses.length > 0 && `，依据 ${p.clauses.join("、")}`}
                </span>
              </div>
              {p.reasons.length > 0 && (
                <div className="mt-2">
                  <h3 className="text-sm font-semibold text-red-800">未满足的条件</h3>
                  <ul className="list-disc pl-5 text-sm">
                    {p.reasons.map((r) => (
                      <li key={r.code}>
                        {r.message} <span className="text-slate-600">（{r.clause}）</span>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {p.missing.length > 0 && (
                <div className="mt-2">
                  <h3 className="text-sm font-semibold text-amber-900">缺少的材料</h3>
                  <ul className="list-disc pl-5 text-sm" data-testid="rules-missing">
                    {p.missing.map((m, k) => (
                      <li key={`${m.code}-${k}`}>
                        {m.label} <span className="text-slate-600">（{m.clause}）</span>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              <div className="mt-2">
                <h3 className="text-sm font-semibold text-slate-800">已上传的材料</h3>
                {p.present.length === 0 ? (
                  <p className="text-sm text-slate-600">无</p>
                ) : (
                  <ul className="list-disc pl-5 text-sm">
                    {p.present.map((d) => (
                      <li key={d.id}>
                        {d.label}（{d.fileName}）
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              {p.problems.length > 0 && (
                <ul className="mt-2 list-disc pl-5 text-sm text-slate-700">
                  {p.problems.map((x) => (
                    <li key={x.path + x.message}>{x.message}</li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
      {panel.ignoredFacts.length > 0 && (
        <div className="mt-4 rounded border border-dashed border-slate-300 bg-slate-50 p-3 text-slate-500" data-testid="ignored-facts">
          <h3 className="text-sm font-semibold">已填写但依规不得作为落户条件的信息（不参与判断）</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {panel.ignoredFacts.map((f) => (
              <li key={f.key}>
                <span className="font-medium">
                  {f.label}：{f.value}
                </span>{" "}
                — 依据 {f.clause}：{f.explanation}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
