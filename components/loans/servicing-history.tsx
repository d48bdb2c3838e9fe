import { getTranslations } from "next-intl/server";
import type { ServicingRecord } from "@/lib/loans/servicing-queries";
import { formatFen } from "@/lib/money/fen";
import { FoldedPanel } from "@/components/ui/folded-form";

/** A loan's servicing for the organisations: sums, then repayments, overdue episodes, guarantor compensation (daichang) and recoveries. */
export async function ServicingHistory({ record, testId }: { record: ServicingRecord; testId?: string }) {
  const t = await getTranslations("servicing.history");
  const r = record;
  // A loan settled before repayments were recorded one by one (history brought in): say so rather than show zeros.
  const unrecorded = r.repayments.length === 0 && r.status === "SETTLED";
  return (
    <div className="servicing" data-testid={testId ?? `servicing-${r.contractNo}`}>
      <dl className="facts">
        {unrecorded ? null : (
          <>
            <dt>{t("principalRepaid")}</dt><dd>{formatFen(r.principalRepaidFen)}</dd>
            <dt>{t("interestPaid")}</dt><dd>{formatFen(r.interestPaidFen)}</dd>
          </>
        )}
        <dt>{t("outstanding")}</dt><dd data-testid="servicing-outstanding">{formatFen(r.outstandingFen)}</dd>
        <dt>{t("overdueDays")}</dt><dd data-testid="servicing-overdue-days">{t("days", { n: r.overdueDaysTotal })}</dd>
        {r.compensation ? (
          <>
            <dt>{t("compensated")}</dt><dd>{t("compensatedValue", { amount: formatFen(r.compensation.amountFen), on: r.compensation.paidOn })}</dd>
            <dt>{t("recovered")}</dt><dd>{formatFen(r.recoveredFen)}</dd>
          </>
        ) : null}
      </dl>
      {r.repayments.length ? (
        <div className="table-wrap">
          <table className="table">
            <caption>{t("repaymentsTitle")}</caption>
            <thead><tr><th>{t("paidOn")}</th><th className="num">{t("principal")}</th><th className="num">{t("interest")}</th><th>{t("reference")}</th></tr></thead>
            <tbody>
              {r.repayments.map((p) => (
                <tr key={p.id}><td>{p.paidOn}</td><td className="num">{formatFen(p.principalFen)}</td><td className="num">{formatFen(p.interestFen)}</td><td className="case-code">{p.reference}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : <p className="muted">{t(unrecorded ? "settledUnrecorded" : "noRepayments")}</p>}
      {r.overdues.length ? (
        <div className="table-wrap">
          <table className="table">
            <caption>{t("overduesTitle")}</caption>
            <thead><tr><th>{t("firstMissedOn")}</th><th className="num">{t("principal")}</th><th className="num">{t("interest")}</th><th>{t("curedOn")}</th><th className="num">{t("overdueDays")}</th></tr></thead>
            <tbody>
              {r.overdues.map((o) => (
                <tr key={o.id}>
                  <td>{o.firstMissedOn}</td><td className="num">{formatFen(o.principalFen)}</td><td className="num">{formatFen(o.interestFen)}</td>
                  <td>{o.curedOn ?? <span className="badge badge--red">{t(o.endedBy === "COMPENSATION" ? "endedByCompensation" : "open")}</span>}</td><td className="num">{o.days}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {r.recoveries.length ? (
        <div className="table-wrap">
          <table className="table">
            <caption>{t("recoveriesTitle")}</caption>
            <thead><tr><th>{t("recoveredOn")}</th><th className="num">{t("amount")}</th><th>{t("reference")}</th></tr></thead>
            <tbody>
              {r.recoveries.map((x) => (
                <tr key={x.id}><td>{x.recoveredOn}</td><td className="num">{formatFen(x.amountFen)}</td><td className="case-code">{x.reference}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

/** The case's own loan after disbursement, and the enterprise's earlier loans with theirs (a renewal is decided on the record). */
export async function CaseServicing({ servicing }: { servicing: { current: ServicingRecord | null; earlier: ServicingRecord[] } }) {
  const t = await getTranslations("servicing.history");
  const loanStatus = await getTranslations("case.loanStatus");
  return (
    <>
      {servicing.current ? (
        <section className="card" aria-labelledby="case-servicing">
          <h2 id="case-servicing">{t("title")}</h2>
          <ServicingHistory record={servicing.current} testId="case-servicing" />
        </section>
      ) : null}
      {servicing.earlier.length ? (
        <section className="card" aria-labelledby="case-earlier-servicing">
          <h2 id="case-earlier-servicing">{t("earlierTitle", { n: servicing.earlier.length })}</h2>
          {servicing.earlier.map((l) => (
            // A loan that went wrong starts open; the others are drawn when opened.
            <FoldedPanel
              key={l.loanId}
              open={l.status === "OVERDUE" || l.status === "COMPENSATED"}
              summary={
                <span className="servicing-summary">
                  <span className="case-code">{l.contractNo}</span> · {formatFen(l.principalFen)} · {t("period", { from: l.disbursedOn ?? "—", to: l.closedOn ?? "—" })} · {loanStatus(l.status)}
                  {l.overdueDaysTotal > 0 ? <> <span className="badge badge--amber">{t("overdueDaysBadge", { n: l.overdueDaysTotal })}</span></> : null}
                  {l.compensation ? <> <span className="badge badge--red">{t("compensatedBadge")}</span></> : null}
                </span>
              }
            >
              <ServicingHistory record={l} testId={`earlier-servicing-${l.contractNo}`} />
            </FoldedPanel>
          ))}
        </section>
      ) : null}
    </>
  );
}
