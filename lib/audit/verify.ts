import type { PrismaClient } from "@/lib/generated/prisma/client";
import { eventHash, GENESIS_HASH } from "@/lib/audit/chain";

// A result, not a throw: a broken chain is the finding the check exists to report.
export type ChainReport =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAtId: bigint; reason: string };

/** Walks the whole chain in id order, a page at a time, and reports the first broken link. */
export async function verifyAuditChain(db: PrismaClient, pageSize = 2000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let cursor: bigint | undefined;
  let checked = 0;
  for (;;) {
    const page = await db.auditEvent.findMany({
      where: cursor === undefined ? {} : { id: { gt: cursor } },
      orderBy: { id: "asc" },
      take: pageSize,
    });
    for (const e of page) {
      if (e.prevHash !== prevHash) {
        return { ok: false, checked, brokenAtId: e.id, reason: "prevHash does not match the previous event" };
      }
      if (eventHash(prevHash, e) !== e.hash) {
        return { ok: false, checked, brokenAtId: e.id, reason: "content does not match its hash" };
      }
      prevHash = e.hash;
      checked += 1;
    }
    if (page.length < pageSize) return { ok: true, checked };
    cursor = page[page.length - 1]!.id;
  }
}
