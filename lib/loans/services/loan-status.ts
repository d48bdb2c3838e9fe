import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { StaffActor } from "@/lib/auth/roles";
import type { AuditExtras } from "@/lib/audit/events/table";
import { AppError } from "@/lib/errors";
import { runTransition, type LoadedApplication } from "@/lib/applications/services/transition";
import { notifyLoanOverdue } from "@/lib/oversight/services/notify-loan-overdue";
import { notifyUser } from "@/lib/notifications/notify";
import type { LoanStatus } from "@/lib/generated/prisma/enums";
import { checkCompensation, checkOverdue, checkRepayment } from "@/lib/loans/servicing/checks";
import { assertServicingDate } from "@/lib/loans/servicing/dates";
import { owedOn } from "@/lib/loans/servicing/ledger";
import { ServicingRefusal } from "@/lib/loans/servicing/refusal";
import { lockedLoan, type ServicedLoan } from "@/lib/loans/services/servicing/locked-loan";
import { beijingToday, dateColumnOf, dayOfDateColumn, startOfBeijingDay } from "@/lib/calendar/beijing";

type Step = { applicationId: string; version: number; comment: string };

/** The applicant's notice of each step (`loanStatusChanged`, its words chosen by the step in the reader's language). */
type LoanNotice = "settled" | "overdue" | "cured" | "compensated";

type Servicing<F = void> = {
  /** Judged inside the transaction under the loan's row lock, before the compare-and-set; returns what it found for `write`. */
  check?: (tx: Prisma.TransactionClient, loan: ServicedLoan, today: string) => Promise<F> | F;
  /** The dated records written with the status change. */
  write?: (tx: Prisma.TransactionClient, loan: ServicedLoan, found: F) => Promise<unknown>;
  /** Who else is told, in the same transaction (the partners, of an overdue). */
  tell?: (tx: Prisma.TransactionClient, app: LoadedApplication, loan: ServicedLoan) => Promise<void>;
  auditData?: AuditExtras<"application.settled" | "application.overdue_reported" | "application.cured" | "application.compensated", "from" | "to" | "version">;
};

/** The loan follows the case: one transaction changes both, with its dated record and the audit event. */
function loanStep<F = void>(
  actor: StaffActor,
  input: Step,
  transition: "settle" | "reportOverdue" | "cure" | "compensate",
  event: "settled" | "overdue_reported" | "cured" | "compensated",
  loanStatus: LoanStatus,
  notice: LoanNotice,
  servicing: Servicing<F>,
  closedOn?: string,
) {
  const today = beijingToday();
  return runTransition({
    actor,
    applicationId: input.applicationId,
    transition,
    event,
    expectedVersion: input.version,
    changes: () => (closedOn ? { closedAt: startOfBeijingDay(closedOn) } : {}),
    exclusive: async (tx, app) => {
      const loan = await lockedLoan(tx, { applicationId: app.id });
      return { loan, found: (await servicing.check?.(tx, loan, today)) as F };
    },
    within: async (tx, app, _to, _ctx, { loan, found }) => {
      const updated = await tx.loan.updateMany({
        where: { applicationId: app.id },
        data: { status: loanStatus, ...(closedOn ? { closedOn: dateColumnOf(closedOn) } : {}) },
      });
      if (updated.count !== 1) throw new AppError("INVALID_TRANSITION");
      await servicing.write?.(tx, loan, found);
      await servicing.tell?.(tx, app, loan);
      // The officer's comment is a note between the organisations; the applicant gets the notice alone.
      await notifyUser(tx, app.applicantId, { applicationId: app.id, code: "loanStatusChanged", params: { number: app.number, step: notice } });
    },
    auditData: { comment: input.comment, ...(closedOn ? { closedOn } : {}), ...servicing.auditData },
  });
}

export type SettleInput = Step & {
  settledOn: string;
  /** The final repayment received with the settlement (zero when everything was recorded before). */
  principalFen?: bigint;
  interestFen?: bigint;
  reference?: string;
};

/**
 * The bank reports the loan repaid in full, at maturity or early: with the final repayment, no
 * principal may remain outstanding (the refusal names what does).
 */
export async function settleLoan(actor: StaffActor, input: SettleInput) {
  const principalFen = input.principalFen ?? 0n;
  const interestFen = input.interestFen ?? 0n;
  const paying = principalFen + interestFen > 0n;
  const reference = input.reference?.trim() ?? "";
  return loanStep(actor, input, "settle", "settled", "SETTLED", "settled", {
    check: (_tx, loan, today) => {
      assertServicingDate("settledOn", input.settledOn, today, { on: loan.ledger.disbursedOn, reason: "DATE_BEFORE_DISBURSEMENT" });
      if (paying) {
        if (!reference) throw new ServicingRefusal("REFERENCE_REQUIRED", "reference");
        if (loan.repayments.some((r) => r.reference === reference)) throw new ServicingRefusal("REFERENCE_TAKEN", "reference", { reference }, "DUPLICATE");
        checkRepayment(loan.ledger, loan.repayments, { principalFen, interestFen, paidOn: input.settledOn }, today);
      }
      const left = owedOn(loan.ledger, [...loan.repayments, { principalFen, interestFen, paidOn: input.settledOn }], input.settledOn).principalFen;
      if (left > 0n) throw new ServicingRefusal("NOT_FULLY_REPAID", "principalYuan", { outstanding: left.toString(), on: input.settledOn });
    },
    write: async (tx, loan) => {
      if (!paying) return;
      await tx.loanRepayment.create({
        data: { loanId: loan.id, principalFen, interestFen, paidOn: dateColumnOf(input.settledOn), reference, recordedById: actor.userId },
      });
    },
    auditData: paying ? { principalFen: principalFen.toString(), interestFen: interestFen.toString(), reference } : {},
  }, input.settledOn);
}

export type OverdueInput = Step & { principalFen: bigint; interestFen: bigint; firstMissedOn: string };

/** The bank reports the loan overdue with the amounts and the first missed date: its periods earn no subsidy until cured. */
export function reportOverdue(actor: StaffActor, input: OverdueInput) {
  return loanStep(actor, input, "reportOverdue", "overdue_reported", "OVERDUE", "overdue", {
    check: (_tx, loan, today) => checkOverdue(loan.ledger, loan.repayments, input, today),
    write: (tx, loan) => tx.loanOverdue.create({
      data: { loanId: loan.id, principalFen: input.principalFen, interestFen: input.interestFen, firstMissedOn: dateColumnOf(input.firstMissedOn), reportedById: actor.userId },
    }),
    tell: (tx, app, loan) => notifyLoanOverdue(tx, app, loan.id, input),
    auditData: { principalFen: input.principalFen.toString(), interestFen: input.interestFen.toString(), firstMissedOn: input.firstMissedOn },
  });
}

export type CureInput = Step & { curedOn: string };

/** The overdue amounts were paid: the open overdue closes on that day. Only an overdue loan can be cured. */
export function cureOverdue(actor: StaffActor, input: CureInput) {
  return loanStep(actor, input, "cure", "cured", "ACTIVE", "cured", {
    check: async (tx, loan, today) => {
      const open = await tx.loanOverdue.findFirst({ where: { loanId: loan.id, curedOn: null }, orderBy: { createdAt: "desc" }, select: { id: true, firstMissedOn: true } });
      const earliest = open ? { on: dayOfDateColumn(open.firstMissedOn), reason: "DATE_BEFORE_MISSED" as const } : { on: loan.ledger.disbursedOn, reason: "DATE_BEFORE_DISBURSEMENT" as const };
      assertServicingDate("curedOn", input.curedOn, today, earliest);
      return { openId: open?.id ?? null };
    },
    write: async (tx, _loan, { openId }) => {
      if (openId) await tx.loanOverdue.update({ where: { id: openId }, data: { curedOn: dateColumnOf(input.curedOn), curedById: actor.userId } });
    },
    auditData: { curedOn: input.curedOn },
  });
}

export type CompensateInput = Step & { amountFen: bigint; paidOn: string };

/** The guarantor pays the bank for the defaulted loan (compensation): the amount and the day, once, only for an overdue loan. */
export function compensateLoan(actor: StaffActor, input: CompensateInput) {
  return loanStep(actor, input, "compensate", "compensated", "COMPENSATED", "compensated", {
    check: async (tx, loan, today) => {
      if (loan.status !== "OVERDUE") throw new ServicingRefusal("NOT_OVERDUE", "_form", { status: loan.status }, "INVALID_TRANSITION");
      const open = await tx.loanOverdue.findFirst({ where: { loanId: loan.id, curedOn: null }, orderBy: { createdAt: "desc" }, select: { firstMissedOn: true } });
      checkCompensation(loan.ledger, loan.repayments, { ...input, firstMissedOn: open ? dayOfDateColumn(open.firstMissedOn) : null }, today);
    },
    write: (tx, loan) => tx.loanCompensation.create({
      data: { loanId: loan.id, amountFen: input.amountFen, paidOn: dateColumnOf(input.paidOn), recordedById: actor.userId },
    }),
    auditData: { amountFen: input.amountFen.toString(), paidOn: input.paidOn },
  }, input.paidOn);
}
