import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPrisma, type TestPrisma } from "@/tests/support/test-db";
import { seedReferenceData } from "@/lib/seed/reference-data";
import { runAction } from "@/lib/auth/run-action";
import { closeReplicaPrisma, getReplicaPrisma } from "@/lib/db/client";
import { exportDashboardCsvDef, viewDashboardDef, type Dashboard } from "@/lib/stats/dashboard";
import { addFilings, bj, makeUsers, rural, type FixtureFiling, type StatsUsers } from "../stats/stats-fixtures";

/**
 * DATABASE_REPLICA_URL (PostgreSQL only): the officials' dashboards and CSV exports read from the
 * replica, while the guard's audit events (an export, a refused attempt) are written to the
 * primary. The "replica" is a second database holding other numbers than the primary, so the
 * figures show where they were read.
 */
let primary: TestPrisma;
let replica: TestPrisma;
let u: StatsUsers;

const registered = (persons: number, day: string): FixtureFiling => ({
  station: "411202-01",
  status: "registered",
  persons: Array.from({ length: persons }, (_, i) => rural(i === 0 ? "self" : "child")),
  dates: { submitted: day, accepted: bj(day, 11), decided: bj(day, 12), completed: bj(day, 13) },
});

async function withReplica<T>(url: string | undefined, f: () => Promise<T>): Promise<T> {
  const before = process.env.DATABASE_REPLICA_URL;
  if (url) process.env.DATABASE_REPLICA_URL = url;
  else delete process.env.DATABASE_REPLICA_URL;
  try {
    return await f();
  } finally {
    if (before === undefined) delete process.env.DATABASE_REPLICA_URL;
    else process.env.DATABASE_REPLICA_URL = before;
  }
}

const csv = async (p: TestPrisma, who = u.city, county?: string) =>
  ((await runAction(p.prisma, who, "127.0.0.1", exportDashboardCsvDef, { year: 2025, table: "transfers", county })) as Response).text();
const exports = (p: TestPrisma, action = "stats.export") => p.prisma.auditEvent.count({ where: { action } });

describe.skipIf(!process.env.DATABASE_URL)("a read replica for dashboards and exports (DATABASE_REPLICA_URL)", () => {
  beforeAll(async () => {
    [primary, replica] = await Promise.all([createTestPrisma(), createTestPrisma()]);
    for (const t of [primary, replica]) await seedReferenceData(t.prisma);
    u = await makeUsers(primary.prisma);
    // The primary: one person registered in 2025. The "replica": that filing and another with three people.
    await addFilings(primary.prisma, [registered(1, "2025-03-03")]);
    await addFilings(replica.prisma, [registered(1, "2025-03-03"), registered(3, "2025-04-07")]);
  });
  afterAll(async () => {
    await closeReplicaPrisma();
    await Promise.all([primary?.close(), replica?.close()]);
  });

  it("reads the dashboard and the export from the replica and writes the audit events to the primary", async () => {
    const view = () => runAction(primary.prisma, u.city, "127.0.0.1", viewDashboardDef, { year: 2025 }) as Promise<Dashboard>;
    const fromPrimary = await withReplica(undefined, view);
    expect(fromPrimary.transfers.total.registered).toEqual({ filings: 1, persons: 1 });
    const fromReplica = await withReplica(replica.databaseUrl, view);
    expect(fromReplica.transfers.total.registered).toEqual({ filings: 2, persons: 4 });

    const primaryCsv = await withReplica(undefined, () => csv(primary));
    expect(await exports(primary)).toBe(1);
    const replicaCsv = await withReplica(replica.databaseUrl, () => csv(primary));
    expect(replicaCsv).not.toBe(primaryCsv);
    // The export's audit event went to the primary, none to the replica.
    expect(await exports(primary)).toBe(2);
    expect(await exports(replica)).toBe(0);
    // A refused export (another county) is audited on the primary as well.
    await withReplica(replica.databaseUrl, () => expect(csv(primary, u.hubin, "411203")).rejects.toMatchObject({ code: "not_found" }));
    expect(await exports(primary, "stats.export.denied")).toBe(1);
    expect(await exports(replica, "stats.export.denied")).toBe(0);
    // The replica's CSV is the one the replica's own data gives (read there as a primary).
    expect(replicaCsv).toBe(await withReplica(undefined, () => csv(replica)));
  });

  it("the replica client is read-only, and without the variable it is the primary client itself", async () => {
    await withReplica(replica.databaseUrl, async () => {
      const ro = getReplicaPrisma(primary.prisma);
      expect(ro).not.toBe(primary.prisma);
      await expect(ro.$executeRawUnsafe(`CREATE TABLE "replica_write_probe" (x int)`)).rejects.toThrow(/read-only/);
    });
    await withReplica(undefined, async () => expect(getReplicaPrisma(primary.prisma)).toBe(primary.prisma));
  });
});
