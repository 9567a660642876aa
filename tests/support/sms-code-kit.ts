import { afterAll, beforeAll, beforeEach } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { MemoryRateLimitStore, setRateLimitStore } from "@/lib/http/rate-limit";
import { createTestPrisma, type TestPrisma } from "./test-db";

/** Mobile numbers for one test file: `prefix` (7 digits) then a running 4-digit number. */
export function mobileSequence(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}${String(1000 + ++n).slice(-4)}`;
}

/** The newest SMS code queued for `mobile` (the outbox keeps it for the gateway's template). */
export async function lastSmsCode(db: PrismaClient, mobile: string): Promise<string | undefined> {
  const msg = await db.outboxMessage.findFirst({ where: { recipient: mobile, template: "code" }, orderBy: { createdAt: "desc" } });
  return (msg?.params as { code?: string } | null)?.code;
}

/**
 * The setup of a test file about SMS codes: its own database (handed to `receive` before the
 * file's tests, dropped after them), a fresh in-memory rate-limit store before each test, mobile
 * numbers from `prefix` and the newest code sent to one.
 *
 *   let db: PrismaClient;
 *   const { mobile, lastCode } = withSmsCodeDb("1351234", (x) => (db = x));
 */
export function withSmsCodeDb(prefix: string, receive: (db: PrismaClient) => void) {
  let t: TestPrisma | undefined;
  beforeAll(async () => {
    t = await createTestPrisma();
    receive(t.prisma);
  });
  afterAll(async () => t?.close());
  beforeEach(() => setRateLimitStore(new MemoryRateLimitStore()));
  return { mobile: mobileSequence(prefix), lastCode: (m: string) => lastSmsCode(t!.prisma, m) };
}
