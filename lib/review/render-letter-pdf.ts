import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import fontkit from "@pdf-lib/fontkit";
import { permitFontBytes } from "@/lib/permits/permit-font";
import { chineseDate } from "@/lib/permits/render-permit-pdf";

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

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 64;
const INK = rgb(0.1, 0.1, 0.12);
const GREY = rgb(0.38, 0.4, 0.45);
const RED = rgb(0.75, 0.1, 0.1);

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
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

export async function renderLetterPdf(input: LetterInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(input.title);
  doc.setSubject(input.subject);
  doc.setCreator("三门峡市落户通");
  doc.setProducer("三门峡市落户通");
  doc.setCreationDate(input.issuedAt);
  doc.setLanguage("zh-CN");
  const font = await doc.embedFont(permitFontBytes(), { subset: true });
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
  centered(input.title, 24);
  page.drawText(input.title, { x: (A4[0] - font.widthOfTextAtSize(input.title, 24)) / 2 + 0.6, y, size: 24, font, color: INK });
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
