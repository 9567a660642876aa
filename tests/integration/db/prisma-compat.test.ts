/**
 * Our deploy and Prisma's own migration engine agree on the bookkeeping: Prisma's schema engine
 * (the WASM build of what `prisma migrate deploy` runs) sees migrations applied by
 * lib/db/migrate.ts as applied, and we see migrations applied by Prisma as applied — same
 * table, same checksums. Skipped when the devDependency @prisma/schema-engine-wasm is absent.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { bindMigrationAwareSqlAdapterFactory, DriverAdapterError } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, MIGRATION_LOCK_TOML, migrationStatus, readMigrations } from "@/lib/db/migrate";

const req = createRequire(path.resolve("package.json"));
let bgPath: string | null = null;
try {
  bgPath = req.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
} catch {
  bgPath = null;
}

type Engine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diagnoseMigrationHistory(input: unknown): Promise<{ history: unknown; failedMigrationNames: string[]; editedMigrationNames: string[] }>;
  free(): void;
};
type Bg = { SchemaEngine: { new: (o: unknown, log: () => void, adapter: unknown) => Promise<Engine> }; __wbg_set_wasm(e: unknown): void };
let bg: Bg;

beforeAll(async () => {
  if (!bgPath) return;
  bg = (await import(pathToFileURL(bgPath).href)) as Bg;
  const wasm = fs.readFileSync(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(wasm, { "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
});

/** Prisma's engine on `db` (executeScript awaited: pglite-prisma-adapter 0.7.2 forgets to). */
async function prismaEngineOn(db: PGlite): Promise<Engine> {
  const schema = fs.readFileSync(path.resolve("prisma/schema.prisma"), "utf8");
  const factory = {
    provider: "postgres" as const,
    adapterName: "pglite-prisma-adapter",
    async connect() {
      const a = await new PrismaPGlite(db).connect();
      a.executeScript = async (script: string) => {
        try {
          await db.exec(script);
        } catch (e) {
          const err = e as { code?: string; message?: string };
          throw new DriverAdapterError({
            kind: "postgres",
            code: err.code ?? "N/A",
            severity: "ERROR",
            message: err.message ?? String(e),
            detail: undefined,
            column: undefined,
            hint: undefined,
          });
        }
      };
      return a;
    },
    async connectToShadowDb() {
      throw new Error("no shadow database in this test");
    },
  };
  return bg.SchemaEngine.new({ datamodels: [["schema.prisma", schema]] }, () => {}, bindMigrationAwareSqlAdapterFactory(factory as never));
}

function migrationsList() {
  const dir = path.resolve("prisma/migrations");
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: MIGRATION_LOCK_TOML },
    shadowDbInitScript: "",
    migrationDirectories: readMigrations(dir).map((m) => ({
      path: m.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: fs.readFileSync(path.join(m.dir, "migration.sql"), "utf8") } },
    })),
  };
}
const filters = { externalTables: [], externalEnums: [] };

describe.skipIf(!bgPath)("compatibility with Prisma's migration engine", () => {
  it("Prisma sees migrations applied by our deploy as applied (nothing to do, nothing edited)", async () => {
    const db = await PGlite.create();
    try {
      const ours = await applyMigrations(db);
      expect(ours.length).toBe(readMigrations().length);
      const engine = await prismaEngineOn(db);
      try {
        const diag = await engine.diagnoseMigrationHistory({ migrationsList: migrationsList(), optInToShadowDatabase: false, filters });
        expect(diag.editedMigrationNames).toEqual([]);
        expect(diag.failedMigrationNames).toEqual([]);
        expect(diag.history).toBeNull();
        const r = await engine.applyMigrations({ migrationsList: migrationsList(), filters });
        expect(r.appliedMigrationNames).toEqual([]);
      } finally {
        engine.free();
      }
    } finally {
      await db.close();
    }
  });

  it("we see migrations applied by Prisma as applied, with the same checksums", async () => {
    const db = await PGlite.create();
    try {
      const engine = await prismaEngineOn(db);
      try {
        const r = await engine.applyMigrations({ migrationsList: migrationsList(), filters });
        expect(r.appliedMigrationNames).toEqual(readMigrations().map((m) => m.name));
      } finally {
        engine.free();
      }
      const status = await migrationStatus(db);
      expect(status.modified).toEqual([]);
      expect(status.pending).toEqual([]);
      expect(status.upToDate).toBe(true);
      const rows = (
        await db.query<{ migration_name: string; checksum: string }>(`SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`)
      ).rows;
      expect(rows.map((r) => r.checksum)).toEqual(readMigrations().map((m) => m.checksum));
      expect(await applyMigrations(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
