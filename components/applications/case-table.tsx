import Link from "next/link";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { StatusBadgeWith } from "@/components/applications/status-badge-with";
import { DataTable } from "@/components/ui/data-table";
import type { QueueRow } from "@/components/applications/queue-row";

type TableKey = "empty" | "select" | "selectCase" | "number" | "RENEWAL" | "green" | "enterprise" | "amount" | "status" | "due" | "overdue";

/** The `table` words, from next-intl's translator on the server or in the browser. */
export type TableWords = (key: TableKey, values?: { number: string }) => string;

export type CaseTableProps = {
  rows: QueueRow[];
  hrefBase: string;
  selectForm?: string;
  /** The words of each status the rows have. */
  statusWords: Partial<Record<ApplicationStatus, string>>;
  /** The historical badge and its title (lib/history), when a row has it. */
  historical?: { badge: string; title: string };
};

/**
 * A list of cases with their figures already formatted (queue-row.ts): the staff queues render it
 * as a client component (queue-table.tsx), the applicant's dashboard on the server alone
 * (application-table.tsx). With `selectForm`, each row gets a checkbox belonging to that form.
 */
export function CaseTable({ t, rows, hrefBase, selectForm, statusWords, historical }: CaseTableProps & { t: TableWords }) {
  return (
    <DataTable rows={rows} rowKey={(r) => r.id} empty={t("empty")} testId="application-table" stack
      rowAttributes={(r) => (r.overdue ? { className: "is-overdue" } : {})}
      columns={[
        selectForm ? {
          header: t("select"),
          heading: <span className="visually-hidden">{t("select")}</span>,
          cell: (r) => <input type="checkbox" name="ids" value={r.id} form={selectForm} aria-label={t("selectCase", { number: r.number })} />,
        } : null,
        {
          header: t("number"),
          cell: (r) => (
            <>
              <Link href={`${hrefBase}/${r.id}`}>{r.number}</Link>
              {r.renewal ? <> <span className="badge">{t("RENEWAL")}</span></> : null}
              {r.green ? <> <span className="badge badge--green">{t("green")}</span></> : null}
              {r.historical && historical ? <> <span className="badge badge--historical" title={historical.title}>{historical.badge}</span></> : null}
            </>
          ),
        },
        { header: t("enterprise"), cell: (r) => r.enterprise },
        { header: t("amount"), num: true, cell: (r) => r.amount },
        { header: t("status"), cell: (r) => <StatusBadgeWith status={r.status} label={statusWords[r.status] ?? r.status} /> },
        {
          header: t("due"),
          cell: (r) => (
            <>
              {r.due}
              {r.overdue ? <> <span className="badge badge--red">{t("overdue")}</span></> : null}
            </>
          ),
        },
      ]} />
  );
}
