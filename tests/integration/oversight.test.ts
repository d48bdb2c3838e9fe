import { describe, expect, it } from "vitest";
import { sendDeadlineReminders } from "@/lib/jobs/reminders";
import { sendLoanReminders } from "@/lib/jobs/loan-reminders";
import { LATE_COUNT_CAP, lateCaseCount, listOversight, type OversightFilters } from "@/lib/oversight/queries";
import { myAssignedCases, myInbox } from "@/lib/notifications/inbox-queries";
import { markInboxRead } from "@/lib/notifications/services/mark-read";
import { reportOverdue } from "@/lib/loans/services/loan-status";
import { addWorkingDays } from "@/lib/calendar/working-days";
import { workingCalendar } from "@/lib/policy/queries";
import { addMonthsClamped, buildSchedule, isoFromEpochDay, epochDay } from "@/lib/loans/schedule";
import type { StaffActor } from "@/lib/auth/roles";
import { db, textsToUser, uniqueSuffix } from "../support/db";
import { createApplicant, createReadyDraft, createStaff, ensureReferenceData, staffActor } from "../support/factories";
import { scopedApplication } from "@/lib/applications/scope";
import { loanScope } from "@/lib/loans/scope";
import { approveCredit } from "@/lib/reviews/services/bank-review";
import { AppError } from "@/lib/errors";
import { disbursedLoan } from "./loan-servicing-support";

const at = (iso: string) => new Date(`${iso}+08:00`);

/** A case at the demo bank since `entered`, due after the pinned policy's bank review days. */
async function caseAtBank(entered: Date) {
  await ensureReferenceData();
  const applicant = await createApplicant();
  const draft = await createReadyDraft(applicant);
  const [bank, guarantor, policy] = await Promise.all([
    db.organisation.findUniqueOrThrow({ where: { code: "BJRCB" } }),
    db.organisation.findUniqueOrThrow({ where: { code: "SCDB" } }),
    db.policyVersion.findFirstOrThrow({ orderBy: { version: "asc" } }),
  ]);
  const due = addWorkingDays(entered, policy.bankReviewDays, await workingCalendar());
  const app = await db.loanApplication.update({
    where: { id: draft.id },
    data: { status: "BANK_REVIEW", version: 5, bankOrgId: bank.id, guarantorOrgId: guarantor.id, policyVersionId: policy.id, stageEnteredAt: entered, stageDueAt: due },
  });
  return { id: app.id, number: app.number, due, bankId: bank.id };
}

const codesFor = async (actor: StaffActor, applicationId: string) =>
  (await myInbox(actor, { pageSize: 500 })).items
    .filter((i) => i.applicationId === applicationId)
    .map((i) => ("code" in i.notice ? i.notice.code : "worded"))
    .sort();

async function allPages(actor: StaffActor, filters: OversightFilters, now: Date) {
  const numbers: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 100; i += 1) {
    const page = await listOversight(actor, { filters, cursor, pageSize: 1, now });
    numbers.push(...page.rows.map((r) => r.number));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return numbers;
}

describe("the centre oversees every stage", () => {
  it("flags a case left at the bank, reminds the bank, escalates after the working days, and sends nothing twice", async () => {
    const [centre, approver, bankOfficer, guarantorOfficer] = await Promise.all([
      staffActor("reviewer@center.demo"), staffActor("approver@center.demo"), staffActor("officer@bank.demo"), staffActor("officer@guarantor.demo"),
    ]);
    // Monday 8 September 2025; the bank's days end on a working day a week later.
    const late = await caseAtBank(at("2025-09-08T10:00:00"));
    const onTime = await caseAtBank(at("2025-09-12T10:00:00"));
    const dayAfterDue = new Date(late.due.getTime() + 10 * 3600_000); // 10:00 on the next working day
    expect(dayAfterDue < onTime.due).toBe(true);

    // Flagged for the centre, the other case not.
    const view = await listOversight(centre, { filters: { org: late.bankId, stage: "BANK_REVIEW" }, now: dayAfterDue, pageSize: 500 });
    const row = view.rows.find((r) => r.id === late.id)!;
    expect(row).toMatchObject({ late: true, daysLate: 1, reminded: false, escalated: false, holder: { nameZh: expect.any(String) } });
    expect(view.rows.find((r) => r.id === onTime.id)).toMatchObject({ late: false, daysLate: 0 });
    const lateOnly = await listOversight(centre, { filters: { org: late.bankId, lateOnly: true }, now: dayAfterDue, pageSize: 500 });
    expect(lateOnly.rows.map((r) => r.id)).toContain(late.id);
    expect(lateOnly.rows.map((r) => r.id)).not.toContain(onTime.id);
    // Another organisation's filter does not show it.
    const guarantorOrg = await db.organisation.findUniqueOrThrow({ where: { code: "SCDB" } });
    expect((await listOversight(centre, { filters: { org: guarantorOrg.id }, now: dayAfterDue, pageSize: 500 })).rows.map((r) => r.id)).not.toContain(late.id);
    await expect(listOversight(bankOfficer, { now: dayAfterDue })).rejects.toThrow();

    // One working day late: the bank's staff are reminded, nobody is escalated to yet.
    await sendDeadlineReminders(dayAfterDue, { escalateAfterDays: 2 });
    expect(await codesFor(bankOfficer, late.id)).toEqual(["stageOverdue"]);
    expect(await codesFor(approver, late.id)).toEqual([]);
    expect(await codesFor(guarantorOfficer, late.id)).toEqual([]);

    // Two working days late: escalated to the bank's staff and the centre's approver.
    const twoDaysLate = new Date(addWorkingDays(late.due, 2, await workingCalendar()).getTime() - 13 * 3600_000);
    await sendDeadlineReminders(twoDaysLate, { escalateAfterDays: 2 });
    expect(await codesFor(bankOfficer, late.id)).toEqual(["stageEscalated", "stageOverdue"]);
    expect(await codesFor(approver, late.id)).toEqual(["stageEscalated"]);
    expect(await codesFor(guarantorOfficer, late.id)).toEqual([]);
    const escalation = (await myInbox(approver, { pageSize: 500 })).items.find((i) => i.applicationId === late.id)!;
    expect(escalation.notice).toMatchObject({ code: "stageEscalated", group: "escalated", params: { number: late.number, stage: "BANK_REVIEW", daysLate: "2" } });
    expect(escalation.unread).toBe(true);

    // Running the job again, then later, sends nothing twice.
    await sendDeadlineReminders(twoDaysLate, { escalateAfterDays: 2 });
    await sendDeadlineReminders(new Date(twoDaysLate.getTime() + 5 * 86_400_000), { escalateAfterDays: 2 });
    expect(await codesFor(bankOfficer, late.id)).toEqual(["stageEscalated", "stageOverdue"]);
    expect(await codesFor(approver, late.id)).toEqual(["stageEscalated"]);
    expect(await db.sentReminder.count({ where: { applicationId: late.id } })).toBe(2);
    expect(await db.auditEvent.count({ where: { applicationId: late.id, action: { in: ["application.overdue_reminder_sent", "application.escalated"] } } })).toBe(2);

    const after = await listOversight(centre, { filters: { org: late.bankId }, now: twoDaysLate, pageSize: 500 });
    expect(after.rows.find((r) => r.id === late.id)).toMatchObject({ late: true, daysLate: 2, reminded: true, escalated: true });

    // A new stage spell (the case came back to the bank) has its own clock and its own reminders.
    await db.loanApplication.update({ where: { id: late.id }, data: { stageEnteredAt: at("2025-09-22T09:00:00"), stageDueAt: at("2025-09-23T23:59:59") } });
    await sendDeadlineReminders(at("2025-09-24T10:00:00"), { escalateAfterDays: 2 });
    expect(await codesFor(bankOfficer, late.id)).toEqual(["stageEscalated", "stageOverdue", "stageOverdue"]);

    // Reading the inbox clears its unread count, for this user only.
    expect((await myInbox(approver)).unread).toBeGreaterThan(0);
    await markInboxRead(approver);
    expect((await myInbox(approver)).unread).toBe(0);
    expect((await myInbox(bankOfficer)).unread).toBeGreaterThan(0);
  });

  it("a bank with a manager: the late case escalates to the manager too; the manager sees the bank's cases and loans but decides nothing", async () => {
    const approver = await staffActor("approver@center.demo");
    const bank = await db.organisation.create({ data: { code: `BK-${uniqueSuffix()}`, type: "BANK", nameZh: `测试银行${uniqueSuffix().slice(-4)}`, nameEn: "Test bank" } });
    const [officer, manager] = await Promise.all([createStaff(bank.code, "BANK_OFFICER"), createStaff(bank.code, "BANK_MANAGER")]);
    const late = await caseAtBank(at("2025-11-03T10:00:00"));
    await db.loanApplication.update({ where: { id: late.id }, data: { bankOrgId: bank.id } });

    await sendDeadlineReminders(new Date(addWorkingDays(late.due, 3, await workingCalendar()).getTime() - 13 * 3600_000), { escalateAfterDays: 2 });
    expect(await codesFor(officer, late.id)).toEqual(["stageEscalated", "stageOverdue"]);
    expect(await codesFor(manager, late.id)).toEqual(["stageEscalated"]);
    expect(await codesFor(approver, late.id)).toEqual(["stageEscalated"]);

    expect(await db.loanApplication.findFirst({ where: scopedApplication(manager, late.id), select: { id: true } })).toEqual({ id: late.id });
    expect(loanScope(manager)).toEqual({ bankOrgId: bank.id });
    const version = (await db.loanApplication.findUniqueOrThrow({ where: { id: late.id } })).version;
    await expect(approveCredit(manager, {
      applicationId: late.id, version, comment: "主管不审批", principalFen: 100_000n, annualRateMicros: 34_500, termMonths: 12,
      repaymentMethod: "INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY", lprReference: "LPR", contractNo: `HT-${uniqueSuffix()}`,
    })).rejects.toBeInstanceOf(AppError);
    expect((await db.loanApplication.findUniqueOrThrow({ where: { id: late.id } })).status).toBe("BANK_REVIEW");
  });

  it("keyset-pages the oversight list without losing or repeating a case", async () => {
    const centre = await staffActor("approver@center.demo");
    const cases: Awaited<ReturnType<typeof caseAtBank>>[] = [];
    for (const day of ["2025-10-13", "2025-10-14", "2025-10-14", "2025-10-15"]) cases.push(await caseAtBank(at(`${day}T10:00:00`)));
    const now = at("2025-10-30T10:00:00");
    const numbers = await allPages(centre, { org: cases[0]!.bankId, stage: "BANK_REVIEW", lateOnly: true }, now);
    expect(new Set(numbers).size).toBe(numbers.length);
    const mine = numbers.filter((n) => cases.some((c) => c.number === n));
    expect(mine).toHaveLength(4);
    expect(mine[0]).toBe(cases[0]!.number);
    expect(mine[3]).toBe(cases[3]!.number);
  });
});

describe("the centre's count of late cases", () => {
  it("counts the cases past their deadline, and stops at its cap however many there are", async () => {
    const centre = await staffActor("reviewer@center.demo");
    const { id } = await caseAtBank(at("2026-03-02T09:00:00"));
    const { applicantId, enterpriseId } = await db.loanApplication.findUniqueOrThrow({ where: { id }, select: { applicantId: true, enterpriseId: true } });
    // Deadlines long before any other case's: at 1990 only these are late.
    await db.loanApplication.update({ where: { id }, data: { stageDueAt: at("1989-06-01T09:00:00") } });
    expect(await lateCaseCount(centre, at("1990-01-01T00:00:00"))).toBe(1);
    const suffix = uniqueSuffix();
    await db.loanApplication.createMany({
      data: Array.from({ length: LATE_COUNT_CAP + 5 }, (_, i) => ({
        number: `LATE-${suffix}-${i}`, applicantId, enterpriseId, status: "GUARANTOR_REVIEW" as const, stageDueAt: at("1989-07-01T09:00:00"),
      })),
    });
    expect(await lateCaseCount(centre, at("1990-01-01T00:00:00"))).toBe(LATE_COUNT_CAP);
    expect(await lateCaseCount(centre, at("1989-06-15T00:00:00"))).toBe(1);
    await db.loanApplication.deleteMany({ where: { number: { startsWith: `LATE-${suffix}-` } } });
  });
});

describe("staff inboxes", () => {
  it("list the open cases assigned to the reader within their organisation's scope, late ones marked", async () => {
    const [bankOfficer, guarantorOfficer] = await Promise.all([staffActor("officer@bank.demo"), staffActor("officer@guarantor.demo")]);
    const late = await caseAtBank(at("2025-11-03T10:00:00"));
    const foreign = await caseAtBank(at("2025-11-03T10:00:00"));
    await db.loanApplication.update({ where: { id: late.id }, data: { assigneeId: bankOfficer.userId } });
    // Still assigned to the guarantor's officer after the case moved on to the bank: no longer theirs to do.
    await db.loanApplication.update({ where: { id: foreign.id }, data: { assigneeId: guarantorOfficer.userId } });
    const mine = await myAssignedCases(bankOfficer);
    expect(mine.find((c) => c.id === late.id)).toMatchObject({ number: late.number, status: "BANK_REVIEW", late: true });
    expect((await myAssignedCases(guarantorOfficer)).map((c) => c.id)).not.toContain(foreign.id);
    await db.loanApplication.update({ where: { id: late.id }, data: { status: "CONTRACTING" } });
    expect((await myAssignedCases(bankOfficer)).map((c) => c.id)).toContain(late.id);
    await db.loanApplication.update({ where: { id: late.id }, data: { status: "ACTIVE" } });
    expect((await myAssignedCases(bankOfficer)).map((c) => c.id)).not.toContain(late.id);
  });
});

describe("reminders after the loan", () => {
  it("reminds the applicant of a repayment and of the loan's end with a renewal invitation, once each", async () => {
    const loan = await disbursedLoan({ monthsAgo: 11, termMonths: 12 });
    const stored = await db.loan.findUniqueOrThrow({ where: { id: loan.loanId } });
    const schedule = buildSchedule({ principalFen: stored.principalFen, annualRateMicros: stored.annualRateMicros, termMonths: 12, disbursedOn: loan.disbursedOn, method: stored.repaymentMethod });
    const eleventh = schedule[10]!; // the last instalment before the one at maturity
    const maturityOn = addMonthsClamped(loan.disbursedOn, 12);
    const applicantInbox = async () => (await myInbox(loan.applicant, { pageSize: 500 })).items.filter((i) => i.applicationId === loan.applicationId);

    // Three days before the repayment date.
    const beforeRepayment = at(`${isoFromEpochDay(epochDay(eleventh.dueOn) - 3)}T09:00:00`);
    await sendLoanReminders(beforeRepayment, { repaymentDays: 5, maturityDays: 30 });
    await sendLoanReminders(beforeRepayment, { repaymentDays: 5, maturityDays: 30 });
    let items = await applicantInbox();
    const repayment = items.filter((i) => "code" in i.notice && i.notice.code === "repaymentDue");
    expect(repayment).toHaveLength(1);
    expect(repayment[0]!.notice).toMatchObject({ params: { dueOn: eleventh.dueOn, seq: "11", interestFen: eleventh.interestFen.toString(), contractNo: loan.contractNo } });
    // Also as a text message: many applicants have no e-mail and do not sign in between.
    expect(await textsToUser(loan.applicant.userId)).toEqual([expect.stringMatching(new RegExp(`^【暖·创贷】还款提醒：${eleventh.dueOn} 应还款。贷款合同 ${loan.contractNo} 第 11 期`))]);

    // Twenty days before the end: the maturity reminder with the loan to renew, once.
    const beforeEnd = at(`${isoFromEpochDay(epochDay(maturityOn) - 20)}T09:00:00`);
    await sendLoanReminders(beforeEnd, { repaymentDays: 5, maturityDays: 30 });
    await sendLoanReminders(new Date(beforeEnd.getTime() + 86_400_000), { repaymentDays: 5, maturityDays: 30 });
    items = await applicantInbox();
    const maturing = items.filter((i) => "code" in i.notice && i.notice.code === "loanMaturing");
    expect(maturing).toHaveLength(1);
    expect(maturing[0]!.notice).toMatchObject({ params: { maturityOn, loanId: loan.loanId } });
    expect(items.filter((i) => "code" in i.notice && i.notice.code === "repaymentDue")).toHaveLength(1);
  });

  it("tells the bank's and the guarantee company's officers when a loan they hold goes overdue", async () => {
    const [bank, guarantor, approver] = await Promise.all([staffActor("officer@bank.demo"), staffActor("officer@guarantor.demo"), staffActor("approver@center.demo")]);
    const loan = await disbursedLoan();
    await reportOverdue(bank, { applicationId: loan.applicationId, version: 9, comment: "付息未到账", principalFen: 0n, interestFen: 86_250n, firstMissedOn: addMonthsClamped(loan.disbursedOn, 1) });
    for (const actor of [bank, guarantor]) {
      const notice = (await myInbox(actor, { pageSize: 500 })).items.find((i) => i.applicationId === loan.applicationId)!;
      expect(notice.notice).toMatchObject({ code: "loanOverdue", params: { contractNo: loan.contractNo, interestFen: "86250" } });
    }
    expect(await codesFor(approver, loan.applicationId)).toEqual([]);
  });
});
