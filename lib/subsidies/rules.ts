import { divideRoundHalfUp } from "@/lib/loans/interest";
import { epochDay } from "@/lib/loans/schedule";

export const FULL_RATIO_BASIS_POINTS = 10_000;

export type SubsidyLine = {
  interestDueFen: bigint;
  /** Ordinary interest paid; the bank reports penalty interest separately. */
  interestPaidFen: bigint;
  penaltyInterestFen: bigint;
  overdue: boolean;
  extended: boolean;
  /** First day of the interest period, YYYY-MM-DD, inclusive. */
  periodStart: string;
  /** Last day of the interest period, YYYY-MM-DD, inclusive. */
  periodEnd: string;
};

export type UnionStanding = { validFrom: string; validTo: string | null };

export type SubsidyContext = {
  /** 10_000 = 100 % of the interest paid. */
  ratioBasisPoints: number;
  /** Inclusive date ranges in which the enterprise's union membership was valid; open-ended when validTo is null. */
  unionStanding: readonly UnionStanding[];
  /** The day the guarantee company paid the bank (compensation, daichang), YYYY-MM-DD: from it on the loan earns nothing. */
  compensatedOn?: string | null;
};

export type ExcludedReason = "OVERDUE" | "EXTENDED" | "UNION_STANDING" | "NOTHING_PAID" | "COMPENSATED";

export type LineSubsidy = {
  subsidyFen: bigint;
  excludedReason: ExcludedReason | null;
  /** Paid interest that qualifies (capped at interest due, prorated for union standing), before the ratio. */
  eligibleInterestFen: bigint;
};

const NONE = (excludedReason: ExcludedReason): LineSubsidy => ({ subsidyFen: 0n, excludedReason, eligibleInterestFen: 0n });

/**
 * The subsidy for one statement line.
 *
 * - Only ordinary interest actually paid counts, never more than the interest due; penalty
 *   interest (faxi) never counts, whatever its amount.
 * - Overdue and extended (zhanqi) periods earn nothing: the policy rewards loans serviced on time.
 * - Union standing covering only part of the period prorates by days covered. The subsidy is
 *   paid × coveredDays × ratio / (periodDays × 10 000) as one exact BigInt fraction rounded
 *   half-up once, so a prorated and ratio-reduced line is never rounded twice.
 *   eligibleInterestFen is paid × coveredDays / periodDays, rounded the same way on its own.
 * - A loan in compensation earns nothing from the compensation day: a period that starts on or after it
 *   is excluded (COMPENSATED); one that straddles it counts only the days before it, prorated
 *   the same way (and together with the union standing).
 */
export function computeLineSubsidy(line: SubsidyLine, ctx: SubsidyContext): LineSubsidy {
  assertLine(line);
  assertRatio(ctx.ratioBasisPoints);
  if (line.overdue) return NONE("OVERDUE");
  if (line.extended) return NONE("EXTENDED");

  const start = epochDay(line.periodStart);
  const end = epochDay(line.periodEnd);
  const periodDays = BigInt(end - start + 1);
  const servicedEnd = ctx.compensatedOn ? Math.min(end, epochDay(ctx.compensatedOn) - 1) : end;
  if (servicedEnd < start) return NONE("COMPENSATED");
  const coveredDays = BigInt(daysCovered(start, servicedEnd, ctx.unionStanding));
  if (coveredDays === 0n) return NONE("UNION_STANDING");

  const paid = line.interestPaidFen < line.interestDueFen ? line.interestPaidFen : line.interestDueFen;
  if (paid === 0n) return NONE("NOTHING_PAID");

  const ratio = BigInt(ctx.ratioBasisPoints);
  const full = BigInt(FULL_RATIO_BASIS_POINTS);
  return {
    subsidyFen: divideRoundHalfUp(paid * coveredDays * ratio, periodDays * full),
    excludedReason: null,
    eligibleInterestFen: divideRoundHalfUp(paid * coveredDays, periodDays),
  };
}

/** Days from `from` to `to` (inclusive, YYYY-MM-DD) that the standing records cover. */
export const coveredDaysBetween = (from: string, to: string, standing: readonly UnionStanding[]): number =>
  daysCovered(epochDay(from), epochDay(to), standing);

// Standing records may overlap (a renewal entered before the old one lapsed), so covered days
// are counted on the merged ranges rather than summed per record.
function daysCovered(start: number, end: number, standing: readonly UnionStanding[]): number {
  const clipped = standing
    .map((s) => {
      const from = epochDay(s.validFrom);
      const to = s.validTo === null ? end : epochDay(s.validTo);
      return [Math.max(from, start), Math.min(to, end)] as const;
    })
    .filter(([from, to]) => from <= to)
    .sort((a, b) => a[0] - b[0]);

  let covered = 0;
  let reachedUpTo = start - 1;
  for (const [from, to] of clipped) {
    const effectiveFrom = Math.max(from, reachedUpTo + 1);
    if (to >= effectiveFrom) covered += to - effectiveFrom + 1;
    reachedUpTo = Math.max(reachedUpTo, to);
  }
  return covered;
}

function assertLine(line: SubsidyLine): void {
  if (line.interestDueFen < 0n || line.interestPaidFen < 0n || line.penaltyInterestFen < 0n) {
    throw new RangeError("amounts must not be negative");
  }
  if (epochDay(line.periodEnd) < epochDay(line.periodStart)) throw new RangeError("periodEnd is before periodStart");
}

function assertRatio(ratioBasisPoints: number): void {
  if (!Number.isSafeInteger(ratioBasisPoints) || ratioBasisPoints < 0 || ratioBasisPoints > FULL_RATIO_BASIS_POINTS) {
    throw new RangeError(`ratioBasisPoints must be an integer from 0 to ${FULL_RATIO_BASIS_POINTS}`);
  }
}

export type BatchEntry<K> = { key: K; line: SubsidyLine; ctx: SubsidyContext };

export type BatchAllocation<K> = {
  lines: (LineSubsidy & { key: K })[];
  totalSubsidyFen: bigint;
  totalEligibleInterestFen: bigint;
  excludedCount: number;
};

/**
 * Computes every line on its own and the batch total as the sum of those amounts — never the
 * total first and then split — so the per-line amounts the centre pays and audits add up to
 * the batch total exactly, to the fen, with no remainder to place anywhere.
 * Each entry carries its own context because one batch spans many enterprises.
 */
export function allocateBatch<K>(entries: readonly BatchEntry<K>[]): BatchAllocation<K> {
  const lines = entries.map(({ key, line, ctx }) => ({ key, ...computeLineSubsidy(line, ctx) }));
  return {
    lines,
    totalSubsidyFen: lines.reduce((sum, l) => sum + l.subsidyFen, 0n),
    totalEligibleInterestFen: lines.reduce((sum, l) => sum + l.eligibleInterestFen, 0n),
    excludedCount: lines.filter((l) => l.excludedReason !== null).length,
  };
}
