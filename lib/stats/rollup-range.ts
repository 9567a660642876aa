import { Prisma } from "@/lib/generated/prisma/client";
import { dateOnly, splitRange } from "./period";

/**
 * WHERE condition on a (grain, bucket) rollup for a day range [from, to): whole months from
 * the month rows, the edges from the day rows — a year is 12 month rows per key.
 */
export function grainRange(from: string, to: string, grainCol = `"grain"`, bucketCol = `"bucket"`): Prisma.Sql {
  const { months, days } = splitRange(from, to);
  const g = Prisma.raw(grainCol);
  const b = Prisma.raw(bucketCol);
  const parts: Prisma.Sql[] = [];
  if (months) parts.push(Prisma.sql`(${g} = 'month' AND ${b} >= ${dateOnly(months[0])} AND ${b} < ${dateOnly(months[1])})`);
  for (const [a, z] of days) parts.push(Prisma.sql`(${g} = 'day' AND ${b} >= ${dateOnly(a)} AND ${b} < ${dateOnly(z)})`);
  return parts.length ? Prisma.sql`(${Prisma.join(parts, " OR ")})` : Prisma.sql`FALSE`;
}

/**
 * The counters of a day range as one row source (day, station, county, channel, event,
 * filings, persons, ruralPersons): MonthlyCounter for whole months, DailyCounter for the edges.
 */
export function countersInRange(from: string, to: string): Prisma.Sql {
  const { months, days } = splitRange(from, to);
  const parts: Prisma.Sql[] = [];
  if (months) {
    parts.push(
      Prisma.sql`SELECT "stationId", "countyCode", "channel", "event", "filings", "persons", "ruralPersons" FROM "MonthlyCounter" WHERE "month" >= ${dateOnly(months[0])} AND "month" < ${dateOnly(months[1])}`,
    );
  }
  for (const [a, z] of days) {
    parts.push(
      Prisma.sql`SELECT "stationId", "countyCode", "channel", "event", "filings", "persons", "ruralPersons" FROM "DailyCounter" WHERE "day" >= ${dateOnly(a)} AND "day" < ${dateOnly(z)}`,
    );
  }
  if (!parts.length)
    return Prisma.sql`SELECT NULL::text AS "stationId", NULL::text AS "countyCode", NULL::"Channel" AS "channel", NULL::text AS "event", 0 AS "filings", 0 AS "persons", 0 AS "ruralPersons" WHERE FALSE`;
  return Prisma.join(parts, " UNION ALL ");
}
