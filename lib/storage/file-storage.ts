/**
 * Where uploaded files live: outside the database, behind one small interface — the local
 * folder (default) or an S3-compatible bucket when S3_BUCKET is set (s3-file-storage.ts,
 * selected in get-file-storage.ts).
 * Keys are opaque (`<applicationId>/<random>`): never a name or an ID number.
 */
export interface FileStorage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The bytes, or null when the key does not exist. */
  get(key: string): Promise<Uint8Array | null>;
  /** Idempotent: deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** Every stored key with its last change (for the orphan sweep, lib/storage/sweep-orphan-uploads.ts). */
  list(): AsyncIterable<StoredObject>;
}

export type StoredObject = { key: string; modifiedAt: Date };

/** Storage keys: two path segments of safe characters (checked again by every backend). */
export const STORAGE_KEY_PATTERN = /^[A-Za-z0-9_-]{1,64}\/[A-Za-z0-9_-]{1,64}$/;

export function assertStorageKey(key: string): void {
  if (!STORAGE_KEY_PATTERN.test(key)) throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
}
