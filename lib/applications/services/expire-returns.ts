import "server-only";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import { auditAction } from "@/lib/applications/events";
import { notifyUser } from "@/lib/notifications/notify";

/**
 * Returned cases whose answer deadline has passed become EXPIRED (the centre may reopen them).
 * Run by the scheduler; each case changes in its own compare-and-set, so an applicant who
 * resubmits at the same moment wins or loses cleanly.
 */
export async function expireOverdueReturns(now: Date = new Date()): Promise<number> {
  const due = await db.loanApplication.findMany({
    where: { status: "RETURNED", returnDueAt: { lt: now } },
    select: { id: true, version: true, number: true, applicantId: true },
    take: 500,
  });
  let expired = 0;
  for (const app of due) {
    const done = await db.$transaction(async (tx) => {
      const updated = await tx.loanApplication.updateMany({
        where: { id: app.id, status: "RETURNED", version: app.version },
        data: { status: "EXPIRED", version: { increment: 1 }, stageEnteredAt: now, stageDueAt: null },
      });
      if (updated.count !== 1) return false;
      await appendAudit(tx, {
        actorId: null, applicationId: app.id, entityType: "LoanApplication", entityId: app.id,
        action: auditAction("expired"), data: { from: "RETURNED", to: "EXPIRED", version: app.version + 1 },
      });
      await notifyUser(tx, app.applicantId, {
        applicationId: app.id,
        code: "applicationExpired",
        params: { number: app.number },
      });
      return true;
    });
    if (done) expired += 1;
  }
  return expired;
}
