import { requireSection } from "@/lib/auth/actor";
import { profilePageData } from "@/lib/applications/profile-queries";
import { CONSENT_WORDING } from "@/lib/applications/consent-wording";
import { ProfileForm } from "@/components/applications/profile-form";
import { ConsentForm } from "@/components/applications/consent-form";

export default async function ProfilePage() {
  const actor = await requireSection("applicant");
  const data = await profilePageData(actor);
  return (
    <>
      <h1>个人信息与授权</h1>
      <section className="card">
        <h2>申请人信息</h2>
        <ProfileForm defaults={data.profile} groups={data.groups} />
      </section>
      {(["SENSITIVE_PERSONAL_INFO", "CREDIT_REPORT_AUTHORISATION"] as const).map((kind) => (
        <ConsentForm key={kind} kind={kind} title={CONSENT_WORDING[kind].title} text={CONSENT_WORDING[kind].text}
          version={CONSENT_WORDING[kind].version} granted={data.granted.has(kind)} />
      ))}
    </>
  );
}
