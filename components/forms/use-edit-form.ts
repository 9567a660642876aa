"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/errors";
import { useActionForm } from "./use-action-form";

/** The keys of V whose values are text (what an input, select or textarea holds). */
type TextKey<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;

/**
 * A client form that holds its values in state and submits them with useActionForm (everything
 * the hook gives, and): `values`; `set(k, value)`; `field(k)`, the props that bind an InputField,
 * SelectField or TextareaField to the text field `k` (its value, onValue and the server's message
 * for it); `send()`, which submits the values. `reset` empties the form again after a save (a form
 * that creates); `refresh: false` as for useActionForm.
 */
export function useEditForm<V extends Record<string, unknown>, O>(
  initial: V,
  action: (values: V) => Promise<ActionResult<O>>,
  opts?: { reset?: boolean; refresh?: boolean },
) {
  const [values, setValues] = useState<V>(initial);
  const form = useActionForm(action, { refresh: opts?.refresh, onOk: () => opts?.reset && setValues(initial) });
  const set = <K extends keyof V>(k: K, value: V[K]) => setValues((x) => ({ ...x, [k]: value }));
  const field = <K extends TextKey<V>>(k: K) => ({ value: values[k] as string, onValue: (x: string) => set(k, x as V[K]), error: form.issue(k) });
  return { ...form, values, set, field, send: () => form.submit(values) };
}
