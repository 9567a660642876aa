import type { ReactNode } from "react";

/** The two-column list of a filing's (or an account's) facts: "状态：已受理", "落户地：…". */
export function FactGrid({ className = "", children }: { className?: string; children: ReactNode }) {
  return <dl className={`grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2 ${className}`.trim()}>{children}</dl>;
}

/** One fact of a FactGrid: its label, then the value on the same line. */
export function Fact({ label, className = "", testId, children }: { label: ReactNode; className?: string; testId?: string; children: ReactNode }) {
  return (
    <div>
      <dt className="inline text-slate-600">{label}：</dt>
      <dd className={`inline ${className}`.trim()} data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/** A filing's answers as the review and audit pages show them (answerSummary's lines). */
export function AnswerFacts({ answers }: { answers: ReadonlyArray<{ label: string; value: ReactNode }> }) {
  return (
    <FactGrid>
      {answers.map((l) => (
        <Fact key={l.label} label={l.label}>
          {l.value}
        </Fact>
      ))}
    </FactGrid>
  );
}
