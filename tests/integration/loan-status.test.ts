import { describe, expect, it } from "vitest";
import { compensateLoan, cureOverdue, reportOverdue, settleLoan } from "@/lib/loans/services/loan-status";
import { timelineOf } from "@/lib/applications/timeline";
import { db, uniqueSuffix } from "../support/db";
import { outcome } from "../support/outcome";
import { createApplicant, createReadyDraft, staffActor } from "../support/factories";

async function activeLoan() {
  const applicant = await createApplicant();
  const draft = await createReadyDraft(applicant);
  const [bank, guarantor, policy] = await Promise.all([
    db.organisation.findUniqueOrThrow({ where: { code: "BJRCB" } }),
    db.organisation.findUniqueOrThrow({ where: { code: "SCDB" } }),
    db.policyVersion.findFirstOrThrow(),
  ]);
  await db.loanApplication.update({ where: { id: draft.id }, data: { status: "ACTIVE", version: 9, bankOrgId: bank.id, guarantorOrgId: guarantor.id, policyVersionId: policy.id } });
  const loan = await db.loan.create({
    data: { applicationId: draft.id, enterpriseId: draft.enterpriseId, bankOrgId: bank.id, contractNo: `L-${uniqueSuffix()}`, principalFen: 30_000_000n,
      annualRateMicros: 30_000, lprReference: "LPR", termMonths: 12, repaymentMethod: "INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY", status: "ACTIVE", disbursedOn: new Date("2026-01-05T00:00:00Z") },
  });
  return { id: draft.id, loanId: loan.id, applicant };
}

describe("the loan after disbursement", () => {
  it("overdue, cured, overdue again, compensated by the guarantor: the loan and the case move together", async () => {
    const bank = await staffActor("officer@bank.demo");
    const guarantor = await staffActor("officer@guarantor.demo");
    const { id, loanId } = await activeLoan();
    const loanStatus = async () => (await db.loan.findUniqueOrThrow({ where: { id: loanId } })).status;
    await reportOverdue(bank, { applicationId: id, version: 9, comment: "3 月付息未到账" });
    expect(await loanStatus()).toBe("OVERDUE");
    await cureOverdue(bank, { applicationId: id, version: 10, comment: "已补缴" });
    expect(await loanStatus()).toBe("ACTIVE");
    await reportOverdue(bank, { applicationId: id, version: 11, comment: "再次逾期" });
    expect(await outcome(compensateLoan(bank, { applicationId: id, version: 12, comment: "x x" }))).toBe("FORBIDDEN");
    await compensateLoan(guarantor, { applicationId: id, version: 12, comment: "已代偿本息" });
    expect(await loanStatus()).toBe("COMPENSATED");
    expect((await db.loanApplication.findUniqueOrThrow({ where: { id } })).status).toBe("COMPENSATED");
    expect((await timelineOf(id)).map((e) => e.event)).toEqual(["overdue_reported", "cured", "overdue_reported", "compensated"]);
  });

  it("settles on a past date, never a future one", async () => {
    const bank = await staffActor("officer@bank.demo");
    const { id, loanId } = await activeLoan();
    expect(await outcome(settleLoan(bank, { applicationId: id, version: 9, comment: "提前还款", settledOn: "2999-01-01" }))).toBe("VALIDATION");
    await settleLoan(bank, { applicationId: id, version: 9, comment: "到期还清", settledOn: "2026-06-30" });
    const loan = await db.loan.findUniqueOrThrow({ where: { id: loanId } });
    expect(loan.status).toBe("SETTLED");
    expect(loan.closedOn?.toISOString().slice(0, 10)).toBe("2026-06-30");
  });
});
