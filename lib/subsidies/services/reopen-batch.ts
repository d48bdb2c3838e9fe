import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { runBatchTransition } from "@/lib/subsidies/services/batch-transition";

/**
 * Sends a verified (or maker-approved) batch back to OPEN so a line can be queried and corrected;
 * the maker's approval is cleared, because what they approved is about to change.
 */
export async function reopenBatch(actor: Actor, input: { batchId: string; version: number; comment: string }) {
  return runBatchTransition({
    actor,
    batchId: input.batchId,
    expectedVersion: input.version,
    action: "reopen",
    changes: () => ({ makerId: null, checkerId: null }),
    auditData: () => ({ comment: input.comment }),
  });
}
