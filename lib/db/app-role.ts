import type { SqlExecutor } from "@/lib/db/sql-executor";

// The portal's servers connect as a role that owns nothing: it reads and writes rows, and nothing
// more. Migrations and setup run as the tables' owner. Not owning the tables, the app role cannot
// drop or disable the audit log's append-only trigger (or any other), alter or drop a table, or
// create one in the public schema; it may not update, delete or truncate audit events at all.
// The job queue keeps its own tables in the `pgboss` schema: setup installs them as the owner and
// hands them to the app role, because pg-boss creates a table per queue as it runs.

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
    `);
  });
}

/** Installs pg-boss's tables (as the owner, who may create a schema) and gives them to `role`. */
export async function handJobQueueTo(sql: SqlExecutor, url: string, role: string): Promise<void> {
  const { default: PgBoss } = await import("pg-boss");
  const boss = new PgBoss({ connectionString: url, schema: "pgboss", supervise: false, schedule: false });
  boss.on("error", () => {});
  await boss.start();
  await boss.stop({ graceful: false, wait: true });
  const r = `"${role}"`;
  await sql.transaction(async (tx) => {
    // Handing an object over takes membership of the receiving role.
    await tx.exec(`GRANT ${r} TO CURRENT_USER`);
    const objects = await tx.query<{ statement: string }>(`
      SELECT format('ALTER TABLE %I.%I OWNER TO ${r}', schemaname, tablename) AS statement FROM pg_tables WHERE schemaname = 'pgboss'
      UNION ALL
      SELECT format('ALTER FUNCTION %s OWNER TO ${r}', p.oid::regprocedure) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'pgboss'
      UNION ALL
      SELECT format('ALTER TYPE pgboss.%I OWNER TO ${r}', t.typname) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'pgboss' AND t.typtype = 'e'`);
    for (const o of objects) await tx.exec(o.statement);
    await tx.exec(`ALTER SCHEMA pgboss OWNER TO ${r}`);
  });
}
