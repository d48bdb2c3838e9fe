import { owedOn, type LedgerLoan, type RecordedRepayment } from "@/lib/loans/servicing/ledger";
import { assertServicingDate } from "@/lib/loans/servicing/dates";
import { ServicingRefusal } from "@/lib/loans/servicing/refusal";

// The rules a servicing record must meet against the loan's figures; each refusal names the
// figures the officer needs to correct the entry.

export type RepaymentFigures = { principalFen: bigint; interestFen: bigint; paidOn: string };

/** A repayment on its day: after disbursement, not in the future, never above what is owed then. */
export function checkRepayment(loan: LedgerLoan, recorded: readonly RecordedRepayment[], r: RepaymentFigures, today: string): void {
  assertServicingDate("paidOn", r.paidOn, today, { on: loan.disbursedOn, reason: "DATE_BEFORE_DISBURSEMENT" });
  if (r.principalFen + r.interestFen <= 0n) throw new ServicingRefusal("NOTHING_ENTERED", "principalYuan");
  assertWithinOwed("ABOVE_OWED", r, owedOn(loan, recorded, r.paidOn), r.paidOn);
}

export type OverdueFigures = { principalFen: bigint; interestFen: bigint; firstMissedOn: string };

/** An overdue report: a missed date after disbursement and not in the future; amounts within what is owed today. */
export function checkOverdue(loan: LedgerLoan, recorded: readonly RecordedRepayment[], o: OverdueFigures, today: string): void {
  assertServicingDate("firstMissedOn", o.firstMissedOn, today, { on: loan.disbursedOn, reason: "DATE_BEFORE_DISBURSEMENT" });
  if (o.principalFen + o.interestFen <= 0n) throw new ServicingRefusal("NOTHING_ENTERED", "principalYuan");
  assertWithinOwed("OVERDUE_ABOVE_OWED", o, owedOn(loan, recorded, today), today);
}

/** Principal and interest each within what is owed on the day; the refusal names both figures. */
function assertWithinOwed(
  reason: "ABOVE_OWED" | "OVERDUE_ABOVE_OWED",
  entered: { principalFen: bigint; interestFen: bigint },
  owed: { principalFen: bigint; interestFen: bigint },
  on: string,
): void {
  if (entered.principalFen <= owed.principalFen && entered.interestFen <= owed.interestFen) return;
  throw new ServicingRefusal(reason, entered.principalFen > owed.principalFen ? "principalYuan" : "interestYuan", {
    principal: entered.principalFen.toString(),
    interest: entered.interestFen.toString(),
    principalOwed: owed.principalFen.toString(),
    interestOwed: owed.interestFen.toString(),
    on,
  });
}

/** Compensation (daichang): on or after the first missed date, not in the future, at most the principal and interest owed that day. */
export function checkCompensation(
  loan: LedgerLoan,
  recorded: readonly RecordedRepayment[],
  c: { amountFen: bigint; paidOn: string; firstMissedOn: string | null },
  today: string,
): void {
  const earliest = c.firstMissedOn
    ? { on: c.firstMissedOn, reason: "DATE_BEFORE_MISSED" as const }
    : { on: loan.disbursedOn, reason: "DATE_BEFORE_DISBURSEMENT" as const };
  assertServicingDate("paidOn", c.paidOn, today, earliest);
  if (c.amountFen <= 0n) throw new ServicingRefusal("NOTHING_ENTERED", "amountYuan");
  const owed = owedOn(loan, recorded, c.paidOn);
  const total = owed.principalFen + owed.interestFen;
  if (c.amountFen > total) {
    throw new ServicingRefusal("COMPENSATION_ABOVE_OWED", "amountYuan", {
      amount: c.amountFen.toString(), owed: total.toString(), principalOwed: owed.principalFen.toString(), interestOwed: owed.interestFen.toString(), on: c.paidOn,
    });
  }
}

/** A recovery after compensation: on or after the compensation date, never above what is still unrecovered. */
export function checkRecovery(
  c: { amountFen: bigint; paidOn: string },
  recoveredFen: bigint,
  r: { amountFen: bigint; recoveredOn: string },
  today: string,
): void {
  assertServicingDate("recoveredOn", r.recoveredOn, today, { on: c.paidOn, reason: "DATE_BEFORE_COMPENSATION" });
  if (r.amountFen <= 0n) throw new ServicingRefusal("NOTHING_ENTERED", "amountYuan");
  const recoverable = c.amountFen - recoveredFen;
  if (r.amountFen > recoverable) {
    throw new ServicingRefusal("ABOVE_RECOVERABLE", "amountYuan", {
      amount: r.amountFen.toString(), compensated: c.amountFen.toString(), recovered: recoveredFen.toString(), recoverable: recoverable.toString(),
    });
  }
}
