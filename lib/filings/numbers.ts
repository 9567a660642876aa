import type { Db } from "@/lib/db/types";
import { beijingDate } from "@/lib/calendar/working-days";

/** Next value of a named counter, atomically (the row lock serialises concurrent callers). */
export async function nextSequence(db: Db, name: string): Promise<number> {
  const rows = await db.$queryRaw<{ last: number }[]>`
    INSERT INTO "NumberSequence" ("name", "last") VALUES (${name}, 1)
    ON CONFLICT ("name") DO UPDATE SET "last" = "NumberSequence"."last" + 1
    RETURNING "last"`;
  return Number(rows[0].last);
}

/** Filing reference, e.g. SMX-2026-000123 (per calendar year, Beijing time). */
export async function nextReference(db: Db, now = new Date()): Promise<string> {
  const year = beijingDate(now).slice(0, 4);
  const n = await nextSequence(db, `reference-${year}`);
  return `SMX-${year}-${String(n).padStart(6, "0")}`;
}

/** Permit (准予迁入证明) number, e.g. ZQ-2026-000045. */
export async function nextPermitNumber(db: Db, now = new Date()): Promise<string> {
  const year = beijingDate(now).slice(0, 4);
  const n = await nextSequence(db, `permit-${year}`);
  return `ZQ-${year}-${String(n).padStart(6, "0")}`;
}
