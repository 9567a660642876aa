import { z } from "zod";

/** A calendar date "YYYY-MM-DD" that exists (2024-02-30 does not), as typed in a date filter. */
export const isoDateFilter = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为年-月-日")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "不是有效日期");

/** An id or code that may be left empty ("" → undefined). */
export const optionalId = z
  .string()
  .trim()
  .max(64)
  .optional()
  .transform((v) => (v ? v : undefined));

/** "" (or null) from an empty form field means "no filter". */
export const blankAsUndefined = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());
