import type { Db } from "@/lib/db/types";
import { getCurrentRuleSet } from "@/lib/rules/rule-set-service";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import type { FileStorage } from "@/lib/storage/file-storage";

/**
 * The draft cleanup rule: a draft (never submitted) that nobody has touched — no page saved, no
 * file uploaded — for `timeLimits.draftRetentionDays` calendar days of the rule set in force
 * (90 by default) is deleted with its people and files. Submitted filings are never touched.
 * Run at start-up and then daily by the `draft-cleanup` job (lib/jobs/job-registry.ts); each run is idempotent.
 */
export async function cleanupStaleDrafts(
  db: Db,
  opts: { now?: Date; retentionDays?: number; storage?: FileStorage; batchSize?: number } = {},
): Promise<{ deleted: number; files: number; cutoff: Date }> {
  const now = opts.now ?? new Date();
  const days = opts.retentionDays ?? (await getCurrentRuleSet(db, now)).data.timeLimits.draftRetentionDays;
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  const storage = opts.storage ?? getFileStorage();
  const batchSize = opts.batchSize ?? 200;
  let deleted = 0;
  let files = 0;
  for (;;) {
    const stale = await db.application.findMany({
      where: { status: "draft", updatedAt: { lt: cutoff } },
      select: { id: true },
      take: batchSize,
      orderBy: { updatedAt: "asc" },
    });
    if (stale.length === 0) break;
    const ids = stale.map((s) => s.id);
    const docs = await db.document.findMany({ where: { applicationId: { in: ids } }, select: { storageKey: true } });
    // Re-check the state in the DELETE: a draft submitted meanwhile survives.
    const res = await db.application.deleteMany({ where: { id: { in: ids }, status: "draft", updatedAt: { lt: cutoff } } });
    deleted += res.count;
    const left = new Set(
      (await db.document.findMany({ where: { storageKey: { in: docs.map((d) => d.storageKey) } }, select: { storageKey: true } })).map((d) => d.storageKey),
    );
    for (const d of docs) {
      if (left.has(d.storageKey)) continue;
      await storage.delete(d.storageKey);
      files += 1;
    }
    if (stale.length < batchSize) break;
  }
  return { deleted, files, cutoff };
}
