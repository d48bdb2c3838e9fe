import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/roles";
import { can } from "@/lib/auth/permissions";

/**
 * The subsidy batches an actor may see: a bank its own, the centre (and its admin and auditor)
 * all. Null: none. The organisation comes from the session, never from input.
 */
export function batchScope(actor: Actor): Prisma.SubsidyBatchWhereInput | null {
  if (actor.kind !== "STAFF" || !can(actor, "subsidy.read")) return null;
  if (actor.organisationType === "BANK") return { bankOrgId: actor.organisationId };
  if (actor.organisationType === "SUPPORT_CENTER") return {};
  return null;
}

export function scopedBatch(actor: Actor, id: string): Prisma.SubsidyBatchWhereInput | null {
  const scope = batchScope(actor);
  return scope ? { AND: [{ id }, scope] } : null;
}

/** A statement line is visible exactly when its batch is. */
export function scopedLine(actor: Actor, id: string): Prisma.StatementLineWhereInput | null {
  const scope = batchScope(actor);
  return scope ? { id, batch: scope } : null;
}
