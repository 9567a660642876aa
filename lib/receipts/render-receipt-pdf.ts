import type { PDFPage } from "pdf-lib";
import { A4, GREY, INK, chineseDate, createPortalPdf, drawTitle, wrap } from "@/lib/permits/pdf-kit";

export type ReceiptKind = "application" | "acceptance";

export const RECEIPT_TITLES: Record<ReceiptKind, string> = { application: "申请回执", acceptance: "受理回执" };

export type ReceiptPdfInput = {
  kind: ReceiptKind;
  reference: string;
  applicantName: string;
  channelLabel: string;
  /** When it was submitted (申请回执) or accepted (受理回执). */
  at: Date;
  /** 申请回执: the acceptance deadline; 受理回执: the decision deadline. */
  dueAt: Date | null;
  persons: Array<{ name: string; relation: string }>;
  /** What was received: one line per person and document type, with the number of files. */
  received: Array<{ person: string; label: string; files: number }>;
  stationName: string;
  stationAddress: string;
  stationPhone: string | null;
  destination: string;
  progressUrl: string;
};

const MARGIN = 56;

/**
 * 申请回执 (after submission) and 受理回执 (after acceptance): one A4 page with the reference,
 * what was received, the due date of the next step, the station and its phone. Drawn with the
 * permit's CJK font (lib/permits), subset into the file; more pages when the list is long.
 */
export async function renderReceiptPdf(input: ReceiptPdfInput): Promise<Uint8Array> {
  const title = RECEIPT_TITLES[input.kind];
  const { doc, font } = await createPortalPdf({ title: `${title} ${input.reference}`, subject: `三门峡市户口迁移（落户）${title}`, createdAt: input.at });
  const width = A4[0] - MARGIN * 2;
  let page: PDFPage = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  const ensure = (h: number) => {
    if (y - h < MARGIN) {
      page = doc.addPage(A4);
      y = A4[1] - MARGIN;
    }
  };
  const text = (s: string, size: number, x = MARGIN, color = INK) => page.drawText(s, { x, y, size, font, color });
  const centered = (s: string, size: number, color = INK) => page.drawText(s, { x: (A4[0] - font.widthOfTextAtSize(s, size)) / 2, y, size, font, color });

  centered("三门峡市户口迁移（落户）网上办理", 13, GREY);
  y -= 40;
  drawTitle(page, title, y, 26, font);
  y -= 36;
  const intro =
    input.kind === "application"
      ? `${input.applicantName}：您的落户申请已于${chineseDate(input.at)}网上提交，收到以下材料。派出所将在办理时限内决定是否受理，材料不全的将一次性告知需补正的全部内容。`
      : `${input.applicantName}：您的落户申请已于${chineseDate(input.at)}由派出所受理，进入审核。审核结果将在办理时限内通过短信和“我的消息”告知。`;
  for (const line of wrap(intro, font, 12.5, width)) {
    text(line, 12.5);
    y -= 20;
  }
  y -= 8;
  const fields: Array<[string, string]> = [
    ["申请编号", input.reference],
    ["申请类别", input.channelLabel],
    ["申请人", input.applicantName],
    [
      "随迁人员",
      input.persons
        .filter((p) => p.relation !== "self")
        .map((p) => p.name)
        .join("、") || "无",
    ],
    ["迁入地", input.destination],
    [input.kind === "application" ? "受理时限" : "审核时限", input.dueAt ? `${chineseDate(input.dueAt)}前（法定节假日顺延）` : "以派出所告知为准"],
    ["办理单位", input.stationName],
    ["单位地址", input.stationAddress],
    ["咨询电话", input.stationPhone ?? "请到办理单位咨询"],
  ];
  for (const [label, value] of fields) {
    const lines = wrap(value, font, 12.5, width - 90);
    ensure(19 * lines.length + 8);
    text(`${label}：`, 12.5, MARGIN, GREY);
    lines.forEach((l, i) => page.drawText(l, { x: MARGIN + 90, y: y - i * 19, size: 12.5, font, color: INK }));
    y -= 19 * lines.length + 8;
  }
  y -= 6;
  ensure(30);
  text("收到的材料", 14);
  y -= 22;
  if (input.received.length === 0) {
    text("（无上传材料）", 12);
    y -= 18;
  }
  input.received.forEach((r, i) => {
    ensure(20);
    const line = `${i + 1}. ${r.person}：${r.label}（${r.files} 个文件）`;
    for (const l of wrap(line, font, 12, width)) {
      text(l, 12);
      y -= 18;
    }
  });
  y -= 10;
  const notes = [
    `查询进度：登录三门峡落户通“我的申请”，或打开 ${input.progressUrl} 输入申请编号和姓名查询，无需登录。`,
    "办理落户不收取任何费用。落户遵循本人意愿，不以购房、投资纳税、积分或退出农村土地权益为条件。",
    "本回执由系统生成，仅证明网上申请的提交和受理情况，不是准予迁入的证明。",
  ];
  for (const n of notes) {
    for (const l of wrap(n, font, 10.5, width)) {
      ensure(16);
      text(l, 10.5, MARGIN, GREY);
      y -= 16;
    }
  }
  ensure(30);
  y -= 14;
  const sign = `${input.stationName}    ${chineseDate(input.at)}`;
  page.drawText(sign, { x: A4[0] - MARGIN - font.widthOfTextAtSize(sign, 12), y, size: 12, font, color: INK });
  return doc.save();
}

export function receiptFileName(kind: ReceiptKind, reference: string): string {
  return `${RECEIPT_TITLES[kind]}-${reference}.pdf`;
}
