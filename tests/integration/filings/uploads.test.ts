import fs from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKit, file, NOT_AN_IMAGE, PDF, PNG, type Kit, error } from "./filing-test-kit";
import { removeDocumentDef, uploadDocumentDef, viewDocumentDef } from "@/lib/filings/upload-document";
import { submitFilingDef } from "@/lib/filings/submit-filing";
import { MAX_UPLOAD_BYTES } from "@/lib/storage/upload-limits";
import type { SessionUser } from "@/lib/auth/roles";

let kit: Kit;
beforeAll(async () => {
  kit = await createKit();
});
afterAll(async () => kit?.close());

async function draftWithSelf(user: SessionUser) {
  const id = await kit.residenceDraft(user);
  const app = await kit.loadDraft(id);
  return { id, self: app.members[0].id };
}

describe("uploads", () => {
  it("stores JPEG, PNG and PDF outside the database, with the type taken from the bytes, not the name", async () => {
    const me = await kit.resident();
    const { id, self } = await draftWithSelf(me);
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
    // A PNG named .pdf is a PNG; a PDF named .jpg is a PDF.
    const a = await kit.run(me, uploadDocumentDef, {
      applicationId: id,
      memberId: self,
      docType: "id_card",
      file: file(PNG, "身份证正面.pdf", "application/pdf"),
    });
    const b = await kit.run(me, uploadDocumentDef, {
      applicationId: id,
      memberId: self,
      docType: "hukou_booklet",
      file: file(PDF, "户口簿.jpg", "image/jpeg"),
    });
    const c = await kit.run(me, uploadDocumentDef, { applicationId: id, memberId: self, docType: "id_card", file: file(jpeg, "../../etc/反面.jpg") });
    expect([a.mimeType, b.mimeType, c.mimeType]).toEqual(["image/png", "application/pdf", "image/jpeg"]);
    expect(c.fileName).toBe("反面.jpg");
    const row = await kit.prisma.document.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.sha256).toBe(createHash("sha256").update(PNG).digest("hex"));
    expect(row.storageKey.startsWith(`${id}/`)).toBe(true);
    const onDisk = fs.readFileSync(path.join(kit.uploads, ...row.storageKey.split("/")));
    expect(new Uint8Array(onDisk)).toEqual(PNG);
  });

  it("refuses a file of another type (even named .png) and one too large, with clear Chinese messages, keeping what was uploaded", async () => {
    const me = await kit.resident();
    const { id, self } = await draftWithSelf(me);
    await kit.run(me, uploadDocumentDef, { applicationId: id, memberId: self, docType: "id_card", file: file(PNG, "ok.png") });
    const wrong = await error(
      kit.run(me, uploadDocumentDef, { applicationId: id, memberId: self, docType: "rental_contract", file: file(NOT_AN_IMAGE, "contract.png", "image/png") }),
    );
    expect(wrong.code).toBe("unsupported_media_type");
    expect(wrong.status).toBe(415);
    expect(wrong.message).toContain("只能上传JPEG、PNG 图片或 PDF 文件");
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    big.set(PNG.subarray(0, 8));
    const tooBig = await error(kit.run(me, uploadDocumentDef, { applicationId: id, memberId: self, docType: "rental_contract", file: file(big, "huge.png") }));
    expect(tooBig.code).toBe("payload_too_large");
    expect(tooBig.status).toBe(413);
    expect(tooBig.message).toContain("10 MB");
    const empty = await error(
      kit.run(me, uploadDocumentDef, { applicationId: id, memberId: self, docType: "rental_contract", file: file(new Uint8Array(0), "empty.pdf") }),
    );
    expect(empty.issues[0]).toMatchObject({ path: "file", message: "文件是空的，请重新选择" });
    const docs = await kit.prisma.document.findMany({ where: { applicationId: id } });
    expect(docs.map((d) => d.docType)).toEqual(["id_card"]);
    // Nothing but the one good file reached the storage.
    expect(fs.readdirSync(path.join(kit.uploads, id))).toHaveLength(1);
  });

  it("replaces and removes files before submission; after submission files can no longer be changed", async () => {
    const me = await kit.resident();
    const { id, self } = await draftWithSelf(me);
    const first = await kit.run(me, uploadDocumentDef, { applicationId: id, memberId: self, docType: "rental_contract", file: file(PDF, "合同.pdf") });
    const firstKey = (await kit.prisma.document.findUniqueOrThrow({ where: { id: first.id } })).storageKey;
    const second = await kit.run(me, uploadDocumentDef, {
      applicationId: id,
      memberId: self,
      docType: "property_certificate",
      replaceId: first.id,
      file: file(PNG, "产权证.png"),
    });
    expect(await kit.prisma.document.findUnique({ where: { id: first.id } })).toBeNull();
    expect(fs.existsSync(path.join(kit.uploads, ...firstKey.split("/")))).toBe(false);
    // The property certificate meets the same line as the rental contract (either one).
    const line = (await kit.checklist(id)).persons[0].slots.find((s) => s.code === "rental_contract")!;
    expect(line.satisfied).toBe(true);
    expect(line.documents.map((d) => d.id)).toEqual([second.id]);
    await kit.run(me, removeDocumentDef, { documentId: second.id });
    expect((await kit.checklist(id)).persons[0].slots.find((s) => s.code === "rental_contract")!.satisfied).toBe(false);

    await kit.uploadAll(me, id);
    await kit.run(me, submitFilingDef, { applicationId: id, submitKey: "uploads-submit-0123456789", truthful: "true", voluntary: "true" });
    const kept = (await kit.loadDraft(id)).documents[0];
    expect((await error(kit.run(me, removeDocumentDef, { documentId: kept.id }))).code).toBe("invalid_state");
    expect((await error(kit.run(me, uploadDocumentDef, { applicationId: id, memberId: self, docType: "id_card", file: file(PNG, "x.png") }))).code).toBe(
      "invalid_state",
    );
  });

  it("serves a file only to those who may see its filing (URL tampering → not found), and audits each view", async () => {
    const owner = await kit.resident("文件主人");
    const { id, self } = await draftWithSelf(owner);
    const doc = await kit.run(owner, uploadDocumentDef, { applicationId: id, memberId: self, docType: "id_card", file: file(PNG, "id.png") });
    const mine = await kit.run(owner, viewDocumentDef, { documentId: doc.id });
    expect(mine.bytes).toEqual(PNG);
    expect(mine.mimeType).toBe("image/png");

    const stranger = await kit.resident("陌生人");
    const sameStationClerk = await kit.clerk("411202-01");
    const otherClerk = await kit.clerk("411203-01");
    expect((await error(kit.run(stranger, viewDocumentDef, { documentId: doc.id }))).code).toBe("not_found");
    expect((await error(kit.run(stranger, removeDocumentDef, { documentId: doc.id }))).code).toBe("not_found");
    // A draft is nobody's business at the station yet.
    expect((await error(kit.run(sameStationClerk, viewDocumentDef, { documentId: doc.id }))).code).toBe("not_found");

    await kit.uploadAll(owner, id);
    await kit.run(owner, submitFilingDef, { applicationId: id, submitKey: "view-submit-0123456789ab", truthful: "true", voluntary: "true" });
    expect((await kit.run(sameStationClerk, viewDocumentDef, { documentId: doc.id })).bytes).toEqual(PNG);
    expect((await error(kit.run(otherClerk, viewDocumentDef, { documentId: doc.id }))).code).toBe("not_found");
    expect((await error(kit.run(stranger, viewDocumentDef, { documentId: doc.id }))).code).toBe("not_found");
    const views = await kit.prisma.auditEvent.findMany({ where: { action: "filing.view_document", entityId: doc.id } });
    expect(views.map((v) => v.actorId).sort()).toEqual([owner.id, sameStationClerk.id].sort());
    expect(await kit.prisma.auditEvent.count({ where: { action: "filing.view_document.denied", actorId: stranger.id } })).toBe(2);
  });
});
