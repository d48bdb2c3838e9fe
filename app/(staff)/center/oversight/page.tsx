import { notFound } from "next/navigation";
import { requireSection } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { OversightPage } from "@/components/oversight/oversight-page";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("oversight");

export default async function OversightRoute({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireSection("center");
  if (actor.kind !== "STAFF" || !can(actor, "oversight.read")) notFound();
  return <OversightPage actor={actor} searchParams={await searchParams} />;
}
