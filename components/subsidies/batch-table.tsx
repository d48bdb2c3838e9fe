import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { BatchRow } from "@/lib/subsidies/queries";
import { formatFen } from "@/lib/money/fen";
import { rootTranslator } from "@/lib/i18n/reader";
import { wordIn } from "@/lib/i18n/words";
import { BatchStatusBadge } from "@/components/subsidies/batch-status-badge";
import { DataTable } from "@/components/ui/data-table";

/** Batches with status and totals; `hrefBase` links each to its page (the centre), the summary PDF is always offered. */
export async function BatchTable({ rows, hrefBase, showBank }: { rows: BatchRow[]; hrefBase?: string; showBank: boolean }) {
  const [t, c, words] = await Promise.all([getTranslations("subsidy.columns"), getTranslations("subsidy.common"), rootTranslator()]);
  const nowrap = { whiteSpace: "nowrap" } as const;
  return (
    <DataTable rows={rows} rowKey={(b) => b.id} rowAttributes={(b) => ({ "data-quarter": b.quarter })} empty={c("none")} testId="batch-table" columns={[
      { header: t("quarter"), style: nowrap, cell: (b) => (hrefBase ? <Link href={`${hrefBase}/${b.id}`}>{wordIn(words, b.quarterLabel)}</Link> : wordIn(words, b.quarterLabel)) },
      showBank ? { header: t("bank"), style: { minWidth: "9rem" }, cell: (b) => b.bankName } : null,
      { header: t("status"), cell: (b) => <BatchStatusBadge status={b.status} /> },
      { header: t("lines"), num: true, cell: (b) => b.lineCount },
      { header: t("openQueries"), num: true, cell: (b) => (b.openQueries ? <span className="badge badge--amber">{b.openQueries}</span> : "0") },
      { header: t("total"), num: true, style: nowrap, cell: (b) => formatFen(b.totalFen) },
      { header: t("paidOn"), style: nowrap, cell: (b) => b.paidOn ?? "—" },
      { header: t("paymentRef"), style: nowrap, cell: (b) => b.paymentRef ?? "—" },
      {
        header: t("actions"),
        style: nowrap,
        cell: (b) => (
          <>
            {hrefBase ? <><Link href={`${hrefBase}/${b.id}`}>{c("viewBatch")}</Link>{" · "}</> : null}
            <a href={`/api/subsidies/batches/${b.id}/summary`} download>{c("summaryPdf")}</a>
          </>
        ),
      },
    ]} />
  );
}
