import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import { verifyAuditChain, type ChainReport } from "@/lib/audit/verify";

export async function recentAuditEvents(actor: Actor, take = 50) {
  assertCan(actor, "audit.read");
  return db.auditEvent.findMany({
    orderBy: { id: "desc" },
    take,
    select: { id: true, at: true, action: true, entityType: true, entityId: true, actorId: true },
  });
}

export async function auditChainStatus(actor: Actor): Promise<ChainReport> {
  assertCan(actor, "audit.read");
  return verifyAuditChain(db);
}
