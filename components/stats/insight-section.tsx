import { getLocale, getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import type { InsightFigures, PartnerOption } from "@/lib/stats/insight";
import { CHANNELS, type PeriodErrorCode } from "@/lib/stats/period";
import { fenToWanYuan } from "@/lib/stats/format";
import type { YearFigures } from "@/lib/stats/queries";
import { BarChart } from "@/components/stats/charts/bar-chart";
import { InsightTables } from "@/components/stats/insight-tables";
import { CHART_BOX, SIDE_BY_SIDE, TABLE_BOX, Table } from "@/components/stats/insight-layout";
import { Field } from "@/components/ui/field";
import { FilterSelect } from "@/components/ui/filter-select";

// "How the programme works" on the statistics pages (centre and audit): a GET form for the period
// and filters, then each chart with its table beside it, then the tables of lib/stats/insight.
// Any refusal (empty or reversed period, before the programme, unknown filter) is said in words
// and the section shows this year so far. The figures come from the page's stored snapshot.


type Params = Record<string, string | string[] | undefined>;
const text = (v: string | string[] | undefined): string => (Array.isArray(v) ? v[0] : v) ?? "";

export async function InsightSection({ params, action, years, figures: f, error, orgs, start }: {
  params: Params;
  action: string;
  years: YearFigures[];
  /** The figures shown: the period asked for, or this year so far when it was refused (`error`). */
  figures: InsightFigures;
  error: PeriodErrorCode | null;
  orgs: PartnerOption[];
  /** The programme's first day. */
  start: string;
}) {
  const [t, tr, format, locale] = await Promise.all([getTranslations("insight"), getTranslations("annualReport"), getFormatter(), getLocale()]);
  const name = (o: { nameZh: string; nameEn: string }) => (locale === "en" ? o.nameEn : o.nameZh);
  const query = new URLSearchParams({ from: f.period.from, to: f.period.to, channel: f.filters.channel, ...(f.filters.org ? { org: f.filters.org } : {}) });

  return (
    <section aria-labelledby="insight-title" data-testid="insight" style={{ marginTop: "2.5rem", borderTop: "3px solid var(--red)", paddingTop: "1rem" }}>
      <h2 id="insight-title">{t("title")}</h2>
      <p className="lead">{t("lead")}</p>
      {error ? (
        <p className="notice notice--warn" role="alert" data-testid="insight-error" style={{ marginBottom: "1rem" }}>
          {t(`error.${error}`, { start })}{error === "UNKNOWN_FILTER" ? null : ` ${t("errorFallback")}`}
        </p>
      ) : null}
      <form method="get" action={action} className="queue-filters" aria-label={t("formLabel")}>
        {text(params.asOf) ? <input type="hidden" name="asOf" value={text(params.asOf)} /> : null}
        <Field id="insight-from" label={t("from")} type="date" name="from" defaultValue={error ? text(params.from) || f.period.from : f.period.from} aria-describedby="insight-hint" />
        <Field id="insight-to" label={t("to")} type="date" name="to" defaultValue={error ? text(params.to) || f.period.to : f.period.to} aria-describedby="insight-hint" />
        <FilterSelect id="insight-channel" name="channel" label={t("channelLabel")} value={f.filters.channel}
          options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
        <FilterSelect id="insight-org" name="org" label={t("org")} value={f.filters.org ?? ""} all={t("allOrgs")}
          options={orgs.map((o) => ({ value: o.code, label: name(o) }))} />
        <div className="actions" style={{ paddingBottom: ".1rem" }}>
          <button type="submit" className="btn btn--primary">{t("show")}</button>
          <a href={`/api/stats/insight?${query.toString()}`} className="btn btn--secondary" download data-testid="insight-xlsx">{t("downloadXlsx")}</a>
          <a href={`/api/stats/insight?${query.toString()}&format=csv`} className="btn btn--secondary" download data-testid="insight-csv">{t("downloadCsv")}</a>
          <a href={`/api/stats/annual-report?${query.toString()}`} className="btn btn--secondary" download data-testid="insight-pdf">{tr("download")}</a>
        </div>
        <p id="insight-hint" className="field__hint" style={{ flexBasis: "100%" }}>{t("periodHint", { start })}</p>
      </form>
      <p className="who" data-testid="insight-period">{t("periodLine", { from: f.period.from, to: f.period.to })} · {t(`channel.${f.filters.channel}`)}</p>
      {funnelBlock()}
      {clocksBlock()}
      {yearsBlock()}
      <InsightTables f={f} />
      <h3>{t("definitionsTitle")}</h3>
      <ul className="who" style={{ margin: 0, paddingLeft: "1.2rem" }}>
        <li>{t("definitionFunnel")}</li>
        <li>{t("definitionClocks")}</li>
        <li>{t("definitionLoans")}</li>
      </ul>
    </section>
  );

  function funnelBlock() {
    const s = f.funnel.steps;
    const share = (v: number) => format.number(s.applied === 0 ? 0 : v / s.applied, { style: "percent", maximumFractionDigits: 1 });
    const steps = Object.entries(s) as [keyof typeof s, number][];
    return (
      <>
        <h3>{t("funnelTitle")}</h3>
        <p className="who">{t("funnelNote")}</p>
        <div style={SIDE_BY_SIDE}>
          <div style={CHART_BOX}>
            <BarChart id="chart-funnel" title={t("funnelTitle")} desc={t("funnelDesc", { ...s, from: f.period.from, to: f.period.to })}
              series={[{ key: "cases", label: t("legend.cases") }]}
              rows={steps.map(([k, v]) => ({ label: t(`step.${k}`), bars: [{ value: v, text: t("casesShare", { count: format.number(v), share: share(v) }) }] }))} />
          </div>
          <div style={TABLE_BOX}>
            <Table testId="insight-funnel" head={[t("col.step"), t("col.cases"), t("col.shareOfApplied")]}
              rows={steps.map(([k, v]) => [t(`step.${k}`), format.number(v), share(v)])} />
            <h4 style={{ margin: "1rem 0 .3rem" }}>{t("dropOutTitle")}</h4>
            <Table testId="insight-dropouts" head={[t("col.reason"), t("col.cases")]}
              rows={(Object.entries(f.funnel.dropOuts) as [string, number][]).map(([k, v]) => [t(`dropOut.${k}`), format.number(v)])} />
          </div>
        </div>
      </>
    );
  }

  function clocksBlock() {
    const d = (v: number) => format.number(v, { maximumFractionDigits: 2 });
    return (
      <>
        <h3>{t("clocksTitle")}</h3>
        <p className="who">{t("clocksNote")}</p>
        {f.clocks.length === 0 ? <p className="notice notice--info">{t("clocksEmpty")}</p> : (
          <>
            <div style={{ maxWidth: "46rem" }}>
              <BarChart id="chart-clocks" title={t("clocksTitle")} desc={t("clocksDesc")}
                series={[{ key: "median", label: t("legend.median") }, { key: "p90", label: t("legend.p90") }]} markerLabel={t("legend.deadline")}
                rows={f.clocks.map((c) => ({
                  label: f.clocks.filter((o) => o.stage === c.stage).length > 1 ? `${t(`stage.${c.stage}`)} · ${c.orgCode}` : t(`stage.${c.stage}`),
                  bars: [{ value: c.medianDays, text: t("median", { days: d(c.medianDays) }) }, { value: c.p90Days, text: t("p90", { days: d(c.p90Days) }) }],
                  ...(c.deadlineDays === null ? {} : { marker: { value: c.deadlineDays, text: t("deadlineMarker", { days: c.deadlineDays }) } }),
                }))} />
            </div>
            <div style={{ margin: ".5rem 0 1.5rem" }}>
              <Table testId="insight-clocks" textColumns={2}
                head={[t("col.stage"), t("col.organisation"), t("col.spells"), t("col.deadlineDays"), t("col.median"), t("col.p90"), t("col.late"), t("col.lateShare")]}
                rows={f.clocks.map((c) => [t(`stage.${c.stage}`), name({ nameZh: c.orgNameZh, nameEn: c.orgNameEn }), format.number(c.spells),
                  c.deadlineDays === null ? t("none") : format.number(c.deadlineDays), d(c.medianDays), d(c.p90Days), format.number(c.late),
                  format.number(c.lateShare, { style: "percent", maximumFractionDigits: 1 })])} />
            </div>
          </>
        )}
        <h4 style={{ margin: "0 0 .3rem" }}>{t("turnaroundTitle")}</h4>
        <p className="who">{t("turnaroundNote")}</p>
        <div style={{ maxWidth: "40rem" }}>
          <Table testId="insight-turnaround" head={[t("col.channel"), t("col.loans"), t("col.median"), t("col.p90")]}
            rows={f.turnaround.map((r) => [t(`channel.${r.channel}`), format.number(r.loans), r.loans === 0 ? t("none") : d(r.medianDays), r.loans === 0 ? t("none") : d(r.p90Days)])} />
        </div>
      </>
    );
  }

  function yearsBlock() {
    const list = years.map((y) => `${y.year}: ${fenToWanYuan(y.lentFen)}`).join("; ");
    return (
      <>
        <h3>{t("yearsChartTitle")}</h3>
        {years.length === 0 ? <p className="notice notice--info">{t("yearsEmpty")}</p> : (
          <div style={SIDE_BY_SIDE}>
            <div style={CHART_BOX}>
              <BarChart id="chart-years" title={t("yearsChartTitle")} desc={t("yearsChartDesc", { list })}
                series={[{ key: "lent", label: t("legend.lent") }]}
                rows={years.map((y) => ({ label: String(y.year), bars: [{ value: Number(y.lentFen) / 1_000_000, text: fenToWanYuan(y.lentFen) }] }))} />
            </div>
            <div style={TABLE_BOX}>
              <Table testId="insight-years" head={[t("col.year"), t("col.lentWan")]}
                rows={years.map((y) => [String(y.year), fenToWanYuan(y.lentFen)])} />
            </div>
          </div>
        )}
      </>
    );
  }
}
