/**
 * Two PostgreSQL roles (issue: an audit trail the app's own role cannot rewrite):
 *   - the OWNER runs migrations (DATABASE_MIGRATION_URL, or `npm run db:migrate` with it) and
 *     owns every table, trigger and function;
 *   - the RUNTIME role (DATABASE_URL of `npm start`) reads and writes the data, but may only
 *     INSERT and SELECT on AuditEvent and AuditCheckpoint: no UPDATE, DELETE, TRUNCATE, and —
 *     not being the owner — no ALTER TABLE … DISABLE TRIGGER.
 * applyRuntimeGrants() is what `npm run db:grants` runs as the owner; describeRole() is what
 * `npm start` checks before it serves.
 */
import type { SqlExecutor } from "./sql-executor";

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Tables the runtime role may only append to and read. */
export const APPEND_ONLY_TABLES = ["AuditEvent", "AuditCheckpoint"] as const;

export function runtimeGrantsSql(role: string, opts: { password?: string; database?: string } = {}): string {
  const r = ident(role);
  const append = APPEND_ONLY_TABLES.map(ident).join(", ");
  return `
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${literal(role)}) THEN
    CREATE ROLE ${r} LOGIN${opts.password ? ` PASSWORD ${literal(opts.password)}` : ""} NOSUPERUSER NOCREATEDB NOCREATEROLE;
  END IF;
END $$;
${opts.database ? `GRANT CONNECT ON DATABASE ${ident(opts.database)} TO ${r};` : ""}
GRANT USAGE ON SCHEMA public TO ${r};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r};
REVOKE ALL ON ${append}, "_prisma_migrations" FROM ${r};
GRANT SELECT, INSERT ON ${append} TO ${r};
GRANT SELECT ON "_prisma_migrations" TO ${r};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${r};
CREATE SCHEMA IF NOT EXISTS pgboss AUTHORIZATION ${r};
CREATE SCHEMA IF NOT EXISTS luohu_runtime AUTHORIZATION ${r};
`;
}

/** Grants for the runtime role (created with `password` if missing). Run as the owner, after migrating. */
export async function applyRuntimeGrants(owner: SqlExecutor, role: string, opts: { password?: string } = {}): Promise<void> {
  const [{ db, me }] = await owner.query<{ db: string; me: string }>(`SELECT current_database() AS db, current_user AS me`);
  if (me === role) throw new Error(`运行角色 ${role} 不能与迁移所用的所有者角色相同 (the runtime role must not be the owner running the grants)`);
  await owner.exec(runtimeGrantsSql(role, { ...opts, database: db }));
}

export type RoleInfo = { user: string; superuser: boolean; ownsAudit: boolean; auditOwner: string | null };

/** Who we are connected as, and whether that role could rewrite the audit trail. */
export async function describeRole(exec: SqlExecutor): Promise<RoleInfo> {
  const [row] = await exec.query<{ user: string; superuser: boolean; owner: string | null; owns: boolean | null }>(`
    SELECT current_user AS "user",
           (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
           (SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'AuditEvent') AS owner,
           (SELECT pg_has_role(current_user, tableowner, 'USAGE') FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'AuditEvent') AS owns`);
  return { user: row.user, superuser: Boolean(row.superuser), ownsAudit: Boolean(row.owns), auditOwner: row.owner };
}

/** The one line `npm start` prints when it refuses to serve as the owner in production. */
export function ownerRefusalMessage(info: RoleInfo): string {
  return (
    `DATABASE_URL 连接的角色 "${info.user}" ${info.superuser ? "是超级用户" : "拥有审计表"}，可以改写审计记录：生产环境请把 DATABASE_URL 设为只能追加审计记录的运行角色，` +
    `把所有者角色放在 DATABASE_MIGRATION_URL（并运行 npm run db:grants） — DATABASE_URL connects as "${info.user}", ` +
    `${info.superuser ? "a superuser" : "the owner of AuditEvent"}: set DATABASE_URL to the runtime role and DATABASE_MIGRATION_URL to the owner (then npm run db:grants).`
  );
}
