import "server-only";
import { getPrisma } from "@/lib/db/client";

/** Whether the database answers (GET /api/health). Throws when it does not. */
export async function checkDatabaseReachable(): Promise<void> {
  await getPrisma().$queryRawUnsafe("SELECT 1");
}
