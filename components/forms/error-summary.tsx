"use client";

import { useEffect, useRef } from "react";
import type { FieldIssue } from "@/lib/errors";

const PREFIX = "错误：";

/** The id of the input a field path belongs to: "members.0.name" → "members-0-name" unless the form says otherwise. */
export function defaultFieldId(path: string): string {
  return path.replace(/\./g, "-");
}

/**
 * The one error summary of every form (GOV.UK pattern): a heading, a list with a link to each
 * field in error, focus moved to the summary when it appears (and the page scrolled to it),
 * and the page title starting with 错误： while there are errors, so a screen reader and the tab
 * strip both say so. A link focuses its field.
 */
export function ErrorSummary({ message, issues, fieldId = defaultFieldId }: { message?: string; issues?: FieldIssue[]; fieldId?: (path: string) => string }) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = !!message || !!issues?.length;
  const key = `${message ?? ""}|${(issues ?? []).map((i) => `${i.path}:${i.message}`).join("|")}`;
  useEffect(() => {
    if (!shown) return;
    const base = document.title.startsWith(PREFIX) ? document.title.slice(PREFIX.length) : document.title;
    document.title = PREFIX + base;
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: "start" });
    return () => {
      if (document.title.startsWith(PREFIX)) document.title = document.title.slice(PREFIX.length);
    };
  }, [shown, key]);
  if (!shown) return null;
  const seen = new Set<string>();
  const list = (issues ?? []).filter((i) => {
    const k = `${i.path}:${i.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      className="rounded border-2 border-red-600 bg-red-50 p-3 text-red-900 outline-none focus:ring-4 focus:ring-amber-400"
      data-testid="error-summary"
    >
      <h2 id="error-summary-title" className="font-semibold">
        {message ?? "填写的内容有误，请按提示修改。"}
      </h2>
      {list.length > 0 && (
        <ul className="mt-1 list-disc space-y-1 pl-5">
          {list.map((i) => {
            const id = fieldId(i.path);
            return (
              <li key={`${i.path}:${i.message}`}>
                <a
                  href={`#${id}`}
                  className="text-red-900 underline underline-offset-2"
                  onClick={(e) => {
                    const el = document.getElementById(id);
                    if (!el) return;
                    e.preventDefault();
                    el.focus();
                    (el.closest("div") ?? el).scrollIntoView({ block: "center" });
                  }}
                >
                  {i.message}
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
