import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { FoundingPage } from "@/components/unions/founding-page";

export async function generateMetadata() {
  return { title: (await getTranslations("unionFounding"))("title") };
}

export default async function UnionFounding({ searchParams }: { searchParams: Promise<{ correct?: string }> }) {
  const actor = await requireSection("center");
  if (actor.kind !== "STAFF") notFound();
  return <FoundingPage actor={actor} basePath="/center/union-founding" correct={(await searchParams).correct} />;
}
