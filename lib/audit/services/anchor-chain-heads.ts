import "server-only";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import { CHAIN_HEADS_ACTION } from "@/lib/audit/chain";

export type ChainHead = { chain: number; id: string; hash: string };

/**
 * Writes where every chain stands (its last event's id and hash) as one event. The log is split
 * into chains so that writers do not wait for each other; this merge ties them back together:
 * removing an event that a later anchor names, from any chain, is caught by verifyAuditChain, as
 * removing any but the newest event of a single chain always was. Runs every minute as a job.
 */
export async function anchorChainHeads(): Promise<ChainHead[]> {
  return db.$transaction(async (tx) => {
    const heads = await tx.$queryRaw<{ chain: number; id: bigint; hash: string }[]>`
      SELECT DISTINCT ON (chain) chain, id, hash FROM "AuditEvent" ORDER BY chain, id DESC`;
    const named = heads.map((h) => ({ chain: h.chain, id: h.id.toString(), hash: h.hash }));
    if (named.length === 0) return named;
    await appendAudit(tx, { actorId: null, entityType: "AuditLog", entityId: "chain-heads", action: CHAIN_HEADS_ACTION, data: { heads: named } });
    return named;
  });
}
