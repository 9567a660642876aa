import { z } from "zod";

/**
 * Text fields never carry control characters: NUL breaks PostgreSQL text ("invalid byte
 * sequence"), the others (C0/C1 controls, DEL) have no business in a name or a note and
 * can hide content. Tab, line feed and carriage return are allowed in multi-line text only.
 */
export const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const CONTROL_CHARS_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f]/;

export const CONTROL_CHAR_MESSAGE = "不能包含控制字符";

/** A single-line text field: trimmed, no control characters (not even tab or newline). */
export function plainText(opts: { required?: string; max: number; maxMessage?: string }) {
  return z
    .string({ error: opts.required ?? "请填写此项" })
    .max(opts.max * 2, opts.maxMessage ?? `不能超过${opts.max}字`)
    .refine((v) => !CONTROL_CHARS_SINGLE_LINE.test(v), CONTROL_CHAR_MESSAGE)
    .transform((v) => v.trim())
    .pipe(
      opts.required
        ? z
            .string()
            .min(1, opts.required)
            .max(opts.max, opts.maxMessage ?? `不能超过${opts.max}字`)
        : z.string().max(opts.max, opts.maxMessage ?? `不能超过${opts.max}字`),
    );
}

/** Multi-line text (notes, explanations): newlines and tabs allowed, other control characters not. */
export function multilineText(opts: { max: number; maxMessage?: string }) {
  return z
    .string()
    .max(opts.max * 2, opts.maxMessage ?? `不能超过${opts.max}字`)
    .refine((v) => !CONTROL_CHARS.test(v), CONTROL_CHAR_MESSAGE)
    .transform((v) => v.trim())
    .pipe(z.string().max(opts.max, opts.maxMessage ?? `不能超过${opts.max}字`));
}

/**
 * A structural check of any untrusted input before validation: nesting depth, number of
 * values, control characters in strings (multi-line whitespace allowed). Iterative, so a
 * hostile 100,000-level nesting cannot overflow the stack. null when fine, else the problem.
 */
export function inputProblem(value: unknown, limits: { maxDepth?: number; maxNodes?: number } = {}): { path: string; message: string } | null {
  const maxDepth = limits.maxDepth ?? 32;
  const maxNodes = limits.maxNodes ?? 20_000;
  const stack: Array<{ v: unknown; depth: number; path: string }> = [{ v: value, depth: 0, path: "" }];
  let nodes = 0;
  while (stack.length) {
    const { v, depth, path } = stack.pop()!;
    nodes += 1;
    if (nodes > maxNodes) return { path: "", message: "请求内容过多" };
    if (typeof v === "string") {
      if (CONTROL_CHARS.test(v)) return { path, message: CONTROL_CHAR_MESSAGE };
      continue;
    }
    if (v === null || typeof v !== "object") continue;
    // Only plain data is walked: files, buffers, streams and dates are the schemas' business.
    const proto = Object.getPrototypeOf(v);
    if (!Array.isArray(v) && !(v instanceof FormData) && proto !== Object.prototype && proto !== null) continue;
    if (depth >= maxDepth) return { path, message: `嵌套层级超过${maxDepth}层` };
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i += 1) stack.push({ v: v[i], depth: depth + 1, path: path ? `${path}.${i}` : String(i) });
    } else if (v instanceof FormData) {
      for (const [k, x] of v.entries()) {
        if (CONTROL_CHARS.test(k)) return { path: "", message: CONTROL_CHAR_MESSAGE };
        stack.push({ v: x, depth: depth + 1, path: path ? `${path}.${k}` : k });
      }
    } else {
      for (const [k, x] of Object.entries(v)) {
        if (CONTROL_CHARS.test(k)) return { path, message: CONTROL_CHAR_MESSAGE };
        stack.push({ v: x, depth: depth + 1, path: path ? `${path}.${k}` : k });
      }
    }
  }
  return null;
}

/**
 * Whether a JSON text nests deeper than `max` levels. Each level needs an opening bracket, so a
 * text with no more brackets than `max` (any ordinary request) passes without the full scan:
 * counting them with indexOf is far quicker, and this runs on every API request.
 */
export function jsonNestedDeeperThan(text: string, max: number): boolean {
  return bracketCount(text, max + 1) > max && jsonTextDepth(text, max) > max;
}

/** How many `{` and `[` the text holds, counting no further than `cap`. */
function bracketCount(text: string, cap: number): number {
  let n = 0;
  for (const ch of ["{", "["]) {
    for (let i = text.indexOf(ch); i >= 0 && n < cap; i = text.indexOf(ch, i + 1)) n += 1;
  }
  return n;
}

/** The deepest nesting of a JSON text, counted without parsing it (strings and escapes skipped). */
export function jsonTextDepth(text: string, stopAt = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i += 1;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth += 1;
      if (depth > max) {
        max = depth;
        if (max > stopAt) return max;
      }
    } else if (c === 125 || c === 93) depth -= 1;
  }
  return max;
}
