import { z } from "zod";
import { defineAction } from "@/lib/auth/run-action";
import { COUNTY_CODES, countyName } from "@/lib/places";
import { notFound } from "@/lib/errors";
import { FIRST_YEAR, LAST_YEAR } from "@/lib/stats/period";

/**
 * Population statistics per county and year (四(一)): year-end totals from the statistics and
 * public security bureaus, the base of the urbanization rates (lib/stats/urbanization.ts).
 */

const people = (label: string) =>
  z.coerce
    .number({ error: `请填写${label}` })
    .int(`${label}须为整数`)
    .min(0, `${label}不能为负数`)
    .max(50_000_000, `${label}超出合理范围`);

export const populationStatSchema = z
  .object({
    countyCode: z.enum(COUNTY_CODES, { error: "请选择县（市、区）" }),
    year: z.coerce.number({ error: "请填写年份" }).int("年份须为整数").min(FIRST_YEAR, `年份应在${FIRST_YEAR}年以后`).max(LAST_YEAR, "年份不正确"),
    hukouTotal: people("户籍总人口"),
    hukouUrban: people("城镇户籍人口"),
    residentTotal: people("常住人口"),
    residentUrban: people("城镇常住人口"),
  })
  .superRefine((v, ctx) => {
    if (v.hukouTotal === 0) ctx.addIssue({ code: "custom", path: ["hukouTotal"], message: "户籍总人口须大于0" });
    if (v.residentTotal === 0) ctx.addIssue({ code: "custom", path: ["residentTotal"], message: "常住人口须大于0" });
    if (v.hukouUrban > v.hukouTotal) ctx.addIssue({ code: "custom", path: ["hukouUrban"], message: "城镇户籍人口不能多于户籍总人口" });
    if (v.residentUrban > v.residentTotal) ctx.addIssue({ code: "custom", path: ["residentUrban"], message: "城镇常住人口不能多于常住人口" });
  });
export const removePopulationStatSchema = z.object({ countyCode: z.enum(COUNTY_CODES), year: z.coerce.number().int() });

export type PopulationStatInput = z.input<typeof populationStatSchema>;

const NUMBERS = { hukouTotal: true, hukouUrban: true, residentTotal: true, residentUrban: true } as const;

export const savePopulationStatDef = defineAction({ roles: ["admin"], action: "admin.population.save", schema: populationStatSchema }, async (ctx, input) => {
  const { countyCode, year, ...numbers } = input;
  const where = { countyCode_year: { countyCode, year } };
  const before = await ctx.tx.populationStat.findUnique({ where, select: NUMBERS });
  await ctx.tx.populationStat.upsert({
    where,
    create: { countyCode, year, ...numbers, updatedById: ctx.user.id },
    update: { ...numbers, updatedById: ctx.user.id },
  });
  ctx.audit({
    entityType: "population_stat",
    entityId: `${countyCode}/${year}`,
    countyCode,
    details: { county: countyName(countyCode), year, before, after: numbers },
  });
  return { countyCode, year };
});

export const removePopulationStatDef = defineAction(
  { roles: ["admin"], action: "admin.population.remove", schema: removePopulationStatSchema },
  async (ctx, { countyCode, year }) => {
    const where = { countyCode_year: { countyCode, year } };
    const before = await ctx.tx.populationStat.findUnique({ where, select: NUMBERS });
    if (!before) throw notFound("该年度统计数据");
    await ctx.tx.populationStat.delete({ where });
    ctx.audit({ entityType: "population_stat", entityId: `${countyCode}/${year}`, countyCode, details: { county: countyName(countyCode), year, before } });
    return { countyCode, year };
  },
);
