import type { AnnualReportPdf, ReportSection, ReportTable } from "@/lib/pdf/annual-report";
import { formatFen } from "@/lib/money/fen";
import { fenToChineseUpper } from "@/lib/pdf/amount-in-words";
import { BEIJING_TIME_ZONE, beijingDayOf } from "@/lib/calendar/beijing";
import { fenToWanYuan } from "@/lib/stats/format";
import { DROP_OUTS, FUNNEL_STEPS } from "@/lib/stats/funnel";
import { LOAN_STATES } from "@/lib/stats/portfolio";
import type { AnnualReportFigures } from "@/lib/stats/annual-report";
import type { ProgrammeFigures } from "@/lib/stats/queries";

// The annual report's words and figures: the statistics in the reader's language, from the
// message catalogue (the `annualReport`, `insight` namespaces), counts and percentages in the
// locale's digits, money through lib/money (¥, and daxie capitals in the Chinese summary, as the letters do).
// Pure; the route hands it a translator, as the XLSX route does for its sheets.

export type Translate = (key: string, values?: Record<string, string | number>) => string;
type Options = { t: Translate; locale: string; generatedAt: Date; year: number | null };

/** The period's own figures: the published table at its end less the table the day before it began. */
export function periodFigures(end: ProgrammeFigures, start: ProgrammeFigures) {
  return {
    applications: end.applications - start.applications,
    renewals: end.renewals - start.renewals,
    enterprisesFunded: end.enterprisesFunded - start.enterprisesFunded,
    loans: end.loans - start.loans,
    lentFen: end.lentFen - start.lentFen,
    enterprisesSubsidised: end.enterprisesSubsidised - start.enterprisesSubsidised,
    subsidyFen: end.subsidyFen - start.subsidyFen,
    unionsFounded: end.unionsFounded - start.unionsFounded,
    newMembers: end.newMembers - start.newMembers,
  };
}

export function reportDocumentNo(f: AnnualReportFigures, year: number | null): string {
  const p = f.insight.period;
  return year === null ? `NCD-AR-${p.from.replaceAll("-", "")}-${p.to.replaceAll("-", "")}` : `NCD-AR-${year}`;
}

export function annualReportContent(f: AnnualReportFigures, { t, locale, generatedAt, year }: Options): AnnualReportPdf {
  const en = locale === "en";
  const numbers = new Intl.NumberFormat(en ? "en-US" : "zh-CN");
  const n = (v: number) => numbers.format(v);
  const pct = (v: number) => new Intl.NumberFormat(en ? "en-US" : "zh-CN", { style: "percent", maximumFractionDigits: 1 }).format(v);
  const days = (v: number) => new Intl.NumberFormat(en ? "en-US" : "zh-CN", { maximumFractionDigits: 2 }).format(v);
  const name = (o: { nameZh: string; nameEn: string }) => (en ? o.nameEn || o.nameZh : o.nameZh);
  const i = f.insight;
  const { from, to } = i.period;
  const p = periodFigures(f.end, f.start);
  const documentNo = reportDocumentNo(f, year);
  const title = year === null ? t("annualReport.titlePeriod") : t("annualReport.titleYear", { year });
  const upper = (fen: bigint) => (en ? "" : t("annualReport.upper", { upper: fenToChineseUpper(fen) }));
  const steps = i.funnel.steps;
  const share = (v: number) => pct(steps.applied === 0 ? 0 : v / steps.applied);
  const loans = i.portfolio.loansByState;
  const budget = i.budget;
  const paidThisYear = budget.months.at(-1)?.cumulativeFen ?? 0n;
  const ordinal = (k: number) => t(`annualReport.section.${k}`);

  // Counts go in as numbers: the catalogue formats them (and chooses English plurals).
  const rejected = i.funnel.dropOuts.rejectedCenter + i.funnel.dropOuts.rejectedGuarantor + i.funnel.dropOuts.rejectedBank;
  const summary = [
    t("annualReport.summary.period", {
      from, to, applications: p.applications, renewals: p.renewals, loans: p.loans, funded: p.enterprisesFunded,
      lent: formatFen(p.lentFen), lentUpper: upper(p.lentFen), subsidised: p.enterprisesSubsidised, subsidy: formatFen(p.subsidyFen),
      subsidyUpper: upper(p.subsidyFen), unions: p.unionsFounded, members: p.newMembers,
    }),
    t("annualReport.summary.funnel", {
      applied: steps.applied, disbursed: steps.disbursed, share: share(steps.disbursed), subsidised: steps.subsidised, rejected, inProgress: i.funnel.dropOuts.inProgress,
    }),
    t("annualReport.summary.loans", {
      to, active: loans.ACTIVE.loans, overdue: loans.OVERDUE.loans, settled: loans.SETTLED.loans, compensated: loans.COMPENSATED.loans,
      principal: formatFen(loans.ACTIVE.principalFen + loans.OVERDUE.principalFen),
    }),
    budget.budgetFen === null
      ? t("annualReport.summary.budgetNone", { year: String(budget.year), paid: formatFen(paidThisYear) })
      : t("annualReport.summary.budget", {
        year: String(budget.year), budget: formatFen(budget.budgetFen), paid: formatFen(paidThisYear),
        rate: pct(budget.budgetFen === 0n ? 0 : Number(paidThisYear) / Number(budget.budgetFen)), remaining: formatFen(budget.budgetFen - paidThisYear),
      }),
    t("annualReport.summary.cumulative", {
      to, applications: f.end.applications, funded: f.end.enterprisesFunded, lent: formatFen(f.end.lentFen), lentUpper: upper(f.end.lentFen),
      subsidised: f.end.enterprisesSubsidised, subsidy: formatFen(f.end.subsidyFen), unions: f.end.unionsFounded, members: f.end.newMembers,
    }),
  ];

  const headline: ReportTable = {
    columns: [
      { header: t("annualReport.col.item"), weight: 5 },
      { header: t("annualReport.col.period"), weight: 3, align: "right" },
      { header: t("annualReport.col.cumulative", { date: to }), weight: 3, align: "right" },
    ],
    rows: (["applications", "renewals", "enterprisesFunded", "loans", "lentFen", "enterprisesSubsidised", "subsidyFen", "unionsFounded", "newMembers"] as const)
      .map((key) => [t(`annualReport.row.${key}`), ...[p[key], f.end[key]].map((v) => (typeof v === "bigint" ? formatFen(v) : n(v)))]),
  };

  const sections: ReportSection[] = [
    { heading: ordinal(2), note: t("annualReport.headlineNote", { from, to }), tables: [headline] },
    {
      heading: ordinal(3), note: t("insight.funnelNote"),
      chart: {
        title: t("insight.funnelTitle"), series: [t("insight.legend.cases")],
        rows: FUNNEL_STEPS.map((s) => ({ label: t(`insight.step.${s}`), bars: [{ value: steps[s], text: t("insight.casesShare", { count: n(steps[s]), share: share(steps[s]) }) }] })),
      },
      tables: [
        { columns: [{ header: t("insight.col.step"), weight: 4 }, { header: t("insight.col.cases"), weight: 3, align: "right" }, { header: t("insight.col.shareOfApplied"), weight: 3, align: "right" }],
          rows: FUNNEL_STEPS.map((s) => [t(`insight.step.${s}`), n(steps[s]), share(steps[s])]) },
        { columns: [{ header: t("insight.col.reason"), weight: 7 }, { header: t("insight.col.cases"), weight: 3, align: "right" }],
          rows: DROP_OUTS.map((d) => [t(`insight.dropOut.${d}`), n(i.funnel.dropOuts[d])]) },
      ],
    },
    i.clocks.length === 0 ? { heading: ordinal(4), empty: t("insight.clocksEmpty") } : {
      heading: ordinal(4), note: t("annualReport.clocksNote"),
      chart: {
        title: t("insight.clocksTitle"), series: [t("insight.legend.median"), t("insight.legend.p90")],
        rows: i.clocks.map((c) => ({
          label: i.clocks.filter((o) => o.stage === c.stage).length > 1 ? `${t(`insight.stage.${c.stage}`)} · ${c.orgCode}` : t(`insight.stage.${c.stage}`),
          bars: [{ value: c.medianDays, text: t("insight.median", { days: days(c.medianDays) }) }, { value: c.p90Days, text: t("insight.p90", { days: days(c.p90Days) }) }],
        })),
      },
      tables: [{
        columns: [
          { header: t("insight.col.stage"), weight: 2.1 }, { header: t("insight.col.organisation"), weight: 4.6 }, { header: t("insight.col.spells"), weight: 1.7, align: "right" },
          { header: t("annualReport.col.deadline"), weight: 1.4, align: "right" }, { header: t("annualReport.col.median"), weight: 1.7, align: "right" },
          { header: t("annualReport.col.p90"), weight: 1.3, align: "right" }, { header: t("insight.col.lateShare"), weight: 1.6, align: "right" },
        ],
        rows: i.clocks.map((c) => [t(`insight.stage.${c.stage}`), name({ nameZh: c.orgNameZh, nameEn: c.orgNameEn }), n(c.spells),
          c.deadlineDays === null ? t("insight.none") : n(c.deadlineDays), days(c.medianDays), days(c.p90Days), pct(c.lateShare)]),
      }],
    },
    {
      heading: ordinal(5), note: t("insight.definitionLoans"),
      chart: { title: t("insight.loansTitle"), series: [t("annualReport.legend.loans")],
        rows: LOAN_STATES.map((s) => ({ label: t(`insight.loanState.${s}`), bars: [{ value: loans[s].loans, text: n(loans[s].loans) }] })) },
      tables: [{
        columns: [{ header: t("insight.col.state"), weight: 4 }, { header: t("insight.col.loans"), weight: 3, align: "right" }, { header: t("annualReport.col.principal"), weight: 4, align: "right" }],
        rows: LOAN_STATES.map((s) => [t(`insight.loanState.${s}`), n(loans[s].loans), formatFen(loans[s].principalFen)]),
      }],
    },
    f.end.years.length === 0 ? { heading: ordinal(6), empty: t("insight.yearsEmpty") } : {
      heading: ordinal(6), note: t("annualReport.yearsNote", { to }),
      chart: { title: t("insight.yearsChartTitle"), series: [t("insight.legend.lent")],
        rows: f.end.years.map((y) => ({ label: String(y.year), bars: [{ value: Number(y.lentFen) / 1_000_000, text: fenToWanYuan(y.lentFen) }] })) },
      tables: [{
        columns: [{ header: t("insight.col.year"), weight: 2 }, { header: t("annualReport.col.applications"), weight: 2, align: "right" }, { header: t("annualReport.col.loans"), weight: 2, align: "right" },
          { header: t("annualReport.col.lent"), weight: 4, align: "right" }, { header: t("annualReport.col.subsidy"), weight: 4, align: "right" }],
        rows: f.end.years.map((y) => [String(y.year), n(y.applications), n(y.loans), formatFen(y.lentFen), formatFen(y.subsidyFen)]),
        totalRow: [t("annualReport.total"), n(f.end.applications), n(f.end.loans), formatFen(f.end.lentFen), formatFen(f.end.subsidyFen)],
      }],
    },
    {
      heading: t("annualReport.section.7", { year: budget.year }),
      note: budget.budgetFen === null ? t("insight.budgetNone", { year: budget.year }) : undefined,
      chart: {
        title: t("annualReport.budgetChartTitle", { year: budget.year }), series: [t("insight.legend.paid")],
        rows: budget.months.map((m) => ({ label: `${budget.year}-${String(m.month).padStart(2, "0")}`, bars: [{ value: Number(m.cumulativeFen) / 100, text: formatFen(m.cumulativeFen) }] })),
        ...(budget.budgetFen === null ? {} : { reference: { value: Number(budget.budgetFen) / 100, label: t("annualReport.budgetLegend", { budget: formatFen(budget.budgetFen) }) } }),
      },
      tables: [{
        columns: [{ header: t("insight.col.month"), weight: 2 }, { header: t("annualReport.col.paid"), weight: 3, align: "right" },
          { header: t("annualReport.col.cumulativePaid"), weight: 3, align: "right" }, { header: t("annualReport.col.remaining"), weight: 3, align: "right" }],
        rows: budget.months.map((m) => [`${budget.year}-${String(m.month).padStart(2, "0")}`, formatFen(m.paidFen), formatFen(m.cumulativeFen), m.remainingFen === null ? t("insight.none") : formatFen(m.remainingFen)]),
      }],
    },
  ];

  const filters = i.filters.channel === "all" && i.filters.org === null ? "" : t("annualReport.filters", { channel: t(`insight.channel.${i.filters.channel}`), org: i.filters.org ?? t("insight.allOrgs") });
  const issued = beijingDayOf(generatedAt);
  const time = new Intl.DateTimeFormat("en-GB", { timeZone: BEIJING_TIME_ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(generatedAt);
  return {
    meta: {
      title, documentNo, generatedAt, subject: t("annualReport.programme"), lang: en ? "en" : "zh-CN",
      footer: {
        documentNo: t("annualReport.footer.documentNo", { no: documentNo }),
        generated: t("annualReport.footer.generated", { date: issued, time }),
        page: (page, pages) => t("annualReport.footer.page", { page, pages }),
      },
    },
    heading: t("annualReport.programme"),
    title,
    refLeft: t("annualReport.periodRef", { from, to }) + (filters ? ` · ${filters}` : ""),
    refRight: t("annualReport.documentNo", { no: documentNo }),
    summaryHeading: ordinal(1),
    summary,
    sections,
    definitions: {
      heading: t("insight.definitionsTitle"),
      items: [t("annualReport.definitionPeriod"), t("insight.definitionFunnel"), t("insight.definitionClocks"), t("annualReport.definitionSubsidy")],
    },
    issuer: { lines: [t("annualReport.issuer", { name: name(f.issuer) }), t("annualReport.issuedOn", { date: issued, y: issued.slice(0, 4), m: Number(issued.slice(5, 7)), d: Number(issued.slice(8, 10)) })] },
  };
}
