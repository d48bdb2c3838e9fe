import { notFound } from "next/navigation";
import { requireSection } from "@/lib/auth/actor";
import { caseForStaff } from "@/lib/reviews/queries";
import { CasePage } from "@/components/reviews/case-page";

export default async function CaseRoute({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireSection("bank");
  if (actor.kind !== "STAFF") notFound();
  const c = await caseForStaff(actor, (await params).id);
  if (!c) notFound();
  return <CasePage actor={actor} c={c} basePath="/bank" />;
}
