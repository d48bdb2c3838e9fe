import type { InsightFigures } from "@/lib/stats/insight";
import { FUNNEL_STEPS, DROP_OUTS } from "@/lib/stats/funnel";
import { EXCEPTION_TYPES, LOAN_STATES } from "@/lib/stats/portfolio";
import type { ProgrammeFigures } from "@/lib/stats/queries";
import { csvFile, csvLine } from "@/lib/http/csv";

// The statistics tables as sheets of plain cells (the XLSX route streams them; the page shows the
// same numbers). Pure: labels come from the caller's translator (the `insight` namespace).
// Amounts are yuan with two decimals (numbers, so a spreadsheet can add them up).

export type Cell = string | number | null;
export type Sheet = { key: string; title: string; header: string[]; rows: Cell[][] };
type Labels = { t: (key: string) => string; locale: string };

const yuan = (fen: bigint): number => Number(fen) / 100;

export function insightSheets(f: InsightFigures, { t, locale }: Labels): Sheet[] {
  const name = (o: { nameZh: string; nameEn: string }) => (locale === "en" ? o.nameEn : o.nameZh);
  const applied = f.funnel.steps.applied;
  return [
    {
      key: "funnel", title: t("sheet.funnel"), header: [t("col.step"), t("col.cases"), t("col.shareOfApplied")],
      rows: FUNNEL_STEPS.map((s) => [t(`step.${s}`), f.funnel.steps[s], applied === 0 ? 0 : Math.round((f.funnel.steps[s] / applied) * 10_000) / 10_000]),
    },
    {
      key: "dropOuts", title: t("sheet.dropOuts"), header: [t("col.reason"), t("col.cases")],
      rows: DROP_OUTS.map((d) => [t(`dropOut.${d}`), f.funnel.dropOuts[d]]),
    },
    {
      key: "clocks", title: t("sheet.clocks"),
      header: [t("col.stage"), t("col.organisation"), t("col.spells"), t("col.deadlineDays"), t("col.median"), t("col.p90"), t("col.late"), t("col.lateShare")],
      rows: f.clocks.map((c) => [t(`stage.${c.stage}`), name({ nameZh: c.orgNameZh, nameEn: c.orgNameEn }), c.spells, c.deadlineDays, c.medianDays, c.p90Days, c.late, c.lateShare]),
    },
    {
      key: "turnaround", title: t("sheet.turnaround"), header: [t("col.channel"), t("col.loans"), t("col.median"), t("col.p90")],
      rows: f.turnaround.map((r) => [t(`channel.${r.channel}`), r.loans, r.medianDays, r.p90Days]),
    },
    {
      key: "partners", title: t("sheet.partners"),
      header: [t("col.organisation"), t("col.type"), t("col.received"), t("col.passed"), t("col.rejected"), t("col.disbursed"), t("col.lentYuan")],
      rows: f.partners.map((p) => [name(p), t(`orgType.${p.type}`), p.received, p.passed, p.rejected, p.disbursed, yuan(p.lentFen)]),
    },
    {
      key: "loans", title: t("sheet.loans"), header: [t("col.state"), t("col.loans"), t("col.principalYuan")],
      rows: LOAN_STATES.map((s) => [t(`loanState.${s}`), f.portfolio.loansByState[s].loans, yuan(f.portfolio.loansByState[s].principalFen)]),
    },
    {
      key: "money", title: t("sheet.money"), header: [t("col.item"), t("col.value")],
      rows: [
        [t("money.matured"), f.portfolio.renewal.matured],
        [t("money.renewed"), f.portfolio.renewal.renewed],
        [t("money.renewalRate"), f.portfolio.renewal.rate],
        [t("money.subsidyYuan"), yuan(f.portfolio.subsidyPerYuan.subsidyFen)],
        [t("money.lentYuan"), yuan(f.portfolio.subsidyPerYuan.lentFen)],
        [t("money.perYuan"), f.portfolio.subsidyPerYuan.perYuan],
        [t("money.compensatedLoans"), f.portfolio.recovery.compensatedLoans],
        [t("money.compensatedYuan"), yuan(f.portfolio.recovery.compensatedFen)],
        [t("money.recoveredYuan"), yuan(f.portfolio.recovery.recoveredFen)],
      ],
    },
    {
      key: "exceptions", title: t("sheet.exceptions"), header: [t("col.exceptionType"), t("col.approved"), t("col.inForce")],
      rows: EXCEPTION_TYPES.map((e) => [t(`exception.${e}`), f.portfolio.exceptions[e].approved, f.portfolio.exceptions[e].inForce]),
    },
    {
      key: "budget", title: t("sheet.budget"), header: [t("col.month"), t("col.paidYuan"), t("col.cumulativeYuan"), t("col.remainingYuan")],
      rows: f.budget.months.map((m) => [`${f.budget.year}-${String(m.month).padStart(2, "0")}`, yuan(m.paidFen), yuan(m.cumulativeFen), m.remainingFen === null ? null : yuan(m.remainingFen)]),
    },
  ];
}

/**
 * The published table as of a day, as sheets: the cumulative figures, and one row per year with
 * its total. `t` words the `stats` namespace, `th` the `statsHistory` one (as the page does).
 */
export function programmeSheets(f: ProgrammeFigures, t: (key: string) => string, th: (key: string) => string): Sheet[] {
  return [
    {
      key: "figures", title: t("title"), header: [t("item"), t("value")],
      rows: [
        [t("applications"), f.applications], [t("renewals"), f.renewals], [t("enterprisesFunded"), f.enterprisesFunded],
        [t("renewingEnterprises"), f.renewingEnterprises], [t("loansCount"), f.loans], [t("lentYuan"), yuan(f.lentFen)],
        [t("enterprisesSubsidised"), f.enterprisesSubsidised], [t("subsidyYuan"), yuan(f.subsidyFen)],
        [th("unionsFounded"), f.unionsFounded], [th("newMembers"), f.newMembers],
      ],
    },
    {
      key: "years", title: t("yearsTitle"),
      header: [t("year"), t("yearApplications"), t("yearRenewals"), t("yearLoans"), t("lentYuan"), t("subsidyYuan"), th("yearUnions"), th("yearMembers")],
      rows: [...f.years.map((y) => ({ label: String(y.year), ...y })), { label: t("total"), ...f }].map((r) => [
        r.label, r.applications, r.renewals, r.loans, yuan(r.lentFen), yuan(r.subsidyFen), r.unionsFounded, r.newMembers,
      ]),
    },
  ];
}

/** Sheets as one CSV file: each table under its title, a blank line between them. */
export function sheetsCsv(sheets: Sheet[]): string {
  const text = (c: Cell) => (c === null ? "" : String(c));
  return csvFile(sheets.flatMap((s, i) => [...(i ? [""] : []), csvLine([s.title]), csvLine(s.header), ...s.rows.map((r) => csvLine(r.map(text)))]));
}
