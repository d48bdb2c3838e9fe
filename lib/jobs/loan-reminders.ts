import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { buildSchedule, daysBetween } from "@/lib/loans/schedule";
import { beijingToday, dayOfDateColumn } from "@/lib/calendar/beijing";
import { sendOnce } from "@/lib/jobs/send-once";

type Options = { repaymentDays?: number; maturityDays?: number };

/**
 * Reminds applicants of their running loans, run daily: before each repayment date of the schedule
 * (`repaymentDays` calendar days ahead, Beijing time) and before the loan ends (`maturityDays`
 * ahead), the latter with an invitation to renew (xudai) that starts a prefilled renewal. Each
 * reminder is sent once per loan and date (`SentReminder`) and is an audit event.
 */
export async function sendLoanReminders(now: Date = new Date(), options: Options = {}): Promise<number> {
  const repaymentDays = options.repaymentDays ?? env.REPAYMENT_REMIND_DAYS;
  const maturityDays = options.maturityDays ?? env.MATURITY_REMIND_DAYS;
  const today = beijingToday(now);
  const loans = await db.loan.findMany({
    where: { status: "ACTIVE", historical: false, disbursedOn: { not: null }, maturityOn: { gte: new Date(`${today}T00:00:00Z`) } },
    select: {
      id: true, contractNo: true, principalFen: true, disbursedFen: true, annualRateMicros: true, termMonths: true,
      repaymentMethod: true, disbursedOn: true, maturityOn: true,
      application: { select: { id: true, applicantId: true } },
    },
    orderBy: { maturityOn: "asc" },
  });
  let sent = 0;
  for (const loan of loans) {
    const schedule = buildSchedule({
      principalFen: loan.disbursedFen ?? loan.principalFen, annualRateMicros: loan.annualRateMicros, termMonths: loan.termMonths,
      disbursedOn: dayOfDateColumn(loan.disbursedOn!), method: loan.repaymentMethod,
    });
    const within = (day: string, ahead: number) => { const d = daysBetween(today, day); return d >= 0 && d <= ahead; };
    const next = schedule.find((i) => within(i.dueOn, repaymentDays));
    if (next && await sendOnce({
      kind: "REPAYMENT_DUE", subjectKey: `${loan.id}|${next.dueOn}`, applicationId: loan.application.id,
      recipients: [loan.application.applicantId], code: "repaymentDue", auditAction: "loan.repayment_reminder_sent",
      params: {
        contractNo: loan.contractNo, dueOn: next.dueOn, seq: String(next.seq),
        principalFen: next.principalFen.toString(), interestFen: next.interestFen.toString(),
      },
    })) sent += 1;
    const maturityOn = dayOfDateColumn(loan.maturityOn!);
    if (within(maturityOn, maturityDays) && await sendOnce({
      kind: "LOAN_MATURING", subjectKey: `${loan.id}|${maturityOn}`, applicationId: loan.application.id,
      recipients: [loan.application.applicantId], code: "loanMaturing", auditAction: "loan.maturity_reminder_sent",
      params: { contractNo: loan.contractNo, maturityOn, loanId: loan.id },
    })) sent += 1;
  }
  return sent;
}
