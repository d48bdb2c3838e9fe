import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { formatFen } from "@/lib/money/fen";
import type { ApplicationSummary } from "@/lib/applications/queries";
import { StatusBadge } from "@/components/applications/status-badge";

/** With `selectForm`, each row gets a checkbox belonging to that form (batch actions on a queue). */
export async function ApplicationTable({ rows, hrefBase, now, selectForm }: { rows: ApplicationSummary[]; hrefBase: string; now: Date; selectForm?: string }) {
  const [t, th, format] = await Promise.all([getTranslations("table"), getTranslations("history"), getFormatter()]);
  if (rows.length === 0) return <p className="notice notice--info">{t("empty")}</p>;
  return (
    <div className="table-wrap">
      <table className="table table--stack" data-testid="application-table">
        <thead>
          <tr>
            {selectForm ? <th><span className="visually-hidden">{t("select")}</span></th> : null}
            <th>{t("number")}</th>
            <th>{t("enterprise")}</th>
            <th className="num">{t("amount")}</th>
            <th>{t("status")}</th>
            <th>{t("due")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const due = r.status === "RETURNED" ? r.returnDueAt : r.stageDueAt;
            const overdue = due !== null && due < now;
            return (
              <tr key={r.id} className={overdue ? "is-overdue" : undefined}>
                {selectForm ? (
                  <td data-label={t("select")}>
                    <input type="checkbox" name="ids" value={r.id} form={selectForm} aria-label={t("selectCase", { number: r.number })} />
                  </td>
                ) : null}
                <td data-label={t("number")}>
                  <Link href={`${hrefBase}/${r.id}`}>{r.number}</Link>
                  {r.kind === "RENEWAL" ? <> <span className="badge">{t("RENEWAL")}</span></> : null}
                  {r.greenChannel ? <> <span className="badge badge--green">{t("green")}</span></> : null}
                  {r.historical ? <> <span className="badge badge--historical" title={th("badgeTitle")}>{th("badge")}</span></> : null}
                </td>
                <td data-label={t("enterprise")}>{r.enterpriseName}</td>
                <td className="num" data-label={t("amount")}>{r.amountFen === null ? "—" : formatFen(r.amountFen)}</td>
                <td data-label={t("status")}><StatusBadge status={r.status} /></td>
                <td data-label={t("due")}>
                  {due ? format.dateTime(due, { dateStyle: "medium" }) : "—"}
                  {overdue ? <> <span className="badge badge--red">{t("overdue")}</span></> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
