import "server-only";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import type { StaffActor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { auditAction } from "@/lib/applications/events";
import { checkRepayment } from "@/lib/loans/servicing/checks";
import { ServicingRefusal } from "@/lib/loans/servicing/refusal";
import { lockedLoan, scopedLoanId } from "@/lib/loans/services/servicing/locked-loan";
import { beijingToday, dateColumnOf } from "@/lib/calendar/beijing";

export type RepaymentInput = { applicationId: string; principalFen: bigint; interestFen: bigint; paidOn: string; reference: string };

/**
 * The bank records a repayment it received. Judged under the loan's row lock against the schedule
 * and what was repaid before. The bank's reference identifies it: the same officer sending it again
 * (a retry) changes nothing; anyone else recording that reference is told it is already recorded.
 */
export async function recordRepayment(actor: StaffActor, input: RepaymentInput): Promise<{ id: string; repeated: boolean }> {
  const loanId = await scopedLoanId(actor, input.applicationId);
  if (actor.role !== "BANK_OFFICER") throw new AppError("FORBIDDEN");
  const today = beijingToday();
  return db.$transaction(async (tx) => {
    const loan = await lockedLoan(tx, { loanId });
    const same = loan.repayments.find((r) => r.reference === input.reference);
    if (same) {
      const identical = same.principalFen === input.principalFen && same.interestFen === input.interestFen && same.paidOn === input.paidOn;
      if (identical && same.recordedById === actor.userId) return { id: same.id, repeated: true };
      throw new ServicingRefusal("REFERENCE_TAKEN", "reference", { reference: input.reference }, "DUPLICATE");
    }
    if (loan.status !== "ACTIVE" && loan.status !== "OVERDUE") throw new ServicingRefusal("NOT_SERVICED", "_form", { status: loan.status }, "INVALID_TRANSITION");
    checkRepayment(loan.ledger, loan.repayments, input, today);
    const row = await tx.loanRepayment.create({
      data: { loanId, principalFen: input.principalFen, interestFen: input.interestFen, paidOn: dateColumnOf(input.paidOn), reference: input.reference, recordedById: actor.userId },
    });
    await appendAudit(tx, {
      actorId: actor.userId, organisationId: actor.organisationId, applicationId: loan.applicationId,
      entityType: "LoanRepayment", entityId: row.id, action: auditAction("repayment_recorded"),
      data: { loanId, principalFen: input.principalFen.toString(), interestFen: input.interestFen.toString(), paidOn: input.paidOn, reference: input.reference },
    });
    return { id: row.id, repeated: false };
  });
}
