import type { PrismaClient } from "@/lib/generated/prisma/client";
import { CHAIN_HEADS_ACTION, eventHash, GENESIS_HASH } from "@/lib/audit/chain";
import { readAuditData } from "@/lib/audit/read";

// A result, not a throw: a broken chain is the finding the check exists to report.
export type ChainReport =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAtId: bigint; reason: string };

/**
 * Walks the whole log in id order, a page at a time, following each chain (lib/audit/chain.ts)
 * from its genesis, and reports the first broken link of any chain.
 */
export async function verifyAuditChain(db: PrismaClient, pageSize = 2000): Promise<ChainReport> {
  const heads = new Map<number, string>();
  const anchored: Anchored[] = [];
  let cursor: bigint | undefined;
  let checked = 0;
  for (;;) {
    const page = await db.auditEvent.findMany({
      where: cursor === undefined ? {} : { id: { gt: cursor } },
      orderBy: { id: "asc" },
      take: pageSize,
    });
    for (const e of page) {
      const prevHash = heads.get(e.chain) ?? GENESIS_HASH;
      if (e.prevHash !== prevHash) {
        return { ok: false, checked, brokenAtId: e.id, reason: "prevHash does not match the previous event" };
      }
      if (eventHash(prevHash, e) !== e.hash) {
        return { ok: false, checked, brokenAtId: e.id, reason: "content does not match its hash" };
      }
      heads.set(e.chain, e.hash);
      checked += 1;
    }
    for (const e of page) if (e.action === CHAIN_HEADS_ACTION) anchored.push(...anchoredHeads(e));
    if (page.length < pageSize) break;
    cursor = page[page.length - 1]!.id;
  }
  return (await missingAnchoredEvent(db, anchored)) ?? { ok: true, checked };
}

type Anchored = { chain: number; id: bigint; hash: string };

function anchoredHeads(event: { id: bigint; action: string; data: unknown }): Anchored[] {
  const heads = readAuditData(CHAIN_HEADS_ACTION, event)?.heads ?? [];
  return heads.map((h) => ({ chain: h.chain, id: BigInt(h.id), hash: h.hash }));
}

/** Every event an anchor named must still be there, in its chain, with its hash. */
async function missingAnchoredEvent(db: PrismaClient, anchored: Anchored[]): Promise<ChainReport | null> {
  const latest = new Map<number, Anchored>();
  for (const a of anchored) if ((latest.get(a.chain)?.id ?? -1n) < a.id) latest.set(a.chain, a);
  const wanted = [...latest.values()];
  const found = await db.auditEvent.findMany({ where: { id: { in: wanted.map((a) => a.id) } }, select: { id: true, chain: true, hash: true } });
  const byId = new Map(found.map((e) => [e.id, e]));
  for (const a of wanted) {
    const e = byId.get(a.id);
    if (!e || e.chain !== a.chain || e.hash !== a.hash) {
      return { ok: false, checked: 0, brokenAtId: a.id, reason: "an event an anchor of the chain heads named is missing or changed" };
    }
  }
  return null;
}
