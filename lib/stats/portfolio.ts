import "server-only";
import { db, type Db } from "@/lib/db/client";
import { scopeFilterSql, type InsightScope } from "@/lib/stats/scope";

// The loan book and the money, from dated records: loans by status at the end of the period,
// the renewal rate of loans that matured in it, subsidy per yuan lent (the loans disbursed in the
// period, and the subsidy paid on them by its end: from the programme's first day, the
// cumulative figure), compensation (daichang) paid and amounts recovered in the period, the one-enterprise-one-policy (yi qi yi ce) exceptions approved in it, and the year's subsidy budget
// burn-down. One SQL aggregate per figure.

export const LOAN_STATES = ["ACTIVE", "OVERDUE", "SETTLED", "COMPENSATED"] as const;
export type LoanState = (typeof LOAN_STATES)[number];

import { EXCEPTION_TYPES } from "@/lib/exceptions/rules";
export { EXCEPTION_TYPES };
export type ExceptionKind = (typeof EXCEPTION_TYPES)[number];

export type Portfolio = {
  loansByState: Record<LoanState, { loans: number; principalFen: bigint }>;
  renewal: { matured: number; renewed: number; rate: number };
  subsidyPerYuan: { subsidyFen: bigint; lentFen: bigint; perYuan: number };
  /** Compensation the guarantee company paid in the period (loans, amount), and what it recovered in it. */
  recovery: { compensatedLoans: number; compensatedFen: bigint; recoveredFen: bigint };
  exceptions: Record<ExceptionKind, { approved: number; inForce: number }>;
};

export type BudgetMonth = { month: number; paidFen: bigint; cumulativeFen: bigint; remainingFen: bigint | null };
export type BudgetBurnDown = { year: number; budgetFen: bigint | null; months: BudgetMonth[] };

type Numeric = number | bigint | string | boolean | null | undefined;
const n = (v: Numeric): number => Number(v ?? 0);
const fen = (v: Numeric): bigint => BigInt(typeof v === "boolean" ? 0 : (v ?? 0));

export async function portfolioFigures(s: InsightScope, client: Db = db): Promise<Portfolio> {
  // The loans on the books during the period (disbursed by its end, not closed before its
  // start), as they stood at its end: settled or compensated if they closed by then, otherwise
  // overdue when the bank has them overdue now, else active. (Overdue spells carry no dates; the
  // flag is the loan's present one.)
  const states = await client.$queryRaw<Record<string, Numeric>[]>`
    SELECT CASE
        WHEN l."closedOn" <= ${s.to}::date AND l.status IN ('SETTLED', 'COMPENSATED') THEN l.status::text
        WHEN l.status = 'OVERDUE' THEN 'OVERDUE' ELSE 'ACTIVE' END AS state,
      count(*)::int AS loans, coalesce(sum(l."principalFen"), 0)::bigint AS principal
    FROM "Loan" l JOIN "LoanApplication" a ON a.id = l."applicationId"
    WHERE l."disbursedOn" <= ${s.to}::date AND (l."closedOn" IS NULL OR l."closedOn" >= ${s.from}::date) AND ${scopeFilterSql(s)}
    GROUP BY 1`;
  const [money] = await client.$queryRaw<Record<string, Numeric>[]>`
    WITH matured AS (
      SELECT l.id, EXISTS (SELECT 1 FROM "LoanApplication" r
        WHERE r."previousLoanId" = l.id AND r."submittedAt" < ${s.beforeUtc}::timestamp) AS renewed
      FROM "Loan" l JOIN "LoanApplication" a ON a.id = l."applicationId"
      WHERE l."maturityOn" BETWEEN ${s.from}::date AND ${s.to}::date AND ${scopeFilterSql(s)}
    ), lent AS (
      SELECT coalesce(sum(l."disbursedFen"), 0) AS fen
      FROM "Loan" l JOIN "LoanApplication" a ON a.id = l."applicationId"
      WHERE l."disbursedOn" BETWEEN ${s.from}::date AND ${s.to}::date AND ${scopeFilterSql(s)}
    ), subsidy AS (
      SELECT coalesce(sum(sl."subsidyFen"), 0) AS fen
      FROM "StatementLine" sl JOIN "SubsidyBatch" b ON b.id = sl."batchId"
      JOIN "Loan" l ON l.id = sl."loanId" JOIN "LoanApplication" a ON a.id = l."applicationId"
      WHERE sl."current" AND sl."subsidyFen" > 0 AND b.status IN ('PAID', 'RECONCILED')
        AND b."paidOn" <= ${s.to}::date AND l."disbursedOn" BETWEEN ${s.from}::date AND ${s.to}::date AND ${scopeFilterSql(s)}
    ), compensated AS (
      SELECT count(*) AS loans, coalesce(sum(c."amountFen"), 0) AS fen
      FROM "LoanCompensation" c JOIN "Loan" l ON l.id = c."loanId" JOIN "LoanApplication" a ON a.id = l."applicationId"
      WHERE c."paidOn" BETWEEN ${s.from}::date AND ${s.to}::date AND ${scopeFilterSql(s)}
    ), recovered AS (
      SELECT coalesce(sum(r."amountFen"), 0) AS fen
      FROM "LoanRecovery" r JOIN "Loan" l ON l.id = r."loanId" JOIN "LoanApplication" a ON a.id = l."applicationId"
      WHERE r."recoveredOn" BETWEEN ${s.from}::date AND ${s.to}::date AND ${scopeFilterSql(s)}
    )
    SELECT (SELECT count(*)::int FROM matured) AS matured,
      (SELECT loans::int FROM compensated) AS "compensatedLoans", (SELECT fen::bigint FROM compensated) AS "compensatedFen",
      (SELECT fen::bigint FROM recovered) AS "recoveredFen",
      (SELECT count(*) FILTER (WHERE renewed)::int FROM matured) AS renewed,
      (SELECT coalesce(round((count(*) FILTER (WHERE renewed))::numeric / nullif(count(*), 0), 4), 0)::text FROM matured) AS rate,
      (SELECT fen::bigint FROM subsidy) AS "subsidyFen", (SELECT fen::bigint FROM lent) AS "lentFen",
      (SELECT coalesce(round(subsidy.fen::numeric / nullif(lent.fen, 0), 4), 0)::text FROM subsidy, lent) AS "perYuan"`;
  const exceptions = await client.$queryRaw<Record<string, Numeric>[]>`
    SELECT e.type::text AS type,
      (count(*) FILTER (WHERE e."decidedAt" >= ${s.fromUtc}::timestamp))::int AS approved,
      (count(*) FILTER (WHERE e."expiresOn" >= ${s.to}::date))::int AS "inForce"
    FROM "PolicyException" e
    LEFT JOIN "LoanApplication" a ON a.id = e."applicationId"
    WHERE e.status = 'APPROVED' AND e."decidedAt" < ${s.beforeUtc}::timestamp
      AND (${s.channel}::text = 'all' AND ${s.orgId}::uuid IS NULL OR a.id IS NOT NULL AND ${scopeFilterSql(s)})
    GROUP BY e.type`;

  const byState = new Map(states.map((r) => [String(r.state), r]));
  const byType = new Map(exceptions.map((r) => [String(r.type), r]));
  return {
    loansByState: Object.fromEntries(LOAN_STATES.map((k) => [k, { loans: n(byState.get(k)?.loans ?? 0), principalFen: fen(byState.get(k)?.principal ?? 0) }])) as Portfolio["loansByState"],
    renewal: { matured: n(money?.matured ?? 0), renewed: n(money?.renewed ?? 0), rate: n(money?.rate ?? 0) },
    subsidyPerYuan: { subsidyFen: fen(money?.subsidyFen ?? 0), lentFen: fen(money?.lentFen ?? 0), perYuan: n(money?.perYuan ?? 0) },
    recovery: { compensatedLoans: n(money?.compensatedLoans ?? 0), compensatedFen: fen(money?.compensatedFen ?? 0), recoveredFen: fen(money?.recoveredFen ?? 0) },
    exceptions: Object.fromEntries(EXCEPTION_TYPES.map((k) => [k, { approved: n(byType.get(k)?.approved ?? 0), inForce: n(byType.get(k)?.inForce ?? 0) }])) as Portfolio["exceptions"],
  };
}

/**
 * The subsidy budget of the period's last year against what was paid (paid and reconciled
 * batches, by the month of payment, up to the period's end): month by month, with the running
 * total and what remains. Programme-wide: budgets are not split by channel or organisation.
 */
export async function budgetBurnDown(s: InsightScope, client: Db = db): Promise<BudgetBurnDown> {
  const year = Number(s.to.slice(0, 4));
  const lastMonth = Number(s.to.slice(5, 7));
  const rows = await client.$queryRaw<Record<string, Numeric>[]>`
    WITH months AS (SELECT generate_series(1, ${lastMonth}::int) AS month),
    paid AS (
      SELECT extract(month FROM b."paidOn")::int AS month, sum(b."totalFen") AS fen
      FROM "SubsidyBatch" b
      WHERE b.status IN ('PAID', 'RECONCILED') AND b."paidOn" BETWEEN make_date(${year}::int, 1, 1) AND ${s.to}::date
      GROUP BY 1
    ), budget AS (SELECT "amountFen" FROM "SubsidyBudget" WHERE year = ${year}::int)
    SELECT m.month, coalesce(p.fen, 0)::bigint AS paid,
      (sum(coalesce(p.fen, 0)) OVER (ORDER BY m.month))::bigint AS cumulative,
      ((SELECT "amountFen" FROM budget) - sum(coalesce(p.fen, 0)) OVER (ORDER BY m.month))::bigint AS remaining,
      (SELECT "amountFen" FROM budget) AS budget
    FROM months m LEFT JOIN paid p ON p.month = m.month
    ORDER BY m.month`;
  const budget = rows[0]?.budget;
  return {
    year,
    budgetFen: budget === null || budget === undefined ? null : fen(budget),
    months: rows.map((r) => ({ month: n(r.month), paidFen: fen(r.paid), cumulativeFen: fen(r.cumulative), remainingFen: r.remaining === null ? null : fen(r.remaining) })),
  };
}
