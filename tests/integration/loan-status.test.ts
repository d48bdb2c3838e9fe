import { describe, expect, it } from "vitest";
import { compensateLoan, cureOverdue, reportOverdue, settleLoan } from "@/lib/loans/services/loan-status";
import { timelineOf } from "@/lib/applications/timeline";
import { addMonthsClamped } from "@/lib/loans/schedule";
import { beijingToday } from "@/lib/calendar/beijing";
import { db } from "../support/db";
import { outcome } from "../support/outcome";
import { worded } from "../support/words";
import { staffActor } from "../support/factories";
import { disbursedLoan } from "./loan-servicing-support";

describe("the loan after disbursement", () => {
  it("overdue, cured, overdue again, compensated by the guarantor: the loan and the case move together", async () => {
    const bank = await staffActor("officer@bank.demo");
    const guarantor = await staffActor("officer@guarantor.demo");
    const { applicationId: id, loanId, disbursedOn } = await disbursedLoan();
    const today = beijingToday();
    const missed = addMonthsClamped(disbursedOn, 1);
    const loanStatus = async () => (await db.loan.findUniqueOrThrow({ where: { id: loanId } })).status;
    await reportOverdue(bank, { applicationId: id, version: 9, comment: "3 月付息未到账", principalFen: 0n, interestFen: 50_000n, firstMissedOn: missed });
    expect(await loanStatus()).toBe("OVERDUE");
    await cureOverdue(bank, { applicationId: id, version: 10, comment: "已补缴", curedOn: today });
    expect(await loanStatus()).toBe("ACTIVE");
    await reportOverdue(bank, { applicationId: id, version: 11, comment: "再次逾期", principalFen: 0n, interestFen: 50_000n, firstMissedOn: missed });
    expect(await outcome(compensateLoan(bank, { applicationId: id, version: 12, comment: "x x", amountFen: 50_000n, paidOn: today }))).toBe("FORBIDDEN");
    await compensateLoan(guarantor, { applicationId: id, version: 12, comment: "已代偿本息", amountFen: 50_000n, paidOn: today });
    expect(await loanStatus()).toBe("COMPENSATED");
    expect((await db.loanApplication.findUniqueOrThrow({ where: { id } })).status).toBe("COMPENSATED");
    expect((await timelineOf(id)).map((e) => e.event)).toEqual(["overdue_reported", "cured", "overdue_reported", "compensated"]);
    // The applicant is told of each step as a coded notice, worded when read in the reader's language.
    const { applicantId, number } = await db.loanApplication.findUniqueOrThrow({ where: { id } });
    const notices = await db.notification.findMany({ where: { userId: applicantId, applicationId: id, code: "loanStatusChanged" }, orderBy: { createdAt: "asc" } });
    expect(notices.map((n) => [n.params, n.title])).toEqual(["overdue", "cured", "overdue", "compensated"].map((step) => [{ number, step }, ""]));
    const compensated = { key: "inbox.notice.loanStatusChanged.title", values: { number, step: "compensated" } };
    expect(worded(compensated, "en")).toBe(`Loan ${number}: Paid by the guarantor`);
    expect(worded(compensated)).toBe(`贷款 ${number}：担保代偿`);
  });

  it("settles on a past date with the final repayment, never a future one", async () => {
    const bank = await staffActor("officer@bank.demo");
    const { applicationId: id, loanId, disbursedOn } = await disbursedLoan();
    const on = addMonthsClamped(disbursedOn, 1);
    const final = { principalFen: 30_000_000n, interestFen: 0n, reference: "FINAL-1" };
    expect(await outcome(settleLoan(bank, { applicationId: id, version: 9, comment: "提前还款", settledOn: "2999-01-01", ...final }))).toBe("VALIDATION");
    await settleLoan(bank, { applicationId: id, version: 9, comment: "提前还清", settledOn: on, ...final });
    const loan = await db.loan.findUniqueOrThrow({ where: { id: loanId } });
    expect(loan.status).toBe("SETTLED");
    expect(loan.closedOn?.toISOString().slice(0, 10)).toBe(on);
  });
});
