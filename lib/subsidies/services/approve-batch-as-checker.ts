import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { words } from "@/lib/i18n/words";
import { AppError } from "@/lib/errors";
import { runBatchTransition } from "@/lib/subsidies/services/batch-transition";

/** The second approval (the check): a centre approver who is not the maker. Only then can the batch be paid. */
export async function approveBatchAsChecker(actor: Actor, input: { batchId: string; version: number; comment: string }) {
  return runBatchTransition({
    actor,
    batchId: input.batchId,
    expectedVersion: input.version,
    action: "checkerApprove",
    guard: (batch) => {
      if (batch.makerId === actor.userId) throw new AppError("SAME_PERSON", words("subsidy.refusal.checkerIsMaker"));
    },
    changes: () => ({ checkerId: actor.userId }),
    auditData: () => ({ comment: input.comment }),
  });
}
