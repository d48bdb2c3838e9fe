import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { HOLDER, REVIEW_STATUSES } from "@/lib/applications/workflow";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { workingDaysBetween } from "@/lib/calendar/working-days";
import { workingCalendar } from "@/lib/policy/queries";
import { MANAGER_OF } from "@/lib/auth/roles";
import { sendOnce } from "@/lib/jobs/send-once";

const REMIND_BEFORE_MS = 24 * 3600_000;

/** The stages whose clock the centre watches: the three reviews and the bank's contracting. */
export const CLOCKED_STATUSES = [...REVIEW_STATUSES, "CONTRACTING"] as const satisfies readonly ApplicationStatus[];

type ClockedCase = {
  id: string; number: string; status: ApplicationStatus; stageEnteredAt: Date | null; stageDueAt: Date | null;
  guarantorOrgId: string | null; bankOrgId: string | null;
};

const CASE_SELECT = { id: true, number: true, status: true, stageEnteredAt: true, stageDueAt: true, guarantorOrgId: true, bankOrgId: true } as const;

/** The staff of the organisation holding the case (the partner, or the centre's reviewers and approvers). */
async function holderStaff(app: ClockedCase): Promise<string[]> {
  const holder = HOLDER[app.status];
  const where =
    holder === "SUPPORT_CENTER" ? { organisation: { type: "SUPPORT_CENTER" as const }, role: { in: ["CENTER_REVIEWER" as const, "CENTER_APPROVER" as const] } }
    : holder === "GUARANTOR" ? { organisationId: app.guarantorOrgId ?? "", role: "GUARANTOR_OFFICER" as const }
    : { organisationId: app.bankOrgId ?? "", role: "BANK_OFFICER" as const };
  const staff = await db.membership.findMany({ where: { ...where, user: { disabledAt: null } }, select: { userId: true } });
  return staff.map((s) => s.userId);
}

/**
 * Whom a late case escalates to besides the centre's approvers: the holding organisation's staff
 * and, at a partner, its managers too.
 */
async function escalationStaff(app: ClockedCase, staff: string[]): Promise<string[]> {
  const holder = HOLDER[app.status];
  if (holder !== "GUARANTOR" && holder !== "BANK") return staff;
  const managers = await db.membership.findMany({
    where: { organisationId: (holder === "GUARANTOR" ? app.guarantorOrgId : app.bankOrgId) ?? "", role: MANAGER_OF[holder], user: { disabledAt: null } },
    select: { userId: true },
  });
  return [...staff, ...managers.map((m) => m.userId)];
}

async function centreApprovers(): Promise<string[]> {
  const rows = await db.membership.findMany({
    where: { role: "CENTER_APPROVER", organisation: { type: "SUPPORT_CENTER" }, user: { disabledAt: null } },
    select: { userId: true },
  });
  return rows.map((r) => r.userId);
}

// One stage spell of one case: a case that leaves and comes back to a stage is a new spell.
const spellKey = (app: ClockedCase) => `${app.id}|${app.status}|${(app.stageEnteredAt ?? app.stageDueAt!).toISOString()}`;

const stageParams = (app: ClockedCase) => ({ number: app.number, stage: app.status, dueAt: app.stageDueAt!.toISOString() });

/**
 * The deadline clocks of the cases at the centre, the guarantee company and the bank, run hourly:
 * a day before the deadline the holding organisation's staff are reminded; once it has passed they
 * are told it is late; after `escalateAfterDays` working days past it the case escalates to them,
 * the partner's managers and the centre's approvers. Each is sent once per stage spell
 * (`SentReminder`) and is an audit event. Returns how many reminders went out.
 */
export async function sendDeadlineReminders(
  now: Date = new Date(),
  options: { escalateAfterDays?: number } = {},
): Promise<number> {
  const escalateAfterDays = options.escalateAfterDays ?? env.ESCALATE_AFTER_WORKING_DAYS;
  let sent = 0;
  const soon = await db.loanApplication.findMany({
    where: { status: { in: [...CLOCKED_STATUSES] }, historical: false, stageDueAt: { gt: now, lte: new Date(now.getTime() + REMIND_BEFORE_MS) } },
    select: CASE_SELECT,
    orderBy: [{ stageDueAt: "asc" }, { id: "asc" }],
    take: 1000,
  });
  for (const app of soon) {
    const done = await sendOnce({
      kind: "STAGE_DUE_SOON", subjectKey: spellKey(app), applicationId: app.id, recipients: await holderStaff(app),
      code: "stageDueSoon", params: stageParams(app), auditAction: "application.reminder_sent",
    });
    if (done) sent += 1;
  }

  const late = await db.loanApplication.findMany({
    where: { status: { in: [...CLOCKED_STATUSES] }, historical: false, stageDueAt: { lt: now } },
    select: CASE_SELECT,
    orderBy: [{ stageDueAt: "asc" }, { id: "asc" }],
    take: 1000,
  });
  if (late.length === 0) return sent;
  const calendar = await workingCalendar();
  const approvers = await centreApprovers();
  for (const app of late) {
    const staff = await holderStaff(app);
    const daysLate = workingDaysBetween(app.stageDueAt!, now, calendar);
    const params = { ...stageParams(app), daysLate: String(daysLate) };
    if (await sendOnce({
      kind: "STAGE_OVERDUE", subjectKey: spellKey(app), applicationId: app.id, recipients: staff,
      code: "stageOverdue", params, auditAction: "application.overdue_reminder_sent",
    })) sent += 1;
    if (daysLate >= escalateAfterDays && await sendOnce({
      kind: "STAGE_ESCALATED", subjectKey: spellKey(app), applicationId: app.id, recipients: [...await escalationStaff(app, staff), ...approvers],
      code: "stageEscalated", params, auditAction: "application.escalated",
    })) sent += 1;
  }
  return sent;
}
