import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { verifyAuditChain } from "@/lib/audit/verify";
import { itOnPostgres, onPostgres } from "../support/db";
import { runScript, scratchDatabases } from "../support/scratch-databases";

// `npm run backup` and `npm run restore` as an operator runs them: a seeded database is dumped,
// restored into a new one, and the audit chain verifies there; a restore over existing data is
// refused and changes nothing.


async function counts(url: string): Promise<Record<string, number>> {
  const { prisma } = createPrismaClient({ url });
  try {
    return {
      users: await prisma.user.count(), applications: await prisma.loanApplication.count(), loans: await prisma.loan.count(),
      documents: await prisma.storedObject.count(), audit: await prisma.auditEvent.count(), lines: await prisma.statementLine.count(),
    };
  } finally {
    await prisma.$disconnect();
  }
}

describe("backup and restore", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "ncd-backup-"));
  const databases = scratchDatabases(async () => rmSync(dir, { recursive: true, force: true }));
  let source: { name: string; url: string };

  beforeAll(async () => {
    if (!onPostgres) return;
    source = await databases.seeded("ncd_bk_src");
  }, 180_000);

  itOnPostgres("a backup restored into a new database has every record and an intact audit chain", async () => {
    const file = path.join(dir, "portal.dump");
    const backup = runScript("scripts/db/backup.ts", source.url, [file]);
    expect(backup.status, backup.stderr).toBe(0);
    expect(statSync(file).size).toBeGreaterThan(1000);

    const target = await databases.empty("ncd_bk_dst");
    const restore = runScript("scripts/db/restore.ts", target.url, [file]);
    expect(restore.status, restore.stderr).toBe(0);

    expect(await counts(target.url)).toEqual(await counts(source.url));
    const { prisma } = createPrismaClient({ url: target.url });
    try {
      const report = await verifyAuditChain(prisma);
      expect(report).toEqual({ ok: true, checked: (await counts(source.url)).audit });
      // The append-only trigger came back too.
      await expect(prisma.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    } finally {
      await prisma.$disconnect();
    }
    const verify = runScript("scripts/verify-audit.ts", target.url);
    expect(verify.status, verify.stderr).toBe(0);
    expect(verify.stdout).toContain("audit chain intact");

    // Restoring over a database that has data is refused, and leaves it as it was.
    const before = await counts(target.url);
    const again = runScript("scripts/db/restore.ts", target.url, [file]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("not empty");
    expect(await counts(target.url)).toEqual(before);
  }, 180_000);
});
