import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accruedInterestFen } from "@/lib/loans/interest";
import { daysBetween } from "@/lib/loans/schedule";
import { checkRecovery, checkRepayment } from "@/lib/loans/servicing/checks";
import { owedOn, scheduleOf, type LedgerLoan } from "@/lib/loans/servicing/ledger";

const loan: LedgerLoan = { principalFen: 50_000_000n, annualRateMicros: 34_500, termMonths: 12, method: "INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY", disbursedOn: "2025-03-15" };

describe("what is owed on a day", () => {
  it("is nothing on the day of disbursement, the first instalment's interest on its due date", () => {
    expect(owedOn(loan, [], "2025-03-15")).toMatchObject({ principalFen: 50_000_000n, interestFen: 0n });
    expect(owedOn(loan, [], "2025-04-15").interestFen).toBe(scheduleOf(loan)[0]!.interestFen);
  });

  it("adds the interest accrued since the last due date on the principal outstanding (early settlement)", () => {
    const paid = [{ principalFen: 20_000_000n, interestFen: scheduleOf(loan)[0]!.interestFen, paidOn: "2025-04-15" }];
    expect(owedOn(loan, paid, "2025-04-25")).toMatchObject({
      principalFen: 30_000_000n,
      interestFen: accruedInterestFen({ principalFen: 30_000_000n, annualRateMicros: 34_500, days: daysBetween("2025-04-15", "2025-04-25") }),
    });
  });

  it("after maturity only the scheduled interest is owed (penalty interest is not ordinary interest)", () => {
    const total = scheduleOf(loan).reduce((s, i) => s + i.interestFen, 0n);
    expect(owedOn(loan, [], "2027-01-01")).toMatchObject({ principalFen: 50_000_000n, interestFen: total });
  });

  it("paying every instalment as scheduled leaves nothing owed, for any loan (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 100n, max: 100_000_000n }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 36 }),
        fc.constantFrom("INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY" as const, "EQUAL_INSTALMENTS" as const),
        (principalFen, annualRateMicros, termMonths, method) => {
          const l = { principalFen, annualRateMicros, termMonths, method, disbursedOn: "2024-01-31" };
          const paid: { principalFen: bigint; interestFen: bigint; paidOn: string }[] = [];
          for (const i of scheduleOf(l)) {
            if (i.principalFen + i.interestFen === 0n) continue; // nothing falls due (a zero rate before maturity)
            expect(() => checkRepayment(l, paid, { principalFen: i.principalFen, interestFen: i.interestFen + 1n, paidOn: i.dueOn }, "2099-01-01")).toThrow();
            checkRepayment(l, paid, { principalFen: i.principalFen, interestFen: i.interestFen, paidOn: i.dueOn }, "2099-01-01");
            paid.push({ principalFen: i.principalFen, interestFen: i.interestFen, paidOn: i.dueOn });
          }
          expect(owedOn(l, paid, "2099-01-01")).toMatchObject({ principalFen: 0n, interestFen: 0n });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("recoveries", () => {
  it("never above the compensated amount less what was recovered", () => {
    const c = { amountFen: 1_000n, paidOn: "2025-06-01" };
    expect(() => checkRecovery(c, 400n, { amountFen: 600n, recoveredOn: "2025-06-02" }, "2025-07-01")).not.toThrow();
    expect(() => checkRecovery(c, 400n, { amountFen: 601n, recoveredOn: "2025-06-02" }, "2025-07-01")).toThrow(expect.objectContaining({ reason: "ABOVE_RECOVERABLE" }));
    expect(() => checkRecovery(c, 0n, { amountFen: 1n, recoveredOn: "2025-05-31" }, "2025-07-01")).toThrow(expect.objectContaining({ reason: "DATE_BEFORE_COMPENSATION" }));
  });
});
