import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { runTransition } from "@/lib/applications/services/transition";

/** Any time before contracting, with a reason; the case closes for good. */
export async function withdrawApplication(actor: Actor, applicationId: string, expectedVersion: number, reason: string) {
  return runTransition({
    actor,
    applicationId,
    transition: "withdraw",
    event: "withdrawn",
    expectedVersion,
    changes: () => ({ closedAt: new Date(), closeReason: reason, stageDueAt: null, returnDueAt: null }),
    auditData: { reason },
  });
}
