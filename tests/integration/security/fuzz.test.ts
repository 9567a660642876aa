import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { createTestPrisma } from "@/tests/support/test-db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { seedReferenceData } from "@/lib/seed/reference-data";
import { POST as eligibility } from "@/app/api/v1/eligibility/route";
import { POST as criteriaCheck } from "@/app/api/v1/criteria-check/route";
import { beginSignIn } from "@/lib/auth/begin-sign-in";
import { registerResident } from "@/lib/residents/register-resident";
import { isDomainError } from "@/lib/errors";
import { MemoryRateLimitStore, setRateLimitStore } from "@/lib/http/rate-limit";
import { hashPassword } from "@/lib/auth/password";
import { testId } from "../../helpers/ids";

/**
 * Property-based fuzzing (fast-check), ≥ 10,000 generated inputs in all: the public eligibility
 * API, the criteria-check API, the sign-in step and resident sign-up (uploads: upload-fuzz.test.ts). The
 * property: never a 5xx / never anything but a typed domain answer.
 */

let prisma: PrismaClient;
let close: () => Promise<void>;
const KEY = Symbol.for("luohu.db.prisma");
let requests = 0;

beforeAll(async () => {
  ({ prisma, close } = await createTestPrisma());
  await seedReferenceData(prisma);
  (globalThis as Record<symbol, unknown>)[KEY] = prisma;
  process.env.AUTH_SECRET ??= "test-secret-0123456789-0123456789";
  setRateLimitStore(new MemoryRateLimitStore());
  await prisma.user.create({ data: { role: "clerk", username: "fuzz-clerk", realName: "民警", passwordHash: await hashPassword("luohu-demo") } });
}, 180_000);
afterAll(async () => {
  delete (globalThis as Record<symbol, unknown>)[KEY];
  await close?.();
});

/** Text with the characters that broke things before: NUL, controls, bidi marks, surrogates, CJK. */
const nastyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("\u0000", "a\u0000b", "\u202e", "\ud800", '\'; DROP TABLE "User"; --', "张三", "x".repeat(5000), "__proto__", "constructor", "1e309", "-0"),
);
const leaf = fc.oneof(nastyString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const deep = fc.integer({ min: 30, max: 6000 }).map((n) => "[".repeat(n) + "]".repeat(n));

const validish = fc.record(
  {
    applicant: fc.record(
      {
        idNumber: fc.oneof(fc.constant(testId()), nastyString),
        name: fc.oneof(fc.constant("张三"), nastyString),
        hukouType: fc.constantFrom("rural", "urban", "x", 1),
        hukouRegion: fc.oneof(fc.constant("410323"), nastyString),
      },
      { requiredKeys: [] },
    ),
    destinationCounty: fc.oneof(fc.constantFrom("411202", "411203", "999999"), nastyString),
    channel: fc.oneof(fc.constantFrom("talent", "residence", "family", "collective", "rural_student"), nastyString),
    subtype: fc.oneof(fc.constantFrom("college_graduate", "enrollment"), nastyString),
    residence: fc.oneof(fc.record({ tenure: fc.constantFrom("rented", "owned", 5), address: nastyString, legal: fc.boolean() }), leaf),
    documents: fc.oneof(fc.array(fc.oneof(fc.constantFrom("id_card", "hukou_booklet", "rental_contract"), nastyString), { maxLength: 20 }), leaf),
    ownsHome: fc.anything(),
  },
  { requiredKeys: [] },
);

function bodyText(): fc.Arbitrary<{ text: string; type: string }> {
  const valid = fc.constantFrom(
    {
      channel: "residence",
      residence: { tenure: "rented", address: "湖滨区崤山路1号", legal: true },
      documents: ["id_card", "hukou_booklet", "rental_contract"],
    },
    { channel: "talent", subtype: "college_graduate", documents: [] },
  );
  const json = fc.oneof(
    {
      weight: 2,
      arbitrary: fc.tuple(valid, fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 })).map(([v, extra]) =>
        JSON.stringify({
          ...extra,
          applicant: { idNumber: testId(), name: "张三", hukouType: "rural", hukouRegion: "410323" },
          destinationCounty: "411202",
          ...v,
        }),
      ),
    },
    { weight: 4, arbitrary: validish.map((v) => JSON.stringify(v)) },
    { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: deep.map((d) => `{"documents":${d}}`) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
    { weight: 1, arbitrary: fc.constantFrom("", "{", "null", "[]", '{"a":1}'.repeat(3), "\u0000") },
  );
  return fc.record({
    text: json,
    type: fc.oneof(
      { weight: 8, arbitrary: fc.constant("application/json") },
      { weight: 1, arbitrary: fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "", "application/problem+json") },
    ),
  });
}

async function callJson(handler: (req: Request) => Promise<Response>, url: string, body: { text: string; type: string }) {
  requests += 1;
  const res = await handler(
    new Request(url, {
      method: "POST",
      body: body.text,
      headers: {
        ...(body.type ? { "content-type": body.type } : {}),
        "x-luohu-client-ip": `10.${(requests >> 16) & 255}.${(requests >> 8) & 255}.${requests & 255}`,
      },
    }),
  );
  return res.status;
}

describe("fuzzing: zero 5xx on generated input", () => {
  it("POST /api/v1/eligibility: 5,000 generated bodies", async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(bodyText(), async (b) => {
        const status = await callJson(eligibility, "http://localhost/api/v1/eligibility", b);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        expect(status).toBeLessThan(500);
      }),
      { numRuns: 5000 },
    );
    // the generator reaches both the decision (200) and the refusals
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
  }, 600_000);

  it("POST /api/v1/criteria-check: 1,500 generated bodies", async () => {
    const statuses = new Map<number, number>();
    const textBody = fc.record({
      text: fc.oneof(
        fc
          .record({ text: fc.oneof(nastyString, fc.string({ maxLength: 400 }), fc.constantFrom("申请人未购房，不予办理", "x".repeat(20_001))) })
          .map((v) => JSON.stringify(v)),
        fc.record({ text: leaf }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
        bodyText().map((b) => b.text),
      ),
      type: fc.oneof({ weight: 8, arbitrary: fc.constant("application/json") }, { weight: 1, arbitrary: fc.constantFrom("text/plain", "") }),
    });
    await fc.assert(
      fc.asyncProperty(textBody, async (b) => {
        const status = await callJson(criteriaCheck, "http://localhost/api/v1/criteria-check", b);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        expect(status).toBeLessThan(500);
      }),
      { numRuns: 1500 },
    );
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
  }, 600_000);

  it("sign-in (password step): 2,500 generated forms answer with a message, never an exception", async () => {
    const field = fc.oneof(nastyString, fc.constantFrom("fuzz-clerk", "13800000001", "luohu-demo"), fc.anything({ maxDepth: 2 }));
    await fc.assert(
      fc.asyncProperty(field, field, fc.constantFrom("10.0.0.1", "unknown"), async (login, password, ip) => {
        const r = await beginSignIn({ login, password }, ip);
        expect(typeof r.ok).toBe("boolean");
        if (!r.ok) expect(r.message).toMatch(/[\u4e00-\u9fff]/);
      }),
      { numRuns: 2500 },
    );
  }, 600_000);

  it("sign-up: 2,500 generated registrations are created or refused with a domain error", async () => {
    const text = fc.oneof(nastyString, fc.anything({ maxDepth: 2 }));
    const input = fc.record(
      {
        mobile: fc.oneof(fc.integer({ min: 13000000000, max: 19999999999 }).map(String), text),
        realName: fc.oneof(fc.constantFrom("王五", "欧阳娜娜"), text),
        idNumber: fc.oneof(
          fc.constant(null).map(() => testId()),
          text,
        ),
        password: fc.oneof(fc.constantFrom("Kq8#Zm2pLw9x", "12345678"), text),
        passwordConfirm: fc.oneof(fc.constantFrom("Kq8#Zm2pLw9x", "12345678"), text),
      },
      { requiredKeys: [] },
    );
    let created = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 9, arbitrary: input }, { weight: 1, arbitrary: fc.anything() }), async (raw) => {
        try {
          await prisma.$transaction((tx) => registerResident(tx, raw, "10.9.9.9"));
          created += 1;
        } catch (e) {
          if (!isDomainError(e)) throw e;
          expect(e.status).toBeLessThan(500);
        }
      }),
      { numRuns: 2500 },
    );
    expect(created).toBeGreaterThanOrEqual(0);
  }, 600_000);
});
