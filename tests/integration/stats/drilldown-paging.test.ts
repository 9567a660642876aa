import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPrisma } from "@/tests/support/test-db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { seedReferenceData } from "@/lib/seed/reference-data";
import { runAction } from "@/lib/auth/run-action";
import { viewOfficialFilingsDef, type OfficialFilings } from "@/lib/stats/official-filings";
import { addFilings, makeUsers, type FixtureFiling, type StatsUsers } from "./stats-fixtures";

/**
 * The drill-down list merges one short run per (station, state) into each page. Walking every
 * page by its cursor must give exactly the filings a plain query sorted by (date, id) gives:
 * none lost or repeated at a page boundary, ties on the date broken by id across stations.
 */

let prisma: PrismaClient;
let close: () => Promise<void>;
let u: StatsUsers;

const STATIONS = ["411202-01", "411202-02", "411203-01"];

beforeAll(async () => {
  ({ prisma, close } = await createTestPrisma());
  await seedReferenceData(prisma);
  u = await makeUsers(prisma);
  const filings: FixtureFiling[] = [];
  for (let i = 0; i < 75; i++) {
    // Three due days only, so many filings share a due instant across stations and states.
    const due = `2026-0${1 + (i % 3)}-1${i % 2}`;
    const station = STATIONS[i % STATIONS.length];
    filings.push(
      i % 2
        ? { station, status: "submitted", dates: { submitted: "2026-01-02", due } }
        : { station, status: "accepted", dates: { submitted: "2026-01-02", accepted: "2026-01-03", due } },
    );
  }
  await addFilings(prisma, filings);
}, 180_000);
afterAll(async () => close?.());

async function walk(user: StatsUsers[keyof StatsUsers], input: Record<string, unknown>) {
  const ids: string[] = [];
  let after: string | undefined;
  let total = -1;
  for (let page = 0; page < 10; page++) {
    const out = (await runAction(prisma, user, "127.0.0.1", viewOfficialFilingsDef, { ...input, after })) as OfficialFilings;
    total = out.total;
    ids.push(...out.rows.map((r) => r.id));
    if (!out.nextCursor) break;
    after = out.nextCursor;
  }
  return { ids, total };
}

/** What the pages must hold: every overdue open filing (of `where`), in (due date, id) order, straight from the table. */
async function overdueIds(where: { destinationCounty?: string } = {}) {
  const rows = await prisma.application.findMany({
    where: { status: { in: ["submitted", "accepted"] }, dueAt: { lt: new Date() }, stationId: { not: null }, ...where },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

describe("drill-down pages (merged per station and state)", () => {
  it("every overdue filing of the city once, in (due date, id) order, across pages", async () => {
    const { ids, total } = await walk(u.city, { kind: "overdue" });
    const expected = await overdueIds();
    expect(expected.length).toBe(75);
    expect(ids).toEqual(expected);
    expect(total).toBe(75);
  });

  it("a county official's pages hold their county's filings only, all of them", async () => {
    const { ids, total } = await walk(u.hubin, { kind: "overdue" });
    const expected = await overdueIds({ destinationCounty: "411202" });
    expect(expected.length).toBe(50);
    expect(ids).toEqual(expected);
    expect(total).toBe(50);
  });
});
