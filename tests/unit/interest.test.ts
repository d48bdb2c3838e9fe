import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accruedInterestFen, divideRoundHalfUp } from "@/lib/loans/interest";

// Reference rounding by quotient and remainder, not by the (2n + d) / 2d trick the module uses.
const referenceRound = (numerator: bigint, denominator: bigint): bigint => {
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  return remainder * 2n >= denominator ? quotient + 1n : quotient;
};

// Reference interest: the daily rate as a fraction of 360 × 10^6 applied per day, summed as
// an exact numerator, instead of one product.
const referenceInterest = (principalFen: bigint, rateMicros: number, days: number): bigint => {
  let numerator = 0n;
  const perDay = principalFen * BigInt(rateMicros);
  for (let d = 0; d < days; d++) numerator += perDay;
  return referenceRound(numerator, 360_000_000n);
};

const principal = fc.bigInt({ min: 1n, max: 500_000_000n });
const rate = fc.integer({ min: 0, max: 240_000 });
const days = fc.integer({ min: 0, max: 1_500 });

describe("accruedInterestFen", () => {
  it("charges ¥500,000 at 3.85 % for 92 days as ¥4,919.44 (annual rate / 360)", () => {
    expect(accruedInterestFen({ principalFen: 50_000_000n, annualRateMicros: 38_500, days: 92 })).toBe(491_944n);
  });

  it("uses 360, not 365, days a year", () => {
    expect(accruedInterestFen({ principalFen: 36_000_000n, annualRateMicros: 100_000, days: 1 })).toBe(10_000n);
  });

  it("rounds half a fen up, not to even", () => {
    // 5 fen × 100 % × 180 / 360 = 2.5 fen → 3 (banker's rounding would give 2).
    expect(accruedInterestFen({ principalFen: 5n, annualRateMicros: 1_000_000, days: 180 })).toBe(3n);
    // 3 fen → 1.5 → 2; 1 fen × 100 % × 179 / 360 = 0.497… → 0.
    expect(accruedInterestFen({ principalFen: 3n, annualRateMicros: 1_000_000, days: 180 })).toBe(2n);
    expect(accruedInterestFen({ principalFen: 1n, annualRateMicros: 1_000_000, days: 179 })).toBe(0n);
  });

  it("rounds once at the end, not per day", () => {
    // 0.4 fen a day for 10 days is 4 fen; rounding each day first would give 0.
    expect(accruedInterestFen({ principalFen: 144n, annualRateMicros: 1_000_000, days: 10 })).toBe(4n);
  });

  it("is zero for zero days, zero rate or zero principal", () => {
    expect(accruedInterestFen({ principalFen: 50_000_000n, annualRateMicros: 38_500, days: 0 })).toBe(0n);
    expect(accruedInterestFen({ principalFen: 50_000_000n, annualRateMicros: 0, days: 30 })).toBe(0n);
    expect(accruedInterestFen({ principalFen: 0n, annualRateMicros: 38_500, days: 30 })).toBe(0n);
  });

  it("rejects negative or fractional inputs and impossible rates", () => {
    expect(() => accruedInterestFen({ principalFen: -1n, annualRateMicros: 38_500, days: 1 })).toThrow(RangeError);
    expect(() => accruedInterestFen({ principalFen: 1n, annualRateMicros: -1, days: 1 })).toThrow(RangeError);
    expect(() => accruedInterestFen({ principalFen: 1n, annualRateMicros: 3.5, days: 1 })).toThrow(RangeError);
    expect(() => accruedInterestFen({ principalFen: 1n, annualRateMicros: 1_000_001, days: 1 })).toThrow(RangeError);
    expect(() => accruedInterestFen({ principalFen: 1n, annualRateMicros: 38_500, days: -1 })).toThrow(RangeError);
    expect(() => accruedInterestFen({ principalFen: 1n, annualRateMicros: 38_500, days: 1.5 })).toThrow(RangeError);
  });

  it("equals an independent day-by-day BigInt reference", () => {
    fc.assert(
      fc.property(principal, rate, days, (p, r, d) => {
        expect(accruedInterestFen({ principalFen: p, annualRateMicros: r, days: d })).toBe(referenceInterest(p, r, d));
      }),
    );
  });

  it("splitting a period changes the total by at most one fen", () => {
    fc.assert(
      fc.property(principal, rate, days, days, (p, r, d1, d2) => {
        const whole = accruedInterestFen({ principalFen: p, annualRateMicros: r, days: d1 + d2 });
        const parts =
          accruedInterestFen({ principalFen: p, annualRateMicros: r, days: d1 }) +
          accruedInterestFen({ principalFen: p, annualRateMicros: r, days: d2 });
        expect(whole - parts).toBeGreaterThanOrEqual(-1n);
        expect(whole - parts).toBeLessThanOrEqual(1n);
      }),
    );
  });
});

describe("divideRoundHalfUp", () => {
  it("matches quotient-and-remainder rounding", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 15n }), (n, d) => {
        expect(divideRoundHalfUp(n, d)).toBe(referenceRound(n, d));
      }),
    );
  });

  it("rejects a zero denominator and negative numerators", () => {
    expect(() => divideRoundHalfUp(1n, 0n)).toThrow(RangeError);
    expect(() => divideRoundHalfUp(-1n, 2n)).toThrow(RangeError);
  });
});
