import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { daysBetween } from "@/lib/loans/schedule";
import { beijingToday } from "@/lib/calendar/beijing";
import { parseQuarter, previousQuarter, quarterBounds, quarterKey, quarterOf, type QuarterKey } from "@/lib/subsidies/periods";
import { loansLackingStanding, type UncoveredLoan } from "@/lib/unions/queries";
import { sendOnce } from "@/lib/jobs/send-once";

type Options = { aheadDays?: number; afterDays?: number };

/**
 * The quarters whose subsidy batch is near: the running one in its last `aheadDays` days, and the
 * one just ended for `afterDays` days after it (the bank's statement and the batch come then).
 */
export function quartersToRemind(today: string, aheadDays: number, afterDays: number): QuarterKey[] {
  const current = parseQuarter(quarterOf(today))!;
  const previous = previousQuarter(current);
  const out: QuarterKey[] = [];
  if (daysBetween(quarterBounds(previous).end, today) <= afterDays) out.push(quarterKey(previous));
  if (daysBetween(today, quarterBounds(current).end) < aheadDays) out.push(quarterKey(current));
  return out;
}

/** Whom to ask for a loan's standing: the district union that took the case in, else the centre's reviewers. */
async function askWhom(gap: UncoveredLoan, centreReviewers: () => Promise<string[]>): Promise<string[]> {
  if (!gap.intakeOrgId) return centreReviewers();
  const agents = await db.membership.findMany({
    where: { organisationId: gap.intakeOrgId, role: "DISTRICT_AGENT", user: { disabledAt: null } },
    select: { userId: true },
  });
  return agents.length ? agents.map((a) => a.userId) : centreReviewers();
}

/**
 * Before each quarter's subsidy batch, run daily: for every loan whose enterprise lacks union
 * standing for part of the quarter (counted to the quarter's end, so a record that lapses before
 * it shows), the district union that took the case in (or, for an online case, the centre's
 * reviewers) is asked to record it, and the applicant is told what is missing. Each is sent once
 * per loan and quarter (`SentReminder`) and is an audit event. Returns how many went out.
 */
export async function sendStandingReminders(now: Date = new Date(), options: Options = {}): Promise<number> {
  const today = beijingToday(now);
  const quarters = quartersToRemind(today, options.aheadDays ?? env.STANDING_REMIND_DAYS, options.afterDays ?? env.STANDING_REMIND_AFTER_DAYS);
  let reviewers: string[] | null = null;
  const centreReviewers = async () => (reviewers ??= (await db.membership.findMany({
    where: { role: "CENTER_REVIEWER", organisation: { type: "SUPPORT_CENTER" }, user: { disabledAt: null } },
    select: { userId: true },
  })).map((m) => m.userId));
  let sent = 0;
  for (const quarter of quarters) {
    const ref = parseQuarter(quarter)!;
    const gaps = await loansLackingStanding(ref, quarterBounds(ref).end);
    for (const gap of gaps) {
      const { year, quarter: q } = ref;
      const params = {
        year: String(year), q: String(q), contractNo: gap.contractNo, enterpriseName: gap.enterpriseName, creditCode: gap.creditCode,
        from: gap.from, to: gap.to, uncoveredDays: String(gap.uncoveredDays),
      };
      const subjectKey = `${gap.loanId}|${quarter}`;
      if (await sendOnce({
        kind: "STANDING_MISSING", subjectKey, applicationId: gap.applicationId, recipients: await askWhom(gap, centreReviewers),
        code: "standingMissing", params, auditAction: "union.standing_reminder_sent",
      })) sent += 1;
      if (await sendOnce({
        kind: "STANDING_MISSING_APPLICANT", subjectKey, applicationId: gap.applicationId, recipients: [gap.applicantId],
        code: "standingMissingApplicant", params: { ...params, loanId: gap.loanId }, auditAction: "union.standing_reminder_sent",
      })) sent += 1;
    }
  }
  return sent;
}
