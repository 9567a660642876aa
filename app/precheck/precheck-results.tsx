"use client";

import { useEffect, useRef } from "react";
import Link from "next/link";
import type { PrecheckState } from "./actions";
import type { Channel, DocumentCode, Subtype } from "@/lib/schemas/eligibility";

const OUTCOME = {
  eligible: { text: "符合条件，材料齐全", cls: "border-green-600 bg-green-50" },
  needs_documents: { text: "符合条件，请准备以下材料", cls: "border-amber-500 bg-amber-50" },
  ineligible: { text: "不符合该通道的条件", cls: "border-slate-300 bg-slate-50" },
} as const;

export type PrecheckResultsProps = {
  candidates: NonNullable<PrecheckState["candidates"]>;
  ruleSetVersion?: string;
  labels: { channels: Record<Channel, string>; subtypes: Record<Subtype, string>; documents: Record<DocumentCode, string> };
  resultNote: string;
};

/**
 * The pre-check's answer. Loaded only once there is one (the form's first load stays small),
 * and it takes the reader to itself: on a phone the result appears below the screen.
 */
export function PrecheckResults({ candidates, ruleSetVersion, labels, resultNote }: PrecheckResultsProps) {
  const { channels: CHANNEL_LABELS, subtypes: SUBTYPE_LABELS, documents: DOCUMENT_LABELS } = labels;
  const results = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    results.current?.focus();
    results.current?.scrollIntoView({ block: "start" });
  }, [candidates]);
  return (
    <div className="space-y-4" data-testid="precheck-results">
      <h2 ref={results} tabIndex={-1} className="text-xl font-semibold outline-none focus:ring-4 focus:ring-amber-400" data-testid="precheck-results-title">
        预检结果
      </h2>
      {candidates.map((c, i) => {
        const o = OUTCOME[c.result.outcome];
        const title = `${CHANNEL_LABELS[c.channel as Channel]}${c.subtype ? ` · ${SUBTYPE_LABELS[c.subtype as Subtype]}` : ""}`;
        return (
          <article key={`${c.channel}-${c.subtype ?? ""}`} className={`rounded-lg border-l-4 p-4 ${o.cls}`} data-outcome={c.result.outcome}>
            <h3 className="font-semibold">
              {i === 0 && c.result.outcome !== "ineligible" ? "推荐：" : ""}
              {title}
            </h3>
            <p className="mt-1">
              {o.text}（依据：{c.basis}）
            </p>
            {c.why.length > 0 && (
              <>
                <h4 className="mt-2 text-sm font-semibold">{c.result.outcome === "ineligible" ? "不符合的原因" : "请注意"}</h4>
                <ul className="mt-1 list-disc pl-5 text-sm">
                  {c.why.map((r) => (
                    <li key={r.code}>{r.text}</li>
                  ))}
                </ul>
              </>
            )}
            {c.result.suggestedChannels.length > 0 && (
              <p className="mt-2 text-sm">建议改选：{c.result.suggestedChannels.map((s) => CHANNEL_LABELS[s]).join("、")}</p>
            )}
            {c.result.outcome !== "ineligible" && (
              <>
                <h4 className="mt-3 text-sm font-semibold">需要准备的材料清单</h4>
                <ul className="mt-1 list-disc pl-5 text-sm" data-testid="checklist">
                  {c.result.missingDocuments.map((d) => (
                    <li key={d}>{DOCUMENT_LABELS[d]}</li>
                  ))}
                </ul>
                <Link href={`/apply/new?precheck=${c.carry}`} className="btn-primary mt-3">
                  按此通道开始申请
                </Link>
              </>
            )}
          </article>
        );
      })}
      <p className="text-sm text-slate-600">
        规则版本：{ruleSetVersion}。{resultNote}
      </p>
    </div>
  );
}
