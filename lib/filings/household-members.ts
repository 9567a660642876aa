import type { Prisma } from "@/lib/generated/prisma/client";
import { defineAction } from "@/lib/auth/run-action";
import { DomainError, notFound } from "@/lib/errors";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { memberSchema, membersDoneSchema, removeMemberSchema } from "./filing-schemas";
import { lockOwnDraft } from "./load-filing";
import { readAnswers } from "./filing-answers";
import { channelTakesMembers } from "./filing-tasks";
import { memberPlausibilityProblem } from "./member-plausibility";
import { memberAllowed } from "./settlement-path";

/** Most people one household filing may carry (a safety bound, not a rule of the plan). */
export const MAX_MEMBERS = 12;

/** Adds or edits a person moving with the applicant (二(二)); each is judged by the rules on submission. */
export const saveMemberDef = defineAction({ roles: ["resident"], action: "filing.save_member", schema: memberSchema }, async (ctx, input) => {
  await lockOwnDraft(ctx.tx, ctx.user, input.applicationId);
  const app = await ctx.tx.application.findUniqueOrThrow({
    where: { id: input.applicationId },
    select: { channel: true, subtype: true, answers: true, members: { select: { id: true, idNumber: true, relation: true } } },
  });
  if (!channelTakesMembers(app.channel)) throw new DomainError("invalid_state", "社区集体户落户仅登记申请人本人，不能添加随迁人员。");
  const clash = app.members.find((m) => m.idNumber === input.idNumber && m.id !== input.memberId);
  if (clash) {
    const message = clash.relation === "self" ? "这是申请人本人的身份证号，请填写随迁人员的身份证号。" : "该身份证号已在随迁人员名单中。";
    throw new DomainError("validation_failed", message, { issues: [{ path: "idNumber", message }] });
  }
  const notAllowed = memberAllowed(app, input.relation!);
  if (notAllowed) throw new DomainError("validation_failed", notAllowed, { issues: [{ path: "relation", message: notAllowed }] });
  const problem = memberPlausibilityProblem(
    app.members.find((m) => m.relation === "self"),
    app.members.filter((m) => m.relation !== "self"),
    { id: input.memberId, relation: input.relation!, idNumber: input.idNumber },
  );
  if (problem) throw new DomainError("validation_failed", problem.message, { issues: [{ path: problem.path, message: problem.message }] });
  const data = { relation: input.relation!, name: input.name, idNumber: input.idNumber, hukouType: input.hukouType ?? null };
  let memberId: string;
  if (input.memberId) {
    const existing = app.members.find((m) => m.id === input.memberId && m.relation !== "self");
    if (!existing) throw notFound("随迁人员");
    await ctx.tx.householdMember.update({ where: { id: existing.id }, data });
    memberId = existing.id;
  } else {
    if (app.members.length >= MAX_MEMBERS) throw new DomainError("validation_failed", `一件申请最多可包含${MAX_MEMBERS}人。`);
    const created = await ctx.tx.householdMember.create({
      data: { ...data, applicationId: input.applicationId, sortOrder: app.members.length },
      select: { id: true },
    });
    memberId = created.id;
  }
  const answers = readAnswers(app.answers);
  await ctx.tx.application.update({
    where: { id: input.applicationId },
    data: {
      draftStep: "members",
      personsCount: app.members.length + (input.memberId ? 0 : 1),
      answers: { ...answers, completed: { ...answers.completed, members: false } } as Prisma.InputJsonValue,
    },
  });
  ctx.audit({ applicationId: input.applicationId, entityType: "household_member", entityId: memberId, details: { relation: data.relation } });
  return { memberId };
});

/** Removes a person and their files from a draft. */
export const removeMemberDef = defineAction({ roles: ["resident"], action: "filing.remove_member", schema: removeMemberSchema }, async (ctx, input) => {
  await lockOwnDraft(ctx.tx, ctx.user, input.applicationId);
  const member = await ctx.tx.householdMember.findFirst({
    where: { id: input.memberId, applicationId: input.applicationId, relation: { not: "self" } },
    select: { id: true },
  });
  if (!member) throw notFound("随迁人员");
  const docs = await ctx.tx.document.findMany({ where: { memberId: member.id }, select: { storageKey: true } });
  await ctx.tx.document.deleteMany({ where: { memberId: member.id } });
  await ctx.tx.householdMember.delete({ where: { id: member.id } });
  const count = await ctx.tx.householdMember.count({ where: { applicationId: input.applicationId } });
  await ctx.tx.application.update({ where: { id: input.applicationId }, data: { draftStep: "members", personsCount: count } });
  ctx.audit({ applicationId: input.applicationId, entityType: "household_member", entityId: member.id });
  // Drafts keep no record of removed files (a submitted filing keeps them all).
  const storage = getFileStorage();
  await Promise.all(docs.map((d) => storage.delete(d.storageKey)));
  return { removed: true };
});

/** "Everyone moving with me is listed" (also: nobody moves with me). */
export const membersDoneDef = defineAction({ roles: ["resident"], action: "filing.members_done", schema: membersDoneSchema }, async (ctx, input) => {
  await lockOwnDraft(ctx.tx, ctx.user, input.applicationId);
  const app = await ctx.tx.application.findUniqueOrThrow({ where: { id: input.applicationId }, select: { answers: true } });
  const answers = readAnswers(app.answers);
  await ctx.tx.application.update({
    where: { id: input.applicationId },
    data: { draftStep: "documents", answers: { ...answers, completed: { ...answers.completed, members: true } } as Prisma.InputJsonValue },
  });
  ctx.audit({ applicationId: input.applicationId, entityType: "application", entityId: input.applicationId });
  return { applicationId: input.applicationId };
});
