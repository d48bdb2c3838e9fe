import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { StaffActor } from "@/lib/auth/roles";
import { can } from "@/lib/auth/permissions";
import { foundingPage } from "@/lib/unions/founding-queries";
import { FoundingForm } from "@/components/unions/founding-form";

/** Unions founded through the programme: record one (or correct the current record), see the latest. */
export async function FoundingPage({ actor, basePath, correct }: { actor: StaffActor; basePath: string; correct?: string }) {
  const [t, th, format, data] = await Promise.all([getTranslations("unionFounding"), getTranslations("history"), getFormatter(), foundingPage(actor, correct)]);
  const c = data.correcting;
  return (
    <>
      <p><Link href={basePath.replace("union-founding", "union-standing")}>{t("back")}</Link></p>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      {can(actor, "union.recordFounding") ? (
        <section className="card" aria-labelledby="record-founding">
          <h2 id="record-founding">{c ? t("correctTitle", { name: c.enterpriseName }) : t("formTitle")}</h2>
          {c ? <p className="field__hint">{t("correctLead")} <Link href={basePath}>{t("cancel")}</Link></p> : null}
          <FoundingForm
            key={c?.id ?? "new"}
            labels={{ creditCode: t("creditCode"), unionName: t("unionName"), foundedOn: t("foundedOn"), memberCount: t("memberCount"), memberCountHint: t("memberCountHint"), submit: t("submit"), correct: t("submitCorrection") }}
            defaults={c ? { replacesId: c.id, creditCode: c.creditCode, unionName: c.unionName, foundedOn: c.foundedOn, memberCount: String(c.memberCount) } : undefined}
          />
        </section>
      ) : null}
      <h2>{t("recent")}</h2>
      <div className="table-wrap">
        <table className="table table--stack" data-testid="union-foundings">
          <thead>
            <tr><th>{t("enterprise")}</th><th>{t("unionName")}</th><th>{t("foundedOn")}</th><th className="num">{t("memberCount")}</th><th>{t("recordedBy")}</th><th>{t("status")}</th></tr>
          </thead>
          <tbody>
            {data.rows.length === 0 ? <tr><td colSpan={6}>{t("none")}</td></tr> : null}
            {data.rows.map((r) => (
              <tr key={r.id}>
                <td data-label={t("enterprise")}>{r.enterpriseName}<br /><small className="who">{r.creditCode}</small></td>
                <td data-label={t("unionName")}>{r.unionName}</td>
                <td data-label={t("foundedOn")}>{r.foundedOn}</td>
                <td data-label={t("memberCount")} className="num">{format.number(r.memberCount)}</td>
                <td data-label={t("recordedBy")}>{r.recordedBy ?? "—"}<br /><small className="who">{format.dateTime(r.createdAt, { dateStyle: "short", timeStyle: "short" })}</small></td>
                <td data-label={t("status")}>
                  <span className={`badge ${r.superseded ? "badge--red" : "badge--green"}`}>{r.superseded ? t("superseded") : t("current")}</span>
                  {r.historical ? <> <span className="badge badge--historical">{th("badge")}</span></> : null}
                  {!r.superseded && can(actor, "union.recordFounding") ? <> <Link href={`${basePath}?correct=${r.id}`} aria-label={t("correctFor", { name: r.enterpriseName })}>{t("correct")}</Link></> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
