import type { ApplicationSummary } from "@/lib/applications/queries";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { formatFen } from "@/lib/money/fen";

/**
 * One queue row as the table shows it: its figures already formatted by the page, flags left out
 * when false. Everything here is written into the page's payload once per row, so it carries the
 * row's values and nothing of its markup.
 */
export type QueueRow = {
  id: string;
  number: string;
  enterprise: string;
  amount: string;
  status: ApplicationStatus;
  /** The row's deadline (the applicant's answer deadline for a returned case), or "—". */
  due: string;
  renewal?: true;
  green?: true;
  historical?: true;
  overdue?: true;
};

/** A row's values as the queue table shows them; a returned case's clock is the applicant's answer deadline. */
export function queueRow(r: ApplicationSummary, now: Date, date: (d: Date) => string): QueueRow {
  const due = r.status === "RETURNED" ? r.returnDueAt : r.stageDueAt;
  return {
    id: r.id,
    number: r.number,
    enterprise: r.enterpriseName,
    amount: r.amountFen === null ? "—" : formatFen(r.amountFen),
    status: r.status,
    due: due ? date(due) : "—",
    ...(r.kind === "RENEWAL" ? { renewal: true } : {}),
    ...(r.greenChannel ? { green: true } : {}),
    ...(r.historical ? { historical: true } : {}),
    ...(due !== null && due < now ? { overdue: true } : {}),
  };
}

