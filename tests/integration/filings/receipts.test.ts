import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { createKit, type Kit, error } from "./filing-test-kit";
import { submitFilingDef } from "@/lib/filings/submit-filing";
import { acceptFilingDef } from "@/lib/review/accept-filing";
import { downloadReceiptDef, receiptKindForMessage } from "@/lib/receipts/download-receipt";
import { renderReceiptPdf } from "@/lib/receipts/render-receipt-pdf";

let kit: Kit;
beforeAll(async () => {
  kit = await createKit();
});
afterAll(async () => kit?.close());

const base = "https://luohu.example.cn";

describe("申请回执 and 受理回执", () => {
  it("the resident gets the application receipt after submission and the acceptance receipt after acceptance; others do not", async () => {
    const me = await kit.resident("周敏");
    const id = await kit.residenceDraft(me);
    await kit.uploadAll(me, id);
    const { reference } = await kit.run(me, submitFilingDef, { applicationId: id, submitKey: "receipt-test-key-0001", truthful: "true", voluntary: "true" });

    const r1 = await kit.run(me, downloadReceiptDef, { applicationId: id, kind: "application", baseUrl: base });
    expect(r1.reference).toBe(reference);
    const doc = await PDFDocument.load(r1.pdf);
    expect(doc.getTitle()).toBe(`申请回执 ${reference}`);
    expect(doc.getPageCount()).toBe(1);
    expect(r1.pdf.length).toBeLessThan(200_000);

    const early = await error(kit.run(me, downloadReceiptDef, { applicationId: id, kind: "acceptance", baseUrl: base }));
    expect(early.code).toBe("invalid_state");
    const stranger = await kit.resident("路人");
    expect((await error(kit.run(stranger, downloadReceiptDef, { applicationId: id, kind: "application", baseUrl: base }))).code).toBe("not_found");

    const clerk = await kit.clerk();
    const v = (await kit.prisma.application.findUniqueOrThrow({ where: { id } })).version;
    await kit.run(clerk, acceptFilingDef, { applicationId: id, version: v });
    const r2 = await kit.run(me, downloadReceiptDef, { applicationId: id, kind: "acceptance", baseUrl: base });
    expect((await PDFDocument.load(r2.pdf)).getTitle()).toBe(`受理回执 ${reference}`);
    expect(await kit.prisma.auditEvent.count({ where: { action: "receipt.download", applicationId: id } })).toBe(2);

    // The inbox messages for both steps link to their receipts.
    const titles = (await kit.prisma.notification.findMany({ where: { applicationId: id }, orderBy: { createdAt: "asc" } })).map((n) => n.title);
    expect(titles.map(receiptKindForMessage)).toEqual(["application", "acceptance"]);
  });

  it("a long list of documents flows onto further pages", async () => {
    const received = Array.from({ length: 60 }, (_, i) => ({ person: "张明", label: `材料${i}`, files: 1 }));
    const pdf = await renderReceiptPdf({
      kind: "application",
      reference: "SMX-2026-000001",
      applicantName: "张明",
      channelLabel: "合法稳定住所",
      at: new Date("2026-12-01T02:00:00Z"),
      dueAt: new Date("2026-12-08T02:00:00Z"),
      persons: [{ name: "张明", relation: "self" }],
      received,
      stationName: "三门峡市公安局湖滨分局前进派出所",
      stationAddress: "湖滨区崤山路中段",
      stationPhone: "0398-2811101",
      destination: "湖滨区 崤山路88号",
      progressUrl: `${base}/progress`,
    });
    expect((await PDFDocument.load(pdf)).getPageCount()).toBeGreaterThan(1);
  });
});
