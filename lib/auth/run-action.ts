import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Role, SessionUser } from "./roles";
import { DomainError, isDomainError, formatZodIssues } from "@/lib/errors";
import { checkRateLimit, RATE_LIMITS, type RateLimitRule } from "@/lib/http/rate-limit";
import { recordAudit, type AuditInput } from "@/lib/audit/record-audit";
import { deniedDetails, type DeniedDetails } from "@/lib/audit/denied-details";
import { inputProblem } from "@/lib/schemas/text";
import { readOnReplica } from "./replica-read";

export type GuardContext = {
  user: SessionUser;
  ip: string;
  tx: Prisma.TransactionClient;
  /** What the audit event of this call is about (the guard writes it in the same transaction). */
  audit: (target: AuditTarget) => void;
};

export type AuditTarget = Omit<AuditInput, "action" | "actorId" | "actorRole" | "ip"> & { action?: string };

export type GuardOptions<S extends z.ZodType> = {
  roles: readonly Role[];
  /** Audit action name, e.g. "filing.submit". */
  action: string;
  schema: S;
  rateLimit?: RateLimitRule;
  /** Every call is audited unless false (then only when the handler names a target). */
  auditEvent?: boolean;
  /** Allowed while the user must still change a temporary password or enrol two-factor (the account pages). */
  allowDuringSetup?: boolean;
  /** "replica": a report that may read slightly old data reads from DATABASE_REPLICA_URL when set (lib/auth/replica-read.ts). */
  reads?: "replica";
};

/** One authenticated operation: who may call it, its input schema, and the handler. */
export type ActionDef<S extends z.ZodType, O> = {
  opts: GuardOptions<S>;
  handler: (ctx: GuardContext, input: z.output<S>) => Promise<O>;
};

export function defineAction<S extends z.ZodType, O>(opts: GuardOptions<S>, handler: (ctx: GuardContext, input: z.output<S>) => Promise<O>): ActionDef<S, O> {
  return { opts, handler };
}

/**
 * The guard every authenticated action and route goes through: role, rate limit, zod input,
 * a transaction for the handler, and the audit event written in that same transaction.
 * Throws DomainError; tests call it directly with a test database and a user.
 */
export async function runAction<S extends z.ZodType, O>(
  prisma: PrismaClient,
  user: SessionUser,
  ip: string,
  def: ActionDef<S, O>,
  rawInput: unknown,
): Promise<O> {
  const { opts } = def;
  let { handler } = def;
  await requireRole(prisma, user, ip, opts);
  if ((user.mustChangePassword || user.needsTwoFactorEnrolment) && !opts.allowDuringSetup) {
    await auditDenied(prisma, user, ip, opts.action, { code: "setup_required" }, null);
    throw new DomainError("forbidden", user.mustChangePassword ? "请先修改临时密码。" : "请先启用两步验证。");
  }
  const limited = await checkRateLimit(opts.rateLimit ?? RATE_LIMITS.action, user.id);
  if (limited) throw new DomainError("rate_limited", `操作过于频繁，请${limited}秒后再试。`);
  // Any input, before its schema: bounded nesting, no control characters (NUL would reach the database).
  const bad = inputProblem(rawInput);
  if (bad) throw new DomainError("validation_failed", "填写的内容有误，请按提示修改。", { issues: [bad] });
  const input = parseInput(opts.schema, rawInput);
  // What the handler said the call is about, kept for the audit event of a refused attempt too.
  let target: AuditTarget | null = null;
  try {
    if (opts.reads === "replica") handler = await readOnReplica(prisma, handler, { user, ip, audit: (t) => void (target = t) }, input);
    return await prisma.$transaction(
      async (tx) => {
        target = null;
        const out = await handler({ user, ip, tx, audit: (t) => void (target = t) }, input);
        if (opts.auditEvent !== false || target) await auditCall(tx, user, ip, opts.action, (target as AuditTarget | null) ?? {});
        return out;
      },
      { timeout: 30_000, maxWait: 30_000 },
    );
  } catch (e) {
    // Refused attempts (scope, forbidden criteria) are audited too, outside the rolled-back transaction.
    if (isDomainError(e) && ["forbidden", "not_found", "forbidden_criterion"].includes(e.code)) {
      await auditDenied(prisma, user, ip, opts.action, deniedDetails(e), target as AuditTarget | null);
    }
    throw e;
  }
}

/** The input by its schema; a mismatch is `validation_failed` with the issues by field. */
export function parseInput<S extends z.ZodType>(schema: S, rawInput: unknown): z.output<S> {
  const parsed = schema.safeParse(rawInput);
  if (!parsed.success) throw new DomainError("validation_failed", "填写的内容有误，请按提示修改。", { issues: formatZodIssues(parsed.error) });
  return parsed.data;
}

/** Another role is refused as "not found" (the page does not exist for them), and the refusal audited. */
export async function requireRole(prisma: PrismaClient, user: SessionUser, ip: string, opts: { roles: readonly Role[]; action: string }) {
  if (opts.roles.includes(user.role)) return;
  await auditDenied(prisma, user, ip, opts.action, { code: "not_found" }, null);
  throw new DomainError("not_found", "页面不存在或您无权访问。");
}

/** The audit event of a call: what the handler named, by this user from this address (the definition's action unless named). */
export function auditCall(tx: Prisma.TransactionClient, user: SessionUser, ip: string, action: string, t: AuditTarget) {
  return recordAudit(tx, {
    ...t,
    action: t.action ?? action,
    actorId: user.id,
    actorRole: user.role,
    stationId: t.stationId ?? user.stationId,
    countyCode: t.countyCode ?? user.countyCode,
    ip,
  });
}

/**
 * A refused attempt: the filing it was about (id and reference, when the handler had named
 * it), and for a text the guard refused the field, the text, the criterion and the clause.
 */
export async function auditDenied(prisma: PrismaClient, user: SessionUser, ip: string, action: string, details: DeniedDetails, target: AuditTarget | null) {
  await prisma.$transaction(async (tx) => {
    const applicationId = target?.applicationId ?? null;
    const reference = applicationId
      ? ((await tx.application.findUnique({ where: { id: applicationId }, select: { reference: true } }))?.reference ?? null)
      : undefined;
    await recordAudit(tx, {
      action: `${action}.denied`,
      actorId: user.id,
      actorRole: user.role,
      stationId: user.stationId,
      countyCode: user.countyCode,
      entityType: target?.entityType ?? null,
      entityId: target?.entityId ?? null,
      applicationId,
      ip,
      details: applicationId ? { ...details, reference } : { ...details },
    });
  });
}
