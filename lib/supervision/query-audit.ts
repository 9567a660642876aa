import { z } from "zod";
import { blankAsUndefined, isoDateFilter } from "@/lib/schemas/filters";
import type { Db, Prisma } from "@/lib/db/types";
import { defineAction } from "@/lib/auth/run-action";
import { defineQuery } from "@/lib/auth/run-query";
import { startOfBeijingDay } from "@/lib/calendar/working-days";
import { formatBeijing, type CsvCell } from "@/lib/csv";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";
import type { RateLimitRule } from "@/lib/http/rate-limit";
import { startChainCursor, verifyChainStep, type ChainBreak, type ChainCursor, type ChainStep } from "@/lib/audit/verify-chain";
import { startIncrementalCursor } from "@/lib/audit/audit-checkpoints";

/**
 * The auditors' view of the trail (四(四)): filters by person, station, action, filing and time
 * range, newest first, keyset-paginated on the id (the indexes on (actorId, at),
 * (stationId, at), (applicationId, at), (action, at) and (at) serve every filter).
 */

const ymd = isoDateFilter;

const optional = blankAsUndefined;

export const auditFilterSchema = z
  .object({
    /** The actor: user name, mobile number or real name. */
    person: optional(z.string().trim().max(64, "过长")),
    /** A station id. */
    station: optional(z.string().trim().max(64)),
    /** An exact action ("filing.submit") or a prefix ending in a dot ("filing."). */
    action: optional(
      z
        .string()
        .trim()
        .max(100, "过长")
        .regex(/^[a-z0-9_.-]+$/i, "操作名称只能包含字母、数字、点和下划线"),
    ),
    /** A filing's reference number (SMX-2026-000123) or its id. */
    filing: optional(z.string().trim().max(64, "过长")),
    from: optional(ymd),
    to: optional(ymd),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "结束日期不能早于开始日期" });

export type AuditFilter = z.output<typeof auditFilterSchema>;

export const auditPageSchema = auditFilterSchema.and(
  z.object({
    before: optional(z.string().regex(/^\d{1,19}$/)),
    limit: optional(z.coerce.number().int().min(1).max(200)),
  }),
);

const NONE = "__none__";

/** The filter as a where clause; names and reference numbers are resolved to ids first. */
export async function auditWhere(db: Db, f: AuditFilter): Promise<Prisma.AuditEventWhereInput> {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (f.person) {
    const users = await db.user.findMany({
      where: { OR: [{ username: f.person }, { mobile: f.person }, { realName: f.person }, { id: f.person }] },
      select: { id: true },
      take: 200,
    });
    and.push({ actorId: { in: users.length ? users.map((u) => u.id) : [NONE] } });
  }
  if (f.station) and.push({ stationId: f.station });
  if (f.action) and.push(f.action.endsWith(".") ? { action: { startsWith: f.action } } : { action: f.action });
  if (f.filing) {
    const app = await db.application.findFirst({ where: { OR: [{ reference: f.filing.toUpperCase() }, { id: f.filing }] }, select: { id: true } });
    and.push({ applicationId: app?.id ?? NONE });
  }
  if (f.from || f.to) {
    and.push({
      at: {
        ...(f.from ? { gte: startOfBeijingDay(f.from) } : {}),
        // "to" is inclusive: the whole last day.
        ...(f.to ? { lt: new Date(startOfBeijingDay(f.to).getTime() + 86_400_000) } : {}),
      },
    });
  }
  return and.length ? { AND: and } : {};
}

export type AuditRow = {
  id: string;
  at: Date;
  action: string;
  actorId: string | null;
  actorName: string | null;
  actorLogin: string | null;
  actorRole: string | null;
  stationId: string | null;
  stationName: string | null;
  countyCode: string | null;
  entityType: string | null;
  entityId: string | null;
  applicationId: string | null;
  applicationReference: string | null;
  ip: string | null;
  details: string | null;
  hash: string;
  prevHash: string;
};

type RawRow = Prisma.AuditEventGetPayload<object>;

/** Names for the ids of a page of events (three small lookups instead of joins over the trail). */
async function describe(db: Db, rows: RawRow[]): Promise<AuditRow[]> {
  const uniq = (xs: Array<string | null>) => [...new Set(xs.filter((x): x is string => !!x))];
  const [users, stations, apps] = await Promise.all([
    db.user.findMany({ where: { id: { in: uniq(rows.map((r) => r.actorId)) } }, select: { id: true, realName: true, username: true, mobile: true } }),
    db.policeStation.findMany({ where: { id: { in: uniq(rows.map((r) => r.stationId)) } }, select: { id: true, name: true } }),
    db.application.findMany({ where: { id: { in: uniq(rows.map((r) => r.applicationId)) } }, select: { id: true, reference: true } }),
  ]);
  const u = new Map(users.map((x) => [x.id, x]));
  const s = new Map(stations.map((x) => [x.id, x.name]));
  const a = new Map(apps.map((x) => [x.id, x.reference]));
  return rows.map((r) => {
    const actor = r.actorId ? u.get(r.actorId) : undefined;
    return {
      id: r.id.toString(),
      at: r.at,
      action: r.action,
      actorId: r.actorId,
      actorName: actor?.realName ?? null,
      actorLogin: actor?.username ?? actor?.mobile ?? null,
      actorRole: r.actorRole,
      stationId: r.stationId,
      stationName: r.stationId ? (s.get(r.stationId) ?? null) : null,
      countyCode: r.countyCode,
      entityType: r.entityType,
      entityId: r.entityId,
      applicationId: r.applicationId,
      applicationReference: r.applicationId ? (a.get(r.applicationId) ?? null) : null,
      ip: r.ip,
      details: r.details === null ? null : JSON.stringify(r.details),
      hash: r.hash,
      prevHash: r.prevHash,
    };
  });
}

export type AuditPage = { rows: AuditRow[]; nextBefore: string | null };

export async function queryAuditEvents(db: Db, input: z.output<typeof auditPageSchema>): Promise<AuditPage> {
  const limit = input.limit ?? 50;
  const where = await auditWhere(db, input);
  const rows = await db.auditEvent.findMany({
    where: input.before ? { AND: [where, { id: { lt: BigInt(input.before) } }] } : where,
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  return { rows: await describe(db, page), nextBefore: rows.length > limit ? page[page.length - 1].id.toString() : null };
}

export const AUDIT_CSV_HEADER = [
  "序号",
  "时间（北京时间）",
  "操作",
  "操作人",
  "账号",
  "角色",
  "派出所",
  "县级单位",
  "对象类型",
  "对象",
  "申请编号",
  "IP",
  "详情",
  "哈希",
  "前一哈希",
];

export function auditCsvRow(r: AuditRow): CsvCell[] {
  return [
    r.id,
    formatBeijing(r.at),
    r.action,
    r.actorName,
    r.actorLogin,
    r.actorRole ? (ROLE_LABELS[r.actorRole as Role] ?? r.actorRole) : null,
    r.stationName ?? r.stationId,
    r.countyCode,
    r.entityType,
    r.entityId,
    r.applicationReference ?? r.applicationId,
    r.ip,
    r.details,
    r.hash,
    r.prevHash,
  ];
}

/** Every matching event, oldest first, batch by batch (for the streamed CSV export). */
export async function* auditCsvBatches(db: Db, where: Prisma.AuditEventWhereInput, batch = 2_000): AsyncGenerator<CsvCell[][]> {
  let after: bigint | null = null;
  for (;;) {
    const rows: RawRow[] = await db.auditEvent.findMany({
      where: after === null ? where : { AND: [where, { id: { gt: after } }] },
      orderBy: { id: "asc" },
      take: batch,
    });
    if (rows.length === 0) return;
    yield (await describe(db, rows)).map(auditCsvRow);
    if (rows.length < batch) return;
    after = rows[rows.length - 1].id;
  }
}

// --- guarded operations ------------------------------------------------------------------

/** Auditors read the trail; reading it is itself recorded (who looked at what). */
export const AUDIT_READER_ROLES = ["auditor"] as const satisfies readonly Role[];

export const listAuditEventsDef = defineAction(
  { roles: AUDIT_READER_ROLES, action: "audit.view", schema: auditPageSchema, auditEvent: false },
  async (ctx, input) => queryAuditEvents(ctx.tx, input),
);

/**
 * The CSV export: the guard checks the role and records the export with its filter; the route
 * then streams the rows outside this (short) transaction, see app/api/export/audit.
 */
export const exportAuditDef = defineAction({ roles: AUDIT_READER_ROLES, action: "audit.export", schema: auditFilterSchema }, async (ctx, input) => {
  ctx.audit({ entityType: "audit_trail", details: { filter: input } });
  return auditWhere(ctx.tx, input);
});

const hashSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{64}$/, "哈希应为64位十六进制");
const idSchema = z
  .string()
  .trim()
  .regex(/^\d{1,19}$/, "序号应为数字");

export const verifyChainSchema = z
  .object({
    anchorId: optional(idSchema),
    anchorHash: optional(hashSchema),
    /** incremental: every checkpoint compared with its event, then only the events since the last checkpoint re-hashed. */
    mode: z.enum(["full", "incremental"]).default("full"),
    /** Where the previous step stopped (none: start at the beginning of the chain). */
    cursor: z
      .object({
        headId: idSchema.nullable(),
        afterId: idSchema.nullable(),
        prevHash: hashSchema,
        checked: z.number().int().min(0),
        total: z.number().int().min(0),
        found: z.number().int().min(0),
        firstBrokenId: idSchema.nullable(),
      })
      .optional(),
  })
  .refine((v) => !!v.anchorId === !!v.anchorHash, { path: ["anchorHash"], message: "锚点序号和哈希须同时填写" });

/** Many short steps per verification: a limit of its own, above the ordinary one. */
export const VERIFY_RATE: RateLimitRule = { name: "audit-verify", limit: 600, windowMs: 60_000 };

/**
 * One step of the chain verification (up to STEP_ROWS events). The page calls it until done,
 * carrying the cursor; the result — ok or the first broken link — is written to the trail
 * when the last step finishes.
 */
export const verifyChainStepDef = defineAction(
  { roles: AUDIT_READER_ROLES, action: "audit.verify", schema: verifyChainSchema, rateLimit: VERIFY_RATE, auditEvent: false },
  async (ctx, input): Promise<ChainStep> => {
    const anchors = input.anchorId && input.anchorHash ? [{ id: input.anchorId, hash: input.anchorHash }] : [];
    let start: { cursor: ChainCursor; breaks: ChainBreak[] } | null = null;
    if (!input.cursor) start = input.mode === "incremental" ? await startIncrementalCursor(ctx.tx) : { cursor: await startChainCursor(ctx.tx), breaks: [] };
    const step = await verifyChainStep(ctx.tx, input.cursor ?? start!.cursor, { anchors });
    if (start?.breaks.length) step.breaks = [...start.breaks, ...step.breaks];
    if (step.done) {
      ctx.audit({
        entityType: "audit_trail",
        details: {
          ok: step.cursor.found === 0,
          checked: step.cursor.checked,
          headId: step.cursor.afterId,
          headHash: step.cursor.prevHash,
          problems: step.cursor.found,
          firstBrokenId: step.cursor.firstBrokenId,
          anchorId: input.anchorId ?? null,
          mode: input.mode,
        },
      });
    }
    return step;
  },
);

/** The stations an auditor can filter the trail by (all, active or not). */
export const auditStationsQuery = defineQuery({ roles: AUDIT_READER_ROLES, action: "audit.list" }, ({ db }) =>
  db.policeStation.findMany({ orderBy: { code: "asc" }, select: { id: true, name: true, countyCode: true } }),
);
