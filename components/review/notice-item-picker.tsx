"use client";

import { relationLabel } from "@/lib/filings/member-relations";
import { issueFor } from "@/components/forms/field";
import type { FieldIssue } from "@/lib/errors";
import type { AllowedNoticeItem } from "@/lib/review/notice-items";

/** What the picker holds per chosen item: key → clarification. */
export type NoticeChoice = Record<string, string>;

export const choiceKey = (o: { memberId: string | null; code: string }) => `${o.memberId ?? ""}|${o.code}`;

/** The choice as the server action's items (the order gives the issue paths items.<i>.…). */
export function choiceToItems(options: AllowedNoticeItem[], choice: NoticeChoice) {
  return options
    .filter((o) => o.missing || choiceKey(o) in choice)
    .map((o) => ({ code: o.code, memberId: o.memberId ?? undefined, clarification: choice[choiceKey(o)] || undefined }));
}

const CLAUSE = /([一二三四]\([一二三四五六七八九十]+\))/;

/** A guard message with the clause that forbids the text highlighted. */
export function ClauseMessage({ message, id }: { message: string; id?: string }) {
  const parts = message.split(CLAUSE);
  return (
    <p id={id} className="field-error" role="alert" data-testid="clause-message">
      {parts.map((p, i) =>
        CLAUSE.test(p) ? (
          <mark key={i} className="rounded bg-amber-200 px-0.5 font-semibold text-slate-900" data-testid="forbidding-clause">
            {p}
          </mark>
        ) : (
          <span key={i}>{p}</span>
        ),
      )}
    </p>
  );
}

/**
 * Structure first: the items a notice may list for this filing, person by person — each
 * document slot the rules require (with its alternatives) and the rule set's other items. Slots
 * still missing are always listed; others are ticked by the clerk. Each listed item takes an
 * optional clarification (checked by the guard on the server); there is no free-text item.
 */
export function NoticeItemPicker({
  idPrefix,
  options,
  members,
  choice,
  onChange,
  issues,
}: {
  idPrefix: string;
  options: AllowedNoticeItem[];
  members: Array<{ id: string; relation: string }>;
  choice: NoticeChoice;
  onChange: (next: NoticeChoice) => void;
  issues?: FieldIssue[];
}) {
  const listed = options.filter((o) => o.missing || choiceKey(o) in choice);
  const indexOf = (o: AllowedNoticeItem) => listed.findIndex((x) => choiceKey(x) === choiceKey(o));
  const persons = [...new Map(options.map((o) => [o.memberIndex, o])).values()];
  return (
    <div className="space-y-3">
      {persons.map((p) => {
        const rel = members.find((m) => m.id === p.memberId)?.relation ?? "self";
        return (
          <fieldset key={p.memberIndex} className="rounded border border-slate-200 p-2">
            <legend className="px-1 text-sm font-semibold">
              {p.memberName}（{relationLabel(rel)}）
            </legend>
            <ul className="space-y-2">
              {options
                .filter((o) => o.memberIndex === p.memberIndex)
                .map((o) => {
                  const key = choiceKey(o);
                  const id = `${idPrefix}-${o.memberIndex}-${o.code}`;
                  const on = o.missing || key in choice;
                  const i = indexOf(o);
                  const err = i >= 0 ? (issueFor(issues, `items.${i}.clarification`) ?? issueFor(issues, `items.${i}.code`)) : undefined;
                  return (
                    <li key={key} className="text-sm" data-testid="notice-option" data-code={o.code}>
                      <label className="flex items-start gap-2">
                        <input
                          type="checkbox"
                          className="mt-0.5 h-5 w-5"
                          checked={on}
                          disabled={o.missing}
                          onChange={(e) => {
                            const next = { ...choice };
                            if (e.target.checked) next[key] = next[key] ?? "";
                            else delete next[key];
                            onChange(next);
                          }}
                        />
                        <span>
                          {o.label}
                          {o.clause ? <span className="text-slate-500">（{o.clause}）</span> : null}
                          {o.missing && <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900">规则核验：缺少，自动列入</span>}
                        </span>
                      </label>
                      {on && (
                        <div className="ml-7 mt-1">
                          <label htmlFor={`${id}-clarification`} className="sr-only">
                            对“{o.label}”的补充说明（可选）
                          </label>
                          <input
                            id={`${id}-clarification`}
                            className="input"
                            placeholder="补充说明（可选），如：第2页不清晰"
                            maxLength={300}
                            value={choice[key] ?? ""}
                            onChange={(e) => onChange({ ...choice, [key]: e.target.value })}
                            aria-invalid={err ? true : undefined}
                            aria-describedby={err ? `${id}-error` : undefined}
                            data-testid="notice-clarification"
                          />
                          {err && <ClauseMessage id={`${id}-error`} message={err} />}
                        </div>
                      )}
                    </li>
                  );
                })}
            </ul>
          </fieldset>
        );
      })}
    </div>
  );
}
