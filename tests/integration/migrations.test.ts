import { describe, expect } from "vitest";
import { checksumOf, migrate, MigrationError, readMigrations } from "@/lib/db/migrator";
import { connectPostgres } from "@/lib/db/sql-executor";
import { migraDiff, schemaDdl, schemaStatements } from "../../scripts/db/tools";
import { itOnPostgres } from "../support/db";
import { runScript, scratchDatabases } from "../support/scratch-databases";

const databases = scratchDatabases();

describe("migrations", () => {
  itOnPostgres("apply from empty, are recorded as Prisma records them, and a second run applies nothing", async () => {
    const { url } = await databases.empty("ncd_it_mig");
    const sql = await connectPostgres(url);
    try {
      const migrations = await readMigrations();
      expect(await migrate(sql)).toEqual(migrations.map((m) => m.name));
      const rows = await sql.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
        `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
      );
      expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(migrations.map((m) => [m.name, checksumOf(m.sql)]));
      expect(rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1)).toBe(true);
      expect(await migrate(sql)).toEqual([]);
    } finally {
      await sql.close();
    }
  });

  itOnPostgres("exceptions recorded before requests and decisions existed stay approved, with who recorded and approved them", async () => {
    const { sql, upgrade } = await databases.before("ncd_it_mig_exc", "_policy_exceptions");
    try {
      await sql.query(`INSERT INTO "User" (id, "passwordHash", "displayName") VALUES ('00000000-0000-4000-8000-000000000001', 'x', '审批人')`);
      await sql.query(`INSERT INTO "Enterprise" (id, "representativeId", name, "creditCode", "legalRepName", address, industry, "foundedOn", employees, "annualRevenueFen", "hasUnion", "updatedAt")
        VALUES ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', '企业', 'CODE', '法人', '地址', '行业', '2020-01-01', 1, 1, true, now())`);
      await sql.query(`INSERT INTO "PolicyException" (id, "enterpriseId", type, reason, "createdById", "approverId", "approvedAt", "expiresOn")
        VALUES ('00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000002', 'EXTENSION', '展期', '00000000-0000-4000-8000-000000000001',
          '00000000-0000-4000-8000-000000000001', '2024-05-04T02:00:00Z', '2024-12-31')`);
      await upgrade();
      const [row] = await sql.query<Record<string, unknown>>(
        `SELECT type::text, status::text, "requestedById"::text, "decidedById"::text, to_char("decidedAt", 'YYYY-MM-DD HH24:MI') AS "decidedAt",
          to_char("requestedAt", 'YYYY-MM-DD HH24:MI') AS "requestedAt", version FROM "PolicyException"`,
      );
      expect(row).toMatchObject({ type: "EXTENSION", status: "APPROVED", requestedById: "00000000-0000-4000-8000-000000000001",
        decidedById: "00000000-0000-4000-8000-000000000001", decidedAt: "2024-05-04 02:00", requestedAt: "2024-05-04 02:00", version: 0 });
    } finally {
      await sql.close();
    }
  });

  itOnPostgres("a failing migration leaves the database as it was and is not recorded", async () => {
    const { url } = await databases.empty("ncd_it_mig_fail");
    const sql = await connectPostgres(url);
    try {
      const bad = [
        { name: "0001_ok", sql: "CREATE TABLE first_table (id int);", checksum: checksumOf("a") },
        { name: "0002_bad", sql: "CREATE TABLE half_done (id int);\nSELECT no_such_function();", checksum: checksumOf("b") },
      ];
      await expect(migrate(sql, { migrations: bad })).rejects.toBeInstanceOf(MigrationError);
      const tables = await sql.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
      );
      expect(tables.map((t) => t.table_name)).toEqual(["_prisma_migrations", "first_table"]);
      const recorded = await sql.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations"`);
      expect(recorded.map((r) => r.migration_name)).toEqual(["0001_ok"]);
    } finally {
      await sql.close();
    }
  });

  itOnPostgres("refuses a migration edited after it was applied", async () => {
    const { url } = await databases.empty("ncd_it_mig_edit");
    const sql = await connectPostgres(url);
    try {
      await migrate(sql, { migrations: [{ name: "0001", sql: "CREATE TABLE t (id int);", checksum: checksumOf("x") }] });
      await expect(
        migrate(sql, { migrations: [{ name: "0001", sql: "CREATE TABLE t (id bigint);", checksum: checksumOf("y") }] }),
      ).rejects.toThrow(/changed after it was applied/);
    } finally {
      await sql.close();
    }
  });

  itOnPostgres("the migrated database and schema.prisma agree (no drift)", async () => {
    const migrated = await databases.empty("ncd_it_drift_a");
    const fromSchema = await databases.empty("ncd_it_drift_b");
    const a = await connectPostgres(migrated.url);
    await migrate(a).finally(() => a.close());
    const b = await connectPostgres(fromSchema.url);
    await b.exec(await schemaDdl()).finally(() => b.close());
    expect(schemaStatements(await migraDiff(migrated.url, fromSchema.url))).toEqual([]);
    // The check can fail: a column the schema does not have is reported.
    const c = await connectPostgres(migrated.url);
    await c.exec(`ALTER TABLE "Holiday" ADD COLUMN extra int`).finally(() => c.close());
    expect(schemaStatements(await migraDiff(migrated.url, fromSchema.url)).join("\n")).toMatch(/drop column "extra"/);
  }, 120_000);
});

describe("npm run db:migrate", () => {
  itOnPostgres("exits non-zero and says why when an applied migration no longer matches its file", async () => {
    const { url } = await databases.empty("ncd_it_mig_cli");
    const run = () => runScript("scripts/db/migrate.ts", url);
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/applied \d+ migration/);
    const sql = await connectPostgres(url);
    await sql.exec(`UPDATE "_prisma_migrations" SET checksum = 'tampered' WHERE migration_name LIKE '%_init'`);
    await sql.close();
    const second = run();
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/was changed after it was applied/);
  }, 120_000);
});
