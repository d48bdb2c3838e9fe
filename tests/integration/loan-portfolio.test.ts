import { describe, expect, it } from "vitest";
import { addMonthsClamped } from "@/lib/loans/schedule";
import { listPortfolio, portfolioTotals } from "@/lib/loans/portfolio-queries";
import { servicingForCase } from "@/lib/loans/servicing-queries";
import { compensateLoan, reportOverdue } from "@/lib/loans/services/loan-status";
import { recordRecovery } from "@/lib/loans/services/servicing/record-recovery";
import { recordRepayment } from "@/lib/loans/services/servicing/record-repayment";
import { beijingToday } from "@/lib/calendar/beijing";
import { db, uniqueSuffix } from "../support/db";
import { createStaff, ensureReferenceData, staffActor } from "../support/factories";
import { exportTooLarge, portfolioCsvStream, portfolioXlsx } from "@/lib/loans/portfolio-export";
import ExcelJS from "exceljs";
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

describe("portfolio exports", () => {
  it("stream every loan of the list page by page, as CSV and XLSX, in maturity order; a list over the limit is refused with its size", async () => {
    await ensureReferenceData();
    const org = await db.organisation.create({ data: { code: `X-${uniqueSuffix()}`, type: "BANK", nameZh: "导出银行", nameEn: "XB" } });
    const bank = await createStaff(org.code, "BANK_OFFICER");
    const { applicationId } = await disbursedLoan({ bankCode: org.code });
    const app = await db.loanApplication.findUniqueOrThrow({ where: { id: applicationId } });
    // 2,345 more loans in SQL: more than two export pages.
    const tag = uniqueSuffix();
    await db.$executeRaw`
      WITH apps AS (
        INSERT INTO "LoanApplication" (id, number, status, "applicantId", "enterpriseId", "bankOrgId", "amountFen", "termMonths", "updatedAt")
        SELECT gen_random_uuid(), ${`XP-${tag}-`} || g, 'ACTIVE', ${app.applicantId}::uuid, ${app.enterpriseId}::uuid, ${org.id}::uuid, 10000000, 12, now()
        FROM generate_series(1, 2345) AS g RETURNING id, number)
      INSERT INTO "Loan" (id, "applicationId", "enterpriseId", "bankOrgId", "contractNo", "principalFen", "disbursedFen", "annualRateMicros", "lprReference",
        "termMonths", "repaymentMethod", status, "disbursedOn", "maturityOn")
      SELECT gen_random_uuid(), a.id, ${app.enterpriseId}::uuid, ${org.id}::uuid, 'HT-' || a.number, 10000000, 10000000, 34500, 'LPR', 12,
        'INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY', 'ACTIVE', DATE '2026-01-01', DATE '2026-06-01' + (substr(a.number, length(${`XP-${tag}-`}) + 1)::int % 400)
      FROM apps a`;
    const words = { header: (c: string) => c, status: (s: string) => `status:${s}` };
    try {
      await checkExports();
    } finally {
      // The other files share this database: jobs over every active loan (reminders) must not inherit 2,345 of them.
      await db.$executeRaw`DELETE FROM "Loan" WHERE "contractNo" LIKE ${`HT-XP-${tag}-%`}`;
      await db.$executeRaw`DELETE FROM "LoanApplication" WHERE number LIKE ${`XP-${tag}-%`}`;
    }

    async function checkExports() {
      const csv = await new Response(portfolioCsvStream(bank, { filter: "all" }, words)).text();
      const lines = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
      expect(lines[0]).toBe("contractNo,enterprise,bank,status,principal,outstanding,overduePrincipal,overdueInterest,compensated,recovered,disbursedOn,maturityOn");
      const body = lines.slice(1);
      expect(body).toHaveLength(2346);
      expect(new Set(body.map((l) => l.split(",")[0])).size).toBe(2346);
      const maturities = body.map((l) => l.split(",")[11]!);
      expect(maturities).toEqual([...maturities].sort());
      expect(body.find((l) => l.startsWith(`HT-XP-${tag}-7,`))).toMatch(/,status:ACTIVE,100000\.00,100000\.00,0\.00,0\.00,0\.00,0\.00,2026-01-01,/);

      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(await new Response(portfolioXlsx(bank, { filter: "all" }, { ...words, sheet: "loans", about: { title: "about", rows: [] } })).arrayBuffer()) as unknown as ArrayBuffer);
      const sheet = book.getWorksheet("loans")!;
      expect(sheet.rowCount).toBe(2347);
      const first = sheet.getRow(2);
      expect([first.getCell(5).value, first.getCell(6).value]).toEqual([
        Number(lines[1]!.split(",")[4]), Number(lines[1]!.split(",")[5]),
      ]);
      expect(first.getCell(1).value).toBe(lines[1]!.split(",")[0]);

      expect(await exportTooLarge(bank, { filter: "all" }, 2346)).toBeNull();
      expect(await exportTooLarge(bank, { filter: "all" }, 2345)).toBe(2346);
      expect(await exportTooLarge(bank, { filter: "overdue" }, 0)).toBeNull();
    }
  }, 120_000);
});
