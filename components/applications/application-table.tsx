import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { formatFen } from "@/lib/money/fen";
import type { ApplicationSummary } from "@/lib/applications/queries";
import { StatusBadgeWith } from "@/components/applications/status-badge";
import { DataTable } from "@/components/ui/data-table";

/** A returned case's clock is the applicant's answer deadline; any other, the stage's. */
function dueOf(r: ApplicationSummary, now: Date): { due: Date | null; overdue: boolean } {
  const due = r.status === "RETURNED" ? r.returnDueAt : r.stageDueAt;
  return { due, overdue: due !== null && due < now };
}

/** With `selectForm`, each row gets a checkbox belonging to that form (batch actions on a queue). */
export async function ApplicationTable({ rows, hrefBase, now, selectForm }: { rows: ApplicationSummary[]; hrefBase: string; now: Date; selectForm?: string }) {
  const [t, th, statusWords, format] = await Promise.all([getTranslations("table"), getTranslations("history"), getTranslations("status"), getFormatter()]);
  return (
    <DataTable rows={rows} rowKey={(r) => r.id} empty={t("empty")} testId="application-table" stack
      rowAttributes={(r) => (dueOf(r, now).overdue ? { className: "is-overdue" } : {})}
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
              {r.kind === "RENEWAL" ? <> <span className="badge">{t("RENEWAL")}</span></> : null}
              {r.greenChannel ? <> <span className="badge badge--green">{t("green")}</span></> : null}
              {r.historical ? <> <span className="badge badge--historical" title={th("badgeTitle")}>{th("badge")}</span></> : null}
            </>
          ),
        },
        { header: t("enterprise"), cell: (r) => r.enterpriseName },
        { header: t("amount"), num: true, cell: (r) => (r.amountFen === null ? "—" : formatFen(r.amountFen)) },
        { header: t("status"), cell: (r) => <StatusBadgeWith status={r.status} label={statusWords(r.status)} /> },
        {
          header: t("due"),
          cell: (r) => {
            const { due, overdue } = dueOf(r, now);
            return (
              <>
                {due ? format.dateTime(due, { dateStyle: "medium" }) : "—"}
                {overdue ? <> <span className="badge badge--red">{t("overdue")}</span></> : null}
              </>
            );
          },
        },
      ]} />
  );
}
