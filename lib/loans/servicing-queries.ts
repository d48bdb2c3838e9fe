import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/roles";
import type { LoanStatus } from "@/lib/generated/prisma/enums";
import { scopedApplication } from "@/lib/applications/scope";
import { isUuid } from "@/lib/ids";
import { loanScope } from "@/lib/loans/scope";
import { overdueDays } from "@/lib/loans/servicing/ledger";
import { beijingToday, dayOfDateColumn } from "@/lib/calendar/beijing";

// A loan's servicing record as the pages show it: repayments, overdue episodes (with their days),
// Compensation (daichang) and recoveries, with the sums. Plain DTOs; dates YYYY-MM-DD, amounts fen.

export type ServicingRecord = {
  loanId: string;
  contractNo: string;
  status: LoanStatus;
  principalFen: bigint;
  disbursedOn: string | null;
  closedOn: string | null;
  repayments: { id: string; paidOn: string; principalFen: bigint; interestFen: bigint; reference: string }[];
  /** endedBy: cured by the borrower, ended by the guarantor's payment (compensation), or still open. */
  overdues: { id: string; firstMissedOn: string; principalFen: bigint; interestFen: bigint; curedOn: string | null; days: number; endedBy: "CURE" | "COMPENSATION" | null }[];
  compensation: { amountFen: bigint; paidOn: string } | null;
  recoveries: { id: string; recoveredOn: string; amountFen: bigint; reference: string }[];
  principalRepaidFen: bigint;
  interestPaidFen: bigint;
  outstandingFen: bigint;
  recoveredFen: bigint;
  /** Days overdue in all, the open episode counted to today. */
  overdueDaysTotal: number;
};

/** What a servicing record is made of, for a caller that reads the loans with something else. */
export const SERVICING_SELECT = {
  id: true, applicationId: true, contractNo: true, status: true, principalFen: true, disbursedFen: true, disbursedOn: true, closedOn: true,
  repayments: { orderBy: [{ paidOn: "asc" }, { createdAt: "asc" }] as Prisma.LoanRepaymentOrderByWithRelationInput[], select: { id: true, paidOn: true, principalFen: true, interestFen: true, reference: true } },
  overdues: { orderBy: { createdAt: "asc" }, select: { id: true, firstMissedOn: true, principalFen: true, interestFen: true, curedOn: true } },
  compensation: { select: { amountFen: true, paidOn: true } },
  recoveries: { orderBy: [{ recoveredOn: "asc" }, { createdAt: "asc" }] as Prisma.LoanRecoveryOrderByWithRelationInput[], select: { id: true, recoveredOn: true, amountFen: true, reference: true } },
} satisfies Prisma.LoanSelect;

type Row = Prisma.LoanGetPayload<{ select: typeof SERVICING_SELECT }>;
/** The order the servicing panels list an enterprise's loans in. */
export const SERVICING_ORDER = [{ disbursedOn: "asc" }, { id: "asc" }] satisfies Prisma.LoanOrderByWithRelationInput[];
const loadRecords = (where: Prisma.LoanWhereInput): Promise<Row[]> =>
  db.loan.findMany({ where, orderBy: SERVICING_ORDER, select: SERVICING_SELECT });

function toRecord(l: Row, today: string): ServicingRecord {
  const repayments = l.repayments.map((r) => ({ ...r, paidOn: dayOfDateColumn(r.paidOn) }));
  const compensatedOn = l.compensation ? dayOfDateColumn(l.compensation.paidOn) : null;
  const overdues = l.overdues.map((o) => {
    const first = dayOfDateColumn(o.firstMissedOn);
    const curedOn = o.curedOn ? dayOfDateColumn(o.curedOn) : null;
    // An episode ends when cured, or when the guarantor paid the bank.
    const endedBy = curedOn ? ("CURE" as const) : compensatedOn ? ("COMPENSATION" as const) : null;
    return { ...o, firstMissedOn: first, curedOn, endedBy, days: overdueDays(first, curedOn ?? compensatedOn ?? today) };
  });
  const principalRepaidFen = repayments.reduce((s, r) => s + r.principalFen, 0n);
  const principal = l.disbursedFen ?? l.principalFen;
  return {
    loanId: l.id, contractNo: l.contractNo, status: l.status, principalFen: principal,
    disbursedOn: l.disbursedOn ? dayOfDateColumn(l.disbursedOn) : null, closedOn: l.closedOn ? dayOfDateColumn(l.closedOn) : null,
    repayments, overdues,
    compensation: l.compensation ? { amountFen: l.compensation.amountFen, paidOn: dayOfDateColumn(l.compensation.paidOn) } : null,
    recoveries: l.recoveries.map((r) => ({ ...r, recoveredOn: dayOfDateColumn(r.recoveredOn) })),
    principalRepaidFen,
    interestPaidFen: repayments.reduce((s, r) => s + r.interestFen, 0n),
    // Owed to the bank: nothing once settled, or once the guarantor paid the bank (then the borrower owes the guarantor).
    outstandingFen: l.status === "ACTIVE" || l.status === "OVERDUE" ? principal - principalRepaidFen : 0n,
    recoveredFen: l.recoveries.reduce((s, r) => s + r.amountFen, 0n),
    overdueDaysTotal: overdues.reduce((s, o) => s + o.days, 0),
  };
}

/**
 * The servicing of a case's own loan and of the enterprise's earlier loans, for whoever may see
 * the case (the renewal decision is made on the record). A case outside the actor's scope: null.
 */
export async function servicingForCase(actor: Actor, applicationId: string): Promise<{ current: ServicingRecord | null; earlier: ServicingRecord[] } | null> {
  if (!isUuid(applicationId)) return null;
  const app = await db.loanApplication.findFirst({ where: scopedApplication(actor, applicationId), select: { id: true, enterpriseId: true } });
  if (!app) return null;
  return servicingOfScopedCase(app);
}

/** The same for a case the caller has already read through the actor's scope. */
export async function servicingOfScopedCase(app: { id: string; enterpriseId: string }): Promise<{ current: ServicingRecord | null; earlier: ServicingRecord[] }> {
  return servicingOfLoans(app.id, await loadRecords({ enterpriseId: app.enterpriseId, disbursedOn: { not: null } }));
}

/**
 * The same from an enterprise's loans a caller read itself (`SERVICING_SELECT`, in `SERVICING_ORDER`):
 * the case's own loan and the others, those not yet disbursed left out.
 */
export function servicingOfLoans(applicationId: string, loans: readonly Row[]): { current: ServicingRecord | null; earlier: ServicingRecord[] } {
  const today = beijingToday();
  const rows = loans.filter((r) => r.disbursedOn !== null);
  const own = rows.find((r) => r.applicationId === applicationId);
  return {
    current: own ? toRecord(own, today) : null,
    earlier: rows.filter((r) => r !== own).map((r) => toRecord(r, today)),
  };
}

/** One loan's servicing as the actor may see it (the applicant: their own). */
export async function servicingOfLoan(actor: Actor, loanId: string): Promise<ServicingRecord | null> {
  const scope = loanScope(actor);
  if (!scope || !isUuid(loanId)) return null;
  const [row] = await loadRecords({ AND: [{ id: loanId }, scope] });
  return row ? toRecord(row, beijingToday()) : null;
}
