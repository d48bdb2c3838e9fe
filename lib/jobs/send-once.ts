import "server-only";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import type { ReminderAuditAction } from "@/lib/audit/events/application";
import { notifyUser } from "@/lib/notifications/notify";
import type { NoticeCode, NoticeParams } from "@/lib/notifications/codes";

export type ReminderKind = "STAGE_DUE_SOON" | "STAGE_OVERDUE" | "STAGE_ESCALATED" | "REPAYMENT_DUE" | "LOAN_MATURING"
  | "STANDING_MISSING" | "STANDING_MISSING_APPLICANT" | "HOTLINE_FOLLOW_UP";

type Once = {
  kind: ReminderKind;
  /** The case and its stage entry, or the loan and its date: what makes this reminder one. */
  subjectKey: string;
  /** The case the reminder is about; null for a record that is no case (a hotline call). */
  applicationId: string | null;
  /** The record the audit event names; the case by default. */
  entity?: { type: string; id: string };
  recipients: readonly string[];
  code: NoticeCode;
  params: NoticeParams;
  auditAction: ReminderAuditAction;
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
      await notifyUser(tx, userId, { applicationId: once.applicationId ?? undefined, code: once.code, params: once.params });
    }
    const entity = once.entity ?? { type: "LoanApplication", id: once.applicationId! };
    await appendAudit(tx, {
      actorId: null, applicationId: once.applicationId, entityType: entity.type, entityId: entity.id,
      action: once.auditAction, data: { kind: once.kind, subjectKey: once.subjectKey, recipients: recipients.length },
    });
    return true;
  });
}
