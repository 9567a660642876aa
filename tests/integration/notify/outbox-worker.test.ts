import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, type TestPrisma } from "@/tests/support/test-db";
import { createPrisma } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { drainOutbox, drainOutboxStep } from "@/lib/notify/drain-outbox";
import { AliyunSmsSender, LogSender, senderFromEnv, type MessageSender, type OutgoingMessage } from "@/lib/notify/sender";
import { startStubSmsGateway, STUB_KEY_ID, STUB_SECRET, type StubGateway } from "../../helpers/stub-sms-gateway";

let t: TestPrisma;
let db: PrismaClient;
let gw: StubGateway;
let aliyun: AliyunSmsSender;

beforeAll(async () => {
  t = await createTestPrisma();
  db = t.prisma;
  gw = await startStubSmsGateway();
  aliyun = new AliyunSmsSender({
    url: gw.url,
    accessKeyId: STUB_KEY_ID,
    accessKeySecret: STUB_SECRET,
    signName: "三门峡落户通",
    templates: { code: "SMS_100001", notice: "SMS_100002" },
  });
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});
beforeEach(async () => {
  await db.outboxMessage.deleteMany();
  gw.failNext(0);
  gw.received.length = 0;
  gw.requests.length = 0;
});

const T0 = new Date("2026-12-01T02:00:00.000Z");
const at = (ms: number) => () => new Date(T0.getTime() + ms);

async function enqueue(n: number, extra: Partial<{ template: string; params: object; recipient: string }> = {}) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const m = await db.outboxMessage.create({
      data: {
        channel: "sms",
        recipient: extra.recipient ?? `1390000${String(1000 + i).slice(-4)}`,
        subject: `通知${i}`,
        body: `【三门峡落户通】您的申请已受理${i}`,
        template: extra.template,
        params: extra.params,
        nextAttemptAt: T0,
        createdAt: new Date(T0.getTime() - 1000 + i),
      },
    });
    ids.push(m.id);
  }
  return ids;
}

describe("the outbox worker", () => {
  it("sends through the Aliyun SendSms adapter: signed request, template and parameters, OutId = the idempotency key", async () => {
    const [id] = await enqueue(1, { template: "code", params: { code: "123456" }, recipient: "13900001234" });
    await db.outboxMessage.update({ where: { id }, data: { idempotencyKey: "code:abc" } });
    const r = await drainOutboxStep(db, aliyun, { now: at(0) });
    expect(r).toEqual({ sent: 1, retried: 0, dead: 0 });
    expect(gw.received).toHaveLength(1);
    expect(gw.received[0]).toMatchObject({
      phone: "13900001234",
      templateCode: "SMS_100001",
      params: { code: "123456" },
      outId: "code:abc",
      signName: "三门峡落户通",
    });
    const m = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(m.status).toBe("sent");
    expect(m.sentAt).not.toBeNull();
    expect(m.attempts).toBe(1);
    expect(m.lockedBy).toBeNull();
    // Sent messages are not sent again.
    expect(await drainOutbox(db, aliyun, { now: at(60_000) })).toBe(0);
    expect(gw.requests).toHaveLength(1);
  });

  it("a wrong secret is refused by the gateway and the message is retried, not lost", async () => {
    await enqueue(1);
    const wrong = new AliyunSmsSender({ url: gw.url, accessKeyId: STUB_KEY_ID, accessKeySecret: "nope", signName: "x", templates: { code: "a", notice: "b" } });
    const r = await drainOutboxStep(db, wrong, { now: at(0) });
    expect(r.retried).toBe(1);
    const m = await db.outboxMessage.findFirstOrThrow();
    expect(m.status).toBe("pending");
    expect(m.lastError).toMatch(/SignatureDoesNotMatch/);
  });

  it("retries with exponential backoff and keeps the same idempotency key on every try", async () => {
    const [id] = await enqueue(1);
    gw.failNext(2);
    expect(await drainOutboxStep(db, aliyun, { now: at(0) })).toEqual({ sent: 0, retried: 1, dead: 0 });
    let m = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(m.attempts).toBe(1);
    expect(m.nextAttemptAt.getTime()).toBe(T0.getTime() + 30_000);
    // Not due yet: nothing is claimed.
    expect(await drainOutboxStep(db, aliyun, { now: at(10_000) })).toEqual({ sent: 0, retried: 0, dead: 0 });
    expect(await drainOutboxStep(db, aliyun, { now: at(31_000) })).toEqual({ sent: 0, retried: 1, dead: 0 });
    m = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(m.attempts).toBe(2);
    expect(m.nextAttemptAt.getTime()).toBe(T0.getTime() + 31_000 + 60_000);
    expect(await drainOutboxStep(db, aliyun, { now: at(80_000) })).toEqual({ sent: 0, retried: 0, dead: 0 });
    expect(await drainOutboxStep(db, aliyun, { now: at(92_000) })).toEqual({ sent: 1, retried: 0, dead: 0 });
    m = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(m.status).toBe("sent");
    expect(m.attempts).toBe(3);
    expect(gw.requests.map((r) => r.outId)).toEqual([id, id, id]);
    expect(gw.received).toHaveLength(1);
  });

  it("moves a message to the dead letters after N tries, and at once on a permanent error", async () => {
    const [id] = await enqueue(1);
    gw.failAlways();
    let now = 0;
    for (let i = 0; i < 3; i++) {
      await drainOutboxStep(db, aliyun, { now: at(now), maxAttempts: 3 });
      now += 10 * 60_000;
    }
    const m = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(m.status).toBe("dead");
    expect(m.attempts).toBe(3);
    expect(m.deadAt).not.toBeNull();
    expect(m.lastError).toMatch(/isp.SYSTEM_ERROR/);
    gw.failNext(0);
    expect(await drainOutboxStep(db, aliyun, { now: at(now + 24 * 3600_000), maxAttempts: 3 })).toEqual({ sent: 0, retried: 0, dead: 0 });
    expect(gw.requests).toHaveLength(3);

    const [bad] = await enqueue(1, { recipient: "12345" });
    expect(await drainOutboxStep(db, aliyun, { now: at(now) })).toEqual({ sent: 0, retried: 0, dead: 1 });
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: bad } })).lastError).toMatch(/MOBILE_NUMBER_ILLEGAL/);
  });

  it("two workers draining at the same time never send the same message twice", async () => {
    const ids = await enqueue(30);
    // On PostgreSQL the second worker is a separate client (its own connections); on PGlite the same one.
    const other = t.databaseUrl ? createPrisma({ databaseUrl: t.databaseUrl }) : db;
    const sent: string[] = [];
    const slow = (who: string): MessageSender => ({
      async send(m: OutgoingMessage) {
        await new Promise((r) => setTimeout(r, 5));
        sent.push(`${who}:${m.idempotencyKey}`);
      },
    });
    try {
      const rounds = await Promise.all([
        drainOutboxStep(db, slow("a"), { now: at(0), limit: 7 }),
        drainOutboxStep(other, slow("b"), { now: at(0), limit: 7 }),
        drainOutboxStep(db, slow("a"), { now: at(0), limit: 7 }),
        drainOutboxStep(other, slow("b"), { now: at(0), limit: 7 }),
        drainOutboxStep(db, slow("a"), { now: at(0), limit: 7 }),
      ]);
      expect(rounds.reduce((s, r) => s + r.sent, 0)).toBe(30);
    } finally {
      if (other !== db) await other.$disconnect();
    }
    const keys = sent.map((s) => s.split(":")[1]);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual([...ids].sort());
    expect(await db.outboxMessage.count({ where: { status: "sent" } })).toBe(30);
  });

  it("takes over a message whose worker died (lease expired), not one still leased", async () => {
    const [a, b] = await enqueue(2);
    await db.outboxMessage.update({ where: { id: a }, data: { lockedBy: "dead-worker", lockedUntil: new Date(T0.getTime() - 1) } });
    await db.outboxMessage.update({ where: { id: b }, data: { lockedBy: "busy-worker", lockedUntil: new Date(T0.getTime() + 60_000) } });
    const seen: string[] = [];
    await drainOutbox(db, { send: async (m) => void seen.push(m.idempotencyKey!) }, { now: at(0) });
    expect(seen).toEqual([a]);
  });

  it("drainOutbox(db) alone uses the configured sender: the log sender by default", async () => {
    expect(senderFromEnv({})).toBeInstanceOf(LogSender);
    expect(
      senderFromEnv({
        LUOHU_SMS_PROVIDER: "aliyun",
        LUOHU_SMS_ACCESS_KEY_ID: "k",
        LUOHU_SMS_ACCESS_KEY_SECRET: "s",
        LUOHU_SMS_TEMPLATE_CODE: "c",
        LUOHU_SMS_TEMPLATE_NOTICE: "n",
      }),
    ).toBeInstanceOf(AliyunSmsSender);
    expect(() => senderFromEnv({ LUOHU_SMS_PROVIDER: "aliyun" })).toThrow(/LUOHU_SMS_ACCESS_KEY_ID/);
    await db.outboxMessage.create({ data: { channel: "sms", recipient: "13900009999", subject: "s", body: "b" } });
    expect(await drainOutbox(db)).toBe(1);
    expect(await db.outboxMessage.count({ where: { status: "sent" } })).toBe(1);
  });
});
