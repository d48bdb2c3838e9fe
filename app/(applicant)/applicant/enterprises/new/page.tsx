import { requireSection } from "@/lib/auth/actor";
import { EnterpriseForm } from "@/components/applications/enterprise-form";

export default async function NewEnterprisePage() {
  await requireSection("applicant");
  return (
    <>
      <h1>登记企业</h1>
      <section className="card">
        <EnterpriseForm defaults={{ enterpriseId: "", name: "", creditCode: "", legalRepName: "", address: "", industry: "",
          foundedOn: "", employees: "", annualRevenueYuan: "", hasUnion: false, unionMemberCount: "" }} />
      </section>
    </>
  );
}
