import { describe, expect, it } from "vitest";
import { seedDemo } from "@/lib/demo/seed";
import { AUDIT_EVENTS, isAuditAction } from "@/lib/audit/events/table";
import { db } from "../support/db";

describe("audit event kinds", () => {
  it("every event the demo seed writes parses with its kind's schema", async () => {
    await seedDemo(db);
    const events = await db.auditEvent.findMany({ select: { id: true, action: true, data: true }, orderBy: { id: "asc" } });
    expect(events.length).toBeGreaterThan(20);
    const problems = events.flatMap((e) => {
      if (!isAuditAction(e.action)) return [`${e.id} ${e.action}: no such kind`];
      const parsed = AUDIT_EVENTS[e.action].safeParse(e.data);
      return parsed.success ? [] : [`${e.id} ${e.action}: ${parsed.error.message}`];
    });
    expect(problems).toEqual([]);
    // The seed covers the kinds of a case's life, not only accounts.
    expect(new Set(events.map((e) => e.action))).toContain("application.disbursed");
  }, 180_000);
});
