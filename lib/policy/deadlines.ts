import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { addWorkingDays, type WorkingCalendar } from "@/lib/calendar/working-days";

export type StageDays = {
  centerReviewDays: number;
  guarantorReviewDays: number;
  bankReviewDays: number;
  disbursementDays: number;
  returnAnswerDays: number;
  greenChannelDays: number;
};

/** Working days a status may take under a policy; green channel (ji shen ji ban) shortens the reviews. */
export function stageDays(status: ApplicationStatus, policy: StageDays, greenChannel: boolean): number | null {
  const fast = (days: number) => (greenChannel ? Math.min(days, policy.greenChannelDays) : days);
  switch (status) {
    case "CENTER_REVIEW":
      return fast(policy.centerReviewDays);
    case "GUARANTOR_REVIEW":
      return fast(policy.guarantorReviewDays);
    case "BANK_REVIEW":
      return fast(policy.bankReviewDays);
    case "CONTRACTING":
      return fast(policy.disbursementDays);
    case "RETURNED":
      return policy.returnAnswerDays;
    default:
      return null;
  }
}

/** The deadline of a stage entered at `enteredAt`, or null for statuses without a clock. */
export function stageDueAt(
  status: ApplicationStatus,
  enteredAt: Date,
  policy: StageDays,
  greenChannel: boolean,
  calendar: WorkingCalendar,
): Date | null {
  const days = stageDays(status, policy, greenChannel);
  return days === null ? null : addWorkingDays(enteredAt, days, calendar);
}
