import { getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { listMyApplications } from "@/lib/applications/queries";
import { ApplicationTable } from "@/components/applications/application-table";

export default async function ApplicantHome() {
  const actor = await requireSection("applicant");
  const [t, rows] = await Promise.all([getTranslations("home"), listMyApplications(actor)]);
  return (
    <>
      <h1>{t("applicantTitle")}</h1>
      <p className="lead">{t("welcome", { name: actor.displayName })}</p>
      <ApplicationTable rows={rows} hrefBase="/applicant/applications" now={new Date()} />
    </>
  );
}
