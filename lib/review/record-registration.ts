import type { z } from "zod";
import { defineAction, type GuardContext } from "@/lib/auth/run-action";
import { auditText } from "@/lib/audit/denied-details";
import { DomainError } from "@/lib/errors";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { findRegistrableHousehold } from "@/lib/collective/collective-households";
import { settlementPathOf } from "@/lib/filings/settlement-path";
import { registrationSchema } from "./schemas";
import { assertCanAct, claimColumns, lockFiling } from "./filing-lock";
import { daysSinceSubmission, takeStep } from "./clerk-step";
import { assertCleanText } from "./filing-rules";

/**
 * 落户: registration completed; the filing is done. A collective-channel filing is registered
 * into one of the station's active community collective households (plan 二(三)).
 */
export const recordRegistrationDef = defineAction({ roles: ["clerk"], action: "review.record_registration", schema: registrationSchema }, (ctx, input) =>
  register(ctx, input),
);

async function register(ctx: GuardContext, input: z.output<typeof registrationSchema>) {
  const action = "record_registration";
  const f = await lockFiling(ctx.tx, ctx.user, input.applicationId);
  ctx.audit({ applicationId: f.id, entityType: "application", entityId: f.id });
  await assertCanAct(ctx.tx, f, ctx.user, { expectedVersion: input.version, action });
  assertCleanText(input.note, "note");
  ctx.audit({ applicationId: f.id, entityType: "application", entityId: f.id, details: { note: auditText(input.note) } });

  let household: { id: string; name: string } | null = null;
  if ((await settlementPathOf(ctx.tx, f.id)) === "collective_household") {
    // The household named on the permit at approval, unless the clerk names one now (older filings).
    const chosen = input.collectiveHouseholdId ?? f.collectiveHouseholdId;
    household = chosen ? await findRegistrableHousehold(ctx.tx, f.stationId, chosen) : null;
    if (!household) {
      throw new DomainError("validation_failed", "社区集体户落户须选择本所辖区的社区集体户。", {
        issues: [{ path: "collectiveHouseholdId", message: "请选择本所辖区的社区集体户" }],
      });
    }
  }
  const now = new Date();
  const cal = await loadCalendar(ctx.tx);
  await takeStep(ctx, f, action, {
    version: input.version,
    note: household ? `落户至${household.name}${input.note ? `；${input.note}` : ""}` : (input.note ?? null),
    data: household ? { collectiveHouseholdId: household.id, collectiveHouseholdName: household.name } : undefined,
    dueAt: null,
    set: { completedAt: now, ...(household ? { collectiveHouseholdId: household.id } : {}), ...claimColumns(f, ctx.user, now) },
    counterWorkingDays: daysSinceSubmission(f, now, cal),
    message: `您的落户申请 ${f.reference ?? ""} 已办结，落户完成${household ? `（${household.name}）` : ""}。登录后可查看落户后可享受的住房、医疗、养老、子女入学等政策。`,
    now,
    review: { note: input.note ?? null, data: household ? { collectiveHouseholdId: household.id } : null },
  });
  return { status: "registered" as const, collectiveHouseholdId: household?.id ?? null };
}
