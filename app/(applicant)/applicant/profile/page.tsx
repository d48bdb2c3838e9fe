import { getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { profilePageData } from "@/lib/applications/profile-queries";
import { draftForPage } from "@/lib/applications/draft-queries";
import { CONSENT_WORDING } from "@/lib/applications/consent-wording";
import { ProfileForm } from "@/components/applications/profile-form";
import { ConsentForm } from "@/components/applications/consent-form";

export default async function ProfilePage() {
  const actor = await requireSection("applicant");
  const [t, data, draft] = await Promise.all([getTranslations("applicant.profile"), profilePageData(actor), draftForPage(actor, "PROFILE", "")]);
  return (
    <>
      <h1>{t("title")}</h1>
      <section className="card">
        <h2>{t("applicantInfo")}</h2>
        <ProfileForm defaults={data.profile} groups={data.groups} draft={draft} />
      </section>
      {/* The consent wording is versioned legal text, signed as written: it stays in Chinese. */}
      {(["SENSITIVE_PERSONAL_INFO", "CREDIT_REPORT_AUTHORISATION"] as const).map((kind) => (
        <ConsentForm key={kind} kind={kind} title={CONSENT_WORDING[kind].title} text={CONSENT_WORDING[kind].text}
          version={CONSENT_WORDING[kind].version} granted={data.granted.has(kind)} />
      ))}
    </>
  );
}
