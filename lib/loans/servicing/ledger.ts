import { accruedInterestFen } from "@/lib/loans/interest";
import { buildSchedule, daysBetween, type Instalment, type RepaymentMethod } from "@/lib/loans/schedule";

// What a borrower owes on a day, from the loan's schedule and the repayments recorded: the cap a
// repayment, an overdue report or a compensation is judged against. Pure and exact (BigInt fen), so the
// services, the pages and the tests share it.

export type LedgerLoan = {
  principalFen: bigint;
  annualRateMicros: number;
  termMonths: number;
  method: RepaymentMethod;
  /** YYYY-MM-DD */
  disbursedOn: string;
};

export type RecordedRepayment = { principalFen: bigint; interestFen: bigint; paidOn: string };

export type Owed = {
  /** Principal not yet repaid (early repayment of any of it is allowed). */
  principalFen: bigint;
  /** Interest fallen due by the day (scheduled instalments due on or before it, plus the interest accrued since the last of them), less interest paid. */
  interestFen: bigint;
  principalRepaidFen: bigint;
  interestPaidFen: bigint;
};

export const scheduleOf = (loan: LedgerLoan): Instalment[] =>
  buildSchedule({ principalFen: loan.principalFen, annualRateMicros: loan.annualRateMicros, termMonths: loan.termMonths, disbursedOn: loan.disbursedOn, method: loan.method });

/**
 * Owed on `on` (YYYY-MM-DD, not before disbursement). Interest for a part period accrues on the
 * principal still outstanding at the rate / 360, rounded half-up once, the way the bank charges an
 * early settlement; after maturity no ordinary interest accrues (penalty interest is the bank's
 * and never counted here).
 */
export function owedOn(loan: LedgerLoan, repayments: readonly RecordedRepayment[], on: string): Owed {
  const schedule = scheduleOf(loan);
  const principalRepaidFen = repayments.reduce((s, r) => s + r.principalFen, 0n);
  const interestPaidFen = repayments.reduce((s, r) => s + r.interestFen, 0n);
  const outstanding = loan.principalFen - principalRepaidFen;

  let scheduledInterest = 0n;
  let lastDue = loan.disbursedOn;
  for (const i of schedule) {
    if (i.dueOn > on) break;
    scheduledInterest += i.interestFen;
    lastDue = i.dueOn;
  }
  const maturity = schedule.at(-1)?.dueOn ?? loan.disbursedOn;
  const accrued =
    on < maturity && outstanding > 0n
      ? accruedInterestFen({ principalFen: outstanding, annualRateMicros: loan.annualRateMicros, days: daysBetween(lastDue, on) })
      : 0n;
  const interest = scheduledInterest + accrued - interestPaidFen;
  return {
    principalFen: outstanding > 0n ? outstanding : 0n,
    interestFen: interest > 0n ? interest : 0n,
    principalRepaidFen,
    interestPaidFen,
  };
}

/** Days from the first missed date to `on` (0 when not yet due). */
export const overdueDays = (firstMissedOn: string, on: string): number => Math.max(0, daysBetween(firstMissedOn, on));
