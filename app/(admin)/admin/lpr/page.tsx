import { getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { formatBp, listLprRates } from "@/lib/lpr/rates";
import { LprForm } from "@/components/admin/lpr-form";
import { PageFeedback, PageFeedbackNotice } from "@/components/ui/page-feedback";
import { ClientMessages } from "@/components/layout/client-messages";

export default async function LprPage() {
  const actor = await requireSection("admin");
  const [t, rows] = await Promise.all([getTranslations("lpr"), listLprRates(actor)]);
  return (
    <ClientMessages namespaces={["lpr.form", "lpr.tenors"]}>
      <PageFeedback>
        <h1>{t("title")}</h1>
        <p className="field__hint">{t("lead")}</p>
        <PageFeedbackNotice />
        <section className="card" style={{ marginBottom: "1rem" }}>
          <h2>{t("form.title")}</h2>
          <LprForm />
        </section>
        {rows.length === 0 ? <p>{t("none")}</p> : (
          <div className="table-wrap">
            <table className="table" data-testid="lpr-rates">
              <thead><tr><th>{t("effectiveFrom")}</th><th>{t("tenor")}</th><th className="num">{t("rate")}</th><th>{t("createdBy")}</th></tr></thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} data-day={r.effectiveFrom} data-tenor={r.tenor}>
                    <td>{r.effectiveFrom}</td>
                    <td>{t(`tenors.${r.tenor}`)}</td>
                    <td className="num">{formatBp(r.rateBp)}</td>
                    <td>{r.createdBy ?? t("setup")}</td>
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
