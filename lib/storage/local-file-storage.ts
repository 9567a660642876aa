import fs from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { assertStorageKey, type FileStorage, type StoredObject } from "./file-storage";

/** Files in a local folder (default `LUOHU_DATA_DIR/uploads`), written atomically. */
export class LocalFileStorage implements FileStorage {
  constructor(readonly root: string) {}

  private pathOf(key: string): string {
    assertStorageKey(key);
    return path.join(this.root, ...key.split("/"));
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const file = this.pathOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    // Write then rename: a reader never sees half a file.
    const tmp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
    await fs.writeFile(tmp, bytes, { mode: 0o600 });
    await fs.rename(tmp, file);
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await fs.readFile(this.pathOf(key)));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }

  async *list(): AsyncIterable<StoredObject> {
    const dirs = await fs.readdir(this.root, { withFileTypes: true }).catch(() => []);
    for (const d of dirs) {
      if (!d.isDirectory()) continue;
      const files = await fs.readdir(path.join(this.root, d.name)).catch(() => [] as string[]);
      for (const f of files) {
        const file = path.join(this.root, d.name, f);
        const st = await fs.stat(file).catch(() => null);
        if (!st?.isFile()) continue;
        // A temp file left by a crash mid-write is reported under its own name, so the sweep removes it too.
        const key = `${d.name}/${f}`;
        yield { key, modifiedAt: st.mtime };
      }
    }
  }

  /** Removes a listed entry, including a crash's temp file (which is not a valid key). */
  async deleteListed(key: string): Promise<void> {
    const [dir, name] = key.split("/");
    if (!dir || !name || dir.includes("..") || name.includes("..") || !/^[A-Za-z0-9_.-]+$/.test(dir + name)) return;
    await fs.rm(path.join(this.root, dir, name), { force: true });
  }
}
