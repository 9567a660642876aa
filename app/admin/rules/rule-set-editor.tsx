"use client";

import { useState } from "react";
import Link from "next/link";
import { ErrorSummary } from "@/components/forms/field";
import { InputField, SelectField, TextareaField } from "@/components/forms/field-controls";
import { SavedStatus } from "@/components/forms/action-form";
import { TitledCard } from "@/components/ui/titled-card";
import type { FieldIssue } from "@/lib/errors";
import { CriteriaFindings, findingsFor } from "@/components/forms/criteria-findings";
import { saveRuleSetAction } from "../actions";
import { useActionForm } from "@/components/forms/use-action-form";

type Group = { alternatives: string[]; clause: string; label?: string };
type Reason = { code: string; label: string; clause: string };
type Limits = {
  acceptanceWorkingDays: string;
  decisionWorkingDays: string;
  supplementWorkingDays: string;
  draftRetentionDays: string;
  permitValidityDays: string;
};
export type EditorSlot = { key: string; path: string; label: string };

export type EditorProps = {
  baseId: string;
  baseVersion: string;
  suggestedVersion: string;
  today: string;
  slots: EditorSlot[];
  documents: Record<string, Group[]>;
  timeLimits: Record<keyof Limits, number>;
  refusalReasons: Reason[];
  /** Supplement notices: items beyond the documents, and whether a correction restarts the clock. */
  supplement: { otherItems: Array<{ code: string; label: string }>; correctionRestartsClock: boolean };
  documentOptions: Array<{ code: string; label: string }>;
};

const LIMITS: Array<[keyof Limits, string]> = [
  ["acceptanceWorkingDays", "受理时限（提交后，工作日）"],
  ["decisionWorkingDays", "决定时限（受理后，工作日）"],
  ["supplementWorkingDays", "补正期限（工作日）"],
  ["draftRetentionDays", "未提交草稿保留期（自然日）"],
  ["permitValidityDays", "准予迁入证明有效期（签发后，自然日）"],
];
const MAX_ALTERNATIVES = 6;

/** `list` with its `i`-th entry changed by `patch`. */
const patchAt = <T,>(list: T[], i: number, patch: Partial<T>) => list.map((y, k) => (k === i ? { ...y, ...patch } : y));

/** The problems of one slot (their paths start with the slot's path in the rule set data). */
const slotIssues = (issues: FieldIssue[] | undefined, slot: EditorSlot, all: EditorSlot[]) =>
  (issues ?? []).filter((i) => {
    const owner = [...all].sort((a, b) => b.path.length - a.path.length).find((s) => i.path === s.path || i.path.startsWith(`${s.path}.`));
    return owner?.key === slot.key;
  });

/**
 * Edits a copy of a rule set's data part as a new version: documents per channel and variant
 * (any one of a group's alternatives satisfies it), time limits and refusal reasons. The rules
 * guard judges it on the server; what it refuses is shown with the clause, nothing is lost.
 */
export function RuleSetEditor(p: EditorProps) {
  const [version, setVersion] = useState(p.suggestedVersion);
  const [effectiveFrom, setEffectiveFrom] = useState(p.today);
  const [notes, setNotes] = useState("");
  const [docs, setDocs] = useState<Record<string, Group[]>>(p.documents);
  const [limits, setLimits] = useState<Limits>(Object.fromEntries(LIMITS.map(([k]) => [k, String(p.timeLimits[k])])) as Limits);
  const [reasons, setReasons] = useState<Reason[]>(p.refusalReasons);
  const [otherItems, setOtherItems] = useState(p.supplement.otherItems);
  const [restarts, setRestarts] = useState(p.supplement.correctionRestartsClock);
  const f = useActionForm(saveRuleSetAction, { refresh: false });
  const issues = f.err?.issues;

  const setGroup = (key: string, i: number, g: Group) => setDocs((d) => ({ ...d, [key]: d[key].map((x, k) => (k === i ? g : x)) }));
  const submit = (publish: boolean) => {
    if (publish && !window.confirm(`发布后，新提交的申请将按版本 ${version} 审核（自 ${effectiveFrom} 起）。确定发布吗？`)) return;
    f.submit({
      baseId: p.baseId,
      version,
      effectiveFrom,
      notes,
      documents: docs,
      timeLimits: limits,
      refusalReasons: reasons,
      supplement: { otherItems, correctionRestartsClock: restarts },
      publish,
    });
  };
  const label = (code: string) => p.documentOptions.find((o) => o.code === code)?.label ?? code;
  const documentChoices = p.documentOptions.map((o) => ({ value: o.code, label: o.label }));

  return (
    <form className="space-y-5" noValidate onSubmit={(e) => e.preventDefault()} aria-label="编辑规则集">
      <div aria-live="assertive">
        {f.err && <ErrorSummary message={f.err.message} issues={f.err.issues} />}
        {f.done && (
          <SavedStatus>
            版本 {f.done.version} 已{f.done.published ? "保存并发布" : "保存为草稿"}。
            <Link href={`/admin/rules/${f.done.id}`} className="ml-2 underline">
              查看该版本
            </Link>
          </SavedStatus>
        )}
      </div>

      <TitledCard id="meta-title" title={`版本（基于 ${p.baseVersion}）`}>
        <div className="grid gap-3 sm:grid-cols-2">
          <InputField id="r-version" label="新版本号" className="input font-mono" error={f.issue("version")} value={version} onValue={setVersion} />
          <InputField id="r-from" label="生效日期" type="date" error={f.issue("effectiveFrom")} value={effectiveFrom} onValue={setEffectiveFrom} />
          <div className="sm:col-span-2">
            <TextareaField id="r-notes" label="修改说明" rows={2} error={f.issue("notes")} value={notes} onValue={setNotes} />
          </div>
        </div>
      </TitledCard>

      <section className="space-y-2" aria-labelledby="docs-title">
        <h2 id="docs-title" className="text-lg font-semibold">
          所需材料（身份证明之外；每组材料任选其一即可，第一种为缺少时提示的材料）
        </h2>
        <p className="text-sm text-slate-600">
          不得要求购房、投资纳税、积分或退出农村土地权益（二(二)、三(五)）：不动产权证书只能作为住所证明之一，必须可以用房屋租赁合同代替。
        </p>
        {p.slots.map((slot) => {
          const groups = docs[slot.key] ?? [];
          const problems = slotIssues(issues, slot, p.slots);
          return (
            <details key={slot.key} className={`card ${problems.length ? "border-red-400" : ""}`} open={problems.length > 0 || undefined} data-slot={slot.key}>
              <summary className="cursor-pointer font-medium">
                {slot.label}：{groups.length ? groups.map((g) => g.alternatives.map(label).join(" 或 ")).join("；") : "（无）"}
              </summary>
              {problems.length > 0 && (
                <ul className="mt-2 list-disc pl-5 text-sm text-red-700" role="alert">
                  {problems.map((x) => (
                    <li key={x.path + x.message}>{x.message}</li>
                  ))}
                </ul>
              )}
              <div className="mt-3 space-y-3">
                {groups.map((g, i) => (
                  <fieldset key={i} className="rounded border border-slate-200 p-3">
                    <legend className="px-1 text-sm font-medium">
                      {slot.label} · 材料组{i + 1}（任选其一）
                    </legend>
                    <div className="grid gap-2 sm:grid-cols-3">
                      {[...g.alternatives, ...(g.alternatives.length < MAX_ALTERNATIVES ? [""] : [])].map((alt, k) => (
                        <SelectField
                          key={k}
                          id={`d-${slot.key}-${i}-${k}`}
                          label={k === 0 ? "第1种材料" : `或第${k + 1}种材料`}
                          value={alt}
                          onValue={(code) => {
                            const next = [...g.alternatives];
                            if (code === "") next.splice(k, 1);
                            else next[k] = code;
                            setGroup(slot.key, i, { ...g, alternatives: next });
                          }}
                          placeholder="（不选）"
                          options={documentChoices}
                        />
                      ))}
                    </div>
                    <div className="mt-2 grid gap-2 sm:grid-cols-[8rem_1fr_auto] sm:items-end">
                      <InputField
                        id={`d-${slot.key}-${i}-clause`}
                        label="依据条款"
                        value={g.clause}
                        onValue={(clause) => setGroup(slot.key, i, { ...g, clause })}
                        placeholder="二(二)"
                      />
                      <InputField
                        id={`d-${slot.key}-${i}-label`}
                        label="说明（可选）"
                        value={g.label ?? ""}
                        onValue={(text) => setGroup(slot.key, i, { ...g, label: text })}
                      />
                      <button
                        type="button"
                        className="btn-secondary"
                        onClick={() => setDocs((d) => ({ ...d, [slot.key]: d[slot.key].filter((_, k) => k !== i) }))}
                      >
                        删除此组
                        <span className="sr-only">
                          （{slot.label} 材料组{i + 1}）
                        </span>
                      </button>
                    </div>
                  </fieldset>
                ))}
                <button
                  type="button"
                  className="btn-secondary"
                  onClick={() => setDocs((d) => ({ ...d, [slot.key]: [...(d[slot.key] ?? []), { alternatives: [], clause: "" }] }))}
                >
                  添加材料组<span className="sr-only">（{slot.label}）</span>
                </button>
              </div>
            </details>
          );
        })}
      </section>

      <TitledCard id="limits-title" title="办理时限">
        <div className="grid gap-3 sm:grid-cols-2">
          {LIMITS.map(([k, text]) => (
            <InputField
              key={k}
              id={`l-${k}`}
              label={text}
              inputMode="numeric"
              error={f.issue(`timeLimits.${k}`)}
              value={limits[k]}
              onValue={(x) => setLimits({ ...limits, [k]: x })}
            />
          ))}
        </div>
      </TitledCard>

      <TitledCard id="reasons-title" title="不予批准理由（民警只能从中选择，每项须注明条款）">
        <div className="space-y-3">
          {reasons.map((r, i) => {
            const e = (k: string) => issues?.find((x) => x.path === `refusalReasons.${i}.${k}` || (k === "code" && x.path === `refusalReasons.${i}`))?.message;
            const change = (patch: Partial<Reason>) => setReasons(patchAt(reasons, i, patch));
            return (
              <fieldset key={i} className="grid gap-2 rounded border border-slate-200 p-3 sm:grid-cols-[12rem_1fr_7rem_auto] sm:items-end">
                <legend className="sr-only">理由{i + 1}</legend>
                <InputField
                  id={`rr-${i}-code`}
                  label="代码"
                  className="input font-mono"
                  error={e("code")}
                  value={r.code}
                  onValue={(code) => change({ code })}
                />
                <InputField id={`rr-${i}-label`} label="理由" error={e("label")} value={r.label} onValue={(text) => change({ label: text })} />
                <InputField id={`rr-${i}-clause`} label="条款" error={e("clause")} value={r.clause} onValue={(clause) => change({ clause })} />
                <button type="button" className="btn-secondary" onClick={() => setReasons(reasons.filter((_, k) => k !== i))}>
                  删除<span className="sr-only">理由{i + 1}</span>
                </button>
                <div className="sm:col-span-4">
                  <CriteriaFindings
                    text={r.label.trim()}
                    findings={findingsFor(f.err?.findings, `refusalReasons.${i}.label`).filter((x) => r.label.trim().slice(x.start, x.end) === x.match)}
                    idPrefix={`rr-${i}-finding`}
                  />
                </div>
              </fieldset>
            );
          })}
          <button type="button" className="btn-secondary" onClick={() => setReasons([...reasons, { code: "", label: "", clause: "" }])}>
            添加理由
          </button>
        </div>
      </TitledCard>

      <TitledCard id="supplement-items-title" title="补正告知（材料以外的补正事项）">
        <div className="space-y-3">
          <p className="text-sm text-slate-600">补正告知只能列明规则要求的材料和以下事项；民警不能另写补正要求。事项同样受禁止条件检查。</p>
          {otherItems.map((x, i) => {
            const e = (k: string) => issues?.find((y) => y.path === `supplement.otherItems.${i}.${k}`)?.message;
            const change = (patch: Partial<(typeof otherItems)[number]>) => setOtherItems(patchAt(otherItems, i, patch));
            return (
              <fieldset key={i} className="grid gap-2 rounded border border-slate-200 p-3 sm:grid-cols-[12rem_1fr_auto] sm:items-end">
                <legend className="sr-only">补正事项{i + 1}</legend>
                <InputField
                  id={`si-${i}-code`}
                  label="代码"
                  className="input font-mono"
                  error={e("code")}
                  value={x.code}
                  onValue={(code) => change({ code })}
                />
                <InputField
                  id={`si-${i}-label`}
                  label="事项（告知申请人的文字）"
                  error={e("label")}
                  value={x.label}
                  onValue={(text) => change({ label: text })}
                />
                <button type="button" className="btn-secondary" onClick={() => setOtherItems(otherItems.filter((_, k) => k !== i))}>
                  删除<span className="sr-only">补正事项{i + 1}</span>
                </button>
              </fieldset>
            );
          })}
          <button type="button" className="btn-secondary" onClick={() => setOtherItems([...otherItems, { code: "", label: "" }])}>
            添加补正事项
          </button>
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" className="mt-0.5 h-5 w-5" checked={restarts} onChange={(e) => setRestarts(e.target.checked)} />
            所长更正已发出的补正告知后，补正期限重新计算
          </label>
        </div>
      </TitledCard>

      <div className="flex flex-wrap gap-3">
        <button type="button" className="btn-secondary" disabled={f.pending} onClick={() => submit(false)}>
          {f.pending ? "正在保存…" : "保存为草稿"}
        </button>
        <button type="button" className="btn-primary" disabled={f.pending} onClick={() => submit(true)}>
          {f.pending ? "正在保存…" : "保存并发布"}
        </button>
      </div>
    </form>
  );
}
