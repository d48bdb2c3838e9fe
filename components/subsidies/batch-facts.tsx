import { getTranslations } from "next-intl/server";
import type { BatchDetail } from "@/lib/subsidies/queries";
import { formatFen } from "@/lib/money/fen";
import { BatchStatusBadge } from "@/components/subsidies/batch-status-badge";

/** The batch at a glance, and the checklist the centre recorded when it verified it. */
export async function BatchFacts({ batch }: { batch: BatchDetail }) {
  const [t, col, ex, p] = await Promise.all([getTranslations("subsidy.centre"), getTranslations("subsidy.columns"), getTranslations("subsidy.exclusion"), getTranslations("common.punct")]);
  const c = batch.checklist;
  const ok = (value: boolean) => <span className={`badge badge--${value ? "green" : "red"}`}>{value ? "✓" : "✗"}</span>;
  return (
    <div className="grid">
      <section className="card" aria-label={t("facts")}>
        <dl className="facts" data-testid="batch-facts">
          <dt>{col("status")}</dt><dd><BatchStatusBadge status={batch.status} /></dd>
          <dt>{col("total")}</dt><dd data-testid="batch-total"><strong>{formatFen(batch.totalFen)}</strong></dd>
          <dt>{t("interestPaidTotal")}</dt><dd>{formatFen(batch.interestPaidFen)}</dd>
          <dt>{col("lines")}</dt><dd>{batch.lineCount}</dd>
          <dt>{t("excluded")}</dt><dd>{batch.excludedCount}</dd>
          <dt>{col("openQueries")}</dt><dd>{batch.openQueries}</dd>
          <dt>{t("maker")}</dt><dd>{batch.makerName ?? "—"}</dd>
          <dt>{t("checker")}</dt><dd>{batch.checkerName ?? "—"}</dd>
          <dt>{col("paidOn")}</dt><dd>{batch.paidOn ?? "—"}</dd>
          <dt>{t("payerAccount")}</dt><dd>{batch.payerAccount ?? "—"}</dd>
          <dt>{col("paymentRef")}</dt><dd>{batch.paymentRef ?? "—"}</dd>
        </dl>
      </section>
      {c ? (
        <section className="card" aria-label={t("checklist")} data-testid="batch-checklist">
          <h3 style={{ marginTop: 0, fontSize: "1.05rem" }}>{t("checklist")}</h3>
          <dl className="facts">
            <dt>{t("amountsOk")}</dt><dd>{ok(c.amountsOk)}{c.amountMismatches.length ? ` ${c.amountMismatches.length}` : ""}</dd>
            <dt>{t("sumOk")}</dt><dd>{ok(c.sumOfLinesFen === c.totalFen)} {formatFen(c.sumOfLinesFen)}</dd>
            <dt>{t("unionOk")}</dt><dd>{ok(c.unionOk)}</dd>
            <dt>{t("overdueLines")}</dt><dd>{c.overdueLines}</dd>
            <dt>{t("extendedLines")}</dt><dd>{c.extendedLines}</dd>
            <dt>{t("loansNotPerforming")}</dt><dd>{c.loansNotPerforming.length ? c.loansNotPerforming.join(p("list")) : "—"}</dd>
            <dt>{t("excluded")}</dt>
            <dd>{Object.entries(c.excluded).map(([k, n]) => `${ex(k as "OVERDUE")} ${n}`).join(p("items")) || "—"}</dd>
            <dt>{t("checkAmounts")}</dt><dd>{ok(c.confirmed.amounts)}</dd>
            <dt>{t("checkRepayment")}</dt><dd>{ok(c.confirmed.repayment)}</dd>
            <dt>{t("checkUnion")}</dt><dd>{ok(c.confirmed.union)}</dd>
            {c.comment ? <><dt>{t("comment")}</dt><dd>{c.comment}</dd></> : null}
          </dl>
        </section>
      ) : null}
    </div>
  );
}
