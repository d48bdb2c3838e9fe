import type { Prisma } from "@/lib/generated/prisma/client";
import { chainOf, eventHash, GENESIS_HASH, toAuditData } from "@/lib/audit/chain";
import { AUDIT_EVENTS, type AuditAction, type AuditPayload } from "@/lib/audit/events/table";

export type AuditInput<K extends AuditAction> = {
  actorId: string | null;
  organisationId?: string | null;
  applicationId?: string | null;
  entityType: string;
  entityId: string;
  /** The event's kind: its payload must match the kind's schema (lib/audit/events/table.ts). */
  action: K;
  data: AuditPayload<K>;
  /** Only for records of past events (demo data, imports); defaults to now. */
  at?: Date;
};

// A transaction-scoped advisory lock per chain makes the appends of one chain take turns, so two
// writers cannot both link to the same predecessor; it is released at commit or rollback. Appends
// of different chains run side by side (one lock for the whole log made every audited transaction
// of the portal wait for the one before it: `npm run bench:audit`).
const AUDIT_CHAIN_LOCK = 1_100_020_017;

/**
 * The payload as stored, checked against its kind's schema first: a service writing the wrong
 * shape fails loudly instead of leaving a row no reader can use. What is stored (and hashed) is
 * what the service wrote, not the schema's output.
 */
export function storedAuditData<K extends AuditAction>(action: K, data: AuditPayload<K>): unknown {
  const stored = toAuditData(data);
  const parsed = AUDIT_EVENTS[action].safeParse(stored);
  if (!parsed.success) throw new Error(`audit payload of ${action} does not match its schema: ${parsed.error.message}`);
  return stored;
}

/** Appends an event inside the caller's transaction (the event commits with the change). */
export async function appendAudit<K extends AuditAction>(tx: Prisma.TransactionClient, input: AuditInput<K>): Promise<void> {
  const data = storedAuditData(input.action, input.data);
  const chain = chainOf(input.applicationId ?? input.entityId);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK}::int, ${chain}::int)`;
  const last = await tx.auditEvent.findFirst({ where: { chain }, orderBy: { id: "desc" }, select: { hash: true } });
  const content = {
    at: input.at ?? new Date(),
    actorId: input.actorId,
    organisationId: input.organisationId ?? null,
    applicationId: input.applicationId ?? null,
    entityType: input.entityType,
    entityId: input.entityId,
    action: input.action,
    data,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.auditEvent.create({
    data: { ...content, data: content.data as Prisma.InputJsonValue, chain, prevHash, hash: eventHash(prevHash, content) },
  });
}
