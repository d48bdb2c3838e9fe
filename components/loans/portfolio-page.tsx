import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { StaffActor } from "@/lib/auth/roles";
import { formatFen } from "@/lib/money/fen";
import { isPortfolioFilter, listPortfolio, portfolioTotals, PORTFOLIO_FILTERS, type PortfolioFilter } from "@/lib/loans/portfolio-queries";
import { Field } from "@/components/ui/field";
import { DataTable } from "@/components/ui/data-table";

type Params = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

function portfolioHref(basePath: string, filter: PortfolioFilter, q?: string, cursor?: string): string {
  const query = new URLSearchParams({ filter });
  if (q) query.set("q", q);
  if (cursor) query.set("cursor", cursor);
  return `${basePath}?${query.toString()}`;
}

const STATUS_BADGE = { ACTIVE: "badge--green", OVERDUE: "badge--red", COMPENSATED: "badge--red", SETTLED: "", APPROVED: "" } as const;

/** An organisation's loans (the centre: the programme's): totals over all of them, then one filtered, keyset-paged list. */
export async function PortfolioPage({ actor, title, basePath, caseBase, searchParams }: {
  actor: StaffActor;
  title: string;
  /** The portfolio page's own path. */
  basePath: string;
  /** Where the actor's case pages live (a row links to its case). */
  caseBase: string;
  searchParams: Params;
}) {
  const t = await getTranslations("portfolio");
  const loanStatus = await getTranslations("case.loanStatus");
  const raw = one(searchParams.filter);
  const filter: PortfolioFilter = isPortfolioFilter(raw) ? raw : "all";
  const q = one(searchParams.q)?.trim().slice(0, 100) || undefined;
  const [totals, page] = await Promise.all([
    portfolioTotals(actor),
    listPortfolio(actor, { filter, q, cursor: one(searchParams.cursor) ?? null }),
  ]);
  const figures: [string, bigint][] = [
    ["outstanding", totals.outstandingPrincipalFen],
    ["overduePrincipal", totals.overduePrincipalFen],
    ["overdueInterest", totals.overdueInterestFen],
    ["compensated", totals.compensatedFen],
    ["recovered", totals.recoveredFen],
  ];
  return (
    <>
      <h1>{title}</h1>
      <section className="portfolio-totals" aria-label={t("totals.label")} data-testid="portfolio-totals">
        <div className="portfolio-total"><span>{t("totals.loans")}</span><strong data-testid="total-loans">{totals.loans}</strong></div>
        {figures.map(([key, fen]) => (
          <div key={key} className="portfolio-total"><span>{t(`totals.${key}`)}</span><strong data-testid={`total-${key}`}>{formatFen(fen)}</strong></div>
        ))}
      </section>
      <nav className="actions" aria-label={t("filters.label")} style={{ margin: "1rem 0" }}>
        {PORTFOLIO_FILTERS.map((f) => (
          <Link key={f} href={portfolioHref(basePath, f, q)} className={`btn btn--small ${f === filter ? "btn--primary" : "btn--secondary"}`} aria-current={f === filter ? "page" : undefined}>
            {t(`filters.${f}`)}
          </Link>
        ))}
      </nav>
      <form method="get" action={basePath} className="queue-filters" role="search" aria-label={t("search.label")}>
        <input type="hidden" name="filter" value={filter} />
        <Field id="portfolio-q" label={t("search.q")} frameClass="queue-filters__search" name="q" type="search" defaultValue={q ?? ""} maxLength={100} placeholder={t("search.placeholder")} />
        <div className="actions">
          <button type="submit" className="btn btn--secondary btn--small">{t("search.apply")}</button>
          {q ? <Link href={portfolioHref(basePath, filter)} className="btn btn--link">{t("search.clear")}</Link> : null}
        </div>
      </form>
      <div className="actions" style={{ justifyContent: "flex-end", marginBottom: ".6rem" }}>
        <a className="btn btn--secondary btn--small" href={portfolioHref("/api/loans/export", filter, q)} download>{t("export")}</a>
        <a className="btn btn--secondary btn--small" href={`${portfolioHref("/api/loans/export", filter, q)}&format=xlsx`} download>{t("exportXlsx")}</a>
      </div>
      <DataTable rows={page.rows} rowKey={(r) => r.loanId} rowAttributes={(r) => ({ "data-contract": r.contractNo })} empty={t("empty")} testId="portfolio" columns={[
        { header: t("columns.contractNo"), className: "case-code", cell: (r) => <Link href={`${caseBase}/${r.applicationId}`}>{r.contractNo}</Link> },
        { header: t("columns.enterprise"), cell: (r) => <>{r.enterpriseName}{actor.organisationType === "SUPPORT_CENTER" ? <div className="field__hint">{r.bankName}</div> : null}</> },
        { header: t("columns.status"), cell: (r) => <span className={`badge ${STATUS_BADGE[r.status]}`}>{loanStatus(r.status)}</span> },
        { header: t("columns.principal"), num: true, cell: (r) => formatFen(r.principalFen) },
        { header: t("columns.outstanding"), num: true, cell: (r) => formatFen(r.outstandingFen) },
        {
          header: t("columns.overdue"),
          num: true,
          cell: (r) => (r.overduePrincipalFen + r.overdueInterestFen > 0n ? t("overdueValue", { principal: formatFen(r.overduePrincipalFen), interest: formatFen(r.overdueInterestFen) }) : "—"),
        },
        { header: t("columns.compensated"), num: true, cell: (r) => (r.compensatedFen > 0n ? formatFen(r.compensatedFen) : "—") },
        { header: t("columns.recovered"), num: true, cell: (r) => (r.recoveredFen > 0n ? formatFen(r.recoveredFen) : "—") },
        { header: t("columns.maturityOn"), className: "nowrap", cell: (r) => r.maturityOn },
      ]} />
      {page.nextCursor ? (
        <p><Link href={portfolioHref(basePath, filter, q, page.nextCursor)} className="btn btn--secondary">{t("next")}</Link></p>
      ) : null}
    </>
  );
}
