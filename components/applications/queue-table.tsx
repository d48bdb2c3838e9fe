"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { StatusBadgeWith } from "@/components/applications/status-badge-with";
import { DataTable } from "@/components/ui/data-table";
import type { QueueRow } from "@/components/applications/queue-row";

/**
 * A queue's table. It renders on the server like any other; it is a client component so that the
 * page's payload carries the rows' values (about 200 bytes a row) rather than every cell's markup
 * again. With `selectForm`, each row gets a checkbox belonging to that form (batch assignment).
 */
export function QueueTable({ rows, hrefBase, selectForm, statusWords, historical }: {
  rows: QueueRow[];
  hrefBase: string;
  selectForm?: string;
  /** The words of each status the rows have. */
  statusWords: Partial<Record<ApplicationStatus, string>>;
  /** The historical badge and its title (lib/history), when a row has it. */
  historical?: { badge: string; title: string };
}) {
  const t = useTranslations("table");
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
