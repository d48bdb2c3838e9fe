import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { assistedCaseView } from "@/lib/intake/case-view";
import { DocumentUploader } from "@/components/documents/document-uploader";
import { AssistedCaseSummary } from "@/components/intake/assisted-case-summary";
import { LicenceReader } from "@/components/documents/licence-reader";
import { ClientMessages } from "@/components/layout/client-messages";

/** One case the union took in: what the desk entered, and the papers it collected. */
export default async function AssistedCasePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireSection("agent");
  if (actor.kind !== "STAFF") notFound();
  const view = await assistedCaseView(actor, (await params).id);
  if (!view) notFound();
  const { c, checklist, reading } = view;
  const [t, kinds] = await Promise.all([getTranslations("intake"), getTranslations("case.documents.kind")]);
  return (
    <ClientMessages namespaces={["applicant.licenceReading", "case.upload"]}>
      <p><Link href="/agent/intake">{t("back")}</Link></p>
      <AssistedCaseSummary c={c} />

      {/* The desk compares what it entered with what the licence says (the enterprise is the applicant's to edit). */}
      <section className="card">
        <LicenceReader applicationId={c.id} initial={reading} canUpload={c.waitingForApplicant} />
      </section>

      <section className="card" aria-labelledby="documents-title">
        <h2 id="documents-title">{t("documentsTitle")}</h2>
        {c.waitingForApplicant ? <p className="muted">{t("documentsLead")}</p> : <p className="notice notice--info">{t("frozen")}</p>}
        <DocumentUploader applicationId={c.id} checklist={checklist.map((item) => ({ ...item, label: kinds(item.kind) }))} editable={c.waitingForApplicant} />
      </section>
    </ClientMessages>
  );
}
