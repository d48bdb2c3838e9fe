import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notifyUser } from "@/lib/notifications/notify";

type Overdue = { principalFen: bigint; interestFen: bigint; firstMissedOn: string };

/**
 * The bank and the guarantee company holding a loan are told, in the transaction that records its
 * overdue, that it went overdue and by how much: the guarantor's officers may have to step in (pay on the borrower's behalf, daichang).
 */
export async function notifyLoanOverdue(
  tx: Prisma.TransactionClient,
  app: { id: string; number: string; guarantorOrgId: string | null; bankOrgId: string | null },
  loanId: string,
  overdue: Overdue,
): Promise<void> {
  const loan = await tx.loan.findUniqueOrThrow({ where: { id: loanId }, select: { contractNo: true } });
  const staff = await tx.membership.findMany({
    where: {
      user: { disabledAt: null },
      OR: [
        { organisationId: app.bankOrgId ?? "", role: "BANK_OFFICER" },
        { organisationId: app.guarantorOrgId ?? "", role: "GUARANTOR_OFFICER" },
      ],
    },
    select: { userId: true },
  });
  const params = {
    number: app.number, contractNo: loan.contractNo, principalFen: overdue.principalFen.toString(),
    interestFen: overdue.interestFen.toString(), firstMissedOn: overdue.firstMissedOn,
  };
  for (const s of staff) await notifyUser(tx, s.userId, { applicationId: app.id, code: "loanOverdue", params });
}
