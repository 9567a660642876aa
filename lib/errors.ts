/**
 * Typed domain errors. Domain code throws these; only the edge (route handlers, server
 * actions, pages) turns them into HTTP statuses or form messages.
 */
import type { z } from "zod";

export type DomainErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "validation_failed"
  | "conflict"
  | "invalid_state"
  | "rate_limited"
  | "forbidden_criterion"
  | "duplicate_filing"
  | "payload_too_large"
  | "unsupported_media_type"
  | "internal";

const STATUS: Record<DomainErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  validation_failed: 400,
  conflict: 409,
  invalid_state: 409,
  rate_limited: 429,
  forbidden_criterion: 422,
  duplicate_filing: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal: 500,
};

export type FieldIssue = { path: string; message: string };

/** zod issues as `{ path: "applicant.idNumber", message }`; array indexes stay numbers (`documents.2`). */
export function formatZodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === "symbol" ? (p.description ?? "") : String(p))).join("."),
    message: issue.message,
  }));
}

/**
 * A forbidden condition found by the guard in a field's text (lib/rules/forbidden-criteria):
 * the words matched, their UTF-16 offsets in that field's text, the criterion and its clause.
 * Carried by a `forbidden_criterion` error so that a form can highlight the words in place.
 */
export type CriteriaFindingIssue = { path: string; criterion: string; clause: string; match: string; start: number; end: number; message: string };

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly issues: FieldIssue[];
  readonly details?: Record<string, unknown>;

  constructor(code: DomainErrorCode, message: string, opts?: { issues?: FieldIssue[]; details?: Record<string, unknown> }) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.issues = opts?.issues ?? [];
    this.details = opts?.details;
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export const notFound = (what = "记录") => new DomainError("not_found", `${what}不存在或您无权查看。`);
export const forbidden = (msg = "您没有权限执行此操作。") => new DomainError("forbidden", msg);
export const conflict = (msg: string) => new DomainError("conflict", msg);

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}

/** The serialisable result a server action returns to a form. */
export type ActionResult<T = undefined> =
  { ok: true; data: T } | { ok: false; code: DomainErrorCode; message: string; issues: FieldIssue[]; findings?: CriteriaFindingIssue[] };

/** The findings a `forbidden_criterion` error carries in its details, if any. */
export function findingsOf(e: DomainError): CriteriaFindingIssue[] | undefined {
  const f = e.details?.findings;
  return Array.isArray(f) ? (f as CriteriaFindingIssue[]) : undefined;
}

export function toActionError(e: unknown): Extract<ActionResult, { ok: false }> {
  if (isDomainError(e)) {
    const findings = findingsOf(e);
    return findings
      ? { ok: false, code: e.code, message: e.message, issues: e.issues, findings }
      : { ok: false, code: e.code, message: e.message, issues: e.issues };
  }
  // Unknown errors are logged by the caller; the resident sees a calm message, not a stack.
  return { ok: false, code: "internal", message: "系统繁忙，请稍后再试。您已填写的内容已保存。", issues: [] };
}
