import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { enterpriseForEdit } from "@/lib/applications/profile-queries";
import { fenToYuanString } from "@/lib/money/fen";
import { EnterpriseForm } from "@/components/applications/enterprise-form";

export default async function EditEnterprisePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireSection("applicant");
  const { id } = await params;
  const e = await enterpriseForEdit(actor, id);
  if (!e) notFound();
  const t = await getTranslations("applicant.enterprise");
  return (
    <>
      <h1>{t("editTitle")}</h1>
      <section className="card">
        <EnterpriseForm defaults={{ enterpriseId: e.id, name: e.name, creditCode: e.creditCode, legalRepName: e.legalRepName,
          address: e.address, industry: e.industry, foundedOn: e.foundedOn.toISOString().slice(0, 10), employees: String(e.employees),
          annualRevenueYuan: fenToYuanString(e.annualRevenueFen), hasUnion: e.hasUnion, unionMemberCount: String(e.unionMemberCount) }} />
      </section>
    </>
  );
}
