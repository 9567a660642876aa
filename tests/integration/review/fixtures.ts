import { randomBytes } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import type { z } from "zod";
import { createTestPrisma } from "@/tests/support/test-db";
import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import type { ApplicationStatus, Channel } from "@/lib/generated/prisma/enums";
import { toSessionUser, type SessionUser } from "@/lib/auth/roles";
import { runAction, type ActionDef } from "@/lib/auth/run-action";
import { refuseFilingDef } from "@/lib/review/refuse-filing";
import { seedReferenceData } from "@/lib/seed/reference-data";
import { nextReference } from "@/lib/filings/numbers";
import { testId } from "../../helpers/ids";

/**
 * A real database with the reference data (stations, the default rule set, the holiday
 * calendar, collective households), staff of two stations, and a helper that files
 * applications with members and uploaded documents — as the resident journey leaves them.
 */

export type Staff = {
  head: SessionUser; // 前进派出所 station head
  clerk2: SessionUser; // 前进派出所 clerk
  other: SessionUser; // 大营派出所 clerk (another station)
  resident: SessionUser;
  admin: SessionUser;
};

export type World = { prisma: PrismaClient; staff: Staff; stations: { qianjin: string; daying: string }; ruleSetId: string };

const session = toSessionUser;

let seq = 0;
/** A fresh valid ID number per call (GB 11643 check digit). */
export function freshId(region = "410323"): string {
  seq += 1;
  const day = String(1 + (seq % 28)).padStart(2, "0");
  const month = String(1 + (Math.floor(seq / 28) % 12)).padStart(2, "0");
  return testId(region, `19${70 + (seq % 30)}${month}${day}`, String(100 + (seq % 900)).padStart(3, "0"));
}

export async function setupWorld(prisma: PrismaClient): Promise<World> {
  await seedReferenceData(prisma);
  const st = await prisma.policeStation.findMany({ where: { code: { in: ["411202-01", "411203-01"] } }, orderBy: { code: "asc" } });
  const qianjin = st[0].id;
  const daying = st[1].id;
  const mk = async (data: Omit<Prisma.UserUncheckedCreateInput, "passwordHash">) => session(await prisma.user.create({ data: { ...data, passwordHash: "x" } }));
  const staff: Staff = {
    head: await mk({ role: "clerk", username: `head-${seq++}`, realName: "李卫东", stationId: qianjin, isStationHead: true }),
    clerk2: await mk({ role: "clerk", username: `clerk2-${seq++}`, realName: "赵晓梅", stationId: qianjin }),
    other: await mk({ role: "clerk", username: `other-${seq++}`, realName: "周建国", stationId: daying, isStationHead: true }),
    resident: await mk({ role: "resident", mobile: `1380000${String(1000 + seq++).slice(-4)}`, realName: "张明", idNumber: freshId("411221") }),
    admin: await mk({ role: "admin", username: `admin-${seq++}`, realName: "管理员" }),
  };
  const ruleSet = await prisma.ruleSet.findFirstOrThrow({ where: { publishedAt: { not: null } } });
  return { prisma, staff, stations: { qianjin, daying }, ruleSetId: ruleSet.id };
}

export type FilingOpts = {
  station?: "qianjin" | "daying";
  status?: ApplicationStatus;
  channel?: Channel;
  subtype?: string | null;
  name?: string;
  idNumber?: string;
  /** Extra members moving along (relation, name). */
  members?: Array<{ relation: "spouse" | "child" | "parent"; name?: string; idNumber?: string }>;
  /** Documents uploaded: "complete" = everything the rules need, or a list per person (index 0 = applicant). */
  documents?: "complete" | "none" | string[][];
  answers?: Record<string, unknown>;
  dueAt?: Date | null;
  decidedAt?: Date | null;
  submittedAt?: Date;
  assignedClerkId?: string | null;
};

const CHANNEL_DOCS: Record<Channel, string[]> = {
  residence: ["id_card", "hukou_booklet", "rental_contract"],
  talent: ["id_card", "hukou_booklet", "graduation_certificate"],
  rural_student: ["id_card", "hukou_booklet", "admission_letter"],
  family: ["id_card", "hukou_booklet", "marriage_certificate"],
  collective: ["id_card", "hukou_booklet", "employment_contract"],
};
const MEMBER_DOCS: Record<string, string[]> = {
  spouse: ["id_card", "hukou_booklet", "marriage_certificate"],
  child: ["id_card", "hukou_booklet", "birth_certificate"],
  parent: ["id_card", "hukou_booklet", "relationship_proof"],
};

const DEFAULT_ANSWERS: Record<Channel, Record<string, unknown>> = {
  residence: { hukouType: "rural", residence: { tenure: "rented", legal: true, address: "湖滨区崤山路1号" } },
  talent: { hukouType: "urban" },
  rural_student: { hukouType: "rural" },
  family: { hukouType: "rural", principal: { relation: "spouse", livesTogether: true, hasHukouAtDestination: true } },
  collective: {
    hukouType: "rural",
    employment: { employed: true, workCounty: "411202", employerHasCollectiveHousehold: false },
    hasDirectRelativeToJoin: false,
  },
};

/** A submitted filing as the resident journey leaves it (reference, rule set, members, documents). */
export async function createFiling(w: World, o: FilingOpts = {}) {
  const { prisma } = w;
  const channel = o.channel ?? "residence";
  const status = o.status ?? "submitted";
  const stationId = o.station === "daying" ? w.stations.daying : w.stations.qianjin;
  const county = o.station === "daying" ? "411203" : "411202";
  const idNumber = o.idNumber ?? freshId();
  const name = o.name ?? "王芳";
  const submittedAt = o.submittedAt ?? new Date(Date.now() - 3_600_000);
  const members = [
    { relation: "self", name, idNumber },
    ...(o.members ?? []).map((m, i) => ({ relation: m.relation, name: m.name ?? `随迁${i + 1}`, idNumber: m.idNumber ?? freshId() })),
  ];
  const app = await prisma.application.create({
    data: {
      reference: await nextReference(prisma, submittedAt),
      residentId: w.staff.resident.id,
      channel,
      subtype: o.subtype === undefined ? (channel === "talent" ? "college_graduate" : channel === "rural_student" ? "enrollment" : null) : o.subtype,
      status,
      destinationCounty: county,
      destinationAddress: "湖滨区崤山路1号",
      stationId,
      applicantName: name,
      applicantIdNumber: idNumber,
      personsCount: members.length,
      answers: (o.answers ?? DEFAULT_ANSWERS[channel]) as Prisma.InputJsonValue,
      ruleSetId: w.ruleSetId,
      submittedAt,
      dueAt: o.dueAt === undefined ? new Date(Date.now() + 5 * 86_400_000) : o.dueAt,
      decidedAt: o.decidedAt ?? null,
      acceptedAt: ["accepted", "approved", "moved_out", "registered"].includes(status) ? submittedAt : null,
      assignedClerkId: o.assignedClerkId ?? null,
      members: { create: members.map((m, k) => ({ ...m, hukouType: "rural", sortOrder: k })) },
    },
    include: { members: { orderBy: { sortOrder: "asc" } } },
  });
  const docs = o.documents ?? "complete";
  const perPerson: string[][] =
    docs === "complete" ? app.members.map((m, i) => (i === 0 ? CHANNEL_DOCS[channel] : MEMBER_DOCS[m.relation])) : docs === "none" ? [] : docs;
  for (const [i, list] of perPerson.entries()) {
    for (const docType of list) {
      await prisma.document.create({
        data: {
          applicationId: app.id,
          memberId: app.members[i].id,
          docType,
          fileName: `${docType}.pdf`,
          mimeType: "application/pdf",
          size: 2048,
          sha256: randomBytes(32).toString("hex"),
          storageKey: `test/${randomBytes(8).toString("hex")}`,
          uploadedById: w.staff.resident.id,
        },
      });
    }
  }
  return app;
}

/**
 * The station head takes action `def` on filing `f` at the version it carries: `{ applicationId,
 * version }` and the action's other `fields`, from 10.0.0.1.
 */
export function actAsHead<S extends z.ZodType, O>(w: World, def: ActionDef<S, O>, f: { id: string; version: number }, fields: Record<string, unknown> = {}) {
  return runAction(w.prisma, w.staff.head, "10.0.0.1", def, { applicationId: f.id, version: f.version, ...fields });
}

/** The station head refuses filing `f` (at the version it carries) for `reasonCodes`, telling the resident `note`. */
export const refuseAsHead = (w: World, f: { id: string; version: number }, reasonCodes: string[], note: string) =>
  actAsHead(w, refuseFilingDef, f, { reasonCodes, note });

/** Same filing, re-read (status, version, assignee). */
export function reload(prisma: PrismaClient, id: string) {
  return prisma.application.findUniqueOrThrow({ where: { id }, include: { permit: true } });
}

/**
 * Gives a test file its own database with the world: `withWorld((x) => ({ prisma, w } = x));` at the
 * top level opens it before the file's tests and closes it after them.
 */
export function withWorld(receive: (x: { prisma: PrismaClient; w: World }) => void): void {
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const db = await createTestPrisma();
    close = db.close;
    receive({ prisma: db.prisma, w: await setupWorld(db.prisma) });
  });
  afterAll(async () => close?.());
}
