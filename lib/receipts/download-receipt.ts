import { z } from "zod";
import { DomainError } from "@/lib/errors";
import { EVENT_LABELS } from "@/lib/filings/status";
import { docTypeLabel } from "@/lib/filings/upload-document";
import { countyName } from "@/lib/places";
import { CHANNEL_LABELS } from "@/lib/schemas/eligibility";
import { defineFilingDownload, filingDownloadSchema } from "@/lib/permits/filing-download";
import { renderReceiptPdf, RECEIPT_TITLES, type ReceiptKind } from "./render-receipt-pdf";

/** The base URL is the progress page's. */
export const downloadReceiptSchema = filingDownloadSchema.extend({
  kind: z.enum(["application", "acceptance"], { error: "回执类型无效" }),
});

/** The event a receipt confirms. */
const RECEIPT_EVENT: Record<ReceiptKind, string> = { application: "submitted", acceptance: "accepted" };

/** Which receipt a message in the inbox stands for (by its title: "申请 SMX-… 提交申请"), if any. */
export function receiptKindForMessage(title: string): ReceiptKind | null {
  if (title.endsWith(EVENT_LABELS.submitted)) return "application";
  if (title.endsWith(EVENT_LABELS.accepted)) return "acceptance";
  return null;
}

/** Which receipts a filing has: the application receipt once submitted, the acceptance receipt once accepted. */
export function receiptsFor(app: { status: string; submittedAt: Date | null; acceptedAt: Date | null }): ReceiptKind[] {
  const out: ReceiptKind[] = [];
  if (app.status !== "draft" && app.submittedAt) out.push("application");
  if (app.acceptedAt) out.push("acceptance");
  return out;
}

/**
 * 申请回执 / 受理回执 as a PDF, for whoever may see the filing (the resident their own, staff in
 * their scope). Rendered from the filing, its first submission or acceptance event and the
 * documents on file at that moment; every download is audited.
 */
export const downloadReceiptDef = defineFilingDownload(
  {
    action: "receipt.download",
    schema: downloadReceiptSchema,
    what: "申请",
    select: {
      channel: true,
      applicantName: true,
      destinationCounty: true,
      destinationAddress: true,
      submittedAt: true,
      acceptedAt: true,
      status: true,
      station: { select: { name: true, address: true, phone: true } },
      members: { orderBy: { sortOrder: "asc" }, select: { id: true, name: true, relation: true } },
      documents: { select: { memberId: true, docType: true, uploadedAt: true, removedAt: true } },
    },
  },
  async (ctx, input, app) => {
    ctx.audit({ applicationId: app.id, entityType: "application", entityId: app.id, details: { kind: input.kind } });
    const event = await ctx.tx.statusEvent.findFirst({
      where: { applicationId: app.id, type: RECEIPT_EVENT[input.kind] },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, dueAt: true },
    });
    if (!event || !receiptsFor(app).includes(input.kind)) throw new DomainError("invalid_state", `该申请还没有${RECEIPT_TITLES[input.kind]}。`);
    // What was on file when the step happened (files removed later still count; files added later do not).
    const onFile = app.documents.filter((d) => d.uploadedAt <= event.createdAt && (!d.removedAt || d.removedAt > event.createdAt));
    const byKey = new Map<string, { person: string; label: string; files: number }>();
    for (const d of onFile) {
      const person = app.members.find((m) => m.id === d.memberId)?.name ?? app.applicantName;
      const key = `${d.memberId}:${d.docType}`;
      const cur = byKey.get(key) ?? { person, label: docTypeLabel(d.docType), files: 0 };
      cur.files += 1;
      byKey.set(key, cur);
    }
    const order = new Map(app.members.map((m, i) => [m.name, i]));
    const received = [...byKey.values()].sort((a, b) => (order.get(a.person) ?? 0) - (order.get(b.person) ?? 0));
    const pdf = await renderReceiptPdf({
      kind: input.kind,
      reference: app.reference,
      applicantName: app.applicantName,
      channelLabel: CHANNEL_LABELS[app.channel],
      at: event.createdAt,
      dueAt: event.dueAt,
      persons: app.members,
      received,
      stationName: app.station?.name ?? "迁入地派出所",
      stationAddress: app.station?.address ?? "",
      stationPhone: app.station?.phone ?? null,
      destination: `${countyName(app.destinationCounty)} ${app.destinationAddress}`.trim(),
      progressUrl: `${input.baseUrl}/progress`,
    });
    return { reference: app.reference, pdf };
  },
);
