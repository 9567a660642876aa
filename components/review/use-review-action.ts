"use client";

import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult, CriteriaFindingIssue, FieldIssue } from "@/lib/errors";

export type ActionFailure = { code: string; message: string; issues: FieldIssue[]; findings?: CriteriaFindingIssue[] };

/**
 * Runs a server action from a form: a pending state, the error with its field issues, and a
 * refresh of the page on success. A second submit while one is running is ignored (double
 * clicks are harmless; the server's version check refuses a stale second decision anyway).
 */
export function useReviewAction<I, O>(action: (input: I) => Promise<ActionResult<O>>) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<ActionFailure | null>(null);
  const [result, setResult] = useState<O | null>(null);
  const running = useRef(false);

  function run(input: I, onOk?: (data: O) => void) {
    if (running.current) return;
    running.current = true;
    setError(null);
    startTransition(async () => {
      try {
        const r = await action(input);
        if (r.ok) {
          setResult(r.data);
          onOk?.(r.data);
          router.refresh();
        } else {
          setError({ code: r.code, message: r.message, issues: r.issues, findings: r.findings });
          // Another clerk acted first: show the filing as it is now (the message stays).
          if (r.code === "conflict" || r.code === "invalid_state") router.refresh();
        }
      } catch {
        setError({ code: "internal", message: "网络或系统异常，请稍后重试。已填写的内容仍保留在页面上。", issues: [] });
      } finally {
        running.current = false;
      }
    });
  }
  /** The field was edited since the server complained: drop that field's stale message. */
  function clearIssue(path: string) {
    setError((e) => (e && e.issues.some((i) => i.path === path) ? { ...e, issues: e.issues.filter((i) => i.path !== path) } : e));
  }
  return { run, pending, error, result, clearIssue };
}
