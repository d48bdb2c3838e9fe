import { getLocale, getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { routingOverview } from "@/lib/routing/queries";
import { RoutingForm } from "@/components/routing/routing-form";
import { PageFeedback, PageFeedbackNotice } from "@/components/ui/page-feedback";
import { ClientMessages } from "@/components/layout/client-messages";

export default async function RoutingPage() {
  const actor = await requireSection("admin");
  const [t, locale, overview] = await Promise.all([getTranslations("routing"), getLocale(), routingOverview(actor)]);
  const named = (o: { id: string; nameZh: string; nameEn: string }) => ({ id: o.id, name: locale === "en" ? o.nameEn : o.nameZh });
  return (
    <ClientMessages namespaces={["routing"]}>
      <PageFeedback>
        <h1>{t("title")}</h1>
        <p className="field__hint">{t("lead")}</p>
        <PageFeedbackNotice />
        {overview.rules.map((r) => (
          <section key={r.type} className="card" style={{ marginBottom: "1rem" }} aria-labelledby={`routing-${r.type}`}>
            <h2 id={`routing-${r.type}`}>{t(r.type)}</h2>
            <RoutingForm
              key={r.version}
              type={r.type}
              mode={r.mode}
              defaultOrgId={r.defaultOrgId}
              version={r.version}
              districts={r.districts}
              partners={r.partners.map(named)}
              districtUnions={overview.districts.map(named)}
            />
          </section>
        ))}
      </PageFeedback>
    </ClientMessages>
  );
}
