import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { runBatchTransition } from "@/lib/subsidies/services/batch-transition";

/** The second approval (复核): a centre approver who is not the maker. Only then can the batch be paid. */
export async function approveBatchAsChecker(actor: Actor, input: { batchId: string; version: number; comment: string }) {
  return runBatchTransition({
    actor,
    batchId: input.batchId,
    expectedVersion: input.version,
    action: "checkerApprove",
    guard: (batch) => {
      if (batch.makerId === actor.userId) throw new AppError("SAME_PERSON", "复核人不能与经办人为同一人，请由另一位审批人复核");
    },
    changes: () => ({ checkerId: actor.userId }),
    auditData: () => ({ comment: input.comment }),
  });
}
