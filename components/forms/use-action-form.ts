"use client";

import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { issueFor } from "@/components/forms/field";
import type { ActionResult, CriteriaFindingIssue, FieldIssue } from "@/lib/errors";

export type ActionFailure = { code: string; message: string; issues: FieldIssue[]; findings?: CriteriaFindingIssue[] };

/**
 * The one way a client form submits: to a server action made with `callAsServerAction` (or to a
 * route handler through `fetchAction`), both answering an `ActionResult`.
 *
 * - one request at a time: a second submit while one runs is ignored (double clicks are harmless);
 * - `pending` while it runs; the server's message and field issues in `err` (`issue(path)` for a
 *   field, `clearIssue(path)` once the field is edited, or `edit(path, set)` as its onChange); the
 *   result in `done`;
 * - on success the page's data is refreshed (unless `refresh: false`), and when someone else acted
 *   first (`conflict`, `invalid_state`) too, so the page shows things as they are now;
 * - the form keeps its own values, so nothing typed is lost on an error.
 *
 * When plain `useActionState` is the right choice instead: a form that posts its `FormData` to a
 * server action through `<form action>` and must work before the page's JavaScript has loaded
 * (progressive enhancement) — sign-in, sign-up, password reset and change, the two-factor
 * confirmation, the progress lookup and the application steps (components/filing/step-form.tsx).
 * Those read their values from the form, need no client state between submits, and get the
 * pending state and the result from React itself. Everything that builds its input in client
 * state (admin editors, the review workbench, the document uploads) uses this hook.
 */
export function useActionForm<I, O>(action: (input: I) => Promise<ActionResult<O>>, opts?: { onOk?: (data: O) => void; refresh?: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [err, setErr] = useState<ActionFailure | null>(null);
  const [done, setDone] = useState<O | null>(null);
  const busy = useRef(false);
  const refresh = opts?.refresh !== false;

  /** Sends `input`; `onOk` (besides the hook's own) runs with the result on success. */
  function submit(input: I, onOk?: (data: O) => void) {
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
          onOk?.(r.data);
          if (refresh) router.refresh();
        } else {
          setErr({ code: r.code, message: r.message, issues: r.issues, findings: r.findings });
          if (refresh && (r.code === "conflict" || r.code === "invalid_state")) router.refresh();
        }
      } catch {
        setErr({ code: "internal", message: "网络或系统异常，请稍后重试。已填写的内容仍保留在页面上。", issues: [] });
      } finally {
        busy.current = false;
      }
    });
  }

  /** The field was edited since the server complained: drop that field's stale message. */
  function clearIssue(path: string) {
    setErr((e) => (e && e.issues.some((i) => i.path === path) ? { ...e, issues: e.issues.filter((i) => i.path !== path) } : e));
  }

  /** A field's onChange: keeps the new value (`set`) and drops the field's stale message (`clearIssue`). */
  function edit(path: string, set: (value: string) => void) {
    return (e: { target: { value: string } }) => {
      set(e.target.value);
      clearIssue(path);
    };
  }

  return { submit, pending, err, done, issue: (path: string) => issueFor(err?.issues, path), clearIssue, edit };
}

/**
 * A route handler called like a server action: JSON or multipart `init`, the answer as an
 * `ActionResult` (the handlers answer errors as `{ error, message, issues }`), for `useActionForm`.
 * For what a server action cannot take: file uploads to /api/files (streamed, size-checked there).
 */
export async function fetchAction<O = unknown>(
  url: string,
  init: RequestInit,
  /** The message when the handler gave none (by status, e.g. 413 from a proxy). */
  failed: string | ((status: number) => string),
  /** The message when the request never got an answer (network). */
  offline = "网络异常，请稍后重试。",
): Promise<ActionResult<O>> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    return { ok: false, code: "internal", message: offline, issues: [] };
  }
  const body = (await res.json().catch(() => null)) as ({ error?: string; message?: string; issues?: FieldIssue[] } & Record<string, unknown>) | null;
  if (res.ok) return { ok: true, data: body as O };
  const message = body?.message ?? (typeof failed === "function" ? failed(res.status) : failed);
  return {
    ok: false,
    code: (body?.error ?? "internal") as Extract<ActionResult, { ok: false }>["code"],
    message,
    issues: Array.isArray(body?.issues) ? body.issues : [],
  };
}
