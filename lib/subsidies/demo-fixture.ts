import { accruedInterestFen } from "@/lib/loans/interest";
import { addMonthsClamped, daysBetween, type RepaymentMethod } from "@/lib/loans/schedule";
import type { ParsedLine } from "@/lib/subsidies/statement-parser";
import type { UnionStanding } from "@/lib/subsidies/rules";

// The seed's real case (domain.md, "Figures"): an information-consulting company borrowed three
// years running, RMB 1.4 million in all, and received RMB 35,146.94 of interest subsidy.
//
// The newspaper says "¥500,000 three years running" but also "¥1.4 million in all", and
// 3 × 500,000 = 1,500,000. The cumulative figure is the one the statistics page must reproduce,
// so the third loan is ¥400,000: 500,000 + 500,000 + 400,000 = 1,400,000.
//
// At these rates a full year on ¥500,000 costs about ¥20,000, so interest on three untouched
// loans (≈ ¥57,000) could never come to ¥35,146.94. The statements therefore show what the
// figure implies: the firm paid ¥100,000 of principal back on each quarterly interest date
// (as client fees came in), and repaid the third loan early, in two steps, in Nov–Dec 2021.
// Every line's interest is balance × rate × days / 360 through accruedInterestFen; only the
// third loan's last two lines (the early repayment: its dates and the ¥131,900 part-payment)
// were chosen so that the total lands exactly on 3,514,694 fen.

export type DemoLoan = {
  contractNo: string;
  principalFen: bigint;
  annualRateMicros: number;
  termMonths: number;
  method: RepaymentMethod;
  disbursedOn: string;
  maturityOn: string;
  /** Day the last principal came back; before maturity for the third loan. */
  repaidOn: string;
};

export type DemoStatementLine = Omit<ParsedLine, "line">;

export const DEMO_CONSULTING_SUBSIDY_TOTAL_FEN = 3_514_694n;
export const DEMO_CONSULTING_LENT_TOTAL_FEN = 140_000_000n;
export const DEMO_SUBSIDY_RATIO_BASIS_POINTS = 10_000;
/** The firm set up its union in May 2019, before the first loan, and has kept it since. */
export const DEMO_CONSULTING_UNION_STANDING: readonly UnionStanding[] = [{ validFrom: "2019-05-15", validTo: null }];

const loan = (contractNo: string, yuan: bigint, annualRateMicros: number, disbursedOn: string, repaidOn?: string): DemoLoan => {
  const maturityOn = addMonthsClamped(disbursedOn, 12);
  return {
    contractNo,
    principalFen: yuan * 100n,
    annualRateMicros,
    termMonths: 12,
    method: "INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY",
    disbursedOn,
    maturityOn,
    repaidOn: repaidOn ?? maturityOn,
  };
};

// 2019: the one-year benchmark rate, 4.35 % (LPR pricing began in August 2019);
// 2020 and 2021: the one-year LPR, 3.85 %.
export const DEMO_CONSULTING_LOANS: readonly DemoLoan[] = [
  loan("NCD-2019-0087", 500_000n, 43_500, "2019-06-24"),
  loan("NCD-2020-0133", 500_000n, 38_500, "2020-06-22"),
  loan("NCD-2021-0158", 400_000n, 38_500, "2021-06-23", "2021-12-13"),
];

/** One interest period, first and last day inclusive; the bank settles on the 20th of Mar/Jun/Sep/Dec. */
const line = (l: DemoLoan, periodStart: string, periodEnd: string, balanceYuan: bigint, paidOn: string): DemoStatementLine => {
  const principalBalanceFen = balanceYuan * 100n;
  const days = daysBetween(periodStart, periodEnd) + 1;
  const interestFen = accruedInterestFen({ principalFen: principalBalanceFen, annualRateMicros: l.annualRateMicros, days });
  return {
    contractNo: l.contractNo,
    periodStart,
    periodEnd,
    principalBalanceFen,
    annualRateMicros: l.annualRateMicros,
    interestDueFen: interestFen,
    interestPaidFen: interestFen,
    paidOn,
    overdue: false,
    penaltyInterestFen: 0n,
    extended: false,
  };
};

const [first, second, third] = DEMO_CONSULTING_LOANS as [DemoLoan, DemoLoan, DemoLoan];

export const DEMO_CONSULTING_STATEMENT_LINES: readonly DemoStatementLine[] = [
  line(first, "2019-06-24", "2019-09-20", 500_000n, "2019-09-21"),
  line(first, "2019-09-21", "2019-12-20", 400_000n, "2019-12-21"),
  line(first, "2019-12-21", "2020-03-20", 300_000n, "2020-03-21"),
  line(first, "2020-03-21", "2020-06-20", 200_000n, "2020-06-21"),
  line(first, "2020-06-21", "2020-06-23", 100_000n, "2020-06-24"),

  line(second, "2020-06-22", "2020-09-20", 500_000n, "2020-09-21"),
  line(second, "2020-09-21", "2020-12-20", 400_000n, "2020-12-21"),
  line(second, "2020-12-21", "2021-03-20", 300_000n, "2021-03-21"),
  line(second, "2021-03-21", "2021-06-20", 200_000n, "2021-06-21"),
  line(second, "2021-06-21", "2021-06-21", 100_000n, "2021-06-22"),

  line(third, "2021-06-23", "2021-09-20", 400_000n, "2021-09-21"),
  // Early repayment: ¥131,900 on 2021-11-20, the remaining ¥168,100 on 2021-12-13.
  line(third, "2021-09-21", "2021-11-19", 300_000n, "2021-11-20"),
  line(third, "2021-11-20", "2021-12-12", 168_100n, "2021-12-13"),
];
