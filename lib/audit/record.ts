import type { Prisma } from "@/lib/generated/prisma/client";
import { chainOf, GENESIS_HASH, hashedAround, toAuditData } from "@/lib/audit/chain";
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

/**
 * Appends an event inside the caller's transaction (the event commits with the change). Two
 * statements: the chain's lock, then one insert that reads the chain's last hash (under the lock,
 * so no other writer can link to it) and computes the event's hash in the database from the text
 * `eventHash` hashes (`hashedAround`), so `npm run audit:verify` recomputes the same hash.
 */
export async function appendAudit<K extends AuditAction>(tx: Prisma.TransactionClient, input: AuditInput<K>): Promise<void> {
  const data = storedAuditData(input.action, input.data);
  const chain = chainOf(input.applicationId ?? input.entityId);
  // The lock is a statement of its own: a statement reads the rows committed when it starts, so the
  // insert below must start after the lock is held to see the event of the writer before.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK}::int, ${chain}::int)`;
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
  const { head, tail } = hashedAround(content);
  // `at` is stored as the UTC time it names (the column has no time zone; the zone in the text is ignored).
  await tx.$executeRaw`
    INSERT INTO "AuditEvent" ("at", "actorId", "organisationId", "applicationId", "entityType", "entityId", "action", "data", "chain", "prevHash", "hash")
    SELECT ${content.at.toISOString()}::timestamp(3), ${content.actorId}::uuid, ${content.organisationId}::uuid, ${content.applicationId}::uuid,
      ${content.entityType}, ${content.entityId}, ${content.action}, ${JSON.stringify(data ?? null)}::jsonb, ${chain}::smallint,
      last.hash, encode(sha256(convert_to(${head} || last.hash || ${tail}, 'UTF8')), 'hex')
    FROM (SELECT COALESCE((SELECT "hash" FROM "AuditEvent" WHERE "chain" = ${chain}::smallint ORDER BY "id" DESC LIMIT 1), ${GENESIS_HASH}) AS hash) AS last`;
}
