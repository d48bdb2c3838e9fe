import "server-only";
import { db, type Db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { beijingDayOf } from "@/lib/calendar/beijing";
import { afterBeijingDayUtc } from "@/lib/stats/as-of";

// The programme's published figures (domain.md, "Figures from the seed"), computed by the
// database from the records' own business dates, as they stood at the end of the as-of day in
// Beijing: an application counts from its submission, a loan from its disbursement day, a subsidy
// from the day its batch was paid (PAID or RECONCILED batches only, current line versions only),
// or, for the years before the portal, from the day the historical payment was made
// (HistoricalSubsidyPayment); a union from its founding day (current UnionFounding records).
// Historical applications and loans (lib/history) are records like any other and count the same.
// Every figure is one SQL aggregate; no row is loaded into memory.

export type YearFigures = {
  year: number;
  applications: number;
  renewals: number;
  loans: number;
  lentFen: bigint;
  subsidyFen: bigint;
  unionsFounded: number;
  newMembers: number;
};

export type ProgrammeFigures = {
  /** The as-of day, YYYY-MM-DD (Beijing). */
  asOf: string;
  applications: number;
  renewals: number;
  enterprisesFunded: number;
  /** Enterprises with two or more disbursed loans (repeat-loan enterprises). */
  renewingEnterprises: number;
  loans: number;
  lentFen: bigint;
  enterprisesSubsidised: number;
  subsidyFen: bigint;
  /** Enterprises that set up their union (current founding records, by founding day). */
  unionsFounded: number;
  /** Their founding members (newly recruited members). */
  newMembers: number;
  /** One row per calendar year in which anything counted happened, oldest first. */
  years: YearFigures[];
};

type Numeric = number | bigint | string | null;
const count = (value: Numeric): number => Number(value ?? 0);
const fen = (value: Numeric): bigint => BigInt(value ?? 0);

export async function programmeFigures(actor: Actor | null, options: { asOf: Date }): Promise<ProgrammeFigures> {
  assertCan(actor, "stats.read");
  return computeProgrammeFigures(options.asOf);
}

/** The same figures without an actor: for the statistics snapshot's job (lib/stats/services). */
export async function computeProgrammeFigures(asOf: Date, client: Db = db): Promise<ProgrammeFigures> {
  if (Number.isNaN(asOf.getTime())) throw new AppError("VALIDATION");
  const day = beijingDayOf(asOf);
  const before = afterBeijingDayUtc(day);

  const [totals] = await client.$queryRaw<Record<Exclude<keyof ProgrammeFigures, "asOf" | "years">, Numeric>[]>`
    WITH apps AS (
      SELECT count(*)::int AS applications, (count(*) FILTER (WHERE a.kind = 'RENEWAL'))::int AS renewals
      FROM "LoanApplication" a
      WHERE a."submittedAt" < ${before}::timestamp
    ), funded AS (
      SELECT l."enterpriseId", count(*) AS loans, sum(l."disbursedFen") AS lent
      FROM "Loan" l
      WHERE l."disbursedOn" <= ${day}::date
      GROUP BY l."enterpriseId"
    ), subsidised AS (
      SELECT p."enterpriseId", sum(p.amount) AS subsidy
      FROM (
        SELECT l."enterpriseId", s."subsidyFen" AS amount
        FROM "StatementLine" s
        JOIN "SubsidyBatch" b ON b.id = s."batchId"
        JOIN "Loan" l ON l.id = s."loanId"
        WHERE s."current" AND s."subsidyFen" > 0
          AND b.status IN ('PAID', 'RECONCILED') AND b."paidOn" <= ${day}::date
        UNION ALL
        SELECT l."enterpriseId", h."amountFen"
        FROM "HistoricalSubsidyPayment" h
        JOIN "Loan" l ON l.id = h."loanId"
        WHERE h."amountFen" > 0 AND h."paidOn" <= ${day}::date
      ) AS p
      GROUP BY p."enterpriseId"
    ), unions AS (
      SELECT count(*)::int AS founded, coalesce(sum(u."memberCount"), 0)::int AS members
      FROM "UnionFounding" u
      WHERE u."supersededAt" IS NULL AND u."foundedOn" <= ${day}::date
    )
    SELECT apps.applications,
      apps.renewals,
      (SELECT count(*)::int FROM funded) AS "enterprisesFunded",
      (SELECT count(*)::int FROM funded WHERE loans >= 2) AS "renewingEnterprises",
      (SELECT coalesce(sum(loans), 0)::int FROM funded) AS loans,
      (SELECT coalesce(sum(lent), 0)::bigint FROM funded) AS "lentFen",
      (SELECT count(*)::int FROM subsidised) AS "enterprisesSubsidised",
      (SELECT coalesce(sum(subsidy), 0)::bigint FROM subsidised) AS "subsidyFen",
      unions.founded AS "unionsFounded",
      unions.members AS "newMembers"
    FROM apps, unions`;

  // Applications by their submission year in Beijing; loans by disbursement year; subsidy by the
  // year its batch (or the historical payment) was paid; unions by their founding year.
  const years = await client.$queryRaw<Record<keyof YearFigures, Numeric>[]>`
    SELECT year::int AS year,
      sum(applications)::int AS applications, sum(renewals)::int AS renewals, sum(loans)::int AS loans,
      sum(lent)::bigint AS "lentFen", sum(subsidy)::bigint AS "subsidyFen",
      sum(unions)::int AS "unionsFounded", sum(members)::int AS "newMembers"
    FROM (
      SELECT extract(year FROM a."submittedAt" + interval '8 hours')::int AS year,
        count(*)::numeric AS applications, (count(*) FILTER (WHERE a.kind = 'RENEWAL'))::numeric AS renewals,
        0::numeric AS loans, 0::numeric AS lent, 0::numeric AS subsidy, 0::numeric AS unions, 0::numeric AS members
      FROM "LoanApplication" a
      WHERE a."submittedAt" < ${before}::timestamp
      GROUP BY 1
      UNION ALL
      SELECT extract(year FROM l."disbursedOn")::int, 0, 0, count(*), coalesce(sum(l."disbursedFen"), 0), 0, 0, 0
      FROM "Loan" l
      WHERE l."disbursedOn" <= ${day}::date
      GROUP BY 1
      UNION ALL
      SELECT extract(year FROM b."paidOn")::int, 0, 0, 0, 0, sum(s."subsidyFen"), 0, 0
      FROM "StatementLine" s
      JOIN "SubsidyBatch" b ON b.id = s."batchId"
      WHERE s."current" AND s."subsidyFen" > 0
        AND b.status IN ('PAID', 'RECONCILED') AND b."paidOn" <= ${day}::date
      GROUP BY 1
      UNION ALL
      SELECT extract(year FROM h."paidOn")::int, 0, 0, 0, 0, sum(h."amountFen"), 0, 0
      FROM "HistoricalSubsidyPayment" h
      WHERE h."amountFen" > 0 AND h."paidOn" <= ${day}::date
      GROUP BY 1
      UNION ALL
      SELECT extract(year FROM u."foundedOn")::int, 0, 0, 0, 0, 0, count(*), sum(u."memberCount")
      FROM "UnionFounding" u
      WHERE u."supersededAt" IS NULL AND u."foundedOn" <= ${day}::date
      GROUP BY 1
    ) AS by_year
    GROUP BY year
    ORDER BY year`;

  return {
    asOf: day,
    applications: count(totals?.applications ?? 0),
    renewals: count(totals?.renewals ?? 0),
    enterprisesFunded: count(totals?.enterprisesFunded ?? 0),
    renewingEnterprises: count(totals?.renewingEnterprises ?? 0),
    loans: count(totals?.loans ?? 0),
    lentFen: fen(totals?.lentFen ?? 0),
    enterprisesSubsidised: count(totals?.enterprisesSubsidised ?? 0),
    subsidyFen: fen(totals?.subsidyFen ?? 0),
    unionsFounded: count(totals?.unionsFounded ?? 0),
    newMembers: count(totals?.newMembers ?? 0),
    years: years.map((y) => ({
      year: count(y.year),
      applications: count(y.applications),
      renewals: count(y.renewals),
      loans: count(y.loans),
      lentFen: fen(y.lentFen),
      subsidyFen: fen(y.subsidyFen),
      unionsFounded: count(y.unionsFounded),
      newMembers: count(y.newMembers),
    })),
  };
}
