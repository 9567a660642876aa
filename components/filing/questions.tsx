import { COUNTIES } from "@/lib/places";
import { RELATIONS, RELATION_LABELS } from "@/lib/schemas/eligibility";
import { RadioGroup } from "./step-form";

/**
 * Questions and options that more than one filing step asks. Server components and data for the
 * server pages (a client component importing this would bring the schemas into the browser).
 */

const YES_NO = [
  { value: "true", label: "是" },
  { value: "false", label: "否" },
];

/** A yes-or-no question whose answer is a boolean (sent as "true" or "false"; unanswered when undefined). */
export function YesNoGroup({ value, ...question }: { name: string; legend: string; hint?: string; value: boolean | undefined }) {
  return <RadioGroup {...question} defaultValue={value === undefined ? undefined : String(value)} options={YES_NO} />;
}

/** 户口性质 (the applicant, and each member who moves along). */
export const HUKOU_TYPE_OPTIONS = [
  { value: "rural", label: "农业户口（农村）" },
  { value: "urban", label: "非农业户口（城镇）" },
];

/** A county of Sanmenxia (school, origin, place of work). */
export const COUNTY_OPTIONS = COUNTIES.map((c) => ({ value: c.code, label: c.name }));

/** A family member's relation to the applicant (a member; the relative joined). */
export const RELATION_OPTIONS = RELATIONS.map((r) => ({ value: r, label: RELATION_LABELS[r] }));
