import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { BatchRow } from "@/lib/subsidies/queries";
import { formatFen } from "@/lib/money/fen";
import { rootTranslator } from "@/lib/actions/safe-action";
import { wordIn } from "@/lib/i18n/words";
import { BatchStatusBadge } from "@/components/subsidies/batch-status-badge";

/** Batches with status and totals; `hrefBase` links each to its page (the centre), the summary PDF is always offered. */
export async function BatchTable({ rows, hrefBase, showBank }: { rows: BatchRow[]; hrefBase?: string; showBank: boolean }) {
  const [t, c, words] = await Promise.all([getTranslations("subsidy.columns"), getTranslations("subsidy.common"), rootTranslator()]);
  if (rows.length === 0) return <p className="notice notice--info">{c("none")}</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="batch-table">
        <thead>
          <tr>
            <th>{t("quarter")}</th>
            {showBank ? <th>{t("bank")}</th> : null}
            <th>{t("status")}</th>
            <th className="num">{t("lines")}</th>
            <th className="num">{t("openQueries")}</th>
            <th className="num">{t("total")}</th>
            <th>{t("paidOn")}</th>
            <th>{t("paymentRef")}</th>
            <th>{t("actions")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((b) => (
            <tr key={b.id} data-quarter={b.quarter}>
              <td style={{ whiteSpace: "nowrap" }}>{hrefBase ? <Link href={`${hrefBase}/${b.id}`}>{wordIn(words, b.quarterLabel)}</Link> : wordIn(words, b.quarterLabel)}</td>
              {showBank ? <td style={{ minWidth: "9rem" }}>{b.bankName}</td> : null}
              <td><BatchStatusBadge status={b.status} /></td>
              <td className="num">{b.lineCount}</td>
              <td className="num">{b.openQueries ? <span className="badge badge--amber">{b.openQueries}</span> : "0"}</td>
              <td className="num" style={{ whiteSpace: "nowrap" }}>{formatFen(b.totalFen)}</td>
              <td style={{ whiteSpace: "nowrap" }}>{b.paidOn ?? "—"}</td>
              <td style={{ whiteSpace: "nowrap" }}>{b.paymentRef ?? "—"}</td>
              <td style={{ whiteSpace: "nowrap" }}>
                {hrefBase ? <><Link href={`${hrefBase}/${b.id}`}>{c("viewBatch")}</Link>{" · "}</> : null}
                <a href={`/api/subsidies/batches/${b.id}/summary`} download>{c("summaryPdf")}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
