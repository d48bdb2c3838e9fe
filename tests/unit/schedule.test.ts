import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMonthsClamped, buildSchedule, daysBetween, isIsoDate, type RepaymentMethod } from "@/lib/loans/schedule";

const referenceRound = (n: bigint, d: bigint): bigint => (n % d) * 2n >= d ? n / d + 1n : n / d;

// Reference due date from the calendar in a different way: walk month by month and read the
// month's length off the day before the 1st of the following month.
const referenceDueDate = (disbursedOn: string, k: number): string => {
  const [y, m, d] = disbursedOn.split("-").map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1, 1));
  first.setUTCMonth(first.getUTCMonth() + k);
  const nextFirst = new Date(first);
  nextFirst.setUTCMonth(nextFirst.getUTCMonth() + 1);
  const lastDay = new Date(nextFirst.getTime() - 86_400_000).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
};

const dateArb = fc
  .record({ y: fc.integer({ min: 2000, max: 2040 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`)
  .filter(isIsoDate);
const principalArb = fc.bigInt({ min: 1n, max: 500_000_000n });
const rateArb = fc.integer({ min: 0, max: 240_000 });
const termArb = fc.integer({ min: 1, max: 60 });

const build = (method: RepaymentMethod, principalFen: bigint, annualRateMicros: number, termMonths: number, disbursedOn: string) =>
  buildSchedule({ principalFen, annualRateMicros, termMonths, disbursedOn, method });

describe("due dates", () => {
  it("keep the day of month and clamp to the month's end, counted from the original date", () => {
    const dates = build("INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY", 100n, 0, 4, "2024-01-31").map((i) => i.dueOn);
    expect(dates).toEqual(["2024-02-29", "2024-03-31", "2024-04-30", "2024-05-31"]);
    expect(addMonthsClamped("2023-01-31", 1)).toBe("2023-02-28");
    expect(addMonthsClamped("2023-12-15", 1)).toBe("2024-01-15");
  });

  it("match a reference calendar walk", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 120 }), (date, k) => {
        expect(addMonthsClamped(date, k)).toBe(referenceDueDate(date, k));
      }),
    );
  });
});

describe("interest monthly, principal at maturity", () => {
  it("charges actual days / 360 each month and the principal at the end", () => {
    const s = build("INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY", 50_000_000n, 38_500, 12, "2021-06-23");
    expect(s).toHaveLength(12);
    // 2021-06-23 → 2021-07-23 is 30 days: 500,000 × 3.85 % × 30 / 360 = 1,604.166… → ¥1,604.17.
    expect(s[0]).toEqual({ seq: 1, dueOn: "2021-07-23", principalFen: 0n, interestFen: 160_417n, balanceAfterFen: 50_000_000n });
    // 2021-07-23 → 2021-08-23 is 31 days → 1,657.638… → ¥1,657.64.
    expect(s[1]?.interestFen).toBe(165_764n);
    expect(s[11]).toMatchObject({ dueOn: "2022-06-23", principalFen: 50_000_000n, balanceAfterFen: 0n });
  });

  it("each month equals balance × rate × days / 360 and the days add up to the term", () => {
    fc.assert(
      fc.property(principalArb, rateArb, termArb, dateArb, (p, r, n, on) => {
        const s = build("INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY", p, r, n, on);
        let previous = on;
        let totalDays = 0;
        s.forEach((i, index) => {
          const days = Math.round((Date.parse(i.dueOn) - Date.parse(previous)) / 86_400_000);
          totalDays += days;
          expect(i.interestFen).toBe(referenceRound(p * BigInt(r) * BigInt(days), 360_000_000n));
          expect(i.principalFen).toBe(index === n - 1 ? p : 0n);
          previous = i.dueOn;
        });
        expect(totalDays).toBe(daysBetween(on, referenceDueDate(on, n)));
        expect(s.at(-1)?.balanceAfterFen).toBe(0n);
      }),
    );
  });
});

describe("equal instalments (等额本息)", () => {
  it("reproduces the published figures: ¥1,000,000 over 30 and 20 years at 4.9 %, 30 years at 3.25 %", () => {
    const payment = (r: number, n: number) => {
      const [first] = build("EQUAL_INSTALMENTS", 100_000_000n, r, n, "2024-01-15");
      return (first?.principalFen ?? 0n) + (first?.interestFen ?? 0n);
    };
    expect(payment(49_000, 360)).toBe(530_727n); // 月供 5,307.27
    expect(payment(49_000, 240)).toBe(654_444n); // 月供 6,544.44
    expect(payment(32_500, 360)).toBe(435_206n); // 月供 4,352.06
  });

  it("splits a zero-rate loan evenly, the last instalment taking the remainder", () => {
    const s = build("EQUAL_INSTALMENTS", 100n, 0, 3, "2024-01-15");
    expect(s.map((i) => i.principalFen)).toEqual([33n, 33n, 34n]);
    expect(s.every((i) => i.interestFen === 0n)).toBe(true);
  });

  it("principal parts sum exactly to the principal, never negative, balances consistent", () => {
    fc.assert(
      fc.property(principalArb, rateArb, termArb, dateArb, (p, r, n, on) => {
        const s = build("EQUAL_INSTALMENTS", p, r, n, on);
        expect(s).toHaveLength(n);
        expect(s.reduce((sum, i) => sum + i.principalFen, 0n)).toBe(p);
        let balance = p;
        for (const i of s) {
          expect(i.principalFen).toBeGreaterThanOrEqual(0n);
          // Interest is this month's opening balance × annual / 12, checked with its own rounding.
          expect(i.interestFen).toBe(referenceRound(balance * BigInt(r), 12_000_000n));
          balance -= i.principalFen;
          expect(i.balanceAfterFen).toBe(balance);
        }
        expect(balance).toBe(0n);
      }),
    );
  });

  it("every instalment but the last is the same level payment, the rounded annuity", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 100_000n, max: 500_000_000n }), fc.integer({ min: 1, max: 240_000 }), fc.integer({ min: 2, max: 60 }), (p, r, n) => {
        const s = build("EQUAL_INSTALMENTS", p, r, n, "2022-03-31");
        const payment = (s[0]?.principalFen ?? 0n) + (s[0]?.interestFen ?? 0n);
        for (const i of s.slice(0, -1)) expect(i.principalFen + i.interestFen).toBe(payment);
        // Independent check that `payment` is the annuity rounded half-up: discounting
        // payment ± ½ fen over n months at r/12 must bracket the principal (exact rationals,
        // scaled by 2 · 12e6^n so that everything is an integer).
        const D = 12_000_000n;
        const N = D + BigInt(r);
        const nn = BigInt(n);
        let pvNumerator = 0n; // Σ_{k=1..n} D^k · N^(n−k), i.e. Σ (1+r)^−k scaled by N^n
        for (let k = 1n; k <= nn; k++) pvNumerator += D ** k * N ** (nn - k);
        const principalScaled = 2n * p * N ** nn;
        expect((2n * payment - 1n) * pvNumerator).toBeLessThanOrEqual(principalScaled);
        expect((2n * payment + 1n) * pvNumerator).toBeGreaterThan(principalScaled);
      }),
      { numRuns: 200 },
    );
  });
});

describe("input checks", () => {
  it("rejects impossible loans", () => {
    expect(() => build("EQUAL_INSTALMENTS", 0n, 38_500, 12, "2024-01-15")).toThrow(RangeError);
    expect(() => build("EQUAL_INSTALMENTS", 100n, 38_500, 0, "2024-01-15")).toThrow(RangeError);
    expect(() => build("EQUAL_INSTALMENTS", 100n, 38_500, 1.5, "2024-01-15")).toThrow(RangeError);
    expect(() => build("EQUAL_INSTALMENTS", 100n, -1, 12, "2024-01-15")).toThrow(RangeError);
    expect(() => build("EQUAL_INSTALMENTS", 100n, 38_500, 12, "2024-02-30")).toThrow(RangeError);
    expect(() => build("EQUAL_INSTALMENTS", 100n, 38_500, 12, "15/01/2024")).toThrow(RangeError);
  });
});
