import { z } from "zod";

/** The register of community collective households (社区集体户, plan 二(三)): one schema for the admin form and action. */

const text = (min: number, max: number, label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`);

export const collectiveHouseholdSchema = z.object({
  name: text(2, 100, "集体户名称"),
  stationId: z.string({ error: "请选择所属派出所" }).trim().min(1, "请选择所属派出所").max(64),
  address: text(2, 200, "地址"),
  approvingOffice: text(2, 100, "批准机关"),
  approvedAt: z
    .string({ error: "请填写批准日期" })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "批准日期格式应为年-月-日")
    .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "批准日期不是有效日期"),
  active: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()).default(true),
});

export const updateCollectiveHouseholdSchema = collectiveHouseholdSchema.extend({
  id: z.string().trim().min(1).max(64),
});

export type CollectiveHouseholdInput = z.input<typeof collectiveHouseholdSchema>;
