import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { StaffActor } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { isOversightStage, listOversight, oversightOrganisations, OVERSIGHT_STAGES, type OversightFilters } from "@/lib/oversight/queries";
import { FilterSelect } from "@/components/ui/filter-select";

type Params = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

function href(filters: OversightFilters, cursor?: string): string {
  const query = new URLSearchParams();
  if (filters.stage) query.set("stage", filters.stage);
  if (filters.org) query.set("org", filters.org);
  if (filters.lateOnly) query.set("late", "1");
  if (cursor) query.set("cursor", cursor);
  const text = query.toString();
  return text ? `/center/oversight?${text}` : "/center/oversight";
}

/** The centre's view of every clocked stage: filters, the late count, one keyset-paged table. */
export async function OversightPage({ actor, searchParams }: { actor: StaffActor; searchParams: Params }) {
  const stageParam = one(searchParams.stage);
  const filters: OversightFilters = {
    stage: isOversightStage(stageParam) ? stageParam : undefined,
    org: one(searchParams.org)?.slice(0, 40) || undefined,
    lateOnly: one(searchParams.late) === "1",
  };
  const [t, status, format, locale, orgs, page] = await Promise.all([
    getTranslations("oversight"), getTranslations("status"), getFormatter(), getLocale(), oversightOrganisations(actor),
    listOversight(actor, { filters, cursor: one(searchParams.cursor) ?? null }),
  ]);
  const name = (o: { nameZh: string; nameEn: string } | null) => (o ? (locale === "en" ? o.nameEn : o.nameZh) : "—");
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : "—");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro", { days: env.ESCALATE_AFTER_WORKING_DAYS })}</p>
      <p className={page.lateTotal > 0 ? "notice notice--warn" : "notice notice--info"} data-testid="late-total">{t("lateTotal", { count: page.lateTotal })}</p>
      <form method="get" action="/center/oversight" className="queue-filters" aria-label={t("filters")}>
        <FilterSelect id="oversight-stage" name="stage" label={t("stage")} value={filters.stage ?? ""} all={t("allStages")}
          options={OVERSIGHT_STAGES.map((s) => ({ value: s, label: status(s) }))} />
        <FilterSelect id="oversight-org" name="org" label={t("org")} value={filters.org ?? ""} all={t("allOrgs")}
          options={[{ value: "center", label: t("center") }, ...orgs.map((o) => ({ value: o.id, label: name(o) }))]} />
        <div className="queue-filters__checks">
          <label className="checkbox"><input type="checkbox" name="late" value="1" defaultChecked={filters.lateOnly} /><span>{t("lateOnly")}</span></label>
        </div>
        <div className="actions"><button type="submit" className="btn btn--secondary btn--small">{t("apply")}</button></div>
      </form>
      {page.rows.length === 0 ? (
        <p className="notice notice--info">{t("empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="oversight">
            <thead>
              <tr>
                <th>{t("number")}</th><th>{t("enterprise")}</th><th>{t("stage")}</th><th>{t("holder")}</th>
                <th>{t("entered")}</th><th>{t("due")}</th><th>{t("clock")}</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((r) => (
                <tr key={r.id} data-number={r.number} data-late={r.late ? "true" : "false"} className={r.late ? "row--late" : undefined}>
                  <td className="case-code"><Link href={`/center/cases/${r.id}`}>{r.number}</Link>{r.greenChannel ? <> <span className="badge badge--green">{t("green")}</span></> : null}</td>
                  <td>{r.enterpriseName}</td>
                  <td className="nowrap">{status(r.status)}</td>
                  <td>{name(r.holder)}</td>
                  <td className="nowrap">{when(r.stageEnteredAt)}</td>
                  <td className="nowrap">{when(r.stageDueAt)}</td>
                  <td>
                    {r.stageDueAt === null ? <span className="badge">{t("noClock")}</span>
                      : r.late ? <span className="badge badge--red">{r.daysLate > 0 ? t("late", { days: r.daysLate }) : t("lateToday")}</span>
                      : <span className="badge badge--green">{t("onTime")}</span>}
                    {r.reminded ? <> <span className="badge badge--amber">{t("reminded")}</span></> : null}
                    {r.escalated ? <> <span className="badge badge--red">{t("escalated")}</span></> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="actions">
        {searchParams.cursor ? <Link href={href(filters)} className="btn btn--secondary">{t("first")}</Link> : null}
        {page.nextCursor ? <Link href={href(filters, page.nextCursor)} className="btn btn--secondary">{t("next")}</Link> : null}
      </p>
    </>
  );
}
