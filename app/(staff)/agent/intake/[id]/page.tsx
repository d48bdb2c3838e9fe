import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { assistedCase } from "@/lib/intake/queries";
import { documentChecklist } from "@/lib/applications/required-documents";
import { StatusBadge } from "@/components/applications/status-badge";
import { DocumentUploader } from "@/components/documents/document-uploader";
import { IntakeChannelNote } from "@/components/intake/channel-label";

/** One case the union took in: what the desk entered, and the papers it collected. */
export default async function AssistedCasePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireSection("agent");
  if (actor.kind !== "STAFF") notFound();
  const c = await assistedCase(actor, (await params).id);
  if (!c) notFound();
  const [t, tf, format, checklist] = await Promise.all([
    getTranslations("intake"), getTranslations("applicant.enterpriseForm"), getFormatter(),
    documentChecklist(c.id, c.kind, { actor, status: c.status }),
  ]);
  const e = c.enterprise;
  return (
    <>
      <p><Link href="/agent/intake">{t("back")}</Link></p>
      <h1 className="case-title">
        <span>{c.number}</span> <span className="case-title__name">{e.name}</span> <StatusBadge status={c.status} />
      </h1>
      <p>{t("caseLead", { name: c.applicant.name, mobile: c.applicant.mobileMasked })}</p>
      <IntakeChannelNote channel={c.channel} organisation={c.organisationName} agent={c.agentName} />
      <p className={`notice ${c.waitingForApplicant ? "notice--warn" : "notice--info"}`} data-testid="waiting">
        {c.waitingForApplicant ? t("waitingApplicant") : t("submitted")}
      </p>

      <section className="card" aria-labelledby="enterprise-title">
        <h2 id="enterprise-title">{t("enterpriseTitle")}</h2>
        <dl className="facts">
          <dt>{tf("name")}</dt><dd>{e.name}</dd>
          <dt>{tf("creditCode")}</dt><dd>{e.creditCode}</dd>
          <dt>{tf("legalRepName")}</dt><dd>{e.legalRepName}</dd>
          <dt>{tf("address")}</dt><dd>{e.address}</dd>
          <dt>{tf("industry")}</dt><dd>{e.industry}</dd>
          <dt>{tf("foundedOn")}</dt><dd>{format.dateTime(e.foundedOn, { dateStyle: "long", timeZone: "UTC" })}</dd>
          <dt>{tf("employees")}</dt><dd>{e.employees}</dd>
        </dl>
      </section>

      <section className="card" aria-labelledby="documents-title">
        <h2 id="documents-title">{t("documentsTitle")}</h2>
        {c.waitingForApplicant ? <p className="muted">{t("documentsLead")}</p> : <p className="notice notice--info">{t("frozen")}</p>}
        <DocumentUploader applicationId={c.id} checklist={checklist} editable={c.waitingForApplicant} />
      </section>
    </>
  );
}
