import { defineAction } from "@/lib/auth/run-action";
import { auditText } from "@/lib/audit/denied-details";
import { DomainError } from "@/lib/errors";
import { nextPermitNumber } from "@/lib/filings/numbers";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { addWorkingDays } from "@/lib/calendar/working-days";
import { findOriginStation } from "./origin-station";
import { completionLimits } from "./review-reasons";
import { approveSchema } from "./schemas";
import { assertCanAct, claimColumns, lockFiling } from "./filing-lock";
import { daysSinceSubmission, takeStep } from "./clerk-step";
import { assertAllEligible, assertCleanText, ruleSetForFiling } from "./filing-rules";
import { findDuplicates } from "@/lib/filings/duplicate-check";
import { settlementPathOf } from "@/lib/filings/settlement-path";
import { findRegistrableHousehold } from "@/lib/collective/collective-households";

/**
 * 准予迁入: every person passes the rules check and no duplicate stands in the way; the permit
 * (准迁证) is issued with the next permit number and the filing waits for the move-out. The
 * permit's unique applicationId is the database's own guard against a second permit.
 */
export const approveFilingDef = defineAction({ roles: ["clerk"], action: "review.approve", schema: approveSchema }, async (ctx, input) => {
  const f = await lockFiling(ctx.tx, ctx.user, input.applicationId);
  ctx.audit({ applicationId: f.id, entityType: "application", entityId: f.id });
  await assertCanAct(ctx.tx, f, ctx.user, { expectedVersion: input.version, action: "approve" });
  assertCleanText(input.note, "note");

  const path = await settlementPathOf(ctx.tx, f.id);
  if (path === "direct_registration") {
    throw new DomainError("invalid_state", "在原籍办理城镇居民登记不是户口迁移：由派出所直接办理城镇居民登记，不签发准迁证（方案二(一)）。");
  }
  let household: { id: string; name: string; address: string } | null = null;
  if (path === "collective_household") {
    household = input.collectiveHouseholdId ? await findRegistrableHousehold(ctx.tx, f.stationId, input.collectiveHouseholdId) : null;
    if (!household) {
      throw new DomainError("validation_failed", "该申请人在集体户落户：请选择本所辖区的社区集体户（或人才交流中心集体户），准迁证将写明该集体户。", {
        issues: [{ path: "collectiveHouseholdId", message: "请选择本所辖区的集体户" }],
      });
    }
  }

  const ruleSet = await ruleSetForFiling(ctx.tx, f.ruleSetId);
  await assertAllEligible(ctx.tx, f.id, ruleSet, "不能准予迁入");
  const app = await ctx.tx.application.findUniqueOrThrow({
    where: { id: f.id },
    select: {
      applicantIdNumber: true,
      applicantName: true,
      answers: true,
      members: { select: { id: true, name: true, idNumber: true, relation: true }, orderBy: { sortOrder: "asc" } },
    },
  });
  const dups = await findDuplicates(ctx.tx, { ...f, applicantIdNumber: app.applicantIdNumber, applicantName: app.applicantName }, app.members);
  if (dups.length > 0) {
    const d = dups[0];
    throw new DomainError(
      "invalid_state",
      d.kind === "already_registered"
        ? `${d.personName}已通过申请 ${d.reference ?? ""} 在落户地登记常住户口，不能准予迁入。`
        : `${d.personName}另有正在办理的落户申请 ${d.reference ?? ""}（${d.stationName ?? ""}），不能准予迁入。请核实后依规处理。`,
    );
  }

  const now = new Date();
  const number = await nextPermitNumber(ctx.tx, now);
  const persons = (app.members.length > 0 ? app.members : [{ name: app.applicantName, idNumber: app.applicantIdNumber, relation: "self" }]).map((m) => ({
    name: m.name,
    idNumber: m.idNumber,
    relation: m.relation,
  }));
  const permit = await ctx.tx.permit.create({
    data: {
      number,
      applicationId: f.id,
      stationId: f.stationId,
      persons,
      // A collective-household settlement names the household, never the employer's or any typed address.
      destinationAddress: household ? `${household.name}（${household.address}）` : f.destinationAddress,
      issuedAt: now,
      issuedById: ctx.user.id,
    },
  });
  const cal = await loadCalendar(ctx.tx);
  // Move-out inside the city (最多跑一次): the origin's station confirms it in its own queue.
  const origin = f.needsMoveOut ? await findOriginStation(ctx.tx, app.answers, app.applicantIdNumber) : null;
  const dueAt = addWorkingDays(now, completionLimits(ruleSet.data.timeLimits).moveOut, cal);
  const next = !f.needsMoveOut
    ? "派出所将为您直接办理落户。"
    : origin
      ? `原籍派出所（${origin.name}）将在本系统内为您办理迁出，您无需前往原籍。`
      : "请下载准迁证，并到原户籍地公安机关办理迁出。";
  await takeStep(ctx, f, "approve", {
    version: input.version,
    note: input.note ?? null,
    data: {
      permitNumber: number,
      ...(origin ? { originStationId: origin.id, originStationName: origin.name } : {}),
      ...(household ? { collectiveHouseholdId: household.id, collectiveHouseholdName: household.name } : {}),
    },
    dueAt,
    set: {
      decidedAt: now,
      ...(origin ? { originStationId: origin.id, moveOutRequestedAt: now } : {}),
      ...(household ? { collectiveHouseholdId: household.id } : {}),
      ...claimColumns(f, ctx.user, now),
    },
    counterWorkingDays: daysSinceSubmission(f, now, cal),
    message: `您的落户申请 ${f.reference ?? ""} 已准予迁入，准予迁入证明编号 ${number}。${next}`,
    now,
    review: { data: { permitNumber: number } },
  });
  ctx.audit({
    applicationId: f.id,
    entityType: "application",
    entityId: f.id,
    details: { permitNumber: number, permitId: permit.id, note: auditText(input.note) },
  });
  return { permitNumber: number, permitId: permit.id, originStationId: origin?.id ?? null };
});
