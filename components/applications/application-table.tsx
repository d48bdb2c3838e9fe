import type { ApplicationSummary } from "@/lib/applications/queries";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { CaseTable, type TableWords } from "@/components/applications/case-table";
import { queueRow } from "@/components/applications/queue-row";

/** The words the applicant's case table needs: next-intl's `table`, `history` and `status` translators. */
export type ApplicationTableWords = {
  t: TableWords;
  history: (key: "badge" | "badgeTitle") => string;
  status: (status: ApplicationStatus) => string;
};

/**
 * The applicant's own cases: the staff queues' table, rendered on the server only (no client words
 * or JavaScript). A plain component: the page reads the words and formats the dates, so the table
 * is part of the page's own payload row.
 */
export function ApplicationTable({ rows, hrefBase, now, words, date }: {
  rows: ApplicationSummary[];
  hrefBase: string;
  now: Date;
  words: ApplicationTableWords;
  date: (d: Date) => string;
}) {
  return (
    <CaseTable t={words.t} rows={rows.map((r) => queueRow(r, now, date))} hrefBase={hrefBase}
      statusWords={Object.fromEntries([...new Set(rows.map((r) => r.status))].map((s) => [s, words.status(s)]))}
      historical={{ badge: words.history("badge"), title: words.history("badgeTitle") }} />
  );
}
