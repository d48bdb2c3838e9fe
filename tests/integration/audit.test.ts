import { describe, expect, it } from "vitest";
import { appendAudit } from "@/lib/audit/record";
import { verifyAuditChain } from "@/lib/audit/verify";
import { AUDIT_CHAINS, chainOf } from "@/lib/audit/chain";
import { anchorChainHeads } from "@/lib/audit/services/anchor-chain-heads";
import { db, itOnPostgres, secondClient } from "../support/db";

// A payload with a bigint and a date: both are stored (and hashed) as strings.
const append = (entityId: string) =>
  db.$transaction((tx) => appendAudit(tx, {
    actorId: null, entityType: "Test", entityId, action: "application.repayment_recorded",
    data: { loanId: entityId, principalFen: 1n, interestFen: 0n, paidOn: new Date(0), reference: null },
  }));

describe("audit log", () => {
  it("refuses UPDATE and DELETE in the database itself", async () => {
    await append("test.one");
    const last = await db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    await expect(db.auditEvent.update({ where: { id: last.id }, data: { action: "changed" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.delete({ where: { id: last.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect((await db.auditEvent.findUniqueOrThrow({ where: { id: last.id } })).entityId).toBe("test.one");
  });

  itOnPostgres("keeps one unbroken chain when two servers append at once", async () => {
    const other = secondClient();
    try {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? other : db).$transaction((tx) =>
            appendAudit(tx, { actorId: null, entityType: "Test", entityId: String(i), action: "auth.signed_out", data: {} }),
          ),
        ),
      );
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    } finally {
      await other.$disconnect();
    }
  });

  itOnPostgres("a case's events share one chain, even from two servers at once; other cases' events spread over other chains", async () => {
    const other = secondClient();
    const caseKey = "case-under-review";
    try {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? other : db).$transaction((tx) => appendAudit(tx, { actorId: null, entityType: "Test", entityId: caseKey, action: "user.unlocked", data: { cleared: i } })),
        ),
      );
      const events = await db.auditEvent.findMany({ where: { entityType: "Test", entityId: caseKey }, orderBy: { id: "asc" } });
      expect(new Set(events.map((e) => e.chain))).toEqual(new Set([chainOf(caseKey)]));
      // Each links to the one before it in its chain: twenty distinct predecessors, no fork.
      expect(new Set(events.map((e) => e.prevHash)).size).toBe(20);
      const chains = new Set(Array.from({ length: 40 }, (_, i) => chainOf(`case-${i}`)));
      expect(chains.size).toBeGreaterThan(10);
      expect(Math.max(...chains)).toBeLessThan(AUDIT_CHAINS);
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    } finally {
      await other.$disconnect();
    }
  });

  itOnPostgres("an anchor of the chain heads catches the newest event of a chain removed", async () => {
    await append("test.anchored");
    const heads = await anchorChainHeads();
    const newest = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Test", entityId: "test.anchored" }, orderBy: { id: "desc" } });
    expect(heads).toContainEqual({ chain: newest.chain, id: newest.id.toString(), hash: newest.hash });
    const unsafe = (sql: string) => db.$executeRawUnsafe(sql);
    const guarded = (sql: string) =>
      db.$transaction([
        unsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_no_update_delete`),
        unsafe(sql),
        unsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_no_update_delete`),
      ]);
    // Removing a chain's newest event leaves its chain linked: only the anchor tells.
    await guarded(`DELETE FROM "AuditEvent" WHERE id = ${newest.id}`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAtId: newest.id });
    await db.auditEvent.create({ data: { ...newest, data: newest.data as object } });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  // Runs last in this file: it breaks the chain on purpose.
  itOnPostgres("the verifier reports the first tampered event", async () => {
    await append("test.two");
    await append("test.three");
    const target = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Test", entityId: "test.two" }, orderBy: { id: "desc" } });
    // An attacker with superuser rights switches the guard off and rewrites one row.
    await db.$transaction([
      db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_no_update_delete`),
      db.$executeRawUnsafe(`UPDATE "AuditEvent" SET data = '{"n":"2"}' WHERE id = ${target.id}`),
      db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_no_update_delete`),
    ]);
    const report = await verifyAuditChain(db);
    expect(report).toMatchObject({ ok: false, brokenAtId: target.id });
    // Leave a clean chain for later test files: a fresh database is not shared between runs,
    // but files in this run share it, so restore the row.
    await db.$transaction([
      db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_no_update_delete`),
      db.$executeRawUnsafe(`UPDATE "AuditEvent" SET data = '${JSON.stringify(target.data)}' WHERE id = ${target.id}`),
      db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_no_update_delete`),
    ]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});
