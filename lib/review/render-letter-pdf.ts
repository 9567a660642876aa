import type { PDFPage } from "pdf-lib";
import { A4, GREY, INK, RED, chineseDate, createPortalPdf, drawTitle, wrap } from "@/lib/permits/pdf-kit";

/**
 * A printable A4 letter of the station (不予批准决定书, 补正告知书): a title, the document
 * number, the addressee, paragraphs and numbered lists, the issuing station and date. Drawn
 * with the permit's font (lib/permits), subset into the file; pages are added as needed.
 */
export type LetterBlock = { kind: "p"; text: string } | { kind: "list"; items: string[] } | { kind: "heading"; text: string };

export type LetterInput = {
  title: string;
  /** e.g. 前进派出所不准字〔2026〕SMX-2026-000123号 */
  docNumber: string;
  addressee: string;
  blocks: LetterBlock[];
  issuer: string;
  issuedAt: Date;
  /** PDF metadata subject. */
  subject: string;
};

const MARGIN = 64;

export async function renderLetterPdf(input: LetterInput): Promise<Uint8Array> {
  const { doc, font } = await createPortalPdf({ title: input.title, subject: input.subject, createdAt: input.issuedAt });
  const width = A4[0] - MARGIN * 2;
  let page: PDFPage = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  const need = (h: number) => {
    if (y - h < MARGIN) {
      page = doc.addPage(A4);
      y = A4[1] - MARGIN;
    }
  };
  const centered = (text: string, size: number, color = INK) => {
    page.drawText(text, { x: (A4[0] - font.widthOfTextAtSize(text, size)) / 2, y, size, font, color });
  };
  const para = (text: string, size = 12.5, indent = 0, color = INK) => {
    for (const line of wrap(text, font, size, width - indent)) {
      need(20);
      page.drawText(line, { x: MARGIN + indent, y, size, font, color });
      y -= 20;
    }
  };

  centered("三门峡市公安局", 14, GREY);
  y -= 40;
  drawTitle(page, input.title, y, 24, font);
  y -= 30;
  centered(input.docNumber, 11.5, GREY);
  y -= 34;
  para(`${input.addressee}：`);
  y -= 4;
  for (const b of input.blocks) {
    if (b.kind === "heading") {
      y -= 4;
      para(b.text, 13);
    } else if (b.kind === "p") {
      para(`　　${b.text}`);
    } else {
      b.items.forEach((it, i) => {
        const lines = wrap(`${i + 1}. ${it}`, font, 12, width - 24);
        lines.forEach((line, k) => {
          need(19);
          page.drawText(line, { x: MARGIN + (k === 0 ? 24 : 40), y, size: 12, font, color: INK });
          y -= 19;
        });
      });
    }
    y -= 6;
  }
  need(120);
  y -= 30;
  const issuer = input.issuer;
  const date = chineseDate(input.issuedAt);
  page.drawText(issuer, { x: A4[0] - MARGIN - font.widthOfTextAtSize(issuer, 12.5), y, size: 12.5, font, color: INK });
  y -= 22;
  page.drawText(date, { x: A4[0] - MARGIN - font.widthOfTextAtSize(date, 12.5), y, size: 12.5, font, color: INK });
  page.drawCircle({ x: A4[0] - MARGIN - 60, y: y + 12, size: 42, borderColor: RED, borderWidth: 2, borderOpacity: 0.8 });
  const seal = "电子签发";
  page.drawText(seal, { x: A4[0] - MARGIN - 60 - font.widthOfTextAtSize(seal, 9) / 2, y: y - 18, size: 9, font, color: RED, opacity: 0.8 });
  return doc.save();
}
