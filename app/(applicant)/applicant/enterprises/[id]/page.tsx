import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { enterpriseEditView } from "@/lib/applications/profile-view";
import { fenToYuanString } from "@/lib/money/fen";
import { ENTERPRISE_FORM_ID, EnterpriseForm } from "@/components/applications/enterprise-form";
import { LicenceReader } from "@/components/documents/licence-reader";
import { ClientMessages } from "@/components/layout/client-messages";

export default async function EditEnterprisePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireSection("applicant");
  const { id } = await params;
  const view = await enterpriseEditView(actor, id);
  if (!view) notFound();
  const { enterprise: e, draft, licence } = view;
  const t = await getTranslations("applicant.enterprise");
  return (
    <ClientMessages namespaces={["applicant.autosave", "applicant.enterpriseForm", "applicant.licenceReading"]}>
      <h1>{t("editTitle")}</h1>
      <section className="card">
        <LicenceReader applicationId={licence?.applicationId ?? null} initial={licence?.reading ?? null} canUpload formId={ENTERPRISE_FORM_ID} />
        <EnterpriseForm defaults={{ enterpriseId: e.id, name: e.name, creditCode: e.creditCode, legalRepName: e.legalRepName,
          address: e.address, industry: e.industry, foundedOn: e.foundedOn.toISOString().slice(0, 10), employees: String(e.employees),
          annualRevenueYuan: fenToYuanString(e.annualRevenueFen), hasUnion: e.hasUnion, unionMemberCount: String(e.unionMemberCount) }} draft={draft} />
      </section>
    </ClientMessages>
  );
}
