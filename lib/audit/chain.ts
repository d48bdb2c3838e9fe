import { createHash } from "node:crypto";

// The audit log is a hash chain: each event's hash covers its content and the previous hash,
// so changing or removing any stored event breaks every link after it.

export const GENESIS_HASH = "0".repeat(64);

/**
 * How many chains the log is split into. Each append waits only for the appends of its own chain
 * (the lock is held until the writer's transaction commits), so writers of different cases no
 * longer take turns across the whole portal. Changing the number re-homes future events only:
 * every chain stays verifiable on its own.
 */
export const AUDIT_CHAINS = 32;

/** The event that names where every chain stands (lib/audit/services/anchor-chain-heads.ts). */
export const CHAIN_HEADS_ACTION = "audit.chainHeads";

/** The chain of an event: a case's events share one (its history verifies as one sequence). */
export function chainOf(key: string): number {
  return createHash("sha256").update(key).digest().readUInt32BE(0) % AUDIT_CHAINS;
}

export type ChainedContent = {
  at: Date;
  actorId: string | null;
  organisationId: string | null;
  applicationId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  data: unknown;
};

/** JSON with object keys sorted at every level (PostgreSQL's jsonb does not keep key order). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** The canonical text an event's hash is taken over: its content and the hash of the event before it. */
const hashedBody = (prevHash: string, e: ChainedContent): string =>
  canonicalJson({
    prevHash,
    at: e.at.toISOString(),
    actorId: e.actorId,
    organisationId: e.organisationId,
    applicationId: e.applicationId,
    entityType: e.entityType,
    entityId: e.entityId,
    action: e.action,
    data: e.data,
  });

export function eventHash(prevHash: string, e: ChainedContent): string {
  return createHash("sha256").update(hashedBody(prevHash, e)).digest("hex");
}

/**
 * The text `eventHash` hashes, as the part before the previous hash and the part after it: for a
 * previous hash of hex digits (every stored one), `sha256(head + prevHash + tail)` is
 * `eventHash(prevHash, e)`. The append (lib/audit/record.ts) hands both parts to the database,
 * which reads the chain's last hash and writes the event in one statement.
 */
export function hashedAround(e: ChainedContent): { head: string; tail: string } {
  // Keys are sorted, and "prevHash" sorts after every other key: it is the body's last member.
  const body = hashedBody("", e);
  const tail = '"}';
  if (!body.endsWith(`"prevHash":"${tail}`)) throw new Error("the hashed body does not end with the previous hash");
  return { head: body.slice(0, -tail.length), tail };
}

/** Makes audit data JSON-safe: bigint fen become decimal strings, dates ISO strings. */
export function toAuditData(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toAuditData);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toAuditData(v)]));
  }
  return value;
}
