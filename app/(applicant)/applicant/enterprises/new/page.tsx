import { getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { EnterpriseForm } from "@/components/applications/enterprise-form";
import { draftForPage } from "@/lib/applications/draft-queries";
import { ClientMessages } from "@/components/layout/client-messages";

export default async function NewEnterprisePage() {
  const actor = await requireSection("applicant");
  const [t, draft] = await Promise.all([getTranslations("applicant.enterprise"), draftForPage(actor, "ENTERPRISE", "")]);
  return (
    <ClientMessages namespaces={["applicant.autosave", "applicant.enterpriseForm"]}>
      <h1>{t("newTitle")}</h1>
      <section className="card">
        <EnterpriseForm defaults={{ enterpriseId: "", name: "", creditCode: "", legalRepName: "", address: "", industry: "",
          foundedOn: "", employees: "", annualRevenueYuan: "", hasUnion: false, unionMemberCount: "" }} draft={draft} />
      </section>
    </ClientMessages>
  );
}
