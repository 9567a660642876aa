/**
 * Where uploaded files live: outside the database, behind one small interface so that an
 * S3-compatible object store can replace the local folder (implement FileStorage with
 * PutObject / GetObject / DeleteObject on a bucket and select it in getFileStorage()).
 * Keys are opaque (`<applicationId>/<random>`): never a name or an ID number.
 */
export interface FileStorage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The bytes, or null when the key does not exist. */
  get(key: string): Promise<Uint8Array | null>;
  /** Idempotent: deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
}

/** Storage keys: two path segments of safe characters (checked again by every backend). */
export const STORAGE_KEY_PATTERN = /^[A-Za-z0-9_-]{1,64}\/[A-Za-z0-9_-]{1,64}$/;

export function assertStorageKey(key: string): void {
  if (!STORAGE_KEY_PATTERN.test(key)) throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
}
