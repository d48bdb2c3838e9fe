import { getLocale, getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { applicantProfileView } from "@/lib/applications/profile-view";
import { ProfileForm } from "@/components/applications/profile-form";
import { ConsentForm } from "@/components/applications/consent-form";
import { ClientMessages } from "@/components/layout/client-messages";

export default async function ProfilePage() {
  const actor = await requireSection("applicant");
  const locale = await getLocale();
  const [t, kinds, { profile, groups, draft, consents }] = await Promise.all([
    getTranslations("applicant.profile"), getTranslations("consentKinds"), applicantProfileView(actor, locale),
  ]);
  return (
    <ClientMessages namespaces={["applicant.autosave", "applicant.consent", "applicant.profileForm"]}>
      <h1>{t("title")}</h1>
      <section className="card">
        <h2>{t("applicantInfo")}</h2>
        <ProfileForm defaults={profile} groups={groups} draft={draft} />
      </section>
      {/* The wording in force (lib/consents), in the reader's language; the Chinese is what is signed. */}
      {consents.map((c) => (
        <ConsentForm key={c.kind} kind={c.kind} title={kinds(c.kind)} text={c.text} version={c.version ?? ""} standing={c.standing} />
      ))}
    </ClientMessages>
  );
}
