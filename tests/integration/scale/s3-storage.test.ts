import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import S3rver from "s3rver";
import { S3FileStorage, s3ConfigFromEnv } from "@/lib/storage/s3-file-storage";
import { LocalFileStorage } from "@/lib/storage/local-file-storage";
import { sweepOrphanUploads } from "@/lib/storage/sweep-orphan-uploads";
import { createTestPrisma, type TestPrisma } from "@/tests/support/test-db";

let server: S3rver;
let dir: string;
let endpoint: string;
let t: TestPrisma;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "luohu-s3-"));
  server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: dir, configureBuckets: [{ name: "luohu-test", configs: [] }] });
  const addr = (await server.run()) as AddressInfo;
  endpoint = `http://127.0.0.1:${addr.port}`;
  t = await createTestPrisma();
});
afterAll(async () => {
  await server?.close().catch(() => {});
  fs.rmSync(dir, { recursive: true, force: true });
  await t?.close();
});

const s3 = () =>
  new S3FileStorage(s3ConfigFromEnv({ S3_BUCKET: "luohu-test", S3_ENDPOINT: endpoint, S3_ACCESS_KEY_ID: "S3RVER", S3_SECRET_ACCESS_KEY: "S3RVER" })!);

describe("S3-compatible file storage (s3rver)", () => {
  it("stores, returns byte for byte, lists and deletes files; a missing key is null", async () => {
    const store = s3();
    const bytes = new Uint8Array(randomBytes(300_000));
    await store.put("app1/abc", bytes, "application/pdf");
    expect(await store.get("app1/abc")).toEqual(bytes);
    // Another instance (another client) sees the same file.
    expect(await s3().get("app1/abc")).toEqual(bytes);
    expect(await store.get("app1/nothing")).toBeNull();
    const listed = [];
    for await (const o of store.list()) listed.push(o);
    expect(listed.map((o) => o.key)).toEqual(["app1/abc"]);
    expect(listed[0].modifiedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    await store.delete("app1/abc");
    await store.delete("app1/abc"); // idempotent
    expect(await store.get("app1/abc")).toBeNull();
    await expect(store.put("../etc/passwd", bytes, "text/plain")).rejects.toThrow(/invalid storage key/);
  });

  it("the upload sweep deletes old files without a row and keeps young ones (S3 and local disk)", async () => {
    for (const store of [s3(), new LocalFileStorage(fs.mkdtempSync(path.join(os.tmpdir(), "luohu-up-")))]) {
      await store.put("appx/orphan1", new Uint8Array([1, 2, 3]), "image/png");
      const now = new Date(Date.now() + 31 * 60_000); // 31 minutes later
      const r = await sweepOrphanUploads(t.prisma, { storage: store, olderThanMinutes: 30, now });
      expect(r.deleted).toBe(1);
      expect(await store.get("appx/orphan1")).toBeNull();
      await store.put("appx/young", new Uint8Array([1]), "image/png");
      expect((await sweepOrphanUploads(t.prisma, { storage: store, olderThanMinutes: 30 })).deleted).toBe(0);
      expect(await store.get("appx/young")).not.toBeNull();
      await store.delete("appx/young");
    }
  });
});
