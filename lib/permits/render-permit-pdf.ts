import { PDFName, PDFString, rgb, type PDFPage } from "pdf-lib";
import QRCode from "qrcode";
import { relationLabel } from "@/lib/filings/member-relations";
import { A4, GREY, INK, RED, chineseDate, createPortalPdf, drawCentered, drawTitle, wrap } from "./pdf-kit";

export type PermitPdfInput = {
  number: string;
  issuedAt: Date;
  /** The filing's reference number (受理编号). */
  reference: string | null;
  stationName: string;
  stationAddress: string;
  stationPhone: string | null;
  destinationCountyName: string;
  destinationAddress: string;
  persons: Array<{ name: string; idNumber: string; relation: string }>;
  /** Absolute URL of the public verification page of this permit, with its code (printed as a QR code). */
  verifyUrl: string;
  /** The permit's verification code (printed in groups of four; /verify needs it with the number). */
  verifyCode?: string;
  /** Calendar days the permit stays valid from its issue (the rule set's time limit). */
  validityDays?: number;
  /** The applicant's current (origin) hukou address: division name and the booklet's address. */
  originAddress?: string | null;
  /** The officer who approved and issued it (the clerk's name). */
  issuingOfficer?: string | null;
};

const DAY_MS = 24 * 3600_000;

/** The last day the permit is valid: issued on day 1, valid `days` calendar days (Beijing calendar). */
export function permitValidUntil(issuedAt: Date, days: number): Date {
  return new Date(issuedAt.getTime() + (days - 1) * DAY_MS);
}

const MARGIN = 56;
/** The lowest baseline for text above the seal and QR code at the foot of the page. */
const NOTES_FLOOR = MARGIN + 138;

/** ABCD1234… → ABCD-1234-… (easier to read out and type). */
export function formatVerifyCode(code: string): string {
  return code.match(/.{1,4}/g)?.join("-") ?? code;
}

/** Kept here for the pages and renderers that import it with the permit. */
export { chineseDate };

/** Vector QR code (crisp at any zoom), `size` points wide, bottom-left at (x, y). */
function drawQr(page: PDFPage, text: string, x: number, y: number, size: number) {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const quiet = 2;
  const cell = size / (n + quiet * 2);
  page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) });
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (!qr.modules.get(r, c)) continue;
      page.drawRectangle({ x: x + (c + quiet) * cell, y: y + size - (r + quiet + 1) * cell, width: cell, height: cell, color: rgb(0, 0, 0) });
    }
  }
}

/**
 * The permit to move in (准予迁入证明) as a one-page A4 PDF: number, people, destination address
 * and station, date, and a QR code to the public verification page. Chinese is drawn with the
 * font shipped in the repository, subset into the file.
 */
export async function renderPermitPdf(input: PermitPdfInput): Promise<Uint8Array> {
  const { doc, font } = await createPortalPdf({
    title: `准予迁入证明 ${input.number}`,
    subject: "三门峡市户口迁移（落户）准予迁入证明",
    createdAt: input.issuedAt,
  });
  const page = doc.addPage(A4);
  const width = A4[0] - MARGIN * 2;
  let y = A4[1] - MARGIN;

  page.drawRectangle({ x: MARGIN - 16, y: MARGIN - 16, width: width + 32, height: A4[1] - 2 * MARGIN + 32, borderColor: GREY, borderWidth: 1 });
  drawCentered(page, "三门峡市公安局", y - 10, 14, font, GREY);
  y -= 52;
  drawTitle(page, "准予迁入证明", y, 28, font);
  y -= 34;
  const numberLine = `编号：${input.number}`;
  page.drawText(numberLine, { x: A4[0] - MARGIN - font.widthOfTextAtSize(numberLine, 12), y, size: 12, font, color: INK });
  if (input.reference) page.drawText(`受理编号：${input.reference}`, { x: MARGIN, y, size: 12, font, color: GREY });
  y -= 30;

  const intro =
    `经审核，下列人员的落户申请符合三门峡市人民政府办公室《推动非户籍人口在城市落户实施方案》（三政办〔2019〕24号）的规定，` +
    `准予将常住户口迁入${input.destinationCountyName}。`;
  for (const line of wrap(intro, font, 12.5, width)) {
    page.drawText(line, { x: MARGIN, y, size: 12.5, font, color: INK });
    y -= 20;
  }
  y -= 8;

  // The people: a table with a header row.
  const cols = [MARGIN, MARGIN + 40, MARGIN + 150, MARGIN + 270];
  // Compact rows and fields: a household of five still leaves the notes clear of the seal and QR code.
  const rowH = 21;
  const header = ["序号", "姓名", "与申请人关系", "公民身份号码"];
  page.drawRectangle({ x: MARGIN, y: y - rowH + 6, width, height: rowH, color: rgb(0.93, 0.94, 0.96) });
  header.forEach((h, i) => page.drawText(h, { x: cols[i] + 6, y: y - 11, size: 11.5, font, color: INK }));
  y -= rowH;
  input.persons.forEach((p, i) => {
    const cells = [String(i + 1), p.name, relationLabel(p.relation).replace("（申请人）", ""), p.idNumber];
    cells.forEach((c, k) => page.drawText(c, { x: cols[k] + 6, y: y - 11, size: 12, font, color: INK }));
    page.drawLine({ start: { x: MARGIN, y: y - rowH + 6 }, end: { x: MARGIN + width, y: y - rowH + 6 }, thickness: 0.5, color: GREY });
    y -= rowH;
  });
  page.drawText(`共 ${input.persons.length} 人`, { x: MARGIN, y: y - 8, size: 11, font, color: GREY });
  y -= 30;

  const fields: Array<[string, string]> = [
    ["迁入地址", input.destinationAddress],
    ["迁入地派出所", input.stationName],
    ["派出所地址", `${input.stationAddress}${input.stationPhone ? `（电话 ${input.stationPhone}）` : ""}`],
    ...(input.originAddress ? ([["原户籍地址", input.originAddress]] as Array<[string, string]>) : []),
    ["签发日期", chineseDate(input.issuedAt)],
    ...(input.validityDays
      ? ([
          ["有效期", `${input.validityDays}日（${chineseDate(input.issuedAt)}至${chineseDate(permitValidUntil(input.issuedAt, input.validityDays))}）`],
        ] as Array<[string, string]>)
      : []),
    ...(input.issuingOfficer ? ([["签发民警", input.issuingOfficer]] as Array<[string, string]>) : []),
  ];
  for (const [label, value] of fields) {
    page.drawText(`${label}：`, { x: MARGIN, y, size: 12, font, color: GREY });
    const lines = wrap(value, font, 12, width - 96);
    lines.forEach((line, i) => page.drawText(line, { x: MARGIN + 96, y: y - i * 17, size: 12, font, color: INK }));
    y -= 17 * lines.length + 5;
  }
  y -= 6;
  const notes = [
    "1. 请在有效期内持本证明及居民身份证、户口簿，到原户籍地公安机关办理户口迁出，逾期须重新申请；省内及跨省迁移可由迁入地派出所网上一站式办理。",
    "2. 落户遵循本人意愿，不以购房、投资纳税、积分或退出农村土地承包权、宅基地使用权、集体收益分配权为条件。",
    "3. 本证明可扫描右下角二维码或登录三门峡市落户通核验真伪。",
  ];
  const noteLines = notes.flatMap((n) => wrap(n, font, 10.5, width - 130));
  // A large household pushes the notes down: rather than run them into the seal and the QR code, print them overleaf.
  let notesPage = page;
  if (y - 16 * (noteLines.length - 1) < NOTES_FLOOR) {
    notesPage = doc.addPage(A4);
    y = A4[1] - MARGIN - 10;
    notesPage.drawText(`注意事项（${input.number}）`, { x: MARGIN, y, size: 12.5, font, color: INK });
    y -= 24;
  }
  for (const line of noteLines) {
    notesPage.drawText(line, { x: MARGIN, y, size: 10.5, font, color: GREY });
    y -= 16;
  }

  // Issuing station and an electronic seal mark; the QR code to the verification page.
  const qrSize = 110;
  const qrX = A4[0] - MARGIN - qrSize;
  const qrY = MARGIN + 8;
  drawQr(page, input.verifyUrl, qrX, qrY + 14, qrSize);
  const cap = "扫码核验";
  page.drawText(cap, { x: qrX + (qrSize - font.widthOfTextAtSize(cap, 10)) / 2, y: qrY, size: 10, font, color: GREY });
  const sealX = qrX - 120;
  const sealY = qrY + 14 + qrSize / 2;
  page.drawCircle({ x: sealX, y: sealY, size: 48, borderColor: RED, borderWidth: 2.2, borderOpacity: 0.85 });
  const sealLines = sealText(input.stationName).flatMap((l) => wrap(l, font, 9, 76));
  sealLines.slice(0, 3).forEach((line, i) => {
    page.drawText(line, { x: sealX - font.widthOfTextAtSize(line, 9) / 2, y: sealY + 10 - i * 12, size: 9, font, color: RED, opacity: 0.85 });
  });
  const sealCap = "电子签发";
  page.drawText(sealCap, { x: sealX - font.widthOfTextAtSize(sealCap, 9) / 2, y: sealY - 30, size: 9, font, color: RED, opacity: 0.85 });
  // The QR code is also a link, for whoever opens the PDF on a screen.
  const link = doc.context.obj({
    Type: "Annot",
    Subtype: "Link",
    Rect: [qrX, qrY + 14, qrX + qrSize, qrY + 14 + qrSize],
    Border: [0, 0, 0],
    A: { Type: "Action", S: "URI", URI: PDFString.of(input.verifyUrl) },
  });
  page.node.set(PDFName.of("Annots"), doc.context.obj([doc.context.register(link)]));
  if (input.verifyCode) {
    page.drawText(`核验码：${formatVerifyCode(input.verifyCode)}`, { x: MARGIN, y: qrY + 30, size: 10.5, font, color: INK });
  }
  const urlLines = wrap(input.verifyUrl, font, 8, qrX - MARGIN - 140);
  urlLines.forEach((line, i) => page.drawText(line, { x: MARGIN, y: qrY + 14 - i * 11, size: 8, font, color: GREY }));

  return doc.save();
}

/** 三门峡市公安局湖滨分局前进派出所 → ["湖滨分局", "前进派出所"]: the seal's lines. */
function sealText(stationName: string): string[] {
  const rest = stationName.replace(/^三门峡市公安局/, "");
  const m = /^(.+?(?:分局|公安局))(.+)$/.exec(rest);
  return m ? [m[1], m[2]] : [rest];
}

/** The file name offered for download. */
export function permitFileName(number: string): string {
  return `准予迁入证明-${number}.pdf`;
}
