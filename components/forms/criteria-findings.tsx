import type { CriteriaFindingIssue } from "@/lib/errors";

/** A finding as the guard returns it (the API's shape); `path` when it comes from a form field. */
export type FindingView = Omit<CriteriaFindingIssue, "path"> & { path?: string };

/** The clause as shown: the plan's clause, or a plain statement where the plan sets no such condition. */
export function clauseText(clause: string): string {
  return clause ? `《实施方案》${clause}` : "《实施方案》未设此条件";
}

/** Pieces of the text: plain runs and the matched runs (overlaps skipped, in text order). */
function pieces(text: string, findings: readonly FindingView[]) {
  const sorted = [...findings].filter((f) => f.start >= 0 && f.end <= text.length && f.end > f.start).sort((a, b) => a.start - b.start);
  const out: Array<{ text: string; finding?: FindingView; index?: number }> = [];
  let at = 0;
  sorted.forEach((f) => {
    if (f.start < at) return;
    if (f.start > at) out.push({ text: text.slice(at, f.start) });
    out.push({ text: text.slice(f.start, f.end), finding: f, index: findings.indexOf(f) });
    at = f.end;
  });
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/**
 * The text with every forbidden condition highlighted in place (<mark>), each numbered, and
 * below it the clause that forbids it and why. Used wherever a text is refused by the guard
 * (refusal, notes, rule sets) and by the 规范性文件合规检查 page. Renders on server or client.
 */
export function CriteriaFindings({
  text,
  findings,
  idPrefix = "finding",
  title,
}: {
  text: string;
  findings: readonly FindingView[];
  idPrefix?: string;
  title?: string;
}) {
  if (findings.length === 0) return null;
  return (
    <section className="rounded border border-red-300 bg-red-50 p-3 text-sm" aria-label={title ?? "不得作为落户条件的内容"} data-testid="criteria-findings">
      <p className="mb-2 font-medium text-red-900">{title ?? `以下 ${findings.length} 处将不得设定的内容作为落户条件，请修改后再提交：`}</p>
      <p className="whitespace-pre-wrap break-words rounded bg-white p-2 leading-7 text-slate-900" data-testid="criteria-text">
        {pieces(text, findings).map((p, i) =>
          p.finding ? (
            <mark
              key={i}
              className="rounded bg-yellow-200 px-0.5 text-red-900 underline decoration-red-600 decoration-2"
              data-criterion={p.finding.criterion}
              data-clause={p.finding.clause}
              aria-describedby={`${idPrefix}-${p.index}`}
            >
              {p.text}
              <sup className="ml-0.5 font-semibold">[{(p.index ?? 0) + 1}]</sup>
            </mark>
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
      </p>
      <ol className="mt-2 space-y-1">
        {findings.map((f, i) => (
          <li key={`${f.start}-${f.criterion}-${i}`} id={`${idPrefix}-${i}`} data-testid="criteria-finding" data-criterion={f.criterion} data-clause={f.clause}>
            <span className="font-semibold">
              [{i + 1}] “{f.match}”
            </span>{" "}
            <span className="rounded bg-red-100 px-1 font-semibold text-red-900">{clauseText(f.clause)}</span>{" "}
            <span className="text-slate-800">{f.message}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The findings of one form field. */
export function findingsFor(findings: readonly FindingView[] | undefined, path: string): FindingView[] {
  return (findings ?? []).filter((f) => f.path === path);
}
