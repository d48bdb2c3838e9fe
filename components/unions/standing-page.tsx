import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { StaffActor } from "@/lib/auth/roles";
import { can } from "@/lib/auth/permissions";
import { recentStandings, standingGaps } from "@/lib/unions/queries";
import { beijingToday } from "@/lib/calendar/beijing";
import { parseQuarter, quarterOf } from "@/lib/subsidies/periods";
import { StandingForm } from "@/components/unions/standing-form";
import { RosterUpload } from "@/components/unions/roster-upload";

/**
 * Union standing for a district union or the centre: record a member's standing, see the latest
 * records; the centre also sees which loans lack standing in a quarter, before its batch.
 */
export async function StandingPage({ actor, quarter }: { actor: StaffActor; quarter?: string }) {
  const today = beijingToday();
  const shownQuarter = quarter && parseQuarter(quarter) ? quarter : quarterOf(today);
  const checksBatches = can(actor, "subsidy.verify");
  const [t, tf, format, rows, gaps] = await Promise.all([
    getTranslations("unions"), getTranslations("unionFounding"), getFormatter(), recentStandings(actor),
    checksBatches ? standingGaps(actor, parseQuarter(shownQuarter)!, today) : Promise.resolve(null),
  ]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <nav className="actions section-links" aria-label={tf("title")}>
        <Link href={actor.role === "DISTRICT_AGENT" ? "/agent/union-founding" : "/center/union-founding"} className="btn btn--secondary btn--small">{tf("link")}</Link>
      </nav>
      {can(actor, "union.record") ? (
        <section className="card" aria-labelledby="record-standing">
          <h2 id="record-standing">{t("form.title")}</h2>
          <StandingForm />
        </section>
      ) : null}
      {can(actor, "union.record") ? (
        <section className="card" aria-labelledby="import-roster" style={{ marginTop: "1rem" }}>
          <h2 id="import-roster">{t("roster.title")}</h2>
          <p className="field__hint">{t("roster.lead")}</p>
          <RosterUpload />
        </section>
      ) : null}
      {gaps ? (
        <section aria-labelledby="standing-gaps">
          <h2 id="standing-gaps">{t("gaps.title", { quarter: shownQuarter })}</h2>
          <form method="get" className="actions">
            <label htmlFor="quarter">{t("gaps.quarter")}</label>
            <input id="quarter" name="quarter" defaultValue={shownQuarter} pattern="\d{4}Q[1-4]" size={8} />
            <button type="submit" className="btn btn--secondary btn--small">{t("gaps.show")}</button>
          </form>
          <div className="table-wrap">
            <table className="table table--stack" data-testid="standing-gaps">
              <thead><tr><th>{t("gaps.loan")}</th><th>{t("columns.enterprise")}</th><th className="num">{t("gaps.uncovered")}</th><th>{t("gaps.ask")}</th></tr></thead>
              <tbody>
                {gaps.length === 0 ? <tr><td colSpan={4}>{t("gaps.none")}</td></tr> : null}
                {gaps.map((g) => (
                  <tr key={g.loanId}>
                    <td data-label={t("gaps.loan")}>{g.contractNo}</td>
                    <td data-label={t("columns.enterprise")}>{g.enterpriseName}<br /><small className="who">{g.creditCode}</small></td>
                    <td data-label={t("gaps.uncovered")} className="num">{t("gaps.days", { uncovered: g.uncoveredDays, days: g.days })}</td>
                    <td data-label={t("gaps.ask")}>{g.intakeOrganisation ?? t("gaps.online")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      <h2>{t("recent")}</h2>
      <div className="table-wrap">
        <table className="table table--stack" data-testid="union-standings">
          <thead>
            <tr><th>{t("columns.enterprise")}</th><th>{t("columns.union")}</th><th>{t("columns.period")}</th><th>{t("columns.recorded")}</th><th>{t("columns.status")}</th></tr>
          </thead>
          <tbody>
            {rows.length === 0 ? <tr><td colSpan={5}>{t("none")}</td></tr> : null}
            {rows.map((r) => (
              <tr key={r.id}>
                <td data-label={t("columns.enterprise")}>{r.enterpriseName}<br /><small className="who">{r.creditCode}</small></td>
                <td data-label={t("columns.union")}>{r.unionName}<br /><small className="who">{r.memberCardNo}</small></td>
                <td data-label={t("columns.period")}>{r.validFrom} — {r.validTo ?? t("openEnded")}</td>
                <td data-label={t("columns.recorded")}>{r.recordedBy ?? t("system")}<br /><small className="who">{format.dateTime(r.createdAt, { dateStyle: "short", timeStyle: "short" })}</small></td>
                <td data-label={t("columns.status")}><span className={`badge ${r.superseded ? "badge--red" : "badge--green"}`}>{r.superseded ? t("superseded") : t("current")}</span></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
