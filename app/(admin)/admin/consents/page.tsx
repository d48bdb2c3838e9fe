import { getLocale, getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { listConsentWordings } from "@/lib/consents/queries";
import { ConsentWordingForm } from "@/components/admin/consent-wording-form";
import { PageFeedback, PageFeedbackNotice } from "@/components/ui/page-feedback";
import { beijingToday } from "@/lib/calendar/beijing";
import { CONSENT_KINDS } from "@/lib/consents/wordings";
import { ClientMessages } from "@/components/layout/client-messages";

export default async function ConsentWordingsPage() {
  const actor = await requireSection("admin");
  const today = beijingToday();
  const [t, kinds, locale, rows] = await Promise.all([getTranslations("consentWordings"), getTranslations("consentKinds"), getLocale(), listConsentWordings(actor, today)]);
  return (
    <ClientMessages namespaces={["consentWordings.form"]}>
      <PageFeedback>
        <h1>{t("title")}</h1>
        <p className="field__hint">{t("lead")}</p>
        <PageFeedbackNotice />
        <div className="table-wrap">
          <table className="table table--stack" data-testid="consent-wordings">
            <thead><tr><th>{t("kind")}</th><th>{t("version")}</th><th>{t("effectiveFrom")}</th><th>{t("state")}</th><th>{t("text")}</th><th>{t("createdBy")}</th></tr></thead>
            <tbody>
              {rows.map((w) => (
                <tr key={w.id} data-version={w.version}>
                  <td data-label={t("kind")}>{kinds(w.kind)}</td>
                  <td data-label={t("version")}>{w.version}</td>
                  <td data-label={t("effectiveFrom")}>{w.effectiveFrom}</td>
                  <td data-label={t("state")}>
                    {w.inForce ? <span className="badge badge--green">{t("inForce")}</span> : w.scheduled ? <span className="badge badge--amber">{t("scheduled")}</span> : <span className="badge">{t("superseded")}</span>}
                  </td>
                  <td data-label={t("text")}><small>{locale.startsWith("en") ? w.textEn : w.textZh}</small></td>
                  <td data-label={t("createdBy")}>{w.createdBy ?? t("setup")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <section className="card" style={{ marginTop: "1rem" }}>
          <h2>{t("form.title")}</h2>
          <p className="field__hint">{t("form.lead")}</p>
          <ConsentWordingForm kinds={CONSENT_KINDS.map((k) => ({ value: k, label: kinds(k) }))} today={today} />
        </section>
      </PageFeedback>
    </ClientMessages>
  );
}
