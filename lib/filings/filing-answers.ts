import type { CountyCode } from "@/lib/places";
import type { HukouType, Relation, Tenure } from "@/lib/schemas/eligibility";

/**
 * What a filing's `answers` column holds. Its top level has the shape of the eligibility
 * request (residence, principal, employment, hasDirectRelativeToJoin, applicant.hukouType…),
 * so the rules check (lib/review/rules-panel.ts) reads it as it is; the rest is the form's own.
 * No ignored facts are asked or kept: they may not decide (二(二), 三(五)).
 */
export type FilingAnswers = {
  applicant?: { hukouType: HukouType; hukouRegion: string; hukouAddress: string };
  destination?: { county: CountyCode; address: string; stationId: string };
  residence?: { tenure?: Tenure; address?: string; legal: boolean };
  principal?: {
    relation: Relation;
    livesTogether: boolean;
    hasHukouAtDestination: boolean;
    /** 1.1: the shared home is the principal's legal stable residence at the destination. */
    hasLegalResidenceAtDestination?: boolean;
    idNumber?: string;
    name?: string;
  };
  employment?: { employed: boolean; workCounty?: string; employerHasCollectiveHousehold?: boolean; employerName?: string };
  hasDirectRelativeToJoin?: boolean;
  /** Rural students: the school (二(一)). */
  schoolName?: string;
  /** Rural students: the county of the school (enrolment moves the hukou there, 二(一)). */
  schoolCounty?: string;
  /** Rural students after graduation: to the place of work, or back to the origin (迁回原籍). */
  graduateTarget?: "work" | "origin";
  /** Rural students going back (迁回原籍): the county of the hukou before enrolment (else the current hukou's). */
  originCounty?: string;
  /** Talent without a home of their own (先落户后就业): recorded as such. */
  noStableResidence?: boolean;
  /** Then: the collective household they settle into (二(三)); the station registers them into one and the permit names it. */
  collectiveKind?: "community" | "talent_centre";
  /** From the pre-check, to prefill the applicant page (not yet confirmed by the resident). */
  prefill?: { hukouType?: HukouType; hukouRegion?: string; destinationCounty?: string };
  /** Pages the resident has finished that have no data of their own to prove it. */
  completed?: { details?: boolean; members?: boolean };
  /** Answers to the clerk's own items of supplement notices, by notice id. */
  supplementResponses?: Record<string, Array<{ index: number; text: string }>>;
};

/** Keys of answers that belong to one channel's questions: dropped when the channel changes. */
export const CHANNEL_ANSWER_KEYS = [
  "residence",
  "principal",
  "employment",
  "hasDirectRelativeToJoin",
  "schoolName",
  "schoolCounty",
  "graduateTarget",
  "originCounty",
  "noStableResidence",
  "collectiveKind",
] as const;

export function readAnswers(json: unknown): FilingAnswers {
  return json && typeof json === "object" && !Array.isArray(json) ? (json as FilingAnswers) : {};
}
