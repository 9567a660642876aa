import { expectDomainError } from "@/tests/support/domain-error";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { createTestPrisma } from "@/tests/support/test-db";
import { seedReferenceData } from "@/lib/seed/reference-data";
import { runAction, type ActionDef } from "@/lib/auth/run-action";
import type { SessionUser } from "@/lib/auth/roles";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { setRateLimitStore } from "@/lib/http/rate-limit";
import { setFileStorage } from "@/lib/storage/get-file-storage";
import { LocalFileStorage } from "@/lib/storage/local-file-storage";
import { startFilingDef } from "@/lib/filings/start-filing";
import { saveApplicantDef, saveCollectiveDetailsDef, saveDestinationDef, saveResidenceDetailsDef } from "@/lib/filings/save-draft-steps";
import { membersDoneDef, saveMemberDef } from "@/lib/filings/household-members";
import { uploadDocumentDef } from "@/lib/filings/upload-document";
import { assessDraft } from "@/lib/filings/assess-draft";
import { testId } from "../../helpers/ids";

/**
 * A real test database with the reference data (counties, stations, rule set, calendar), a
 * temporary upload folder, and helpers that drive the resident's actions through the guard.
 */
export type Kit = Awaited<ReturnType<typeof createKit>>;

export const FIXTURES = path.resolve(__dirname, "../../fixtures");
export const PNG = new Uint8Array(fs.readFileSync(path.join(FIXTURES, "document.png")));
export const PDF = new Uint8Array(fs.readFileSync(path.join(FIXTURES, "document.pdf")));
export const NOT_AN_IMAGE = new Uint8Array(fs.readFileSync(path.join(FIXTURES, "not-an-image.png")));

export function file(bytes: Uint8Array, name: string, type = "application/octet-stream"): File {
  return new File([Buffer.from(bytes)], name, { type });
}

export function session(u: {
  id: string;
  role: SessionUser["role"];
  realName: string;
  mobile?: string | null;
  stationId?: string | null;
  isStationHead?: boolean;
  countyCode?: string | null;
}): SessionUser {
  return {
    id: u.id,
    role: u.role,
    realName: u.realName,
    username: null,
    mobile: u.mobile ?? null,
    stationId: u.stationId ?? null,
    isStationHead: u.isStationHead ?? false,
    countyCode: u.countyCode ?? null,
  };
}

let seq = 0;

export async function createKit() {
  const { prisma, close } = await createTestPrisma();
  await seedReferenceData(prisma);
  // The guard's rate limits are tested elsewhere; here they would only slow the journeys down.
  setRateLimitStore({ hit: async () => ({ count: 1, resetAt: Date.now() + 60_000 }), peek: async () => null });
  const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "luohu-uploads-"));
  const storage = new LocalFileStorage(uploads);
  setFileStorage(storage);
  const stations = new Map((await prisma.policeStation.findMany()).map((s) => [s.code, s]));

  const run = <S extends z.ZodType, O>(user: SessionUser, def: ActionDef<S, O>, input: unknown) =>
    runAction(prisma as PrismaClient, user, "127.0.0.1", def, input);

  async function resident(name = "张明") {
    seq += 1;
    const n = String(100 + seq).slice(-3);
    const u = await prisma.user.create({
      data: {
        role: "resident",
        realName: name,
        mobile: `1370000${String(1000 + seq).slice(-4)}`,
        idNumber: testId("411221", `1990${String((seq % 12) + 1).padStart(2, "0")}15`, n),
        passwordHash: "x",
      },
    });
    return session(u);
  }

  async function clerk(stationCode = "411202-01") {
    seq += 1;
    const u = await prisma.user.create({
      data: {
        role: "clerk",
        realName: `民警${seq}`,
        username: `clerk-${seq}-${randomBytes(3).toString("hex")}`,
        passwordHash: "x",
        stationId: stations.get(stationCode)!.id,
        isStationHead: true,
      },
    });
    return session(u);
  }

  async function admin() {
    seq += 1;
    const u = await prisma.user.create({
      data: { role: "admin", realName: "管理员", username: `admin-${seq}-${randomBytes(3).toString("hex")}`, passwordHash: "x" },
    });
    return { ...session(u), username: u.username };
  }

  /** A rental-residence household draft: applicant, destination, details, the given members. */
  async function residenceDraft(
    user: SessionUser,
    members: Array<{ relation: "spouse" | "child" | "parent"; name: string; idNumber: string }> = [],
    stationCode = "411202-01",
  ) {
    const { applicationId } = await run(user, startFilingDef, { channel: "residence" });
    await run(user, saveApplicantDef, { applicationId, hukouType: "rural", hukouRegion: "411221", hukouAddress: "渑池县城关镇韶州路1号" });
    const st = stations.get(stationCode)!;
    await run(user, saveDestinationDef, { applicationId, county: st.countyCode, address: "湖滨区崤山路88号院3号楼501室", stationId: st.id });
    await run(user, saveResidenceDetailsDef, { applicationId, tenure: "rented", legal: "true" });
    for (const m of members) await run(user, saveMemberDef, { applicationId, ...m, hukouType: "rural" });
    await run(user, membersDoneDef, { applicationId });
    return applicationId;
  }

  /** A collective-hukou draft at the place of employment. */
  async function collectiveDraft(user: SessionUser, stationCode = "411202-01") {
    const { applicationId } = await run(user, startFilingDef, { channel: "collective" });
    await run(user, saveApplicantDef, { applicationId, hukouType: "rural", hukouRegion: "411221", hukouAddress: "渑池县英豪镇" });
    const st = stations.get(stationCode)!;
    await run(user, saveDestinationDef, { applicationId, county: st.countyCode, address: "湖滨区黄河路东段某公司", stationId: st.id });
    await run(user, saveCollectiveDetailsDef, {
      applicationId,
      employerName: "三门峡某机械有限公司",
      employerHasCollectiveHousehold: "false",
      hasDirectRelativeToJoin: "false",
      hasLegalResidence: "false",
    });
    return applicationId;
  }

  async function loadDraft(applicationId: string) {
    return prisma.application.findUniqueOrThrow({
      where: { id: applicationId },
      include: { members: { orderBy: { sortOrder: "asc" } }, documents: { where: { removedAt: null } } },
    });
  }

  async function checklist(applicationId: string) {
    return (await assessDraft(prisma, await loadDraft(applicationId))).checklist;
  }

  /** Uploads one file for every line of the checklist that is not yet met. */
  async function uploadAll(user: SessionUser, applicationId: string) {
    const list = await checklist(applicationId);
    for (const p of list.persons) {
      for (const s of p.slots) {
        if (s.satisfied) continue;
        await run(user, uploadDocumentDef, {
          applicationId,
          memberId: p.memberId,
          docType: s.code,
          file: file(s.code === "id_card" ? PNG : PDF, `${s.code}.${s.code === "id_card" ? "png" : "pdf"}`),
        });
      }
    }
  }

  return {
    prisma: prisma as PrismaClient,
    storage,
    uploads,
    stations,
    run,
    resident,
    clerk,
    admin,
    residenceDraft,
    collectiveDraft,
    loadDraft,
    checklist,
    uploadAll,
    async close() {
      await close();
      fs.rmSync(uploads, { recursive: true, force: true });
    },
  };
}

export { testId };

/** The DomainError a call fails with (the test fails if it succeeds or throws something else). */
export const error = expectDomainError;
