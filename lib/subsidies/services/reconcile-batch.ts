import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { runBatchTransition } from "@/lib/subsidies/services/batch-transition";

/** Closes a paid batch once the payment is matched against the bank's statement of the payer account. */
export async function reconcileBatch(actor: Actor, input: { batchId: string; version: number; comment: string }) {
  return runBatchTransition({
    actor,
    batchId: input.batchId,
    expectedVersion: input.version,
    action: "reconcile",
    auditData: () => ({ comment: input.comment }),
  });
}
