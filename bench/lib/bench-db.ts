import { Client } from "pg";

/** Creates the database of `url` on its server when it does not exist yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  u.pathname = "/postgres";
  const admin = new Client({ connectionString: u.toString() });
  await admin.connect();
  try {
    const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
}

/**
 * Counts the rollups transition() keeps (months, working-day histograms per clerk, final
 * refusals, rural people) from the filings of `url`'s database: lib/stats/rollups.ts.
 */
export async function rebuildRollups(url: string): Promise<void> {
  const { createPrisma } = await import("../../lib/db/client");
  const { rebuildStatRollups } = await import("../../lib/stats/rollups");
  const prisma = createPrisma({ databaseUrl: url, log: [] });
  try {
    await rebuildStatRollups(prisma);
  } finally {
    await prisma.$disconnect();
  }
}
