// Interest on RMB loans accrues daily at the annual rate / 360 (the PBoC convention banks use).
// Rates are integers in millionths of 1 (3.45 % → 34_500) so that every step stays in BigInt.

export const RATE_MICROS_PER_UNIT = 1_000_000;
export const DAYS_PER_INTEREST_YEAR = 360;

export type AccruedInterestInput = {
  principalFen: bigint;
  /** Annual rate in millionths of 1: 0.0345 (3.45 %) → 34_500. */
  annualRateMicros: number;
  days: number;
};

/**
 * Rounds numerator / denominator to the nearest integer, halves going up (0.5 fen → 1 fen).
 * Half-up rather than banker's rounding because that is what bank statements and the
 * programme's own payment records use; only defined for non-negative values, which is all
 * money in this module can be.
 */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError("denominator must be positive");
  if (numerator < 0n) throw new RangeError("numerator must not be negative");
  return (2n * numerator + denominator) / (2n * denominator);
}

export function assertRateMicros(annualRateMicros: number): void {
  if (!Number.isSafeInteger(annualRateMicros) || annualRateMicros < 0 || annualRateMicros > RATE_MICROS_PER_UNIT) {
    throw new RangeError(`annualRateMicros must be an integer from 0 to ${RATE_MICROS_PER_UNIT}`);
  }
}

/**
 * Simple (non-compounding) interest on a constant balance for a number of days.
 *
 * Rounding rule: the exact value principal × rate × days / 360 is computed as one fraction of
 * BigInts and rounded half-up to the fen ONCE, at the end. Rounding the daily amount first
 * and multiplying it by the days would drift by up to half a fen per day and disagree with
 * the bank's figure.
 */
export function accruedInterestFen({ principalFen, annualRateMicros, days }: AccruedInterestInput): bigint {
  if (principalFen < 0n) throw new RangeError("principalFen must not be negative");
  if (!Number.isSafeInteger(days) || days < 0) throw new RangeError("days must be a non-negative integer");
  assertRateMicros(annualRateMicros);

  const numerator = principalFen * BigInt(annualRateMicros) * BigInt(days);
  const denominator = BigInt(RATE_MICROS_PER_UNIT) * BigInt(DAYS_PER_INTEREST_YEAR);
  return divideRoundHalfUp(numerator, denominator);
}
