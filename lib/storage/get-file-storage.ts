import path from "node:path";
import type { FileStorage } from "./file-storage";
import { LocalFileStorage } from "./local-file-storage";

const g = globalThis as unknown as { __luohuFileStorage?: FileStorage };

/** The folder of the local store: `LUOHU_UPLOADS_DIR`, else `LUOHU_DATA_DIR/uploads` (default `.data/uploads`). */
export function uploadsDir(): string {
  // turbopackIgnore: a folder chosen at run time, not a source the build should trace.
  if (process.env.LUOHU_UPLOADS_DIR) return path.resolve(/*turbopackIgnore: true*/ process.env.LUOHU_UPLOADS_DIR);
  return path.join(path.resolve(/*turbopackIgnore: true*/ process.env.LUOHU_DATA_DIR || ".data"), "uploads");
}

/**
 * The storage the app uses. Today the local folder; an S3-compatible store plugs in here
 * (e.g. when LUOHU_STORAGE=s3) or through setFileStorage() at start-up.
 */
export function getFileStorage(): FileStorage {
  return (g.__luohuFileStorage ??= new LocalFileStorage(uploadsDir()));
}

export function setFileStorage(storage: FileStorage): void {
  g.__luohuFileStorage = storage;
}
