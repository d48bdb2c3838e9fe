import { getLocale, getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { formatFen } from "@/lib/money/fen";
import type { InsightFigures } from "@/lib/stats/insight";
import { EXCEPTION_TYPES, LOAN_STATES } from "@/lib/stats/portfolio";
import { BarChart } from "@/components/stats/charts/bar-chart";
import { CHART_BOX, SIDE_BY_SIDE, TABLE_BOX, Table } from "@/components/stats/insight-layout";

/** Partners, the loan book, renewals and subsidy, exceptions and the budget burn-down. */
export async function InsightTables({ f }: { f: InsightFigures }) {
  const [t, format, locale] = await Promise.all([getTranslations("insight"), getFormatter(), getLocale()]);
  const n = (v: number) => format.number(v);
  const pct = (v: number) => format.number(v, { style: "percent", maximumFractionDigits: 1 });
  const p = f.portfolio;
  const b = f.budget;
  const paid = b.months.at(-1)?.cumulativeFen ?? 0n;
  return (
    <>
      <h3>{t("partnersTitle")}</h3>
      {f.partners.length === 0 ? <p className="notice notice--info">{t("partnersEmpty")}</p> : (
        <Table testId="insight-partners" textColumns={2}
          head={[t("col.organisation"), t("col.type"), t("col.received"), t("col.passed"), t("col.rejected"), t("col.disbursed"), t("col.lentYuan")]}
          rows={f.partners.map((o) => [locale === "en" ? o.nameEn : o.nameZh, t(`orgType.${o.type}`), n(o.received), n(o.passed), n(o.rejected), n(o.disbursed), formatFen(o.lentFen)])} />
      )}

      <div style={SIDE_BY_SIDE}>
        <div style={TABLE_BOX}>
          <h3>{t("loansTitle")}</h3>
          <Table testId="insight-loans" head={[t("col.state"), t("col.loans"), t("col.principalYuan")]}
            rows={LOAN_STATES.map((s) => [t(`loanState.${s}`), n(p.loansByState[s].loans), formatFen(p.loansByState[s].principalFen)])} />
        </div>
        <div style={TABLE_BOX}>
          <h3>{t("moneyTitle")}</h3>
          <Table testId="insight-money" head={[t("col.item"), t("col.value")]}
            rows={[
              [t("money.matured"), n(p.renewal.matured)],
              [t("money.renewed"), n(p.renewal.renewed)],
              [t("money.renewalRate"), pct(p.renewal.rate)],
              [t("money.subsidyYuan"), formatFen(p.subsidyPerYuan.subsidyFen)],
              [t("money.lentYuan"), formatFen(p.subsidyPerYuan.lentFen)],
              [t("money.perYuan"), format.number(p.subsidyPerYuan.perYuan, { minimumFractionDigits: 4, maximumFractionDigits: 4 })],
              [t("money.compensatedLoans"), n(p.recovery.compensatedLoans)],
              [t("money.compensatedYuan"), formatFen(p.recovery.compensatedFen)],
              [t("money.recoveredYuan"), formatFen(p.recovery.recoveredFen)],
            ]} />
        </div>
        <div style={TABLE_BOX}>
          <h3>{t("exceptionsTitle")}</h3>
          <Table testId="insight-exceptions" head={[t("col.exceptionType"), t("col.approved"), t("col.inForce")]}
            rows={EXCEPTION_TYPES.map((e) => [t(`exception.${e}`), n(p.exceptions[e].approved), n(p.exceptions[e].inForce)])} />
        </div>
      </div>

      <h3>{t("budgetTitle", { year: b.year })}</h3>
      {b.budgetFen === null ? <p className="notice notice--info">{t("budgetNone", { year: b.year })}</p> : (
        <p className="who" data-testid="insight-budget-line">
          {t("budgetLine", { budget: formatFen(b.budgetFen), paid: formatFen(paid), remaining: formatFen(b.budgetFen - paid), rate: pct(b.budgetFen === 0n ? 0 : Number(paid) / Number(b.budgetFen)) })}
        </p>
      )}
      <div style={SIDE_BY_SIDE}>
        {b.budgetFen === null ? null : (
          <div style={CHART_BOX}>
            <BarChart id="chart-budget" title={t("budgetChartTitle", { year: b.year })}
              desc={t("budgetChartDesc", { to: f.period.to, paid: formatFen(paid), budget: formatFen(b.budgetFen) })}
              series={[{ key: "paid", label: t("legend.paid") }]} markerLabel={t("legend.budget")}
              rows={b.months.map((m) => ({
                label: `${b.year}-${String(m.month).padStart(2, "0")}`,
                bars: [{ value: Number(m.cumulativeFen) / 100, text: formatFen(m.cumulativeFen) }],
                marker: { value: Number(b.budgetFen) / 100, text: "" },
              }))} />
          </div>
        )}
        <div style={TABLE_BOX}>
          <Table testId="insight-budget" head={[t("col.month"), t("col.paidYuan"), t("col.cumulativeYuan"), t("col.remainingYuan")]}
            rows={b.months.map((m) => [`${b.year}-${String(m.month).padStart(2, "0")}`, formatFen(m.paidFen), formatFen(m.cumulativeFen), m.remainingFen === null ? t("none") : formatFen(m.remainingFen)])} />
        </div>
      </div>
    </>
  );
}
