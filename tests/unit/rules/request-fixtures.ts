import { eligibilityRequestSchema, type EligibilityRequest, type EligibilityRequestInput } from "@/lib/schemas/eligibility";
import { makeIdNumber } from "@/lib/schemas/id-number";

/** Shared builders for the rules tests (not a test file itself). */

export const APPLICANT_ID = makeIdNumber("41120219900101123");
export const PRINCIPAL_ID = makeIdNumber("41120219880505456");

export const applicant = (hukouType: "rural" | "urban" = "rural") => ({
  idNumber: APPLICANT_ID,
  name: "张三",
  hukouType,
  hukouRegion: "410323",
});

export const IDENTITY = ["id_card", "hukou_booklet"] as const;

type Overrides = Partial<EligibilityRequestInput> & { channel: EligibilityRequestInput["channel"] };

/** A request as the API would receive it, parsed by the real schema (so it is always valid). */
export function request(overrides: Overrides): EligibilityRequest {
  return eligibilityRequestSchema.parse({ applicant: applicant(), destinationCounty: "411202", ...overrides });
}

/** Deterministic PRNG (mulberry32) so property tests are reproducible. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    bool: (p = 0.5) => next() < p,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    subset: <T>(xs: readonly T[], p = 0.5): T[] => xs.filter(() => next() < p),
  };
}
export type Prng = ReturnType<typeof prng>;
