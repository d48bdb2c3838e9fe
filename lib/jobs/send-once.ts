import "server-only";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import { notifyUser } from "@/lib/notifications/notify";
import type { NoticeCode, NoticeParams } from "@/lib/notifications/codes";

export type ReminderKind = "STAGE_DUE_SOON" | "STAGE_OVERDUE" | "STAGE_ESCALATED" | "REPAYMENT_DUE" | "LOAN_MATURING"
  | "STANDING_MISSING" | "STANDING_MISSING_APPLICANT";

type Once = {
  kind: ReminderKind;
  /** The case and its stage entry, or the loan and its date: what makes this reminder one. */
  subjectKey: string;
  applicationId: string;
  recipients: readonly string[];
  code: NoticeCode;
  params: NoticeParams;
  auditAction: string;
};

/**
 * Claims the reminder (its `SentReminder` row) and writes its messages and audit event in one
 * transaction. A reminder already claimed (an earlier run, or another server running the same job
 * at the same moment, which waits on the unique key and then finds it taken) sends nothing.
 */
export async function sendOnce(once: Once): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const claimed = await tx.sentReminder.createMany({
      data: [{ kind: once.kind, subjectKey: once.subjectKey, applicationId: once.applicationId }],
      skipDuplicates: true,
    });
    if (claimed.count === 0) return false;
    const recipients = [...new Set(once.recipients)];
    for (const userId of recipients) {
      await notifyUser(tx, userId, { applicationId: once.applicationId, code: once.code, params: once.params });
    }
    await appendAudit(tx, {
      actorId: null, applicationId: once.applicationId, entityType: "LoanApplication", entityId: once.applicationId,
      action: once.auditAction, data: { kind: once.kind, subjectKey: once.subjectKey, recipients: recipients.length },
    });
    return true;
  });
}
