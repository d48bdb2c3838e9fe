import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { loanDetail } from "@/lib/loans/queries";
import { servicingOfLoan } from "@/lib/loans/servicing-queries";
import { standingOfOwnLoan } from "@/lib/unions/queries";
import { beijingToday } from "@/lib/calendar/beijing";

/** The applicant's loan page, read at once: terms and schedule, servicing events, union standing. Null when not theirs. */
export async function applicantLoanView(actor: Actor, id: string, today: string = beijingToday()) {
  const loan = await loanDetail(actor, id);
  if (!loan) return null;
  const [standing, servicing] = await Promise.all([standingOfOwnLoan(actor, loan.id, today), servicingOfLoan(actor, loan.id)]);
  return { loan, standing, servicing };
}
