import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { LoanStatus } from "@/lib/generated/prisma/enums";
import type { StaffActor } from "@/lib/auth/roles";
import { isUuid } from "@/lib/ids";
import { loanScope } from "@/lib/loans/scope";
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

const baseWhere = (actor: StaffActor, options: { filter?: PortfolioFilter; q?: string }): Prisma.LoanWhereInput[] | null => {
  const scope = portfolioScope(actor);
  return scope ? [scope, ...filterWhere(options.filter ?? "all", options.q, beijingToday())] : null;
};

/** How many loans the list holds under a filter and search (an export's size, before it starts). */
export async function countPortfolio(actor: StaffActor, options: { filter?: PortfolioFilter; q?: string } = {}): Promise<number> {
  const base = baseWhere(actor, options);
  return base ? db.loan.count({ where: { AND: base } }) : 0;
}

type Keyset = { maturityOn: Date; id: string };

/**
 * One page of loans in maturity order (then id) after `after`: the keys through Prisma under the
 * scope and filter, then the rows' figures in one SQL statement (joins and sums in the database).
 */
async function pageOfLoans(base: Prisma.LoanWhereInput[], after: Keyset | null, size: number): Promise<{ rows: PortfolioRow[]; more: boolean }> {
  const where = after
    ? [...base, { maturityOn: { gte: after.maturityOn }, OR: [{ maturityOn: { gt: after.maturityOn } }, { maturityOn: after.maturityOn, id: { gt: after.id } }] }]
    : base;
  const keys = await db.loan.findMany({ where: { AND: where }, orderBy: [{ maturityOn: "asc" }, { id: "asc" }], take: size + 1, select: { id: true } });
  const ids = keys.slice(0, size).map((k) => k.id);
  if (ids.length === 0) return { rows: [], more: false };
  const found = await db.$queryRaw<LoanFigures[]>`
    SELECT l.id, l."applicationId", l."contractNo", e.name AS "enterpriseName", o."nameZh" AS "bankName", l.status::text AS status,
      coalesce(l."disbursedFen", l."principalFen") AS principal, l."disbursedOn", l."maturityOn",
      (SELECT coalesce(sum(r."principalFen"), 0) FROM "LoanRepayment" r WHERE r."loanId" = l.id)::bigint AS repaid,
      (SELECT coalesce(sum(v."principalFen"), 0) FROM "LoanOverdue" v WHERE v."loanId" = l.id AND v."curedOn" IS NULL)::bigint AS "overduePrincipal",
      (SELECT coalesce(sum(v."interestFen"), 0) FROM "LoanOverdue" v WHERE v."loanId" = l.id AND v."curedOn" IS NULL)::bigint AS "overdueInterest",
      coalesce(c."amountFen", 0)::bigint AS compensated,
      (SELECT coalesce(sum(x."amountFen"), 0) FROM "LoanRecovery" x WHERE x."loanId" = l.id)::bigint AS recovered
    FROM "Loan" l
    JOIN "Enterprise" e ON e.id = l."enterpriseId"
    JOIN "Organisation" o ON o.id = l."bankOrgId"
    LEFT JOIN "LoanCompensation" c ON c."loanId" = l.id
    WHERE l.id = ANY(${ids}::uuid[])
    ORDER BY l."maturityOn", l.id`;
  const rows = found.map((l): PortfolioRow => {
    const running = RUNNING.includes(l.status);
    return {
      loanId: l.id, applicationId: l.applicationId, contractNo: l.contractNo, enterpriseName: l.enterpriseName, bankName: l.bankName,
      status: l.status, principalFen: l.principal, outstandingFen: running ? l.principal - l.repaid : 0n,
      disbursedOn: isoDay(l.disbursedOn), maturityOn: isoDay(l.maturityOn),
      // Open overdue amounts only while the loan is overdue (a compensated loan is no longer overdue to the bank).
      overduePrincipalFen: l.status === "OVERDUE" ? l.overduePrincipal : 0n,
      overdueInterestFen: l.status === "OVERDUE" ? l.overdueInterest : 0n,
      compensatedFen: l.compensated, recoveredFen: l.recovered,
    };
  });
  return { rows, more: keys.length > size };
}

type LoanFigures = {
  id: string; applicationId: string; contractNo: string; enterpriseName: string; bankName: string; status: LoanStatus;
  principal: bigint; disbursedOn: Date; maturityOn: Date; repaid: bigint; overduePrincipal: bigint; overdueInterest: bigint; compensated: bigint; recovered: bigint;
};

/** One page in maturity order (then id), keyset-paged: the cursor is the last row's loan id. */
export async function listPortfolio(
  actor: StaffActor,
  options: { filter?: PortfolioFilter; q?: string; cursor?: string | null; pageSize?: number } = {},
): Promise<{ rows: PortfolioRow[]; nextCursor: string | null }> {
  const base = baseWhere(actor, options);
  if (!base) return { rows: [], nextCursor: null };
  const pageSize = options.pageSize ?? 50;
  const after = options.cursor && isUuid(options.cursor)
    ? await db.loan.findFirst({ where: { AND: [...base, { id: options.cursor }] }, select: { id: true, maturityOn: true } })
    : null;
  const { rows, more } = await pageOfLoans(base, after?.maturityOn ? { id: after.id, maturityOn: after.maturityOn } : null, pageSize);
  return { rows, nextCursor: more ? rows[rows.length - 1]!.loanId : null };
}

/** Every loan of the list, page by page (an export): one page of rows in memory at a time. */
export async function* allPortfolioLoans(actor: StaffActor, options: { filter?: PortfolioFilter; q?: string }, pageSize = 1_000): AsyncGenerator<PortfolioRow> {
  const base = baseWhere(actor, options);
  if (!base) return;
  let after: Keyset | null = null;
  for (;;) {
    const { rows, more } = await pageOfLoans(base, after, pageSize);
    yield* rows;
    if (!more) return;
    const last = rows[rows.length - 1]!;
    after = { id: last.loanId, maturityOn: dateOf(last.maturityOn) };
  }
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
