import path from "node:path";
import type { FileStorage } from "./file-storage";
import { LocalFileStorage } from "./local-file-storage";
import { S3FileStorage, s3ConfigFromEnv } from "./s3-file-storage";

const g = globalThis as unknown as { __luohuFileStorage?: FileStorage };

/** The folder of the local store: `LUOHU_UPLOADS_DIR`, else `LUOHU_DATA_DIR/uploads` (default `.data/uploads`). */
export function uploadsDir(): string {
  // turbopackIgnore: a folder chosen at run time, not a source the build should trace.
  if (process.env.LUOHU_UPLOADS_DIR) return path.resolve(/*turbopackIgnore: true*/ process.env.LUOHU_UPLOADS_DIR);
  return path.join(path.resolve(/*turbopackIgnore: true*/ process.env.LUOHU_DATA_DIR || ".data"), "uploads");
}

/**
 * The storage the app uses: an S3-compatible bucket when S3_BUCKET is set (S3_ENDPOINT,
 * S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE, S3_PREFIX), else the
 * local folder. Several instances need the bucket (or one shared folder).
 */
export function getFileStorage(): FileStorage {
  if (g.__luohuFileStorage) return g.__luohuFileStorage;
  const s3 = s3ConfigFromEnv();
  return (g.__luohuFileStorage = s3 ? new S3FileStorage(s3) : new LocalFileStorage(uploadsDir()));
}

/** Where files go, safe to print. */
export function describeFileStorage(): string {
  const s3 = s3ConfigFromEnv();
  return s3 ? `S3 ${s3.endpoint ?? "AWS"} bucket ${s3.bucket}` : `本地目录 ${uploadsDir()}`;
}

export function setFileStorage(storage: FileStorage): void {
  g.__luohuFileStorage = storage;
}
