import "server-only";
import { db } from "@/lib/db/client";
import { beijingDayOf } from "@/lib/calendar/beijing";
import { afterBeijingDayUtc } from "@/lib/stats/as-of";

// The four headline figures the programme publishes, for the public page: counts and sums only,
// no person, enterprise or case. The same definitions as programmeFigures (lib/stats/queries.ts):
// applications by submission, loans by disbursement day, subsidy by the day its batch was paid.
// Needs no actor; the page caches it (lib/stats/public-figures-cached.ts).

/** Amounts as decimal strings of fen, so the cache (JSON) keeps them exact. */
export type PublicFigures = {
  asOf: string;
  applications: number;
  enterprisesFunded: number;
  lentFen: string;
  subsidyFen: string;
  /** The policy in force: the largest loan (fen, decimal string) and the longest term. */
  policy: { maxLoanFen: string; maxTermMonths: number } | null;
};

export async function publicProgrammeFigures(now: Date = new Date()): Promise<PublicFigures> {
  const day = beijingDayOf(now);
  const before = afterBeijingDayUtc(day);
  const [row] = await db.$queryRaw<{ applications: number; funded: number; lent: bigint; subsidy: bigint }[]>`
    SELECT
      (SELECT count(*)::int FROM "LoanApplication" a WHERE a."submittedAt" < ${before}::timestamp) AS applications,
      (SELECT count(DISTINCT l."enterpriseId")::int FROM "Loan" l WHERE l."disbursedOn" <= ${day}::date) AS funded,
      (SELECT coalesce(sum(l."disbursedFen"), 0)::bigint FROM "Loan" l WHERE l."disbursedOn" <= ${day}::date) AS lent,
      (SELECT coalesce(sum(s."subsidyFen"), 0)::bigint FROM "StatementLine" s JOIN "SubsidyBatch" b ON b.id = s."batchId"
        WHERE s."current" AND s."subsidyFen" > 0 AND b.status IN ('PAID', 'RECONCILED') AND b."paidOn" <= ${day}::date) AS subsidy`;
  const policy = await db.policyVersion.findFirst({
    where: { effectiveFrom: { lte: now } }, orderBy: { effectiveFrom: "desc" }, select: { maxLoanFen: true, maxTermMonths: true },
  });
  return {
    asOf: day,
    applications: Number(row?.applications ?? 0),
    enterprisesFunded: Number(row?.funded ?? 0),
    lentFen: String(row?.lent ?? 0n),
    subsidyFen: String(row?.subsidy ?? 0n),
    policy: policy ? { maxLoanFen: String(policy.maxLoanFen), maxTermMonths: policy.maxTermMonths } : null,
  };
}
