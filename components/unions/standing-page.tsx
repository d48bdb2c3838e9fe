import { getFormatter, getTranslations } from "next-intl/server";
import type { StaffActor } from "@/lib/auth/roles";
import { can } from "@/lib/auth/permissions";
import { recentStandings } from "@/lib/unions/queries";
import { StandingForm } from "@/components/unions/standing-form";

/** Union standing for a district union or the centre: record a member's standing, see the latest records. */
export async function StandingPage({ actor }: { actor: StaffActor }) {
  const [t, format, rows] = await Promise.all([getTranslations("unions"), getFormatter(), recentStandings(actor)]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      {can(actor, "union.record") ? (
        <section className="card" aria-labelledby="record-standing">
          <h2 id="record-standing">{t("form.title")}</h2>
          <StandingForm />
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
