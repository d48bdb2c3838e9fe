import { getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { EnterpriseForm } from "@/components/applications/enterprise-form";

export default async function NewEnterprisePage() {
  await requireSection("applicant");
  const t = await getTranslations("applicant.enterprise");
  return (
    <>
      <h1>{t("newTitle")}</h1>
      <section className="card">
        <EnterpriseForm defaults={{ enterpriseId: "", name: "", creditCode: "", legalRepName: "", address: "", industry: "",
          foundedOn: "", employees: "", annualRevenueYuan: "", hasUnion: false, unionMemberCount: "" }} />
      </section>
    </>
  );
}
