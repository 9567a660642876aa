/**
 * Prisma 7 configuration (read by the `prisma` CLI, e.g. `prisma generate`).
 *
 * The database URL is not needed here: the app passes a driver adapter to PrismaClient
 * (lib/db/client.ts) and migrations run through the project's own offline command
 * (scripts/db.ts → lib/db/migrate.ts, on Prisma's WASM schema engine).
 */
import path from "node:path";
import { defineConfig } from "prisma/config";

// The CLI insists on a native schema engine binary even for `prisma generate`, and would try to
// download one (impossible offline). Point it at a stub that explains itself and exits 1.
// An engine installed on purpose (PRISMA_SCHEMA_ENGINE_BINARY set by the caller) wins.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve(__dirname, "scripts/no-schema-engine.sh");

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: {
    path: path.join("prisma", "migrations"),
  },
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
