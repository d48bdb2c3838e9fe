import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { assistedCase } from "@/lib/intake/queries";
import { documentChecklist } from "@/lib/applications/required-documents";
import { DocumentUploader } from "@/components/documents/document-uploader";
import { AssistedCaseSummary } from "@/components/intake/assisted-case-summary";

/** One case the union took in: what the desk entered, and the papers it collected. */
export default async function AssistedCasePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireSection("agent");
  if (actor.kind !== "STAFF") notFound();
  const c = await assistedCase(actor, (await params).id);
  if (!c) notFound();
  const [t, checklist] = await Promise.all([getTranslations("intake"), documentChecklist(c.id, c.kind, { actor, status: c.status })]);
  return (
    <>
      <p><Link href="/agent/intake">{t("back")}</Link></p>
      <AssistedCaseSummary c={c} />

      <section className="card" aria-labelledby="documents-title">
        <h2 id="documents-title">{t("documentsTitle")}</h2>
        {c.waitingForApplicant ? <p className="muted">{t("documentsLead")}</p> : <p className="notice notice--info">{t("frozen")}</p>}
        <DocumentUploader applicationId={c.id} checklist={checklist} editable={c.waitingForApplicant} />
      </section>
    </>
  );
}
