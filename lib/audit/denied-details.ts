import type { DomainError } from "@/lib/errors";

/**
 * The content of a refused attempt's audit event (`<action>.denied`): the error code and, for
 * a text the guard refused, the field, the text, the criterion and the clause. Never an ID
 * number: any 15/18-digit resident ID number in a text is masked before it is recorded.
 */

const ID_NUMBER = /(?<![0-9])(?:[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]|[1-9]\d{14})(?![0-9])/g;

/** Replaces every resident ID number in the text by a fixed mark. */
export function maskIdNumbers(text: string): string {
  return text.replace(ID_NUMBER, "[身份证号已隐去]");
}

/** Masks ID numbers in a free text kept by the audit trail (notes, clarifications); null stays null. */
export function auditText(text: string | null | undefined): string | null {
  return text ? maskIdNumbers(text) : null;
}

export type DeniedDetails = {
  code: string;
  field?: string;
  text?: string;
  criterion?: string;
  clause?: string;
  criteria?: Array<{ criterion: string; clause: string; match: string | null }>;
  reference?: string | null;
};

/** Only the known, safe fields of the error's details are kept. */
export function deniedDetails(e: DomainError): DeniedDetails {
  const d = (e.details ?? {}) as Record<string, unknown>;
  const out: DeniedDetails = { code: e.code };
  if (typeof d.field === "string") out.field = d.field;
  if (typeof d.text === "string") out.text = maskIdNumbers(d.text).slice(0, 2000);
  if (typeof d.criterion === "string") out.criterion = d.criterion;
  if (typeof d.clause === "string") out.clause = d.clause;
  if (Array.isArray(d.criteria)) {
    out.criteria = d.criteria
      .filter((c): c is Record<string, unknown> => !!c && typeof c === "object")
      .map((c) => ({
        criterion: String(c.criterion ?? ""),
        clause: String(c.clause ?? ""),
        match: typeof c.match === "string" ? maskIdNumbers(c.match) : null,
      }));
  }
  return out;
}
