import type { Db } from "@/lib/db/types";
import type { FileStorage } from "./file-storage";
import { getFileStorage } from "./get-file-storage";

/** Files younger than this may belong to an upload whose transaction has not committed yet. */
export const ORPHAN_GRACE_MINUTES = Number(process.env.LUOHU_UPLOAD_ORPHAN_MINUTES ?? 30);

/**
 * Upload order (lib/filings/upload-document.ts): the bytes are written first, then the row is
 * committed. A crash or a rolled-back transaction between the two leaves a file without a row;
 * this sweep (the `upload-sweep` job, lib/jobs/job-registry.ts) deletes such files once they are
 * older than the grace period. A file with a row is never touched.
 */
export async function sweepOrphanUploads(
  db: Db,
  opts: { storage?: FileStorage; olderThanMinutes?: number; now?: Date; batchSize?: number } = {},
): Promise<{ scanned: number; deleted: number }> {
  const storage = opts.storage ?? getFileStorage();
  const cutoff = (opts.now ?? new Date()).getTime() - (opts.olderThanMinutes ?? ORPHAN_GRACE_MINUTES) * 60_000;
  const batchSize = opts.batchSize ?? 500;
  let scanned = 0;
  let deleted = 0;
  let batch: string[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const known = new Set((await db.document.findMany({ where: { storageKey: { in: batch } }, select: { storageKey: true } })).map((d) => d.storageKey));
    for (const key of batch) {
      if (known.has(key)) continue;
      const del = (storage as { deleteListed?: (k: string) => Promise<void> }).deleteListed;
      await (del ? del.call(storage, key) : storage.delete(key));
      deleted += 1;
    }
    batch = [];
  };
  for await (const obj of storage.list()) {
    scanned += 1;
    if (obj.modifiedAt.getTime() >= cutoff) continue;
    batch.push(obj.key);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return { scanned, deleted };
}
