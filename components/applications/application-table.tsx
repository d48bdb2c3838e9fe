import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import type { ApplicationSummary } from "@/lib/applications/queries";
import { CaseTable } from "@/components/applications/case-table";
import { queueRow } from "@/components/applications/queue-row";

/** The applicant's own cases: the staff queues' table, rendered on the server only (no client words or JavaScript). */
export async function ApplicationTable({ rows, hrefBase, now }: { rows: ApplicationSummary[]; hrefBase: string; now: Date }) {
  const [t, th, status, format] = await Promise.all([getTranslations("table"), getTranslations("history"), getTranslations("status"), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  return (
    <CaseTable t={t} rows={rows.map((r) => queueRow(r, now, date))} hrefBase={hrefBase}
      statusWords={Object.fromEntries([...new Set(rows.map((r) => r.status))].map((s) => [s, status(s)]))}
      historical={{ badge: th("badge"), title: th("badgeTitle") }} />
  );
}
