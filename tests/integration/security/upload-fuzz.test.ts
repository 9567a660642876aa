import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { createKit, PDF, PNG, type Kit } from "../filings/filing-test-kit";
import { tooLargeMessage, uploadDocumentDef } from "@/lib/filings/upload-document";
import { readMultipartForm } from "@/lib/http/read-multipart";
import { isDomainError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/roles";

/**
 * Property-based fuzzing of the upload path as the route runs it: the capped multipart reader
 * (lib/http/read-multipart.ts), then the guarded upload action. Generated bodies: broken and
 * foreign boundaries, truncated parts, control and bidi characters in names and fields, wrong
 * and unknown ids, random bytes named as images, oversized parts. The property: every answer is
 * a stored document or a typed domain error below 500 — never anything else.
 */

let kit: Kit;
let me: SessionUser;
let draft: { id: string; self: string };
const CAP = 4096; // a small cap, so oversized bodies are generated cheaply

beforeAll(async () => {
  kit = await createKit();
  me = await kit.resident();
  const id = await kit.residenceDraft(me);
  draft = { id, self: (await kit.loadDraft(id)).members[0].id };
}, 180_000);
afterAll(async () => kit?.close());

const enc = new TextEncoder();
const nasty = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom("", "\u0000", "gpj.exe\u202e", "../../etc/passwd", "身份证.png", "a\r\nContent-Type: text/html", "x".repeat(300)),
);

function part(boundary: string, name: string, value: string | Uint8Array, filename?: string, type?: string): Uint8Array[] {
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename !== undefined ? `; filename="${filename}"` : ""}\r\n${type ? `Content-Type: ${type}\r\n` : ""}\r\n`;
  return [enc.encode(head), typeof value === "string" ? enc.encode(value) : value, enc.encode("\r\n")];
}

const body = fc.record({
  boundary: fc.oneof(fc.constant("luohu-fuzz"), fc.string({ minLength: 1, maxLength: 70 })),
  declaredBoundary: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }),
  applicationId: fc.oneof({ weight: 3, arbitrary: fc.constant("DRAFT") }, { weight: 1, arbitrary: nasty }),
  memberId: fc.oneof({ weight: 3, arbitrary: fc.constant("SELF") }, { weight: 1, arbitrary: nasty }),
  docType: fc.oneof(fc.constantFrom("id_card", "hukou_booklet", "rental_contract", "supplement_attachment"), nasty),
  fileName: nasty,
  fileType: fc.constantFrom("image/png", "application/pdf", "text/html", "", "image/svg+xml"),
  bytes: fc.oneof(
    fc.constant(PNG),
    fc.constant(PDF),
    fc.uint8Array({ maxLength: 600 }),
    fc.integer({ min: CAP, max: CAP * 3 }).map((n) => new Uint8Array(n).fill(0x41)),
    fc.uint8Array({ maxLength: 64 }).map((tail) => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, ...tail])),
  ),
  coversMemberIds: fc.array(nasty, { maxLength: 3 }),
  omitFile: fc.boolean(),
  truncateAt: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat({ max: 400 }) }),
  contentType: fc.oneof(
    { weight: 6, arbitrary: fc.constant("multipart/form-data") },
    { weight: 1, arbitrary: fc.constantFrom("application/json", "text/plain", "") },
  ),
});

describe("fuzzing the upload path: zero 5xx", () => {
  it("1,500 generated multipart bodies are stored or refused with a domain error", async () => {
    const statuses = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const chunks: Uint8Array[] = [
          ...part(b.boundary, "applicationId", b.applicationId === "DRAFT" ? draft.id : b.applicationId),
          ...part(b.boundary, "memberId", b.memberId === "SELF" ? draft.self : b.memberId),
          ...part(b.boundary, "docType", b.docType),
          ...b.coversMemberIds.flatMap((m) => part(b.boundary, "coversMemberIds", m)),
          ...(b.omitFile ? [] : part(b.boundary, "file", b.bytes, b.fileName, b.fileType)),
          enc.encode(`--${b.boundary}--\r\n`),
        ];
        let raw = Buffer.concat(chunks);
        if (b.truncateAt !== null) raw = raw.subarray(0, b.truncateAt);
        const type = b.contentType.startsWith("multipart") ? `multipart/form-data; boundary=${b.declaredBoundary ?? b.boundary}` : b.contentType;
        const req = new Request("http://localhost/api/files", { method: "POST", body: raw, headers: type ? { "content-type": type } : {} });
        let outcome: string;
        try {
          const form = await readMultipartForm(req, CAP + 2048, tooLargeMessage());
          const input = {
            applicationId: form.get("applicationId"),
            memberId: form.get("memberId"),
            docType: form.get("docType"),
            file: form.get("file"),
            coversMemberIds: form.getAll("coversMemberIds"),
          };
          await kit.run(me, uploadDocumentDef, input);
          outcome = "stored";
        } catch (e) {
          // Anything but a typed domain error below 500 would be a 500 at the edge.
          expect(isDomainError(e), e instanceof Error ? e.stack : String(e)).toBe(true);
          if (!isDomainError(e)) throw e;
          expect(e.status).toBeLessThan(500);
          outcome = e.code;
        }
        statuses.set(outcome, (statuses.get(outcome) ?? 0) + 1);
      }),
      { numRuns: 1500 },
    );
    // The generator reaches success and the main refusals.
    expect(statuses.get("stored") ?? 0).toBeGreaterThan(0);
    expect(statuses.get("validation_failed") ?? 0).toBeGreaterThan(0);
    expect(statuses.get("payload_too_large") ?? 0).toBeGreaterThan(0);
  }, 600_000);
});
