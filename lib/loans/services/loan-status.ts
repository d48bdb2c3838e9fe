import "server-only";
import type { StaffActor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { runTransition } from "@/lib/applications/services/transition";
import { notifyUser } from "@/lib/notifications/notify";
import type { LoanStatus } from "@/lib/generated/prisma/enums";

type Step = { applicationId: string; version: number; comment: string };

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** The loan follows the case: one transaction changes both, with the audit event. */
function loanStep(
  actor: StaffActor,
  input: Step,
  transition: "settle" | "reportOverdue" | "cure" | "compensate",
  event: "settled" | "overdue_reported" | "cured" | "compensated",
  loanStatus: LoanStatus,
  notice: { title: string; body: string },
  closedOn?: string,
) {
  return runTransition({
    actor,
    applicationId: input.applicationId,
    transition,
    event,
    expectedVersion: input.version,
    changes: () => (closedOn ? { closedAt: new Date(`${closedOn}T00:00:00+08:00`) } : {}),
    within: async (tx, app) => {
      const updated = await tx.loan.updateMany({
        where: { applicationId: app.id },
        data: { status: loanStatus, ...(closedOn ? { closedOn: new Date(`${closedOn}T00:00:00Z`) } : {}) },
      });
      if (updated.count !== 1) throw new AppError("INVALID_TRANSITION", "该案件没有贷款记录");
      await notifyUser(tx, app.applicantId, { applicationId: app.id, title: `贷款 ${app.number}：${notice.title}`, body: `${notice.body}${input.comment}` });
    },
    auditData: { comment: input.comment, ...(closedOn ? { closedOn } : {}) },
  });
}

/** The bank reports the loan repaid in full. */
export async function settleLoan(actor: StaffActor, input: Step & { settledOn: string }) {
  if (input.settledOn > today()) throw new AppError("VALIDATION", undefined, { settledOn: ["结清日期不能晚于今天"] });
  return loanStep(actor, input, "settle", "settled", "SETTLED", { title: "已结清", body: "银行确认贷款已结清。" }, input.settledOn);
}

/** The bank reports the loan overdue: its periods earn no subsidy until cured. */
export function reportOverdue(actor: StaffActor, input: Step) {
  return loanStep(actor, input, "reportOverdue", "overdue_reported", "OVERDUE", { title: "逾期", body: "银行报告贷款逾期，请尽快还款；逾期期间不予贴息。" });
}

export function cureOverdue(actor: StaffActor, input: Step) {
  return loanStep(actor, input, "cure", "cured", "ACTIVE", { title: "逾期已结清", body: "逾期款项已归还，贷款恢复正常。" });
}

/** The guarantor pays the bank for the defaulted loan (代偿). */
export function compensateLoan(actor: StaffActor, input: Step) {
  return loanStep(actor, input, "compensate", "compensated", "COMPENSATED", { title: "担保代偿", body: "担保公司已代偿银行贷款。" }, today());
}
