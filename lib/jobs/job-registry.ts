/**
 * Every background job of the portal, in one list: its name, its schedule and its handler.
 * The runner (run-jobs.ts) puts them on pg-boss, so each run happens once across all
 * instances and processes that share the database. To add a job: add one entry here.
 *
 *   - `cron`: a pg-boss cron schedule (minute resolution; fired once across instances);
 *   - `everySeconds`: every instance offers the job every N seconds, the queue (policy
 *     "exclusive": one queued or active at a time) keeps one — for work that must not wait a minute;
 *   - `atStart`: offered once when an instance starts (deduplicated the same way).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { drainOutbox } from "@/lib/notify/drain-outbox";
import { cleanupStaleDrafts } from "@/lib/filings/cleanup-drafts";
import { sweepOrphanUploads } from "@/lib/storage/sweep-orphan-uploads";
import { recordAuditCheckpoint } from "@/lib/audit/audit-checkpoints";
import { purgeOldSessions, SESSION_RETENTION_DAYS } from "@/lib/auth/sessions";

export type JobContext = { db: PrismaClient };

export type JobDefinition = {
  /** Queue name: letters, digits and dashes. */
  name: string;
  description: string;
  cron?: string;
  everySeconds?: number;
  atStart?: boolean;
  /** A short summary of what the run did (logged when not null), or nothing. */
  handler: (ctx: JobContext) => Promise<string | null | void>;
};

const envNumber = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

export const JOBS: readonly JobDefinition[] = [
  {
    name: "outbox-drain",
    description: "发送待发的通知（短信/站内信发件箱）",
    everySeconds: envNumber("LUOHU_OUTBOX_INTERVAL_SECONDS", 5),
    handler: async ({ db }) => {
      const sent = await drainOutbox(db);
      return sent ? `已发送 ${sent} 条通知` : null;
    },
  },
  {
    name: "draft-cleanup",
    description: "删除超过保留期限、无人改动的草稿及其文件",
    cron: "17 3 * * *",
    atStart: true,
    handler: async ({ db }) => {
      const r = await cleanupStaleDrafts(db);
      return r.deleted ? `已清理 ${r.deleted} 件超过保留期限的草稿（${r.files} 个文件）` : null;
    },
  },
  {
    name: "upload-sweep",
    description: "删除没有数据库记录的上传文件（上传中断或事务回滚留下的）",
    cron: "*/10 * * * *",
    handler: async ({ db }) => {
      const r = await sweepOrphanUploads(db);
      return r.deleted ? `已删除 ${r.deleted} 个无记录的上传文件（共检查 ${r.scanned} 个）` : null;
    },
  },
  {
    name: "session-cleanup",
    description: `删除 ${SESSION_RETENTION_DAYS} 天前开始的登录会话记录（地址、浏览器）`,
    cron: "41 3 * * *",
    handler: async ({ db }) => {
      const n = await purgeOldSessions(db);
      return n ? `已删除 ${n} 条过期会话记录` : null;
    },
  },
  {
    name: "audit-checkpoint",
    description: "记录审计链的检查点（链尾的序号和哈希）",
    cron: process.env.LUOHU_AUDIT_CHECKPOINT_CRON || "*/5 * * * *",
    atStart: true,
    handler: async ({ db }) => {
      const c = await recordAuditCheckpoint(db);
      return c ? `审计检查点 #${c.eventId}` : null;
    },
  },
];
