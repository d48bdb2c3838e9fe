import { getTranslations } from "next-intl/server";
import type { BudgetYear } from "@/lib/subsidies/queries";
import { formatFen } from "@/lib/money/fen";

/** The current year's remaining balance up front, then every year's budget and spend. */
export async function BudgetPanel({ years }: { years: BudgetYear[] }) {
  const [t, col, c] = await Promise.all([getTranslations("subsidy.centre"), getTranslations("subsidy.columns"), getTranslations("subsidy.common")]);
  const current = years.find((y) => y.current);
  return (
    <section aria-labelledby="budget-title">
      <h2 id="budget-title">{t("budgetTitle")}</h2>
      {current ? (
        <div className="grid" style={{ marginBottom: "1rem" }}>
          <div className="card" data-testid="budget-remaining">
            <div className="who">{current.budgetFen === null ? t("noBudget", { year: current.year }) : t("remainingNow", { year: current.year })}</div>
            <div style={{ fontSize: "1.6rem", fontWeight: 700, color: current.remainingFen !== null && current.remainingFen < 0n ? "var(--red)" : "var(--ok)" }}>
              {current.remainingFen === null ? "—" : formatFen(current.remainingFen)}
            </div>
            <div className="who">
              {col("budget")} {current.budgetFen === null ? c("notSet") : formatFen(current.budgetFen)} · {col("spent")} {formatFen(current.spentFen)}
            </div>
          </div>
        </div>
      ) : null}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>{col("year")}</th>
              <th className="num">{col("budget")}</th>
              <th className="num">{col("spent")}</th>
              <th className="num">{col("remaining")}</th>
              <th className="num">{col("paidBatches")}</th>
              <th className="num">{col("guaranteeDeposit")}</th>
            </tr>
          </thead>
          <tbody>
            {years.map((y) => (
              <tr key={y.year}>
                <td>{y.year}{y.current ? <> <span className="badge">{c("thisYear")}</span></> : null}</td>
                <td className="num">{y.budgetFen === null ? c("notSet") : formatFen(y.budgetFen)}</td>
                <td className="num">{formatFen(y.spentFen)}{y.importedFen > 0n ? <><br /><small className="who">{col("imported", { amount: formatFen(y.importedFen) })}</small></> : null}</td>
                <td className="num">{y.remainingFen === null ? "—" : formatFen(y.remainingFen)}</td>
                <td className="num">{y.paidBatches}</td>
                <td className="num">{y.guaranteeDepositFen === null ? "—" : formatFen(y.guaranteeDepositFen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
