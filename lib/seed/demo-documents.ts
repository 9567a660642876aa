import { createHash, randomBytes } from "node:crypto";
import { PDFDocument, StandardFonts, rgb } from "pdf-lib";
import type { Db } from "@/lib/db/types";
import { getFileStorage } from "@/lib/storage/get-file-storage";

/** The documents a household member brings besides the applicant's channel evidence. */
export const MEMBER_DEMO_DOCS: Record<string, string[]> = {
  spouse: ["id_card", "hukou_booklet", "marriage_certificate"],
  child: ["id_card", "hukou_booklet", "birth_certificate"],
  parent: ["id_card", "hukou_booklet", "relationship_proof"],
};

const cache = new Map<string, Uint8Array>();

/** A one-page PDF of a few hundred bytes that says it is a demo document of that type. */
async function demoPdf(docType: string): Promise<Uint8Array> {
  const hit = cache.get(docType);
  if (hit) return hit;
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([420, 297]);
  page.drawText("LUOHU DEMO DOCUMENT", { x: 40, y: 220, size: 20, font, color: rgb(0.2, 0.2, 0.3) });
  page.drawText(`type: ${docType}`, { x: 40, y: 180, size: 14, font });
  page.drawText("Generated sample for the demo - not a real document.", { x: 40, y: 140, size: 11, font });
  const bytes = await doc.save();
  cache.set(docType, bytes);
  return bytes;
}

/**
 * Small generated documents for a demo filing — every document its people need — so a clerk
 * can open them and 受理 can be shown on the demo filings. Files go to the configured storage.
 */
export async function addDemoDocuments(
  tx: Db,
  app: { id: string },
  members: Array<{ id: string; relation: string }>,
  applicantDocs: string[],
  uploadedById: string,
  uploadedAt: Date,
): Promise<void> {
  const storage = getFileStorage();
  for (const m of members) {
    const types = m.relation === "self" ? applicantDocs : (MEMBER_DEMO_DOCS[m.relation] ?? ["id_card", "hukou_booklet"]);
    for (const docType of types) {
      const bytes = await demoPdf(docType);
      const storageKey = `${app.id.replace(/[^A-Za-z0-9_-]/g, "")}/${randomBytes(12).toString("hex")}`;
      await storage.put(storageKey, bytes, "application/pdf");
      await tx.document.create({
        data: {
          applicationId: app.id,
          memberId: m.id,
          docType,
          fileName: `${docType}.pdf`,
          mimeType: "application/pdf",
          size: bytes.length,
          sha256: createHash("sha256").update(bytes).digest("hex"),
          storageKey,
          uploadedById,
          uploadedAt,
        },
      });
    }
  }
}
