import type { Prisma } from "@/lib/generated/prisma/client";
import { defineAction } from "@/lib/auth/run-action";
import { DomainError } from "@/lib/errors";
import { COUNTIES, isCountyCode } from "@/lib/places";
import { startFilingSchema } from "./filing-schemas";
import { parsePrecheckCarry } from "./precheck-carry";
import type { FilingAnswers } from "./filing-answers";

/**
 * 我要申请: a new draft with the chosen channel, the applicant's own real-name data as the
 * first person on it, and the pre-check's answers (if it came from there) as prefills.
 * The destination county is a placeholder until the resident chooses it (answers.destination).
 */
export const startFilingDef = defineAction({ roles: ["resident"], action: "filing.start", schema: startFilingSchema }, async (ctx, input) => {
  const me = await ctx.tx.user.findUniqueOrThrow({ where: { id: ctx.user.id }, select: { realName: true, idNumber: true } });
  if (!me.idNumber) throw new DomainError("validation_failed", "您的账号尚未完成实名信息（身份证号），请先完善后再申请。");
  const carry = parsePrecheckCarry(input.precheck);
  const answers: FilingAnswers = {};
  if (carry) {
    const p = carry.prefill;
    answers.prefill = { hukouType: p.hukouType, hukouRegion: p.hukouRegion, destinationCounty: carry.destinationCounty };
  }
  if (carry && carry.channel === input.channel) {
    const p = carry.prefill;
    // Every answer the pre-check asked that this channel's pages ask again is carried (housing and employment too).
    if ((input.channel === "residence" || input.channel === "talent") && p.residence) answers.residence = p.residence;
    if (input.channel === "talent" && !p.residence && p.employment) answers.noStableResidence = true;
    if ((input.channel === "talent" || input.channel === "rural_student") && p.employment) answers.employment = { employed: p.employment.employed };
    if (input.channel === "family" && p.principal) answers.principal = p.principal;
    if (input.channel === "collective") {
      if (p.employment) answers.employment = { employed: true, employerHasCollectiveHousehold: p.employment.employerHasCollectiveHousehold };
      if (p.hasDirectRelativeToJoin !== undefined) answers.hasDirectRelativeToJoin = p.hasDirectRelativeToJoin;
    }
  }
  const county = carry?.destinationCounty && isCountyCode(carry.destinationCounty) ? carry.destinationCounty : COUNTIES[0].code;
  const app = await ctx.tx.application.create({
    data: {
      residentId: ctx.user.id,
      channel: input.channel,
      subtype: input.subtype ?? null,
      status: "draft",
      destinationCounty: county,
      applicantName: me.realName,
      applicantIdNumber: me.idNumber,
      answers: answers as Prisma.InputJsonValue,
      draftStep: "applicant",
      members: { create: { relation: "self", name: me.realName, idNumber: me.idNumber, sortOrder: 0 } },
    },
    select: { id: true },
  });
  ctx.audit({ applicationId: app.id, entityType: "application", entityId: app.id, details: { channel: input.channel, fromPrecheck: !!carry } });
  return { applicationId: app.id };
});
