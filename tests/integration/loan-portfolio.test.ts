import { describe, expect, it } from "vitest";
import { addMonthsClamped } from "@/lib/loans/schedule";
import { listPortfolio, portfolioTotals } from "@/lib/loans/portfolio-queries";
import { servicingForCase } from "@/lib/loans/servicing-queries";
import { compensateLoan, reportOverdue } from "@/lib/loans/services/loan-status";
import { recordRecovery } from "@/lib/loans/services/servicing/record-recovery";
import { recordRepayment } from "@/lib/loans/services/servicing/record-repayment";
import { beijingToday } from "@/lib/subsidies/periods";
import { db, uniqueSuffix } from "../support/db";
import { createStaff, staffActor } from "../support/factories";
import { disbursedLoan } from "./loan-servicing-support";

describe("loan portfolios", () => {
  it("each bank sees its own loans, filtered, searched and keyset-paged; the totals are over the whole scope", async () => {
    const org = await db.organisation.create({ data: { code: `B-${uniqueSuffix()}`, type: "BANK", nameZh: "台账银行", nameEn: "PB" } });
    const bank = await createStaff(org.code, "BANK_OFFICER");
    const tag = uniqueSuffix();
    const loans = [];
    // The first matures today (within 30 days), the others 2 to 5 months from now.
    for (let i = 0; i < 5; i += 1) loans.push(await disbursedLoan({ bankCode: org.code, monthsAgo: i === 0 ? 11 : 11 - i, termMonths: i === 0 ? 11 : 12, enterpriseName: `台账企业${tag}-${i}` }));
    const soon = loans[0]!;
    await recordRepayment(bank, { applicationId: loans[1]!.applicationId, principalFen: 1_000_000n, interestFen: 0n, paidOn: addMonthsClamped(loans[1]!.disbursedOn, 1), reference: "P1" });
    await reportOverdue(bank, { applicationId: loans[2]!.applicationId, version: 9, comment: "逾期", principalFen: 0n, interestFen: 50_000n, firstMissedOn: addMonthsClamped(loans[2]!.disbursedOn, 1) });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listPortfolio>> = await listPortfolio(bank, { cursor, pageSize: 2 });
      seen.push(...page.rows.map((r) => r.contractNo));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(loans.map((l) => l.contractNo)); // maturity order, each once
    expect((await listPortfolio(bank, { filter: "overdue" })).rows.map((r) => r.contractNo)).toEqual([loans[2]!.contractNo]);
    expect((await listPortfolio(bank, { filter: "dueSoon" })).rows.map((r) => r.contractNo)).toEqual([soon.contractNo]);
    expect((await listPortfolio(bank, { q: `${tag}-3` })).rows.map((r) => r.contractNo)).toEqual([loans[3]!.contractNo]);
    expect((await listPortfolio(bank, { q: loans[4]!.contractNo.toLowerCase() })).rows).toHaveLength(1);
    const row = (await listPortfolio(bank, { q: loans[1]!.contractNo })).rows[0]!;
    expect(row.outstandingFen).toBe(29_000_000n);

    expect(await portfolioTotals(bank)).toEqual({
      loans: 5, outstandingPrincipalFen: 5n * 30_000_000n - 1_000_000n, overduePrincipalFen: 0n, overdueInterestFen: 50_000n, compensatedFen: 0n, recoveredFen: 0n,
    });
    // The demo bank's portfolio does not include these loans.
    const demoBank = await staffActor("officer@bank.demo");
    expect((await listPortfolio(demoBank, { q: tag })).rows).toEqual([]);
  });

  it("the centre's totals move by exactly the overdue, the 代偿 and the recoveries recorded", async () => {
    const [bank, guarantor, centre] = await Promise.all([staffActor("officer@bank.demo"), staffActor("officer@guarantor.demo"), staffActor("reviewer@center.demo")]);
    const loan = await disbursedLoan({ monthsAgo: 3 });
    const before = await portfolioTotals(centre);
    await reportOverdue(bank, { applicationId: loan.applicationId, version: 9, comment: "逾期", principalFen: 2_000_000n, interestFen: 86_250n, firstMissedOn: addMonthsClamped(loan.disbursedOn, 1) });
    const overdue = await portfolioTotals(centre);
    expect(overdue.overduePrincipalFen - before.overduePrincipalFen).toBe(2_000_000n);
    expect(overdue.overdueInterestFen - before.overdueInterestFen).toBe(86_250n);
    await compensateLoan(guarantor, { applicationId: loan.applicationId, version: 10, comment: "代偿", amountFen: 30_086_250n, paidOn: beijingToday() });
    await recordRecovery(guarantor, { applicationId: loan.applicationId, amountFen: 1_000_000n, recoveredOn: beijingToday(), reference: "R1" });
    await recordRecovery(guarantor, { applicationId: loan.applicationId, amountFen: 2_500_000n, recoveredOn: beijingToday(), reference: "R2" });
    const after = await portfolioTotals(centre);
    expect(after.compensatedFen - before.compensatedFen).toBe(30_086_250n);
    expect(after.recoveredFen - before.recoveredFen).toBe(3_500_000n);
    expect(after.overduePrincipalFen).toBe(before.overduePrincipalFen); // no longer overdue: compensated
    // The compensated loan left the running book: its principal is no longer outstanding to the bank.
    expect(before.outstandingPrincipalFen - after.outstandingPrincipalFen).toBe(30_000_000n);
    expect((await listPortfolio(guarantor, { filter: "compensated", q: loan.contractNo })).rows[0]).toMatchObject({ compensatedFen: 30_086_250n, recoveredFen: 3_500_000n });
  });

  it("a renewal's case page shows the earlier loan's repayments, overdue days and 代偿", async () => {
    const [bank, guarantor] = await Promise.all([staffActor("officer@bank.demo"), staffActor("officer@guarantor.demo")]);
    const earlier = await disbursedLoan({ monthsAgo: 4 });
    const missed = addMonthsClamped(earlier.disbursedOn, 1);
    await recordRepayment(bank, { applicationId: earlier.applicationId, principalFen: 0n, interestFen: 86_250n, paidOn: missed, reference: "I1" });
    await reportOverdue(bank, { applicationId: earlier.applicationId, version: 9, comment: "逾期", principalFen: 0n, interestFen: 80_000n, firstMissedOn: addMonthsClamped(earlier.disbursedOn, 2) });
    await compensateLoan(guarantor, { applicationId: earlier.applicationId, version: 10, comment: "代偿", amountFen: 1_000_000n, paidOn: addMonthsClamped(earlier.disbursedOn, 3) });
    const renewal = await db.loanApplication.create({
      data: { number: `R-${uniqueSuffix()}`, applicantId: earlier.applicant.userId, enterpriseId: earlier.enterpriseId, kind: "RENEWAL", status: "CENTER_REVIEW",
        previousLoanId: earlier.loanId, categoryCode: "SMALL_MICRO", amountFen: 30_000_000n, termMonths: 12, purpose: "续贷", repaymentSource: "经营收入",
        guarantorOrgId: (await db.organisation.findUniqueOrThrow({ where: { code: "SCDB" } })).id },
    });
    const centre = await staffActor("reviewer@center.demo");
    const view = await servicingForCase(centre, renewal.id);
    expect(view?.current).toBeNull();
    expect(view?.earlier).toHaveLength(1);
    const e = view!.earlier[0]!;
    expect(e.repayments.map((r) => r.interestFen)).toEqual([86_250n]);
    expect(e.overdues[0]!.days).toBe(Math.round((Date.parse(`${addMonthsClamped(earlier.disbursedOn, 3)}T00:00:00Z`) - Date.parse(`${addMonthsClamped(earlier.disbursedOn, 2)}T00:00:00Z`)) / 86_400_000));
    expect(e.compensation?.amountFen).toBe(1_000_000n);
    // The bank does not hold this renewal yet: not found.
    expect(await servicingForCase(bank, renewal.id)).toBeNull();
  });
});
