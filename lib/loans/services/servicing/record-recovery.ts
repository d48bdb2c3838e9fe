import "server-only";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import type { StaffActor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { auditAction } from "@/lib/applications/events";
import { checkRecovery } from "@/lib/loans/servicing/checks";
import { ServicingRefusal } from "@/lib/loans/servicing/refusal";
import { lockedLoan, scopedLoanId } from "@/lib/loans/services/servicing/locked-loan";
import { beijingToday, dateColumnOf, dayOfDateColumn } from "@/lib/calendar/beijing";

export type RecoveryInput = { applicationId: string; amountFen: bigint; recoveredOn: string; reference: string };

/**
 * The guarantee company records what it recovered from the borrower after compensation (daichang). Never more than
 * the compensated amount less what was recovered before (judged under the loan's row lock);
 * the same reference again by the same officer changes nothing.
 */
export async function recordRecovery(actor: StaffActor, input: RecoveryInput): Promise<{ id: string; repeated: boolean }> {
  const loanId = await scopedLoanId(actor, input.applicationId);
  if (actor.role !== "GUARANTOR_OFFICER") throw new AppError("FORBIDDEN");
  const today = beijingToday();
  return db.$transaction(async (tx) => {
    const loan = await lockedLoan(tx, { loanId });
    const [compensation, recoveries] = await Promise.all([
      tx.loanCompensation.findUnique({ where: { loanId }, select: { amountFen: true, paidOn: true } }),
      tx.loanRecovery.findMany({ where: { loanId }, select: { id: true, amountFen: true, recoveredOn: true, reference: true, recordedById: true } }),
    ]);
    const same = recoveries.find((r) => r.reference === input.reference);
    if (same) {
      const identical = same.amountFen === input.amountFen && dayOfDateColumn(same.recoveredOn) === input.recoveredOn;
      if (identical && same.recordedById === actor.userId) return { id: same.id, repeated: true };
      throw new ServicingRefusal("REFERENCE_TAKEN", "reference", { reference: input.reference }, "DUPLICATE");
    }
    if (loan.status !== "COMPENSATED" || !compensation) throw new ServicingRefusal("NOT_COMPENSATED", "_form", { status: loan.status }, "INVALID_TRANSITION");
    const recovered = recoveries.reduce((s, r) => s + r.amountFen, 0n);
    checkRecovery({ amountFen: compensation.amountFen, paidOn: dayOfDateColumn(compensation.paidOn) }, recovered, input, today);
    const row = await tx.loanRecovery.create({
      data: { loanId, amountFen: input.amountFen, recoveredOn: dateColumnOf(input.recoveredOn), reference: input.reference, recordedById: actor.userId },
    });
    await appendAudit(tx, {
      actorId: actor.userId, organisationId: actor.organisationId, applicationId: loan.applicationId,
      entityType: "LoanRecovery", entityId: row.id, action: auditAction("recovery_recorded"),
      data: { loanId, amountFen: input.amountFen.toString(), recoveredOn: input.recoveredOn, reference: input.reference },
    });
    return { id: row.id, repeated: false };
  });
}
