import type { SqlExecutor } from "@/lib/db/sql-executor";

// The portal's servers connect as a role that owns nothing: it reads and writes rows, and nothing
// more. Migrations and setup run as the tables' owner. Not owning the tables, the app role cannot
// drop or disable the audit log's append-only trigger (or any other), alter or drop a table, or
// create one in the public schema; it may not update, delete or truncate audit events at all.
// The job queue keeps its own tables in the `pgboss` schema, which the app role owns (pg-boss
// creates and upgrades them itself).

const ROLE = /^[a-z_][a-z0-9_]{0,62}$/;

/** Grants `role` (which must exist) what the app needs on a migrated database; run as the owner. */
export async function grantAppRole(sql: SqlExecutor, role: string): Promise<void> {
  if (!ROLE.test(role)) throw new Error(`"${role}" is not a role name this command accepts (a-z, 0-9, _)`);
  const [found] = await sql.query<{ super: boolean; owner: boolean }>(
    `SELECT r.rolsuper AS super, EXISTS (SELECT 1 FROM pg_tables t WHERE t.schemaname = 'public' AND t.tableowner = r.rolname) AS owner
     FROM pg_roles r WHERE r.rolname = $1`,
    [role],
  );
  if (!found) throw new Error(`role "${role}" does not exist: create it first (CREATE ROLE ${role} LOGIN PASSWORD '…')`);
  if (found.super || found.owner) throw new Error(`role "${role}" is a superuser or owns the tables: the app needs a role without those rights`);
  const r = `"${role}"`;
  await sql.transaction(async (tx) => {
    await tx.exec(`
      REVOKE CREATE ON SCHEMA public FROM PUBLIC;
      GRANT USAGE ON SCHEMA public TO ${r};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r};
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r};
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${r};
      REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEvent" FROM ${r};
      REVOKE INSERT, UPDATE, DELETE ON "_prisma_migrations" FROM ${r};
      CREATE SCHEMA IF NOT EXISTS pgboss AUTHORIZATION ${r};
    `);
  });
}
