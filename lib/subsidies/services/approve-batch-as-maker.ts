import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { runBatchTransition } from "@/lib/subsidies/services/batch-transition";

/** The first of the two approvals (the maker, jingban): a centre reviewer or approver takes responsibility for the verified batch. */
export async function approveBatchAsMaker(actor: Actor, input: { batchId: string; version: number; comment: string }) {
  return runBatchTransition({
    actor,
    batchId: input.batchId,
    expectedVersion: input.version,
    action: "makerApprove",
    changes: () => ({ makerId: actor.userId }),
    auditData: () => ({ comment: input.comment }),
  });
}
