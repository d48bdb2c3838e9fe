import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import type { BatchStatus, LoanStatus, RepaymentMethod, SubsidyExclusion } from "@/lib/generated/prisma/enums";
import { isUuid } from "@/lib/ids";
import { buildSchedule, type Instalment } from "@/lib/loans/schedule";
import { maskBankAccount } from "@/lib/validation/identity";
import { loanScope } from "@/lib/loans/scope";
import { SPENT_STATUSES } from "@/lib/subsidies/batch-workflow";
import { dayOfDateColumn } from "@/lib/calendar/beijing";
import { batchQuarterOf, quarterLabel } from "@/lib/subsidies/periods";
import type { Message } from "@/lib/i18n/words";
import { unseal } from "@/lib/personal-data/sealed";

// A loan as its applicant (or an organisation in its scope) sees it: terms, schedule, the bank's
// statement lines with the subsidy of each, and what has been paid.

export type LoanLine = {
  id: string;
  periodStart: string;
  periodEnd: string;
  balanceFen: bigint;
  annualRateMicros: number;
  interestDueFen: bigint;
  interestPaidFen: bigint;
  penaltyFen: bigint;
  paidOn: string | null;
  overdue: boolean;
  extended: boolean;
  subsidyFen: bigint;
  excludedReason: SubsidyExclusion | null;
  quarter: string;
  batchStatus: BatchStatus | null;
  subsidyPaid: boolean;
};

export type LoanQuarter = { quarter: string; label: Message; subsidyFen: bigint; paid: boolean; paidOn: string | null };

export type LoanDetail = {
  id: string;
  contractNo: string;
  status: LoanStatus;
  principalFen: bigint;
  annualRateMicros: number;
  lprReference: string;
  termMonths: number;
  repaymentMethod: RepaymentMethod;
  disbursedOn: string | null;
  maturityOn: string | null;
  closedOn: string | null;
  accountMasked: string | null;
  bankName: string;
  enterpriseName: string;
  applicationId: string;
  applicationNumber: string;
  schedule: Instalment[];
  scheduledInterestFen: bigint;
  lines: LoanLine[];
  subsidyReceivedFen: bigint;
  subsidyPendingFen: bigint;
  quarters: LoanQuarter[];
};

export async function loanDetail(actor: Actor, id: string): Promise<LoanDetail | null> {
  const scope = loanScope(actor);
  if (!scope || !isUuid(id)) return null;
  const loan = await db.loan.findFirst({
    where: { AND: [{ id }, scope] },
    include: {
      bankOrg: { select: { nameZh: true } },
      enterprise: { select: { name: true } },
      application: { select: { id: true, number: true } },
      statementLines: {
        where: { current: true },
        orderBy: { periodStart: "asc" },
        include: { batch: { select: { quarter: true, status: true, paidOn: true } } },
      },
    },
  });
  if (!loan) return null;
  const disbursedOn = loan.disbursedOn ? dayOfDateColumn(loan.disbursedOn) : null;
  const schedule = disbursedOn
    ? buildSchedule({ principalFen: loan.disbursedFen ?? loan.principalFen, annualRateMicros: loan.annualRateMicros, termMonths: loan.termMonths, disbursedOn, method: loan.repaymentMethod })
    : [];
  const lines: LoanLine[] = loan.statementLines.map((l) => {
    const paidOn = l.paidOn ? dayOfDateColumn(l.paidOn) : null;
    const status = l.batch?.status ?? null;
    return {
      id: l.id, periodStart: dayOfDateColumn(l.periodStart), periodEnd: dayOfDateColumn(l.periodEnd), balanceFen: l.balanceFen, annualRateMicros: l.annualRateMicros,
      interestDueFen: l.interestDueFen, interestPaidFen: l.interestPaidFen, penaltyFen: l.penaltyFen, paidOn, overdue: l.overdue,
      extended: l.extended, subsidyFen: l.subsidyFen, excludedReason: l.excludedReason,
      quarter: l.batch?.quarter ?? batchQuarterOf({ paidOn, periodEnd: dayOfDateColumn(l.periodEnd) }),
      batchStatus: status, subsidyPaid: status !== null && SPENT_STATUSES.includes(status),
    };
  });
  const quarters = new Map<string, LoanQuarter>();
  for (const l of lines) {
    const q = quarters.get(l.quarter) ?? { quarter: l.quarter, label: quarterLabel(l.quarter), subsidyFen: 0n, paid: l.subsidyPaid, paidOn: null };
    q.subsidyFen += l.subsidyFen;
    quarters.set(l.quarter, q);
  }
  for (const l of loan.statementLines) {
    const q = l.batch ? quarters.get(l.batch.quarter) : undefined;
    if (q && l.batch?.paidOn) q.paidOn = dayOfDateColumn(l.batch.paidOn);
  }
  const sum = (xs: LoanLine[]) => xs.reduce((s, l) => s + l.subsidyFen, 0n);
  return {
    id: loan.id, contractNo: loan.contractNo, status: loan.status, principalFen: loan.principalFen, annualRateMicros: loan.annualRateMicros,
    lprReference: loan.lprReference, termMonths: loan.termMonths, repaymentMethod: loan.repaymentMethod, disbursedOn,
    maturityOn: loan.maturityOn ? dayOfDateColumn(loan.maturityOn) : null, closedOn: loan.closedOn ? dayOfDateColumn(loan.closedOn) : null,
    accountMasked: loan.accountNoSealed ? maskBankAccount(unseal(loan.accountNoSealed, "Loan.accountNo")) : null, bankName: loan.bankOrg.nameZh, enterpriseName: loan.enterprise.name,
    applicationId: loan.application.id, applicationNumber: loan.application.number,
    schedule, scheduledInterestFen: schedule.reduce((s, i) => s + i.interestFen, 0n),
    lines, subsidyReceivedFen: sum(lines.filter((l) => l.subsidyPaid)), subsidyPendingFen: sum(lines.filter((l) => !l.subsidyPaid)),
    quarters: [...quarters.values()].sort((a, b) => a.quarter.localeCompare(b.quarter)),
  };
}

export type LoanSummary = { id: string; contractNo: string; enterpriseName: string; principalFen: bigint; status: LoanStatus; disbursedOn: string | null; subsidyFen: bigint };

/** The loans in the actor's scope (the applicant: their own), newest first. */
export async function listLoans(actor: Actor): Promise<LoanSummary[]> {
  const scope = loanScope(actor);
  if (!scope) return [];
  const loans = await db.loan.findMany({
    where: scope,
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, contractNo: true, principalFen: true, status: true, disbursedOn: true, enterprise: { select: { name: true } } },
  });
  const sums = await db.statementLine.groupBy({
    by: ["loanId"],
    where: { loanId: { in: loans.map((l) => l.id) }, current: true },
    _sum: { subsidyFen: true },
  });
  const sumBy = new Map(sums.map((s) => [s.loanId, s._sum.subsidyFen ?? 0n]));
  return loans.map((l) => ({
    id: l.id, contractNo: l.contractNo, enterpriseName: l.enterprise.name, principalFen: l.principalFen, status: l.status,
    disbursedOn: l.disbursedOn ? dayOfDateColumn(l.disbursedOn) : null, subsidyFen: sumBy.get(l.id) ?? 0n,
  }));
}
