import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { addMonthsClamped } from "@/lib/loans/schedule";
import { owedOn, scheduleOf } from "@/lib/loans/servicing/ledger";
import { isServicingRefusal } from "@/lib/loans/servicing/refusal";
import { compensateLoan, cureOverdue, reportOverdue, settleLoan } from "@/lib/loans/services/loan-status";
import { recordRepayment } from "@/lib/loans/services/servicing/record-repayment";
import { recordRecovery } from "@/lib/loans/services/servicing/record-recovery";
import { beijingToday } from "@/lib/calendar/beijing";
import { prepareLines } from "@/lib/subsidies/services/statement-intake";
import { db, uniqueSuffix } from "../support/db";
import { outcome } from "../support/outcome";
import { auditCount, createStaff, staffActor } from "../support/factories";
import { disbursedLoan } from "./loan-servicing-support";

/** The refusal's reason code (or the AppError code, or OK). */
async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (e) {
    if (isServicingRefusal(e)) return e.reason;
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

const repaymentsOf = (loanId: string) => db.loanRepayment.findMany({ where: { loanId }, orderBy: { paidOn: "asc" } });

describe("repayments reconcile with the schedule to the fen", () => {
  for (const method of ["INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY", "EQUAL_INSTALMENTS"] as const) {
    it(`${method}: every instalment on its day is accepted, one fen more never, and the loan settles with nothing left`, async () => {
      const bank = await staffActor("officer@bank.demo");
      const loan = await disbursedLoan({ monthsAgo: 13, method, principalFen: 12_345_678n });
      const row = await db.loan.findUniqueOrThrow({ where: { id: loan.loanId } });
      const ledger = { principalFen: row.principalFen, annualRateMicros: row.annualRateMicros, termMonths: row.termMonths, method, disbursedOn: loan.disbursedOn };
      const schedule = scheduleOf(ledger);
      for (const i of schedule) {
        const base = { applicationId: loan.applicationId, paidOn: i.dueOn };
        // One fen above the instalment's interest is more than is owed that day; so is one fen above the principal left.
        expect(await refusal(recordRepayment(bank, { ...base, principalFen: i.principalFen, interestFen: i.interestFen + 1n, reference: `X-${i.seq}` }))).toBe("ABOVE_OWED");
        expect(await refusal(recordRepayment(bank, { ...base, principalFen: i.principalFen + i.balanceAfterFen + 1n, interestFen: i.interestFen, reference: `Y-${i.seq}` }))).toBe("ABOVE_OWED");
        expect(await refusal(recordRepayment(bank, { ...base, principalFen: i.principalFen, interestFen: i.interestFen, reference: `P-${i.seq}` }))).toBe("OK");
      }
      const stored = await repaymentsOf(loan.loanId);
      expect(stored.reduce((s, r) => s + r.principalFen, 0n)).toBe(row.principalFen);
      expect(stored.reduce((s, r) => s + r.interestFen, 0n)).toBe(schedule.reduce((s, i) => s + i.interestFen, 0n));
      const asRecorded = stored.map((r) => ({ principalFen: r.principalFen, interestFen: r.interestFen, paidOn: r.paidOn.toISOString().slice(0, 10) }));
      expect(owedOn(ledger, asRecorded, beijingToday())).toMatchObject({ principalFen: 0n, interestFen: 0n });
      expect(await refusal(recordRepayment(bank, { applicationId: loan.applicationId, principalFen: 0n, interestFen: 1n, paidOn: beijingToday(), reference: "EXTRA" }))).toBe("ABOVE_OWED");
      await settleLoan(bank, { applicationId: loan.applicationId, version: 9, comment: "到期结清", settledOn: beijingToday() });
      expect((await db.loan.findUniqueOrThrow({ where: { id: loan.loanId } })).status).toBe("SETTLED");
    }, 60_000);
  }
});

describe("recording a repayment", () => {
  it("refuses bad dates and amounts with the figures, stores nothing, and is scoped to the bank", async () => {
    const bank = await staffActor("officer@bank.demo");
    const guarantor = await staffActor("officer@guarantor.demo");
    const otherBank = await db.organisation.create({ data: { code: `B-${uniqueSuffix()}`, type: "BANK", nameZh: "他银行", nameEn: "B2" } });
    const foreign = await createStaff(otherBank.code, "BANK_OFFICER");
    const loan = await disbursedLoan({ monthsAgo: 2 });
    const firstDue = addMonthsClamped(loan.disbursedOn, 1);
    const base = { applicationId: loan.applicationId, principalFen: 0n, interestFen: 10_000n, reference: "R-1" };
    expect(await refusal(recordRepayment(bank, { ...base, paidOn: addMonthsClamped(loan.disbursedOn, -1) }))).toBe("DATE_BEFORE_DISBURSEMENT");
    expect(await refusal(recordRepayment(bank, { ...base, paidOn: addMonthsClamped(beijingToday(), 1) }))).toBe("DATE_IN_FUTURE");
    expect(await refusal(recordRepayment(bank, { ...base, interestFen: 0n, paidOn: firstDue }))).toBe("NOTHING_ENTERED");
    const tooMuch = recordRepayment(bank, { ...base, principalFen: 30_000_001n, paidOn: firstDue });
    await expect(tooMuch).rejects.toMatchObject({ reason: "ABOVE_OWED", params: { principalOwed: "30000000", principal: "30000001" } });
    expect(await outcome(recordRepayment(foreign, { ...base, paidOn: firstDue }))).toBe("NOT_FOUND");
    expect(await outcome(recordRepayment(guarantor, { ...base, paidOn: firstDue }))).toBe("FORBIDDEN");
    expect(await repaymentsOf(loan.loanId)).toEqual([]);
    expect(await auditCount(loan.applicationId, "application.repayment_recorded")).toBe(0);

    const first = await recordRepayment(bank, { ...base, paidOn: firstDue });
    const retry = await recordRepayment(bank, { ...base, paidOn: firstDue });
    expect(retry).toEqual({ id: first.id, repeated: true });
    expect(await repaymentsOf(loan.loanId)).toHaveLength(1);
    expect(await auditCount(loan.applicationId, "application.repayment_recorded")).toBe(1);
  });

  it("two officers recording the same repayment at once: exactly one is stored", async () => {
    const [a, b] = [await staffActor("officer@bank.demo"), await createStaff("BJRCB", "BANK_OFFICER")];
    const loan = await disbursedLoan({ monthsAgo: 3 });
    const input = { applicationId: loan.applicationId, principalFen: 1_000_000n, interestFen: 0n, paidOn: addMonthsClamped(loan.disbursedOn, 1), reference: "SAME-1" };
    const results = await Promise.allSettled([recordRepayment(a, input), recordRepayment(b, input)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failed.reason).toMatchObject({ code: "DUPLICATE", reason: "REFERENCE_TAKEN" });
    expect(await repaymentsOf(loan.loanId)).toHaveLength(1);
    expect(await auditCount(loan.applicationId, "application.repayment_recorded")).toBe(1);
  });

  it("two different repayments at once never exceed what is owed together", async () => {
    const [a, b] = [await staffActor("officer@bank.demo"), await createStaff("BJRCB", "BANK_OFFICER")];
    const loan = await disbursedLoan({ monthsAgo: 3 });
    const paidOn = addMonthsClamped(loan.disbursedOn, 1);
    const half = { applicationId: loan.applicationId, principalFen: 20_000_000n, interestFen: 0n, paidOn };
    const results = await Promise.allSettled([recordRepayment(a, { ...half, reference: "A" }), recordRepayment(b, { ...half, reference: "B" })]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((await repaymentsOf(loan.loanId)).reduce((s, r) => s + r.principalFen, 0n)).toBe(20_000_000n);
  });
});

describe("overdue, cure, settlement", () => {
  it("an overdue carries its amounts and first missed date; bad figures are refused; a second cure is refused", async () => {
    const bank = await staffActor("officer@bank.demo");
    const loan = await disbursedLoan({ monthsAgo: 3 });
    const missed = addMonthsClamped(loan.disbursedOn, 1);
    const step = { applicationId: loan.applicationId, version: 9, comment: "未按期付息" };
    expect(await refusal(reportOverdue(bank, { ...step, principalFen: 0n, interestFen: 10_000n, firstMissedOn: addMonthsClamped(beijingToday(), 1) }))).toBe("DATE_IN_FUTURE");
    expect(await refusal(reportOverdue(bank, { ...step, principalFen: 0n, interestFen: 10_000n, firstMissedOn: addMonthsClamped(loan.disbursedOn, -1) }))).toBe("DATE_BEFORE_DISBURSEMENT");
    expect(await refusal(reportOverdue(bank, { ...step, principalFen: 30_000_001n, interestFen: 0n, firstMissedOn: missed }))).toBe("OVERDUE_ABOVE_OWED");
    expect(await db.loanOverdue.count({ where: { loanId: loan.loanId } })).toBe(0);
    expect((await db.loan.findUniqueOrThrow({ where: { id: loan.loanId } })).status).toBe("ACTIVE");

    await reportOverdue(bank, { ...step, principalFen: 0n, interestFen: 86_250n, firstMissedOn: missed });
    const open = await db.loanOverdue.findFirstOrThrow({ where: { loanId: loan.loanId } });
    expect(open).toMatchObject({ principalFen: 0n, interestFen: 86_250n, curedOn: null });
    expect(await refusal(cureOverdue(bank, { ...step, version: 10, curedOn: addMonthsClamped(missed, -1) }))).toBe("DATE_BEFORE_MISSED");
    await cureOverdue(bank, { ...step, version: 10, curedOn: beijingToday() });
    expect((await db.loanOverdue.findFirstOrThrow({ where: { loanId: loan.loanId } })).curedOn?.toISOString().slice(0, 10)).toBe(beijingToday());
    expect(await outcome(cureOverdue(bank, { ...step, version: 11, curedOn: beijingToday() }))).toBe("INVALID_TRANSITION");
    expect((await db.loan.findUniqueOrThrow({ where: { id: loan.loanId } })).status).toBe("ACTIVE");
  });

  it("early settlement: refused while principal remains, accepted with the outstanding principal and the accrued interest", async () => {
    const bank = await staffActor("officer@bank.demo");
    const loan = await disbursedLoan({ monthsAgo: 2 });
    const firstDue = addMonthsClamped(loan.disbursedOn, 1);
    await recordRepayment(bank, { applicationId: loan.applicationId, principalFen: 10_000_000n, interestFen: 0n, paidOn: firstDue, reference: "PART" });
    const step = { applicationId: loan.applicationId, version: 9, comment: "提前结清", settledOn: beijingToday() };
    await expect(settleLoan(bank, { ...step, principalFen: 19_999_999n, interestFen: 0n, reference: "END" })).rejects.toMatchObject({ reason: "NOT_FULLY_REPAID", params: { outstanding: "1" } });
    expect(await refusal(settleLoan(bank, { ...step }))).toBe("NOT_FULLY_REPAID");
    expect(await refusal(settleLoan(bank, { ...step, principalFen: 20_000_000n, interestFen: 0n, reference: "" }))).toBe("REFERENCE_REQUIRED");
    expect(await repaymentsOf(loan.loanId)).toHaveLength(1);
    const row = await db.loan.findUniqueOrThrow({ where: { id: loan.loanId } });
    const ledger = { principalFen: row.principalFen, annualRateMicros: row.annualRateMicros, termMonths: row.termMonths, method: row.repaymentMethod, disbursedOn: loan.disbursedOn };
    const owed = owedOn(ledger, (await repaymentsOf(loan.loanId)).map((r) => ({ ...r, paidOn: r.paidOn.toISOString().slice(0, 10) })), beijingToday());
    expect(owed.principalFen).toBe(20_000_000n);
    expect(await refusal(settleLoan(bank, { ...step, principalFen: 20_000_000n, interestFen: owed.interestFen + 1n, reference: "END" }))).toBe("ABOVE_OWED");
    await settleLoan(bank, { ...step, principalFen: 20_000_000n, interestFen: owed.interestFen, reference: "END" });
    expect((await db.loan.findUniqueOrThrow({ where: { id: loan.loanId } })).status).toBe("SETTLED");
    expect(await repaymentsOf(loan.loanId)).toHaveLength(2);
  });
});

describe("代偿 and recoveries", () => {
  it("compensation only for an overdue loan, within what is owed; recoveries never above what was compensated", async () => {
    const bank = await staffActor("officer@bank.demo");
    const guarantor = await staffActor("officer@guarantor.demo");
    const otherG = await db.organisation.create({ data: { code: `G-${uniqueSuffix()}`, type: "GUARANTOR", nameZh: "他担保", nameEn: "G2" } });
    const foreign = await createStaff(otherG.code, "GUARANTOR_OFFICER");
    const loan = await disbursedLoan({ monthsAgo: 3 });
    const missed = addMonthsClamped(loan.disbursedOn, 1);
    const today = beijingToday();
    const step = { applicationId: loan.applicationId, comment: "代偿本息" };
    expect(await refusal(compensateLoan(guarantor, { ...step, version: 9, amountFen: 1_000_000n, paidOn: today }))).toBe("INVALID_TRANSITION");
    await reportOverdue(bank, { ...step, version: 9, principalFen: 0n, interestFen: 86_250n, firstMissedOn: missed });
    expect(await refusal(recordRecovery(guarantor, { applicationId: loan.applicationId, amountFen: 1n, recoveredOn: today, reference: "EARLY" }))).toBe("NOT_COMPENSATED");
    expect(await refusal(compensateLoan(guarantor, { ...step, version: 10, amountFen: 1_000_000n, paidOn: addMonthsClamped(missed, -1) }))).toBe("DATE_BEFORE_MISSED");
    expect(await refusal(compensateLoan(guarantor, { ...step, version: 10, amountFen: 40_000_000n, paidOn: today }))).toBe("COMPENSATION_ABOVE_OWED");
    expect(await outcome(compensateLoan(foreign, { ...step, version: 10, amountFen: 1_000_000n, paidOn: today }))).toBe("NOT_FOUND");
    expect(await db.loanCompensation.count({ where: { loanId: loan.loanId } })).toBe(0);

    await compensateLoan(guarantor, { ...step, version: 10, amountFen: 30_086_250n, paidOn: today });
    expect(await db.loanCompensation.findUniqueOrThrow({ where: { loanId: loan.loanId } })).toMatchObject({ amountFen: 30_086_250n });

    const recover = (amountFen: bigint, reference: string, actor = guarantor) =>
      recordRecovery(actor, { applicationId: loan.applicationId, amountFen, recoveredOn: today, reference });
    expect(await outcome(recover(1n, "BANK", bank))).toBe("FORBIDDEN");
    expect(await outcome(recover(1n, "FOREIGN", foreign))).toBe("NOT_FOUND");
    await recover(10_000_000n, "RC-1");
    await recover(15_000_000n, "RC-2");
    expect((await recover(15_000_000n, "RC-2")).repeated).toBe(true);
    await expect(recover(5_086_251n, "RC-3")).rejects.toMatchObject({
      reason: "ABOVE_RECOVERABLE", params: { compensated: "30086250", recovered: "25000000", recoverable: "5086250" },
    });
    expect(await refusal(recordRecovery(guarantor, { applicationId: loan.applicationId, amountFen: 1n, recoveredOn: addMonthsClamped(today, -1), reference: "OLD" }))).toBe("DATE_BEFORE_COMPENSATION");
    expect(await db.loanRecovery.count({ where: { loanId: loan.loanId } })).toBe(2);
    await recover(5_086_250n, "RC-3");
    expect(await auditCount(loan.applicationId, "application.recovery_recorded")).toBe(3);
  });
});

describe("subsidy and servicing agree", () => {
  it("a loan in 代偿 earns no subsidy from the compensation day: the straddling period is prorated, later ones excluded", async () => {
    const bank = await staffActor("officer@bank.demo");
    const guarantor = await staffActor("officer@guarantor.demo");
    const loan = await disbursedLoan({ monthsAgo: 6 });
    await db.unionStanding.create({ data: { enterpriseId: loan.enterpriseId, validFrom: new Date("2000-01-01T00:00:00Z"), evidence: "会员证" } });
    const d = loan.disbursedOn;
    const compensatedOn = addMonthsClamped(d, 3);
    await reportOverdue(bank, { applicationId: loan.applicationId, version: 9, comment: "逾期", principalFen: 0n, interestFen: 86_250n, firstMissedOn: addMonthsClamped(d, 2) });
    await compensateLoan(guarantor, { applicationId: loan.applicationId, version: 10, comment: "代偿", amountFen: 30_000_000n, paidOn: compensatedOn });

    const line = (n: number, periodStart: string, periodEnd: string) => ({
      line: n, contractNo: loan.contractNo, periodStart, periodEnd, principalBalanceFen: 30_000_000n, annualRateMicros: 34_500,
      interestDueFen: 90_000n, interestPaidFen: 90_000n, paidOn: periodEnd, overdue: false, penaltyInterestFen: 0n, extended: false,
    });
    const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const straddling = line(2, addMonthsClamped(d, 2), dayBefore(addMonthsClamped(d, 4)));
    const prepared = await prepareLines((await db.organisation.findUniqueOrThrow({ where: { code: "BJRCB" } })).id, [
      line(1, d, dayBefore(addMonthsClamped(d, 2))),
      straddling,
      line(3, addMonthsClamped(d, 4), dayBefore(addMonthsClamped(d, 5))),
    ], beijingToday());
    if (!("lines" in prepared)) throw new Error(JSON.stringify(prepared.errors));
    const [before, across, after] = prepared.lines;
    expect(before).toMatchObject({ subsidyFen: 90_000n, excludedReason: null });
    const days = (a: string, b: string) => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
    const counted = BigInt(days(straddling.periodStart, compensatedOn));
    const periodDays = BigInt(days(straddling.periodStart, straddling.periodEnd) + 1);
    expect(across).toMatchObject({ subsidyFen: (90_000n * counted * 2n + periodDays) / (2n * periodDays), excludedReason: null });
    expect(across!.evidence.compensatedOn).toBe(compensatedOn);
    expect(after).toMatchObject({ subsidyFen: 0n, excludedReason: "COMPENSATED" });
  });
});

describe("acting twice", () => {
  it("a repeated overdue report changes nothing; two guarantor officers compensating at once: exactly one 代偿 is stored", async () => {
    const bank = await staffActor("officer@bank.demo");
    const [g1, g2] = [await staffActor("officer@guarantor.demo"), await createStaff("SCDB", "GUARANTOR_OFFICER")];
    const loan = await disbursedLoan({ monthsAgo: 3 });
    const report = { applicationId: loan.applicationId, version: 9, comment: "逾期", principalFen: 0n, interestFen: 86_250n, firstMissedOn: addMonthsClamped(loan.disbursedOn, 1) };
    await reportOverdue(bank, report);
    expect((await reportOverdue(bank, report)).repeated).toBe(true);
    expect(await db.loanOverdue.count({ where: { loanId: loan.loanId } })).toBe(1);

    const pay = { applicationId: loan.applicationId, version: 10, comment: "代偿", amountFen: 1_000_000n, paidOn: beijingToday() };
    const results = await Promise.allSettled([compensateLoan(g1, pay), compensateLoan(g2, pay)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.loanCompensation.count({ where: { loanId: loan.loanId } })).toBe(1);
    expect(await auditCount(loan.applicationId, "application.compensated")).toBe(1);
  });
});
