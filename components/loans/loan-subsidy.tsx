import { getTranslations } from "next-intl/server";
import type { LoanDetail } from "@/lib/loans/queries";
import { formatFen } from "@/lib/money/fen";
import { formatPeriod } from "@/components/subsidies/format";
import { quarterLabel } from "@/lib/subsidies/periods";
import { rootTranslator } from "@/lib/i18n/reader";
import { wordIn } from "@/lib/i18n/words";

/** The bank's statement lines for the loan with the subsidy of each, the totals and the quarterly subsidy statements. */
export async function LoanSubsidy({ loan }: { loan: LoanDetail }) {
  const [t, col, ex, words] = await Promise.all([getTranslations("subsidy.loan"), getTranslations("subsidy.columns"), getTranslations("subsidy.exclusion"), rootTranslator()]);
  if (loan.lines.length === 0) return <p className="notice notice--info">{t("noLines")}</p>;
  return (
    <>
      <div className="grid" style={{ marginBottom: "1rem" }}>
        <div className="card" data-testid="subsidy-received">
          <div className="who">{t("received")}</div>
          <div style={{ fontSize: "1.6rem", fontWeight: 700, color: "var(--ok)" }}>{formatFen(loan.subsidyReceivedFen)}</div>
        </div>
        <div className="card">
          <div className="who">{t("pending")}</div>
          <div style={{ fontSize: "1.6rem", fontWeight: 700 }}>{formatFen(loan.subsidyPendingFen)}</div>
        </div>
      </div>
      <div className="table-wrap">
        <table className="table" data-testid="loan-lines">
          <thead>
            <tr>
              <th>{col("period")}</th><th className="num">{col("subsidy")}</th><th>{col("paid")}</th>
              <th className="num">{col("interestPaid")}</th><th className="num">{col("interestDue")}</th><th>{col("paidOn")}</th><th className="num">{col("balance")}</th>
            </tr>
          </thead>
          <tbody>
            {loan.lines.map((l) => (
              <tr key={l.id}>
                <td style={{ whiteSpace: "nowrap" }}>
                  {formatPeriod(l.periodStart, l.periodEnd)}
                  <div className="who" style={{ fontSize: ".8rem" }}>{wordIn(words, quarterLabel(l.quarter))}</div>
                </td>
                <td className="num" style={{ whiteSpace: "nowrap" }}>
                  <strong>{formatFen(l.subsidyFen)}</strong>
                  {l.excludedReason ? <div><span className="badge badge--red">{ex(l.excludedReason)}</span></div> : null}
                </td>
                <td><span className={`badge badge--${l.subsidyPaid ? "green" : "amber"}`}>{l.subsidyPaid ? t("paidYes") : t("paidNo")}</span></td>
                <td className="num" style={{ whiteSpace: "nowrap" }}>{formatFen(l.interestPaidFen)}</td>
                <td className="num" style={{ whiteSpace: "nowrap" }}>{formatFen(l.interestDueFen)}</td>
                <td style={{ whiteSpace: "nowrap" }}>{l.paidOn ?? "—"}</td>
                <td className="num" style={{ whiteSpace: "nowrap" }}>{formatFen(l.balanceFen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 style={{ fontSize: "1.05rem" }}>{t("statements")}</h3>
      <ul className="actions" style={{ listStyle: "none", padding: 0 }} data-testid="statement-links">
        {loan.quarters.map((q) => (
          <li key={q.quarter}>
            <a className="btn btn--secondary btn--small" href={`/api/subsidies/statement/${loan.id}/${q.quarter}`} download>
              {t("download", { quarter: wordIn(words, q.label) })} · {formatFen(q.subsidyFen)}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
