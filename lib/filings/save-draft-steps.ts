import type { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import { defineAction } from "@/lib/auth/run-action";
import { DomainError } from "@/lib/errors";
import { countyName } from "@/lib/places";
import {
  applicantStepSchema,
  channelStepSchema,
  collectiveDetailsSchema,
  destinationStepSchema,
  familyDetailsSchema,
  residenceDetailsSchema,
  ruralStudentDetailsSchema,
  talentDetailsSchema,
} from "./filing-schemas";
import { CHANNEL_ANSWER_KEYS, readAnswers, type FilingAnswers } from "./filing-answers";
import { lockOwnDraft } from "./load-filing";
import { CHANNEL_REGISTRY } from "@/lib/channels/registry";
import { placeProblems } from "./settlement-path";
import type { Channel } from "@/lib/schemas/eligibility";
import type { TaskKey } from "./filing-tasks";

/**
 * Every page of the form saves at once (draft autosave): the answers go to the database, so
 * the resident can stop and carry on later, on another device, from the same place.
 */

type DraftRow = { id: string; channel: string; subtype: string | null; answers: unknown };

async function saveAnswers(
  tx: Db,
  applicationId: string,
  mutate: (a: FilingAnswers, row: DraftRow) => FilingAnswers,
  opts: { step: TaskKey; set?: Prisma.ApplicationUncheckedUpdateInput },
) {
  const row = await tx.application.findUniqueOrThrow({ where: { id: applicationId }, select: { id: true, channel: true, subtype: true, answers: true } });
  const next = mutate(structuredClone(readAnswers(row.answers)), row);
  await tx.application.update({
    where: { id: applicationId },
    data: { ...opts.set, answers: next as Prisma.InputJsonValue, draftStep: opts.step },
  });
  return next;
}

function requireChannel(row: DraftRow, channel: string) {
  if (row.channel !== channel) throw new DomainError("invalid_state", "申请类别已更改，请刷新页面后重新填写本页。");
}

export const saveChannelDef = defineAction({ roles: ["resident"], action: "filing.save_channel", schema: channelStepSchema }, async (ctx, input) => {
  await lockOwnDraft(ctx.tx, ctx.user, input.applicationId);
  ctx.audit({ applicationId: input.applicationId, entityType: "application", entityId: input.applicationId, details: { channel: input.channel } });
  await saveAnswers(
    ctx.tx,
    input.applicationId,
    (a, row) => {
      if (row.channel === input.channel) return a;
      // Another channel asks other questions: its answers start afresh (nothing else is lost).
      for (const k of CHANNEL_ANSWER_KEYS) delete a[k];
      a.completed = { ...a.completed, details: false };
      if (input.channel === "collective") a.destination = undefined;
      return a;
    },
    { step: "applicant", set: { channel: input.channel, subtype: input.subtype ?? null } },
  );
  if (input.channel === "collective") {
    // The collective household registers the applicant alone.
    await ctx.tx.householdMember.deleteMany({ where: { applicationId: input.applicationId, relation: { not: "self" } } });
  }
  return { applicationId: input.applicationId };
});

export const saveApplicantDef = defineAction({ roles: ["resident"], action: "filing.save_applicant", schema: applicantStepSchema }, async (ctx, input) => {
  await lockOwnDraft(ctx.tx, ctx.user, input.applicationId);
  ctx.audit({ applicationId: input.applicationId, entityType: "application", entityId: input.applicationId });
  await saveAnswers(
    ctx.tx,
    input.applicationId,
    (a) => ({ ...a, applicant: { hukouType: input.hukouType!, hukouRegion: input.hukouRegion, hukouAddress: input.hukouAddress } }),
    { step: "destination" },
  );
  await ctx.tx.householdMember.updateMany({ where: { applicationId: input.applicationId, relation: "self" }, data: { hukouType: input.hukouType } });
  return { applicationId: input.applicationId };
});

export const saveDestinationDef = defineAction(
  { roles: ["resident"], action: "filing.save_destination", schema: destinationStepSchema },
  async (ctx, input) => {
    await lockOwnDraft(ctx.tx, ctx.user, input.applicationId);
    ctx.audit({ applicationId: input.applicationId, entityType: "application", entityId: input.applicationId });
    const county = input.county!;
    const station = await ctx.tx.policeStation.findFirst({ where: { id: input.stationId, countyCode: county, active: true }, select: { id: true } });
    if (!station) {
      throw new DomainError("validation_failed", "所选派出所不属于该县（市、区），请重新选择。", {
        issues: [{ path: "stationId", message: `请选择${countyName(county)}的派出所` }],
      });
    }
    await saveAnswers(
      ctx.tx,
      input.applicationId,
      (a, row) => {
        a.destination = { county, address: input.address, stationId: station.id };
        if (a.residence) a.residence = { ...a.residence, address: input.address };
        // Collective hukou: the destination IS the place of employment (二(三)).
        if (row.channel === "collective") a.employment = { ...a.employment, employed: true, workCounty: county };
        return a;
      },
      { step: "details", set: { destinationCounty: county, destinationAddress: input.address } },
    );
    return { applicationId: input.applicationId };
  },
);

function detailsDef<S extends z.ZodType<{ applicationId: string }>>(
  channel: Channel,
  schema: S,
  apply: (a: FilingAnswers, input: z.output<S>) => FilingAnswers,
) {
  return defineAction({ roles: ["resident"], action: "filing.save_details", schema }, async (ctx, input) => {
    const { applicationId } = input;
    await lockOwnDraft(ctx.tx, ctx.user, applicationId);
    ctx.audit({ applicationId, entityType: "application", entityId: applicationId });
    await saveAnswers(
      ctx.tx,
      applicationId,
      (a, row) => {
        requireChannel(row, channel);
        const next = apply(a, input);
        // Where the channel fixes the place (二(一): the school's county, the origin), say so on this page.
        const problem = placeProblems({ channel: row.channel, subtype: row.subtype, answers: next })[0];
        if (problem) throw new DomainError("validation_failed", problem.message, { issues: [problem] });
        next.completed = { ...next.completed, details: true };
        return next;
      },
      { step: CHANNEL_REGISTRY[channel].details.next },
    );
    return { applicationId };
  });
}

export const saveResidenceDetailsDef = detailsDef("residence", residenceDetailsSchema, (a, input) => ({
  ...a,
  residence: { tenure: input.tenure, legal: input.legal, address: a.destination?.address },
}));

export const saveTalentDetailsDef = detailsDef("talent", talentDetailsSchema, (a, input) => ({
  ...a,
  // 先落户后就业: no job is needed; without a home the person settles in a collective household.
  residence: input.tenure === "none" ? undefined : { tenure: input.tenure, legal: true, address: a.destination?.address },
  noStableResidence: input.tenure === "none",
  collectiveKind: input.tenure === "none" ? input.collectiveKind : undefined,
  employment: { employed: input.employed, employerName: input.employed ? input.employerName : undefined },
}));

export const saveRuralStudentDetailsDef = detailsDef("rural_student", ruralStudentDetailsSchema, (a, input) => ({
  ...a,
  schoolName: input.schoolName,
  schoolCounty: input.schoolCounty,
  graduateTarget: input.graduateTarget,
  originCounty: input.graduateTarget === "origin" ? input.originCounty : undefined,
  employment: {
    employed: input.employed,
    employerName: input.employed ? input.employerName : undefined,
    workCounty: input.employed ? input.workCounty : undefined,
  },
}));

export const saveFamilyDetailsDef = detailsDef("family", familyDetailsSchema, (a, input) => ({
  ...a,
  principal: {
    name: input.principalName,
    idNumber: input.principalIdNumber,
    relation: input.relation!,
    livesTogether: input.livesTogether,
    hasHukouAtDestination: input.hasHukouAtDestination,
    hasLegalResidenceAtDestination: input.hasHukouAtDestination ? undefined : input.hasLegalResidenceAtDestination,
  },
  // 1.1: on the shared-home path the residence is the home shared with the principal (its evidence ties the principal).
  residence:
    !input.hasHukouAtDestination && input.hasLegalResidenceAtDestination
      ? { tenure: input.homeTenure, legal: input.homeLegal ?? true, address: a.destination?.address }
      : undefined,
}));

export const saveCollectiveDetailsDef = detailsDef("collective", collectiveDetailsSchema, (a, input) => ({
  ...a,
  employment: {
    employed: true,
    workCounty: a.destination?.county,
    employerName: input.employerName,
    employerHasCollectiveHousehold: input.employerHasCollectiveHousehold,
  },
  hasDirectRelativeToJoin: input.hasDirectRelativeToJoin,
  // A legal residence means another channel fits (二(二)); the rules check says which.
  residence: input.hasLegalResidence ? { legal: true, address: a.destination?.address } : undefined,
}));

/** The details step's action of every channel (the filing form's step map derives from this and the registry). */
export const DETAILS_STEP_DEFS = {
  residence: saveResidenceDetailsDef,
  talent: saveTalentDetailsDef,
  rural_student: saveRuralStudentDetailsDef,
  family: saveFamilyDetailsDef,
  collective: saveCollectiveDetailsDef,
} satisfies Record<Channel, unknown>;
