import "server-only";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import { HOLDER, REVIEW_STATUSES } from "@/lib/applications/workflow";
import { notifyUser } from "@/lib/notifications/notify";

const REMIND_BEFORE_MS = 24 * 3600_000;

/**
 * Tells the staff of the organisation holding a case that its deadline is within a day, once per
 * deadline (the audit event records that the reminder went out).
 */
export async function sendDeadlineReminders(now: Date = new Date()): Promise<number> {
  const due = await db.loanApplication.findMany({
    where: { status: { in: [...REVIEW_STATUSES, "CONTRACTING"] }, stageDueAt: { gt: now, lte: new Date(now.getTime() + REMIND_BEFORE_MS) } },
    select: { id: true, number: true, status: true, stageDueAt: true, guarantorOrgId: true, bankOrgId: true },
    take: 1000,
  });
  let sent = 0;
  for (const app of due) {
    const dueIso = app.stageDueAt!.toISOString();
    const already = await db.auditEvent.findFirst({
      where: { applicationId: app.id, action: "application.reminder_sent", data: { path: ["due"], equals: dueIso } },
      select: { id: true },
    });
    if (already) continue;
    const holder = HOLDER[app.status];
    const orgFilter =
      holder === "SUPPORT_CENTER" ? { organisation: { type: "SUPPORT_CENTER" as const }, role: { in: ["CENTER_REVIEWER" as const, "CENTER_APPROVER" as const] } }
      : holder === "GUARANTOR" ? { organisationId: app.guarantorOrgId ?? "", role: "GUARANTOR_OFFICER" as const }
      : { organisationId: app.bankOrgId ?? "", role: "BANK_OFFICER" as const };
    const staff = await db.membership.findMany({ where: orgFilter, select: { userId: true } });
    await db.$transaction(async (tx) => {
      for (const s of staff) {
        await notifyUser(tx, s.userId, { applicationId: app.id, title: `案件 ${app.number} 即将到期`, body: `请在 ${app.stageDueAt!.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })} 前办理。` });
      }
      await appendAudit(tx, {
        actorId: null, applicationId: app.id, entityType: "LoanApplication", entityId: app.id,
        action: "application.reminder_sent", data: { due: dueIso, recipients: staff.length },
      });
    });
    sent += 1;
  }
  return sent;
}
