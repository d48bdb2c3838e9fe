import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateBatch, computeLineSubsidy, type SubsidyContext, type SubsidyLine, type UnionStanding } from "@/lib/subsidies/rules";

const FULL: SubsidyContext = { ratioBasisPoints: 10_000, unionStanding: [{ validFrom: "2019-01-01", validTo: null }] };
const base: SubsidyLine = {
  interestDueFen: 491_944n,
  interestPaidFen: 491_944n,
  penaltyInterestFen: 0n,
  overdue: false,
  extended: false,
  periodStart: "2021-06-21",
  periodEnd: "2021-09-20", // 92 days, both ends inclusive
};
const withLine = (patch: Partial<SubsidyLine>): SubsidyLine => ({ ...base, ...patch });
const withStanding = (unionStanding: UnionStanding[], ratioBasisPoints = 10_000): SubsidyContext => ({ ratioBasisPoints, unionStanding });

describe("computeLineSubsidy", () => {
  it("pays 100 % of the interest paid", () => {
    expect(computeLineSubsidy(base, FULL)).toEqual({ subsidyFen: 491_944n, excludedReason: null, eligibleInterestFen: 491_944n });
  });

  it("never pays on more than the interest due", () => {
    expect(computeLineSubsidy(withLine({ interestPaidFen: 600_000n }), FULL).subsidyFen).toBe(491_944n);
  });

  it("pays on a partial payment only what was paid", () => {
    expect(computeLineSubsidy(withLine({ interestPaidFen: 100_000n }), FULL).subsidyFen).toBe(100_000n);
  });

  it("ignores penalty interest", () => {
    expect(computeLineSubsidy(withLine({ penaltyInterestFen: 12_345n }), FULL).subsidyFen).toBe(491_944n);
  });

  it("a loan in 代偿 earns nothing from the compensation day: later periods excluded, the straddling one prorated", () => {
    // 92-day period; compensated on its 47th day → 46 days before it count.
    expect(computeLineSubsidy(base, { ...FULL, compensatedOn: "2021-08-06" })).toEqual({
      subsidyFen: (491_944n * 46n * 2n + 92n) / (2n * 92n), excludedReason: null, eligibleInterestFen: (491_944n * 46n * 2n + 92n) / (2n * 92n),
    });
    expect(computeLineSubsidy(base, { ...FULL, compensatedOn: "2021-06-21" })).toEqual({ subsidyFen: 0n, excludedReason: "COMPENSATED", eligibleInterestFen: 0n });
    expect(computeLineSubsidy(base, { ...FULL, compensatedOn: "2021-09-21" }).subsidyFen).toBe(491_944n);
    expect(computeLineSubsidy(withLine({ overdue: true }), { ...FULL, compensatedOn: "2021-06-21" }).excludedReason).toBe("OVERDUE");
  });

  it("excludes overdue and extended periods, overdue first", () => {
    expect(computeLineSubsidy(withLine({ overdue: true }), FULL)).toEqual({ subsidyFen: 0n, excludedReason: "OVERDUE", eligibleInterestFen: 0n });
    expect(computeLineSubsidy(withLine({ extended: true }), FULL)).toEqual({ subsidyFen: 0n, excludedReason: "EXTENDED", eligibleInterestFen: 0n });
    expect(computeLineSubsidy(withLine({ overdue: true, extended: true }), FULL).excludedReason).toBe("OVERDUE");
  });

  it("pays nothing when union standing misses the period, and says why", () => {
    const before = withStanding([{ validFrom: "2018-01-01", validTo: "2021-06-20" }]);
    const after = withStanding([{ validFrom: "2021-09-21", validTo: null }]);
    expect(computeLineSubsidy(base, before)).toEqual({ subsidyFen: 0n, excludedReason: "UNION_STANDING", eligibleInterestFen: 0n });
    expect(computeLineSubsidy(base, after).excludedReason).toBe("UNION_STANDING");
    expect(computeLineSubsidy(base, withStanding([])).excludedReason).toBe("UNION_STANDING");
  });

  it("counts the standing's first and last day and the period's", () => {
    expect(computeLineSubsidy(base, withStanding([{ validFrom: "2021-09-20", validTo: null }])).subsidyFen).toBe(
      5_347n, // 491,944 × 1 / 92 = 5,347.217…
    );
    expect(computeLineSubsidy(base, withStanding([{ validFrom: "2000-01-01", validTo: "2021-06-21" }])).subsidyFen).toBe(5_347n);
  });

  it("prorates by days covered when standing starts mid-period", () => {
    // Valid from 2021-08-01: 31 days of August + 20 of September = 51 of 92.
    // 491,944 × 51 / 92 = 272,708.087… → 272,708.
    const result = computeLineSubsidy(base, withStanding([{ validFrom: "2021-08-01", validTo: null }]));
    expect(result).toEqual({ subsidyFen: 272_708n, excludedReason: null, eligibleInterestFen: 272_708n });
  });

  it("does not count overlapping standing records twice", () => {
    const overlapping = withStanding([
      { validFrom: "2021-08-01", validTo: "2021-08-31" },
      { validFrom: "2021-08-15", validTo: null },
    ]);
    expect(computeLineSubsidy(base, overlapping).subsidyFen).toBe(272_708n);
  });

  it("rounds prorated amount × ratio once, half up", () => {
    // 491,944 × 51 × 5,000 / (92 × 10,000) = 136,354.04… → 136,354; eligible before ratio 272,708.
    const result = computeLineSubsidy(base, withStanding([{ validFrom: "2021-08-01", validTo: null }], 5_000));
    expect(result).toEqual({ subsidyFen: 136_354n, excludedReason: null, eligibleInterestFen: 272_708n });
    expect(computeLineSubsidy(withLine({ interestDueFen: 1n, interestPaidFen: 1n }), withStanding(FULL.unionStanding as UnionStanding[], 5_000)).subsidyFen).toBe(1n);
    expect(computeLineSubsidy(withLine({ interestDueFen: 1n, interestPaidFen: 1n }), withStanding(FULL.unionStanding as UnionStanding[], 4_999)).subsidyFen).toBe(0n);
  });

  it("marks a period with nothing paid", () => {
    expect(computeLineSubsidy(withLine({ interestPaidFen: 0n }), FULL)).toEqual({ subsidyFen: 0n, excludedReason: "NOTHING_PAID", eligibleInterestFen: 0n });
  });

  it("rejects impossible lines and ratios", () => {
    expect(() => computeLineSubsidy(withLine({ interestPaidFen: -1n }), FULL)).toThrow(RangeError);
    expect(() => computeLineSubsidy(withLine({ penaltyInterestFen: -1n }), FULL)).toThrow(RangeError);
    expect(() => computeLineSubsidy(withLine({ periodEnd: "2021-06-20" }), FULL)).toThrow(RangeError);
    expect(() => computeLineSubsidy(withLine({ periodStart: "2021-13-01" }), FULL)).toThrow(RangeError);
    expect(() => computeLineSubsidy(base, withStanding(FULL.unionStanding as UnionStanding[], 10_001))).toThrow(RangeError);
    expect(() => computeLineSubsidy(base, withStanding(FULL.unionStanding as UnionStanding[], -1))).toThrow(RangeError);
  });
});

// ---- properties against an independent reference ---------------------------------------------

const DAY = 86_400_000;
const WINDOW_START = Date.UTC(2019, 0, 1);
const iso = (dayIndex: number) => new Date(WINDOW_START + dayIndex * DAY).toISOString().slice(0, 10);

const periodArb = fc.integer({ min: 0, max: 1_400 }).chain((start) =>
  fc.integer({ min: 0, max: 120 }).map((len) => ({ startIndex: start, endIndex: start + len })),
);
const standingArb = fc.array(
  fc.record({ from: fc.integer({ min: -30, max: 1_600 }), len: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }) }),
  { maxLength: 4 },
);
const lineArb = fc.record({
  period: periodArb,
  due: fc.bigInt({ min: 0n, max: 50_000_000n }),
  paid: fc.bigInt({ min: 0n, max: 50_000_000n }),
  penalty: fc.bigInt({ min: 0n, max: 1_000_000n }),
  overdue: fc.boolean(),
  extended: fc.boolean(),
  standing: standingArb,
  ratio: fc.oneof(fc.constant(10_000), fc.integer({ min: 0, max: 10_000 })),
});
type Generated = typeof lineArb extends fc.Arbitrary<infer T> ? T : never;

const toInputs = (g: Generated): { line: SubsidyLine; ctx: SubsidyContext } => ({
  line: {
    interestDueFen: g.due,
    interestPaidFen: g.paid,
    penaltyInterestFen: g.penalty,
    overdue: g.overdue,
    extended: g.extended,
    periodStart: iso(g.period.startIndex),
    periodEnd: iso(g.period.endIndex),
  },
  ctx: {
    ratioBasisPoints: g.ratio,
    unionStanding: g.standing.map((s) => ({ validFrom: iso(s.from), validTo: s.len === null ? null : iso(s.from + s.len) })),
  },
});

// Reference: walk the period a day at a time and ask whether any record covers that day.
const reference = (g: Generated): bigint => {
  if (g.overdue || g.extended) return 0n;
  let covered = 0n;
  for (let d = g.period.startIndex; d <= g.period.endIndex; d++) {
    if (g.standing.some((s) => d >= s.from && (s.len === null || d <= s.from + s.len))) covered++;
  }
  const days = BigInt(g.period.endIndex - g.period.startIndex + 1);
  const paid = g.paid > g.due ? g.due : g.paid;
  const numerator = paid * covered * BigInt(g.ratio);
  const denominator = days * 10_000n;
  const q = numerator / denominator;
  return (numerator % denominator) * 2n >= denominator ? q + 1n : q;
};

describe("subsidy properties", () => {
  it("equals a day-by-day BigInt reference", () => {
    fc.assert(
      fc.property(lineArb, (g) => {
        const { line, ctx } = toInputs(g);
        expect(computeLineSubsidy(line, ctx).subsidyFen).toBe(reference(g));
      }),
      { numRuns: 500 },
    );
  });

  it("never exceeds the interest paid or due, and penalty interest never changes it", () => {
    fc.assert(
      fc.property(lineArb, fc.bigInt({ min: 0n, max: 10_000_000n }), (g, otherPenalty) => {
        const { line, ctx } = toInputs(g);
        const result = computeLineSubsidy(line, ctx);
        expect(result.subsidyFen <= line.interestPaidFen && result.subsidyFen <= line.interestDueFen).toBe(true);
        expect(result.eligibleInterestFen >= result.subsidyFen).toBe(true);
        expect(computeLineSubsidy({ ...line, penaltyInterestFen: otherPenalty }, ctx)).toEqual(result);
        if (result.excludedReason === null) expect(line.interestPaidFen > 0n && line.interestDueFen > 0n).toBe(true);
        else expect(result.eligibleInterestFen).toBe(0n);
      }),
    );
  });
});

describe("allocateBatch", () => {
  it("totals the lines exactly and keeps each line's key", () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 40 }), (generated) => {
        const entries = generated.map((g, i) => ({ key: `line-${i}`, ...toInputs(g) }));
        const batch = allocateBatch(entries);
        expect(batch.lines.map((l) => l.key)).toEqual(entries.map((e) => e.key));
        const expected = generated.map(reference);
        expect(batch.lines.map((l) => l.subsidyFen)).toEqual(expected);
        expect(batch.totalSubsidyFen).toBe(expected.reduce((s, x) => s + x, 0n));
        expect(batch.totalEligibleInterestFen).toBe(batch.lines.reduce((s, l) => s + l.eligibleInterestFen, 0n));
        expect(batch.excludedCount).toBe(batch.lines.filter((l) => l.excludedReason !== null).length);
      }),
      { numRuns: 200 },
    );
  });

  it("sums rounded lines: three half-fen lines round up to 3 fen, where rounding the total would give 2", () => {
    const line = withLine({ interestDueFen: 1n, interestPaidFen: 1n });
    const ctx = withStanding(FULL.unionStanding as UnionStanding[], 5_000);
    const batch = allocateBatch([1, 2, 3].map((key) => ({ key, line, ctx })));
    expect(batch.lines.map((l) => l.subsidyFen)).toEqual([1n, 1n, 1n]);
    expect(batch.totalSubsidyFen).toBe(3n);
  });

  it("is empty for no lines", () => {
    expect(allocateBatch([])).toEqual({ lines: [], totalSubsidyFen: 0n, totalEligibleInterestFen: 0n, excludedCount: 0 });
  });
});
