import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { isUuid } from "@/lib/ids";
import { organisationDetail } from "@/lib/organisations/queries";
import { ReassignCaseForm } from "@/components/routing/reassign-form";
import { StatusBadge } from "@/components/applications/status-badge";
import { PageFeedback, PageFeedbackNotice } from "@/components/ui/page-feedback";
import { BEIJING_TIME_ZONE } from "@/lib/calendar/beijing";
import { ClientMessages } from "@/components/layout/client-messages";

/** One organisation: its staff, and its open cases with a way to move each one elsewhere. */
export default async function OrganisationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireSection("admin");
  const { id } = await params;
  const org = isUuid(id) ? await organisationDetail(actor, id) : null;
  if (!org) notFound();
  const [t, admin, types, roles, format, locale] = await Promise.all([
    getTranslations("admin.reassign"), getTranslations("admin"), getTranslations("orgTypes"), getTranslations("roles"), getFormatter(), getLocale(),
  ]);
  const name = locale === "en" ? org.nameEn : org.nameZh;
  const targets = org.targets.map((o) => ({ id: o.id, name: `${o.nameZh} (${o.code})` }));
  return (
    <ClientMessages namespaces={["admin.reassign"]}>
      <PageFeedback>
        <p><Link href="/admin">← {admin("organisations")}</Link></p>
        <h1>{t("title", { name })}</h1>
        <p>
          {types(org.type)} · {org.code} ·{" "}
          <span className={`badge ${org.disabledAt ? "badge--red" : "badge--green"}`}>{org.disabledAt ? admin("accounts.disabled") : admin("accounts.active")}</span>
        </p>
        <p className="field__hint">{t("lead")}</p>
        <PageFeedbackNotice />
        <h2>{t("cases")}</h2>
        {org.cases.length === 0 ? <p data-testid="org-open-cases-empty">{t("none")}</p> : (
          <div className="table-wrap">
            <table className="table table--stack" data-testid="org-open-cases">
              <thead><tr><th>{admin("reassignColumns.number")}</th><th>{admin("reassignColumns.enterprise")}</th><th>{admin("reassignColumns.status")}</th><th>{admin("reassignColumns.due")}</th><th>{t("to")}</th></tr></thead>
              <tbody>
                {org.cases.map((c) => (
                  <tr key={c.id}>
                    <td data-label={admin("reassignColumns.number")}>{c.number}</td>
                    <td data-label={admin("reassignColumns.enterprise")}>{c.enterprise}</td>
                    <td data-label={admin("reassignColumns.status")}><StatusBadge status={c.status} /></td>
                    <td data-label={admin("reassignColumns.due")}>{c.stageDueAt ? format.dateTime(c.stageDueAt, { dateStyle: "medium", timeZone: BEIJING_TIME_ZONE }) : "—"}</td>
                    <td><ReassignCaseForm fromOrgId={org.id} applicationId={c.id} version={c.version} number={c.number} targets={targets} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {org.type === "BANK" ? <p className="field__hint">{t("contracting")}</p> : null}
        <h2>{t("staff")}</h2>
        {org.staff.length === 0 ? <p>{t("noStaff")}</p> : (
          <div className="table-wrap">
            <table className="table table--stack" data-testid="org-staff">
              <thead><tr><th>{admin("accounts.name")}</th><th>{admin("accounts.role")}</th><th>{admin("accounts.lastSignIn")}</th><th>{admin("accounts.twoFactor")}</th><th>{admin("accounts.status")}</th></tr></thead>
              <tbody>
                {org.staff.map((s) => (
                  <tr key={s.id}>
                    <td data-label={admin("accounts.name")}>{s.displayName}<br /><small className="who">{s.email}</small></td>
                    <td data-label={admin("accounts.role")}>{roles(s.role)}</td>
                    <td data-label={admin("accounts.lastSignIn")}>{s.lastSignInAt ? format.dateTime(s.lastSignInAt, { dateStyle: "short", timeStyle: "short", timeZone: BEIJING_TIME_ZONE }) : admin("accounts.never")}</td>
                    <td data-label={admin("accounts.twoFactor")}><span className={`badge ${s.twoFactor ? "badge--green" : "badge--amber"}`}>{s.twoFactor ? admin("accounts.twoFactorOn") : admin("accounts.twoFactorOff")}</span></td>
                    <td data-label={admin("accounts.status")}><span className={`badge ${s.disabled ? "badge--red" : "badge--green"}`}>{s.disabled ? admin("accounts.disabled") : admin("accounts.active")}</span></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </PageFeedback>
    </ClientMessages>
  );
}
