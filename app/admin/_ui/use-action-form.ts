"use client";

import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { issueFor } from "@/components/forms/field";
import type { ActionResult, CriteriaFindingIssue, FieldIssue } from "@/lib/errors";

/**
 * The submit logic every admin form shares: one request at a time (a double click is
 * harmless), a pending state, the server's message and field errors, and a refresh of the
 * page's data on success. The form keeps its own values, so nothing typed is lost.
 */
export function useActionForm<I, O>(action: (input: I) => Promise<ActionResult<O>>, opts?: { onOk?: (data: O) => void; refresh?: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [err, setErr] = useState<{ message: string; issues: FieldIssue[]; findings?: CriteriaFindingIssue[] } | null>(null);
  const [done, setDone] = useState<O | null>(null);
  const busy = useRef(false);
  const submit = (input: I) => {
    if (busy.current) return;
    busy.current = true;
    setErr(null);
    setDone(null);
    start(async () => {
      try {
        const r = await action(input);
        if (r.ok) {
          setDone(r.data);
          opts?.onOk?.(r.data);
          if (opts?.refresh !== false) router.refresh();
        } else setErr({ message: r.message, issues: r.issues, findings: r.findings });
      } finally {
        busy.current = false;
      }
    });
  };
  return { pending, err, done, submit, issue: (path: string) => issueFor(err?.issues, path) };
}
