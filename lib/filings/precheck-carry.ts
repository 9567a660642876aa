import { z } from "zod";
import { eligibilityRequestSchema, type Channel, type Subtype } from "@/lib/schemas/eligibility";
import type { FilingAnswers } from "./filing-answers";

/**
 * The pre-check hands its answers to the filing form as `/apply/new?precheck=<base64url JSON>`:
 * the eligibility request WITHOUT the name and ID number (lib/eligibility/precheck.ts,
 * precheckCarryOver). Anything malformed is simply not used; an ID number, should one ever
 * arrive, is dropped, never stored.
 */
const E = eligibilityRequestSchema.shape;
const carrySchema = z.object({
  channel: E.channel.optional().catch(undefined),
  subtype: E.subtype.catch(undefined),
  destinationCounty: E.destinationCounty.optional().catch(undefined),
  applicant: z
    .object({ hukouType: E.applicant.shape.hukouType.optional().catch(undefined), hukouRegion: E.applicant.shape.hukouRegion.optional().catch(undefined) })
    .partial()
    .optional()
    .catch(undefined),
  residence: E.residence.catch(undefined),
  principal: z
    .object({
      relation: E.principal.unwrap().shape.relation,
      livesTogether: z.boolean(),
      hasHukouAtDestination: z.boolean(),
      hasLegalResidenceAtDestination: z.boolean().optional(),
    })
    .optional()
    .catch(undefined),
  employment: z
    .object({ employed: z.boolean(), workCounty: E.destinationCounty.optional(), employerHasCollectiveHousehold: z.boolean().optional() })
    .optional()
    .catch(undefined),
  hasDirectRelativeToJoin: z.boolean().optional().catch(undefined),
});

export type PrecheckCarry = {
  channel?: Channel;
  subtype?: Subtype;
  destinationCounty?: string;
  /** Prefill for the draft's answers (never marks a page done: the resident confirms each). */
  prefill: Pick<FilingAnswers, "residence" | "employment" | "hasDirectRelativeToJoin"> & {
    hukouType?: "rural" | "urban";
    hukouRegion?: string;
    principal?: {
      relation: "spouse" | "child" | "parent" | "other";
      livesTogether: boolean;
      hasHukouAtDestination: boolean;
      hasLegalResidenceAtDestination?: boolean;
    };
  };
};

export function parsePrecheckCarry(param: string | undefined | null): PrecheckCarry | null {
  if (!param || param.length > 8000 || !/^[A-Za-z0-9_-]+={0,2}$/.test(param)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(param, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = carrySchema.safeParse(json);
  if (!parsed.success) return null;
  const c = parsed.data;
  return {
    channel: c.channel,
    subtype: c.subtype,
    destinationCounty: c.destinationCounty,
    prefill: {
      hukouType: c.applicant?.hukouType,
      hukouRegion: c.applicant?.hukouRegion,
      residence: c.residence ? { tenure: c.residence.tenure, legal: c.residence.legal } : undefined,
      principal: c.principal,
      employment: c.employment,
      hasDirectRelativeToJoin: c.hasDirectRelativeToJoin,
    },
  };
}

/** What the pre-check page links to (for reuse there and in tests): no name, no ID number. */
export function encodePrecheckCarry(request: Record<string, unknown>): string {
  const { applicant, ...rest } = request as { applicant?: Record<string, unknown> } & Record<string, unknown>;
  const carry = { ...rest, applicant: applicant ? { hukouType: applicant.hukouType, hukouRegion: applicant.hukouRegion } : undefined };
  return Buffer.from(JSON.stringify(carry), "utf8").toString("base64url");
}
