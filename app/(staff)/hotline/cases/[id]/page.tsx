import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { assistedCase } from "@/lib/intake/queries";
import { AssistedCaseSummary } from "@/components/intake/assisted-case-summary";

/** A case the hotline started: what the operator entered and whether the member has submitted (the member uploads the papers). */
export default async function HotlineCasePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireSection("hotline");
  if (actor.kind !== "STAFF") notFound();
  const c = await assistedCase(actor, (await params).id);
  if (!c) notFound();
  const t = await getTranslations("hotline");
  return (
    <>
      <p><Link href="/hotline">{t("back")}</Link></p>
      <AssistedCaseSummary c={c} />
      <p className="muted">{t("papersByMember")}</p>
    </>
  );
}
