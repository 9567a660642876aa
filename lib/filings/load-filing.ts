import { Prisma } from "@/lib/generated/prisma/client";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/db/types";
import type { SessionUser } from "@/lib/auth/roles";
import { applicationScope } from "@/lib/auth/scope";
import { DomainError, notFound } from "@/lib/errors";
import { STATUS_LABELS } from "./status";

/**
 * Locks the resident's own filing for this transaction (SELECT … FOR UPDATE): a second request
 * on the same filing (a double click, a retry, another device) waits for the first to commit
 * and then sees its result. Someone else's filing, or a made-up id, is "not found".
 */
export async function lockOwnFiling(
  tx: Db,
  user: SessionUser,
  applicationId: string,
): Promise<{ id: string; status: ApplicationStatus; submitKey: string | null; version: number }> {
  const rows = await tx.$queryRaw<Array<{ id: string; status: ApplicationStatus; submitKey: string | null; version: number }>>(Prisma.sql`
    SELECT "id", "status"::text AS "status", "submitKey", "version" FROM "Application"
    WHERE "id" = ${applicationId} AND "residentId" = ${user.id}
    FOR UPDATE`);
  if (!rows[0]) throw notFound("申请");
  return { ...rows[0], version: Number(rows[0].version) };
}

/** As lockOwnFiling, and the filing must still be a draft (submitted answers are not edited). */
export async function lockOwnDraft(tx: Db, user: SessionUser, applicationId: string) {
  const f = await lockOwnFiling(tx, user, applicationId);
  if (f.status !== "draft") {
    throw new DomainError("invalid_state", `该申请已提交（当前状态：${STATUS_LABELS[f.status]}），不能再修改。如需补正，请按派出所的补正告知办理。`, {
      details: { status: f.status },
    });
  }
  return f;
}

const FILING_INCLUDE = {
  members: { orderBy: { sortOrder: "asc" } },
  documents: { where: { removedAt: null }, orderBy: { uploadedAt: "asc" } },
  station: { select: { id: true, name: true, address: true, phone: true, code: true } },
  permit: { select: { number: true, issuedAt: true, revokedAt: true, destinationAddress: true } },
} satisfies Prisma.ApplicationInclude;

export type LoadedFiling = Prisma.ApplicationGetPayload<{ include: typeof FILING_INCLUDE }>;

/** A filing the person may see (scope of lib/auth/scope.ts), with its people and current files; else 404. */
export async function loadFiling(db: Db, user: SessionUser, applicationId: string): Promise<LoadedFiling> {
  const app = await db.application.findFirst({ where: { id: applicationId, ...applicationScope(user) }, include: FILING_INCLUDE });
  if (!app) throw notFound("申请");
  return app;
}

/** The resident's own draft for a form page; a submitted filing is shown on its own page instead. */
export async function loadOwnDraft(db: Db, user: SessionUser, applicationId: string): Promise<LoadedFiling> {
  const app = await loadFiling(db, user, applicationId);
  if (app.residentId !== user.id) throw notFound("申请");
  return app;
}
