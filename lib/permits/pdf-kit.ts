import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import fontkit from "@pdf-lib/fontkit";
import { beijingDate } from "@/lib/calendar/working-days";
import { permitFontBytes } from "./permit-font";

/**
 * What the portal's printed documents share (the permit, the receipts, the station's letters):
 * A4 pages, the ink colours, the embedded CJK font with the document's metadata, line wrapping,
 * centred and bold-looking titles, and dates written the Chinese way.
 */

export const A4: [number, number] = [595.28, 841.89];
export const INK = rgb(0.1, 0.1, 0.12);
export const GREY = rgb(0.38, 0.4, 0.45);
export const RED = rgb(0.75, 0.1, 0.1);

/** 2026-11-27 → 2026年11月27日 (Beijing calendar day). */
export function chineseDate(d: Date): string {
  const [y, m, day] = beijingDate(d).split("-");
  return `${y}年${Number(m)}月${Number(day)}日`;
}

/** A new PDF with the portal's metadata and the CJK font (subset into the file). */
export async function createPortalPdf(meta: { title: string; subject: string; createdAt: Date }): Promise<{ doc: PDFDocument; font: PDFFont }> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(meta.title);
  doc.setSubject(meta.subject);
  doc.setCreator("三门峡市落户通");
  doc.setProducer("三门峡市落户通");
  doc.setCreationDate(meta.createdAt);
  doc.setLanguage("zh-CN");
  const font = await doc.embedFont(permitFontBytes(), { subset: true });
  return { doc, font };
}

/** Splits text into lines no wider than `width` (CJK breaks anywhere; fine for addresses and notes). */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const ch of text) {
    if (font.widthOfTextAtSize(line + ch, size) > width && line) {
      lines.push(line);
      line = ch;
    } else line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

export function drawCentered(page: PDFPage, text: string, y: number, size: number, font: PDFFont, color = INK) {
  const w = font.widthOfTextAtSize(text, size);
  page.drawText(text, { x: (A4[0] - w) / 2, y, size, font, color });
}

/** A heavier title: the same text drawn twice, a hair apart (the subset font has one weight). */
export function drawTitle(page: PDFPage, text: string, y: number, size: number, font: PDFFont) {
  drawCentered(page, text, y, size, font);
  page.drawText(text, { x: (A4[0] - font.widthOfTextAtSize(text, size)) / 2 + 0.6, y, size, font, color: INK });
}
