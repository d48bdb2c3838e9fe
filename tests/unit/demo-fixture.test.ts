import { describe, expect, it } from "vitest";
import { allocateBatch, computeLineSubsidy } from "@/lib/subsidies/rules";
import {
  DEMO_CONSULTING_LENT_TOTAL_FEN,
  DEMO_CONSULTING_LOANS,
  DEMO_CONSULTING_STATEMENT_LINES,
  DEMO_CONSULTING_SUBSIDY_TOTAL_FEN,
  DEMO_CONSULTING_UNION_STANDING,
  DEMO_SUBSIDY_RATIO_BASIS_POINTS,
} from "@/lib/subsidies/demo-fixture";
import { lineKey, parseStatement, validateAgainstLoans } from "@/lib/subsidies/statement-parser";

const ctx = { ratioBasisPoints: DEMO_SUBSIDY_RATIO_BASIS_POINTS, unionStanding: DEMO_CONSULTING_UNION_STANDING };
const DAY = 86_400_000;
const inclusiveDays = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY + 1;

describe("the information-consulting company's three loans", () => {
  it("lent ¥1,400,000 in all over three consecutive years", () => {
    expect(DEMO_CONSULTING_LOANS).toHaveLength(3);
    expect(DEMO_CONSULTING_LOANS.reduce((s, l) => s + l.principalFen, 0n)).toBe(140_000_000n);
    expect(DEMO_CONSULTING_LENT_TOTAL_FEN).toBe(140_000_000n);
    expect(DEMO_CONSULTING_LOANS.map((l) => l.disbursedOn.slice(0, 4))).toEqual(["2019", "2020", "2021"]);
    expect(new Set(DEMO_CONSULTING_LOANS.map((l) => l.contractNo)).size).toBe(3);
  });

  it("are one-year loans at LPR-era rates between 3.85 % and 4.35 %", () => {
    for (const l of DEMO_CONSULTING_LOANS) {
      expect(l.termMonths).toBe(12);
      expect(l.annualRateMicros).toBeGreaterThanOrEqual(38_500);
      expect(l.annualRateMicros).toBeLessThanOrEqual(43_500);
      expect(Date.parse(l.maturityOn) - Date.parse(l.disbursedOn)).toBeGreaterThanOrEqual(365 * DAY);
      expect(l.repaidOn <= l.maturityOn).toBe(true);
    }
  });

  it("subsidies add up to exactly ¥35,146.94 through computeLineSubsidy and allocateBatch", () => {
    const batch = allocateBatch(DEMO_CONSULTING_STATEMENT_LINES.map((line, i) => ({ key: i, line, ctx })));
    expect(batch.totalSubsidyFen).toBe(3_514_694n);
    expect(DEMO_CONSULTING_SUBSIDY_TOTAL_FEN).toBe(3_514_694n);
    expect(batch.excludedCount).toBe(0);
    expect(batch.lines.map((l) => l.subsidyFen)).toEqual(DEMO_CONSULTING_STATEMENT_LINES.map((l) => computeLineSubsidy(l, ctx).subsidyFen));
  });

  it("every line's interest is balance × rate × days / 360, checked by hand-rolled BigInt", () => {
    for (const l of DEMO_CONSULTING_STATEMENT_LINES) {
      const numerator = l.principalBalanceFen * BigInt(l.annualRateMicros) * BigInt(inclusiveDays(l.periodStart, l.periodEnd));
      const denominator = 360_000_000n;
      const expected = (numerator % denominator) * 2n >= denominator ? numerator / denominator + 1n : numerator / denominator;
      expect(l.interestDueFen).toBe(expected);
      expect(l.interestPaidFen).toBe(l.interestDueFen);
      expect(l).toMatchObject({ overdue: false, extended: false, penaltyInterestFen: 0n });
    }
  });

  it("each loan's lines tile it from disbursement to the day before repayment, on its own rate", () => {
    for (const loan of DEMO_CONSULTING_LOANS) {
      const lines = DEMO_CONSULTING_STATEMENT_LINES.filter((l) => l.contractNo === loan.contractNo);
      expect(lines[0]?.periodStart).toBe(loan.disbursedOn);
      expect(Date.parse(lines.at(-1)?.periodEnd ?? "")).toBe(Date.parse(loan.repaidOn) - DAY);
      lines.slice(1).forEach((l, i) => expect(Date.parse(l.periodStart)).toBe(Date.parse(lines[i]?.periodEnd ?? "") + DAY));
      for (const l of lines) {
        expect(l.annualRateMicros).toBe(loan.annualRateMicros);
        expect(l.principalBalanceFen <= loan.principalFen).toBe(true);
      }
      // Balances only fall: principal comes back, never goes out again.
      lines.slice(1).forEach((l, i) => expect(l.principalBalanceFen <= (lines[i]?.principalBalanceFen ?? 0n)).toBe(true));
    }
  });

  it("passes the statement checks: unique keys, within each loan's term", () => {
    const keys = DEMO_CONSULTING_STATEMENT_LINES.map(lineKey);
    expect(new Set(keys).size).toBe(keys.length);
    const loans = new Map(DEMO_CONSULTING_LOANS.map((l) => [l.contractNo, { principalFen: l.principalFen, startOn: l.disbursedOn, maturityOn: l.maturityOn }]));
    expect(validateAgainstLoans(DEMO_CONSULTING_STATEMENT_LINES.map((l, i) => ({ ...l, line: i + 2 })), loans)).toEqual([]);
  });

  it("survives a round trip through the CSV importer unchanged", async () => {
    const yuan = (fen: bigint) => `${fen / 100n}.${String(fen % 100n).padStart(2, "0")}`;
    const rows = DEMO_CONSULTING_STATEMENT_LINES.map((l) =>
      [l.contractNo, l.periodStart, l.periodEnd, yuan(l.principalBalanceFen), `${Math.floor(l.annualRateMicros / 10_000)}.${String(l.annualRateMicros % 10_000).padStart(4, "0")}%`, yuan(l.interestDueFen), yuan(l.interestPaidFen), l.paidOn ?? "", "否", yuan(l.penaltyInterestFen), "否"].join(","),
    );
    const text = ["合同编号,计息起日,计息止日,本金余额,年利率,应付利息,实付利息,付息日期,逾期,罚息,展期", ...rows].join("\n");
    const result = await parseStatement(Buffer.from(text, "utf8"), { today: "2022-05-31" });
    expect(result).toEqual({ ok: true, lines: DEMO_CONSULTING_STATEMENT_LINES.map((l, i) => ({ ...l, line: i + 2 })) });
  });
});
