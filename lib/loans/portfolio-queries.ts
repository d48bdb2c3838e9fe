import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { LoanStatus } from "@/lib/generated/prisma/enums";
import type { StaffActor } from "@/lib/auth/roles";
import { isUuid } from "@/lib/ids";
import { loanScope } from "@/lib/loans/services/loan-scope";
import { beijingToday, dateOf, isoDay } from "@/lib/subsidies/periods";

// The loans an organisation holds (the centre: the whole programme), filtered, searched and
// keyset-paged like the review queues, with totals computed by SQL aggregates over the scope.

export const PORTFOLIO_FILTERS = ["all", "active", "dueSoon", "overdue", "settled", "compensated"] as const;
export type PortfolioFilter = (typeof PORTFOLIO_FILTERS)[number];
export const isPortfolioFilter = (v: unknown): v is PortfolioFilter => (PORTFOLIO_FILTERS as readonly unknown[]).includes(v);

/** Days ahead in which a loan's maturity counts as "due soon". */
export const DUE_SOON_DAYS = 30;
const SERVICED: LoanStatus[] = ["ACTIVE", "OVERDUE", "SETTLED", "COMPENSATED"];
const RUNNING: LoanStatus[] = ["ACTIVE", "OVERDUE"];

export type PortfolioRow = {
  loanId: string;
  applicationId: string;
  contractNo: string;
  enterpriseName: string;
  bankName: string;
  status: LoanStatus;
  principalFen: bigint;
  outstandingFen: bigint;
  disbursedOn: string;
  maturityOn: string;
  overduePrincipalFen: bigint;
  overdueInterestFen: bigint;
  compensatedFen: bigint;
  recoveredFen: bigint;
};

export type PortfolioTotals = {
  loans: number;
  outstandingPrincipalFen: bigint;
  overduePrincipalFen: bigint;
  overdueInterestFen: bigint;
  compensatedFen: bigint;
  recoveredFen: bigint;
};

/** The scope of the portfolio: the actor's loans that were disbursed. */
function portfolioScope(actor: StaffActor): Prisma.LoanWhereInput | null {
  const scope = loanScope(actor);
  return scope ? { AND: [scope, { status: { in: SERVICED }, disbursedOn: { not: null }, maturityOn: { not: null } }] } : null;
}

function filterWhere(filter: PortfolioFilter, q: string | undefined, today: string): Prisma.LoanWhereInput[] {
  const where: Prisma.LoanWhereInput[] = [];
  switch (filter) {
    case "active": where.push({ status: "ACTIVE" }); break;
    case "overdue": where.push({ status: "OVERDUE" }); break;
    case "settled": where.push({ status: "SETTLED" }); break;
    case "compensated": where.push({ status: "COMPENSATED" }); break;
    case "dueSoon":
      where.push({ status: { in: RUNNING }, maturityOn: { gte: dateOf(today), lte: dateOf(isoAfter(today, DUE_SOON_DAYS)) } });
      break;
    case "all": break;
  }
  const text = q?.trim().slice(0, 100);
  if (text) {
    where.push({ OR: [{ contractNo: { contains: text, mode: "insensitive" } }, { enterprise: { name: { contains: text, mode: "insensitive" } } }] });
  }
  return where;
}

const isoAfter = (iso: string, days: number): string => isoDay(new Date(dateOf(iso).getTime() + days * 86_400_000));

/** How many loans the list holds under a filter and search (an export's size, before it starts). */
export async function countPortfolio(actor: StaffActor, options: { filter?: PortfolioFilter; q?: string } = {}): Promise<number> {
  const scope = portfolioScope(actor);
  if (!scope) return 0;
  return db.loan.count({ where: { AND: [scope, ...filterWhere(options.filter ?? "all", options.q, beijingToday())] } });
}

/** One page in maturity order (then id), keyset-paged: the cursor is the last row's loan id. */
export async function listPortfolio(
  actor: StaffActor,
  options: { filter?: PortfolioFilter; q?: string; cursor?: string | null; pageSize?: number } = {},
): Promise<{ rows: PortfolioRow[]; nextCursor: string | null }> {
  const scope = portfolioScope(actor);
  if (!scope) return { rows: [], nextCursor: null };
  const pageSize = options.pageSize ?? 50;
  const base = [scope, ...filterWhere(options.filter ?? "all", options.q, beijingToday())];
  const after = options.cursor && isUuid(options.cursor)
    ? await db.loan.findFirst({ where: { AND: [...base, { id: options.cursor }] }, select: { id: true, maturityOn: true } })
    : null;
  const where = after?.maturityOn
    ? [...base, { maturityOn: { gte: after.maturityOn }, OR: [{ maturityOn: { gt: after.maturityOn } }, { maturityOn: after.maturityOn, id: { gt: after.id } }] }]
    : base;
  const loans = await db.loan.findMany({
    where: { AND: where },
    orderBy: [{ maturityOn: "asc" }, { id: "asc" }],
    take: pageSize + 1,
    select: {
      id: true, applicationId: true, contractNo: true, status: true, principalFen: true, disbursedFen: true, disbursedOn: true, maturityOn: true,
      enterprise: { select: { name: true } }, bankOrg: { select: { nameZh: true } },
      overdues: { where: { curedOn: null }, select: { principalFen: true, interestFen: true } },
      compensation: { select: { amountFen: true } },
    },
  });
  const page = loans.slice(0, pageSize);
  const ids = page.map((l) => l.id);
  const [repaid, recovered] = await Promise.all([
    db.loanRepayment.groupBy({ by: ["loanId"], where: { loanId: { in: ids } }, _sum: { principalFen: true } }),
    db.loanRecovery.groupBy({ by: ["loanId"], where: { loanId: { in: ids } }, _sum: { amountFen: true } }),
  ]);
  const repaidBy = new Map(repaid.map((r) => [r.loanId, r._sum.principalFen ?? 0n]));
  const recoveredBy = new Map(recovered.map((r) => [r.loanId, r._sum.amountFen ?? 0n]));
  const rows = page.map((l): PortfolioRow => {
    const principal = l.disbursedFen ?? l.principalFen;
    const open = l.status === "OVERDUE" ? l.overdues : [];
    return {
      loanId: l.id, applicationId: l.applicationId, contractNo: l.contractNo, enterpriseName: l.enterprise.name, bankName: l.bankOrg.nameZh,
      status: l.status, principalFen: principal,
      outstandingFen: RUNNING.includes(l.status) ? principal - (repaidBy.get(l.id) ?? 0n) : 0n,
      disbursedOn: isoDay(l.disbursedOn!), maturityOn: isoDay(l.maturityOn!),
      overduePrincipalFen: open.reduce((s, o) => s + o.principalFen, 0n),
      overdueInterestFen: open.reduce((s, o) => s + o.interestFen, 0n),
      compensatedFen: l.compensation?.amountFen ?? 0n,
      recoveredFen: recoveredBy.get(l.id) ?? 0n,
    };
  });
  return { rows, nextCursor: loans.length > pageSize ? page[page.length - 1]!.id : null };
}

/**
 * The portfolio's totals over the whole scope (not the page): outstanding principal of running
 * loans, the open overdue amounts, what was compensated and what was recovered. Each is one SQL
 * aggregate; no loan rows are loaded.
 */
export async function portfolioTotals(actor: StaffActor): Promise<PortfolioTotals> {
  const scope = portfolioScope(actor);
  if (!scope) return { loans: 0, outstandingPrincipalFen: 0n, overduePrincipalFen: 0n, overdueInterestFen: 0n, compensatedFen: 0n, recoveredFen: 0n };
  const running: Prisma.LoanWhereInput = { AND: [scope, { status: { in: RUNNING } }] };
  const [count, lent, repaid, overdue, compensated, recovered] = await Promise.all([
    db.loan.count({ where: scope }),
    db.loan.aggregate({ where: running, _sum: { disbursedFen: true } }),
    db.loanRepayment.aggregate({ where: { loan: running }, _sum: { principalFen: true } }),
    db.loanOverdue.aggregate({ where: { curedOn: null, loan: { AND: [scope, { status: "OVERDUE" }] } }, _sum: { principalFen: true, interestFen: true } }),
    db.loanCompensation.aggregate({ where: { loan: scope }, _sum: { amountFen: true } }),
    db.loanRecovery.aggregate({ where: { loan: scope }, _sum: { amountFen: true } }),
  ]);
  return {
    loans: count,
    outstandingPrincipalFen: (lent._sum.disbursedFen ?? 0n) - (repaid._sum.principalFen ?? 0n),
    overduePrincipalFen: overdue._sum.principalFen ?? 0n,
    overdueInterestFen: overdue._sum.interestFen ?? 0n,
    compensatedFen: compensated._sum.amountFen ?? 0n,
    recoveredFen: recovered._sum.amountFen ?? 0n,
  };
}
