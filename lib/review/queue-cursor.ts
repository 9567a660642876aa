/**
 * Keyset cursors for the clerk's queue: the sort key (an instant, or null for rows without
 * one) and the id of a row. Opaque in the URL; they carry no personal data.
 */
export type QueueKey = { k: string | null; i: string };

export function encodeCursor(key: QueueKey): string {
  return Buffer.from(JSON.stringify([key.k, key.i]), "utf8").toString("base64url");
}

/** null for anything that is not a cursor we made (a tampered URL just starts at the top). */
export function decodeCursor(s: string | undefined | null): QueueKey | null {
  if (!s || s.length > 200) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(s, "base64url").toString("utf8"));
    if (!Array.isArray(v) || v.length !== 2) return null;
    const [k, i] = v as unknown[];
    if (typeof i !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(i)) return null;
    if (k === null) return { k: null, i };
    if (typeof k !== "string" || Number.isNaN(Date.parse(k))) return null;
    return { k: new Date(k).toISOString(), i };
  } catch {
    return null;
  }
}
