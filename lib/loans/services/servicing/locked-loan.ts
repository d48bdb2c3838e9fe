import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { LoanStatus, RepaymentMethod } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { loanScope } from "@/lib/loans/scope";
import type { LedgerLoan, RecordedRepayment } from "@/lib/loans/servicing/ledger";
import { ServicingRefusal } from "@/lib/loans/servicing/refusal";
import { isoDay } from "@/lib/subsidies/periods";

export type ServicedLoan = {
  id: string;
  applicationId: string;
  status: LoanStatus;
  ledger: LedgerLoan;
  repayments: (RecordedRepayment & { reference: string; recordedById: string; id: string })[];
};

/** The case's loan as the actor may see it (else NOT_FOUND): its id, for the locked read that follows. */
export async function scopedLoanId(actor: Actor, applicationId: string): Promise<string> {
  const scope = loanScope(actor);
  const loan = scope ? await db.loan.findFirst({ where: { AND: [{ applicationId }, scope] }, select: { id: true } }) : null;
  if (!loan) throw new AppError("NOT_FOUND");
  return loan.id;
}

/**
 * The loan under its row lock, with what was repaid: every servicing write of one loan takes this
 * lock first, so two officers recording at once are judged one after the other against the same
 * figures (the second sees the first's record).
 */
export async function lockedLoan(tx: Prisma.TransactionClient, where: { loanId: string } | { applicationId: string }): Promise<ServicedLoan> {
  const rows =
    "loanId" in where
      ? await tx.$queryRaw<{ id: string }[]>`SELECT id::text AS id FROM "Loan" WHERE id = ${where.loanId}::uuid FOR UPDATE`
      : await tx.$queryRaw<{ id: string }[]>`SELECT id::text AS id FROM "Loan" WHERE "applicationId" = ${where.applicationId}::uuid FOR UPDATE`;
  const id = rows[0]?.id;
  if (!id) throw new ServicingRefusal("NOT_DISBURSED", "_form", {}, "INVALID_TRANSITION");
  const loan = await tx.loan.findUniqueOrThrow({
    where: { id },
    select: {
      id: true, applicationId: true, status: true, principalFen: true, disbursedFen: true, annualRateMicros: true, termMonths: true,
      repaymentMethod: true, disbursedOn: true,
      repayments: { orderBy: [{ paidOn: "asc" }, { createdAt: "asc" }], select: { id: true, principalFen: true, interestFen: true, paidOn: true, reference: true, recordedById: true } },
    },
  });
  if (!loan.disbursedOn) throw new ServicingRefusal("NOT_DISBURSED", "_form");
  return {
    id: loan.id,
    applicationId: loan.applicationId,
    status: loan.status,
    ledger: ledgerOf({ ...loan, disbursedOn: loan.disbursedOn }),
    repayments: loan.repayments.map((r) => ({ ...r, paidOn: isoDay(r.paidOn) })),
  };
}

export const ledgerOf = (loan: {
  principalFen: bigint; disbursedFen: bigint | null; annualRateMicros: number; termMonths: number; repaymentMethod: RepaymentMethod; disbursedOn: Date;
}): LedgerLoan => ({
  principalFen: loan.disbursedFen ?? loan.principalFen,
  annualRateMicros: loan.annualRateMicros,
  termMonths: loan.termMonths,
  method: loan.repaymentMethod,
  disbursedOn: isoDay(loan.disbursedOn),
});
