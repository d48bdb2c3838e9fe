import pg from "pg";
import PgBoss from "pg-boss";
import { describe, expect } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import { verifyAuditChain } from "@/lib/audit/verify";
import { ADMIN_URL } from "../../scripts/db/tools";
import { itOnPostgres } from "../support/db";
import { runScript, scratchDatabases } from "../support/scratch-databases";

// The servers connect as a role without DDL rights: `npm run setup -- --app-role` grants it rows
// and nothing more. As that role the portal works, and the audit trail cannot be switched off.

const role = `ncd_app_${Date.now().toString(36)}`;

async function asAdmin(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(sql).finally(() => admin.end());
}

describe("the app's database role", () => {
  const databases = scratchDatabases(() => asAdmin(`DROP ROLE IF EXISTS ${role}`));

  itOnPostgres("setup grants it rows only: the portal works as it, the audit trigger and the tables are out of its reach", async () => {
    const target = await databases.empty("ncd_role");
    const args = ["--admin-email", "admin@union.example", "--admin-name", "刘管理", "--public-url", "https://portal.example"];
    const missing = runScript("scripts/setup.ts", target.url, [...args, "--app-role", `${role}_none`]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("does not exist");

    await asAdmin(`CREATE ROLE ${role} LOGIN`);
    const setup = runScript("scripts/setup.ts", target.url, [...args, "--app-role", role]);
    expect(setup.status, setup.stderr).toBe(0);
    expect(setup.stdout).toContain(`role ${role} may read and write rows`);

    const appUrl = new URL(target.url);
    appUrl.username = role;
    const { prisma } = createPrismaClient({ url: appUrl.toString() });
    const app = new pg.Client({ connectionString: appUrl.toString() });
    await app.connect();
    try {
      // The portal's own work: accounts, rows everywhere, audit events (the chain still verifies).
      const user = await prisma.$transaction(async (tx) => {
        const u = await tx.user.create({ data: { email: `x${Date.now()}@union.example`, displayName: "角色测试", passwordHash: "x" } });
        await appendAudit(tx, { actorId: null, entityType: "User", entityId: u.id, action: "user.created", data: {} });
        return u;
      });
      await prisma.user.update({ where: { id: user.id }, data: { displayName: "角色测试二" } });
      await prisma.signInThrottle.deleteMany({});
      expect((await verifyAuditChain(prisma)).ok).toBe(true);

      const refused = async (statement: string) => {
        const error = await app.query(statement).then(() => null, (e: Error) => e.message);
        expect(error, statement).toMatch(/must be owner|permission denied|must be superuser/);
      };
      await refused(`ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_no_update_delete`);
      await refused(`DROP TRIGGER audit_event_no_update_delete ON "AuditEvent"`);
      await refused(`DROP FUNCTION audit_event_append_only() CASCADE`);
      await refused(`UPDATE "AuditEvent" SET action = 'x'`);
      await refused(`DELETE FROM "AuditEvent"`);
      await refused(`TRUNCATE "AuditEvent"`);
      await refused(`DROP TABLE "Loan"`);
      await refused(`ALTER TABLE "Loan" DROP CONSTRAINT IF EXISTS "Loan_pkey"`);
      await refused(`CREATE TABLE public.intruder (id int)`);
      await refused(`DELETE FROM "_prisma_migrations"`);
      await refused(`ALTER ROLE ${role} SUPERUSER`);

      // The job queue creates its own tables in the schema the role owns.
      const boss = new PgBoss({ connectionString: appUrl.toString(), schema: "pgboss" });
      boss.on("error", () => {});
      await boss.start();
      await boss.createQueue("role-check");
      expect(await boss.send("role-check", {})).toBeTruthy();
      await boss.stop({ graceful: false, wait: true });
    } finally {
      await app.end();
      await prisma.$disconnect();
    }
  }, 180_000);
});
