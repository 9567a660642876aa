import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { defineAction } from "@/lib/auth/run-action";
import { DomainError } from "@/lib/errors";
import { COUNTIES, COUNTY_CODES } from "@/lib/places";
import { FIRST_YEAR, LAST_YEAR } from "@/lib/stats/period";
import { loadPlans, planFor, type PlanRow } from "@/lib/stats/plans";

/**
 * Settlement plans (their document number, years and targets — plan 一 as data) and the
 * city's yearly breakdown of the transfer target (转户) among the county-level units.
 *
 * The breakdown is the city's, not the plan's own target (the plan sets the city a yearly
 * AVERAGE over its period). A year's breakdown may only be saved while a plan is in force, and
 * one that adds up to less than the plan's yearly average is refused unless the admin gives a
 * reason (kept in the audit trail with the figures).
 */

const share = z.coerce.number({ error: "请填写目标人数" }).int("须为整数").min(0, "不能为负数").max(1_000_000, "超出合理范围");
const optionalText = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(500, "理由不超过500字").optional());

export const transferTargetsSchema = z.object({
  year: z.coerce.number({ error: "请填写年份" }).int().min(FIRST_YEAR, "年份不正确").max(LAST_YEAR, "年份不正确"),
  targets: z.object(Object.fromEntries(COUNTY_CODES.map((c) => [c, share])) as Record<(typeof COUNTY_CODES)[number], typeof share>),
  /** Required when the breakdown adds up to less than the plan's yearly average. */
  reason: optionalText,
});
export type TransferTargetsInput = z.input<typeof transferTargetsSchema>;

export const saveTransferTargetsDef = defineAction(
  {
    roles: ["admin"],
    action: "admin.targets.save",
    schema: transferTargetsSchema,
  },
  async (ctx, { year, targets, reason }) => {
    const plan = planFor(await loadPlans(ctx.tx), year);
    if (!plan) {
      throw new DomainError("validation_failed", `${year}年没有已录入的落户工作方案，不能分解转户目标。请先录入方案。`, {
        issues: [{ path: "year", message: "该年度没有方案" }],
      });
    }
    const sum = COUNTIES.reduce((s, c) => s + targets[c.code], 0);
    const belowPlan = sum < plan.transfersPerYear;
    if (belowPlan && (!reason || reason.length < 10)) {
      throw new DomainError(
        "validation_failed",
        `各单位目标合计 ${sum.toLocaleString("zh-CN")} 人，低于方案${plan.documentNumber}全市年均 ${plan.transfersPerYear.toLocaleString("zh-CN")} 人的目标。请调整，或填写低于方案的理由（至少10个字）。`,
        {
          issues: [
            {
              path: "reason",
              message: "合计低于方案目标，请填写理由（至少10个字）",
            },
          ],
        },
      );
    }
    const beforeRows = await ctx.tx.transferTarget.findMany({
      where: { year },
      select: { countyCode: true, target: true },
    });
    const before = Object.fromEntries(beforeRows.map((r) => [r.countyCode, r.target]));
    for (const c of COUNTIES) {
      const target = targets[c.code];
      await ctx.tx.transferTarget.upsert({
        where: { countyCode_year: { countyCode: c.code, year } },
        create: { countyCode: c.code, year, target },
        update: { target },
      });
    }
    ctx.audit({
      entityType: "transfer_target",
      entityId: String(year),
      details: {
        year,
        plan: plan.documentNumber,
        planAverage: plan.transfersPerYear,
        before,
        after: targets,
        sum,
        belowPlan,
        reason: belowPlan ? reason : undefined,
      },
    });
    return { year, sum, belowPlan, planAverage: plan.transfersPerYear };
  },
);

export async function loadTransferTargets(db: Db, year: number): Promise<Record<string, number | null>> {
  const rows = await db.transferTarget.findMany({
    where: { year },
    select: { countyCode: true, target: true },
  });
  const by = new Map(rows.map((r) => [r.countyCode, r.target]));
  return Object.fromEntries(COUNTIES.map((c) => [c.code, by.get(c.code) ?? null]));
}

const year = (label: string) =>
  z.coerce
    .number({ error: `请填写${label}` })
    .int(`${label}须为整数`)
    .min(2000, `${label}不正确`)
    .max(LAST_YEAR, `${label}不正确`);
const optionalNumber = (label: string, max: number) =>
  z.preprocess(
    (v) => (v === "" || v === null || v === undefined ? undefined : v),
    z.coerce
      .number({ error: `${label}须为数字` })
      .min(0, `${label}不能为负数`)
      .max(max, `${label}超出合理范围`)
      .optional(),
  );

export const settlementPlanSchema = z
  .object({
    documentNumber: z.string().trim().min(4, "请填写文号，如 三政办〔2019〕24号").max(64, "文号过长"),
    title: z.string().trim().min(2, "请填写方案名称").max(200, "方案名称过长"),
    startYear: year("起始年份"),
    endYear: year("截止年份"),
    baselineYear: year("基期年份"),
    transfersPerYear: z.coerce.number({ error: "请填写年均转户人数" }).int("须为整数").min(1, "须大于0").max(10_000_000, "超出合理范围"),
    rateRisePerYear: z.coerce.number({ error: "请填写年均提高百分点" }).min(0, "不能为负数").max(20, "超出合理范围"),
    endRate: optionalNumber("期末户籍人口城镇化率", 100),
    gapNarrowing: optionalNumber("两率差距缩小百分点", 50),
  })
  .superRefine((v, ctx) => {
    if (v.endYear < v.startYear)
      ctx.addIssue({
        code: "custom",
        path: ["endYear"],
        message: "截止年份不能早于起始年份",
      });
    if (v.baselineYear >= v.startYear)
      ctx.addIssue({
        code: "custom",
        path: ["baselineYear"],
        message: "基期年份应早于起始年份",
      });
  });
export type SettlementPlanInput = z.input<typeof settlementPlanSchema>;

/** Records a plan (or updates the one with the same document number); plans may not overlap in years. */
export const saveSettlementPlanDef = defineAction({ roles: ["admin"], action: "admin.plan.save", schema: settlementPlanSchema }, async (ctx, input) => {
  const plans = await loadPlans(ctx.tx);
  const clash = plans.find((p) => p.documentNumber !== input.documentNumber && p.startYear <= input.endYear && input.startYear <= p.endYear);
  if (clash) {
    throw new DomainError("validation_failed", `与已录入的方案${clash.documentNumber}（${clash.startYear}—${clash.endYear}年）年份重叠。`, {
      issues: [{ path: "startYear", message: "年份与其他方案重叠" }],
    });
  }
  const before = plans.find((p) => p.documentNumber === input.documentNumber) ?? null;
  const data = {
    ...input,
    endRate: input.endRate ?? null,
    gapNarrowing: input.gapNarrowing ?? null,
    updatedById: ctx.user.id,
  };
  const saved = await ctx.tx.settlementPlan.upsert({
    where: { documentNumber: input.documentNumber },
    create: data,
    update: data,
  });
  ctx.audit({
    entityType: "settlement_plan",
    entityId: saved.id,
    details: { before, after: input },
  });
  return { id: saved.id, documentNumber: saved.documentNumber };
});

export async function listSettlementPlans(db: Db): Promise<PlanRow[]> {
  return loadPlans(db);
}
