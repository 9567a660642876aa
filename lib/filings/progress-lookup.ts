/**
 * 进度查询 without signing in: the reference number, the applicant's name, and a code sent to
 * the phone of the account that filed it. Anyone asking gets the same answer whether or not
 * the reference and name match; only a matching filing's phone receives a code.
 */
import { z } from "zod";
import { getPrisma } from "@/lib/db/client";
import type { Db, PrismaClient } from "@/lib/db/types";
import { DomainError, isDomainError, formatZodIssues } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { checkRateLimit } from "@/lib/http/rate-limit";
import { smsCodeSchema } from "@/lib/schemas/sms-code";
import { sendSmsCode } from "@/lib/sms-codes/send-sms-code";
import { SMS_CODE_PER_ADDRESS } from "@/lib/sms-codes/sms-code-rules";
import { verifySmsCode } from "@/lib/sms-codes/verify-sms-code";
import { CHANNEL_LABELS } from "@/lib/schemas/eligibility";
import { countyName } from "@/lib/places";
import { CURRENT_STEP_LABELS, loadTimeline } from "./filing-timeline";
import { STATUS_LABELS } from "./status";

const lookupSchema = z.object({
  reference: z
    .string({ error: "请输入申请编号" })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2,5}-\d{4}-\d{4,8}$/, "请输入完整的申请编号，如 SMX-2026-000123"),
  name: z
    .string({ error: "请输入申请人姓名" })
    .transform((s) => s.replace(/\s+/g, ""))
    .pipe(z.string().min(2, "请输入申请人姓名").max(30, "姓名过长")),
});

function parse<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const p = schema.safeParse(raw);
  if (!p.success) throw new DomainError("validation_failed", "填写的内容有误，请按提示修改。", { issues: formatZodIssues(p.error) });
  return p.data;
}

async function findFiling(db: Db, reference: string, name: string) {
  const app = await db.application.findUnique({
    where: { reference },
    select: { id: true, status: true, applicantName: true, resident: { select: { mobile: true } } },
  });
  if (!app || app.status === "draft" || app.applicantName.replace(/\s+/g, "") !== name || !app.resident.mobile) return null;
  return { id: app.id, mobile: app.resident.mobile };
}

/** Step 1: a code to the filing's phone if reference and name match; the same answer otherwise. */
export async function requestProgressCode(raw: unknown, ip: string, db: Db = getPrisma()): Promise<{ sent: true; resendAfterSeconds: number }> {
  const { reference, name } = parse(lookupSchema, raw);
  const filing = await findFiling(db, reference, name);
  if (!filing) {
    const retry = await checkRateLimit(SMS_CODE_PER_ADDRESS, ip);
    if (retry) throw new DomainError("rate_limited", "获取验证码过于频繁，请稍后再试。", { details: { retryAfterSeconds: retry } });
    return { sent: true, resendAfterSeconds: 60 };
  }
  try {
    return await sendSmsCode(db, { purpose: "progress", mobile: filing.mobile, ip });
  } catch (e) {
    // The per-number limit would tell a matching filing apart: answer as usual, send nothing.
    if (isDomainError(e) && e.code === "rate_limited" && e.issues.length) return { sent: true, resendAfterSeconds: 60 };
    throw e;
  }
}

export type ProgressView = {
  reference: string;
  status: string;
  statusLabel: string;
  channelLabel: string;
  countyName: string;
  station: { name: string; address: string; phone: string | null } | null;
  nextStep: string | null;
  dueAt: string | null;
  timeline: Array<{ label: string; at: string; dueAt: string | null }>;
};

/** Step 2: with the code, the filing's progress (no personal data beyond what the asker already gave). */
export async function lookupProgress(raw: Record<string, unknown>, ip: string, prisma: PrismaClient = getPrisma()): Promise<ProgressView> {
  const { reference, name } = parse(lookupSchema, raw);
  const code = smsCodeSchema.safeParse(raw.smsCode);
  if (!code.success)
    throw new DomainError("validation_failed", "填写的内容有误，请按提示修改。", {
      issues: formatZodIssues(code.error).map((i) => ({ ...i, path: "smsCode" })),
    });
  const filing = await findFiling(prisma, reference, name);
  const refused = async () => {
    await recordAudit(prisma, {
      action: "progress.lookup_refused",
      entityType: "application",
      entityId: filing?.id ?? null,
      applicationId: filing?.id ?? null,
      ip,
    });
    return new DomainError("validation_failed", "验证码不正确或已过期，请重新获取。", {
      issues: [{ path: "smsCode", message: "验证码不正确或已过期，请重新获取。" }],
    });
  };
  if (!filing) throw await refused();
  try {
    await verifySmsCode(prisma, { purpose: "progress", mobile: filing.mobile, code: code.data });
  } catch (e) {
    const err = await refused();
    throw isDomainError(e) ? e : err;
  }
  const app = await prisma.application.findUniqueOrThrow({
    where: { id: filing.id },
    select: {
      reference: true,
      status: true,
      channel: true,
      destinationCounty: true,
      dueAt: true,
      ruleSetId: true,
      station: { select: { name: true, address: true, phone: true } },
    },
  });
  await recordAudit(prisma, { action: "progress.lookup", entityType: "application", entityId: filing.id, applicationId: filing.id, ip });
  const timeline = await loadTimeline(prisma, filing.id, app.ruleSetId);
  const next = CURRENT_STEP_LABELS[app.status] ?? null;
  return {
    reference: app.reference!,
    status: app.status,
    statusLabel: STATUS_LABELS[app.status],
    channelLabel: CHANNEL_LABELS[app.channel],
    countyName: countyName(app.destinationCounty),
    station: app.station,
    nextStep: next,
    dueAt: next && app.dueAt ? app.dueAt.toISOString() : null,
    timeline: timeline.map((t) => ({ label: t.label, at: t.at.toISOString(), dueAt: t.dueAt?.toISOString() ?? null })),
  };
}
