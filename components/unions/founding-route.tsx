import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { FoundingPage } from "@/components/unions/founding-page";

/** The sections that record union foundings. */
export type FoundingSection = "center" | "agent";

export async function foundingMetadata() {
  return { title: (await getTranslations("unionFounding"))("title") };
}

/** The union-founding route of one staff section. */
export function foundingRoute(section: FoundingSection) {
  return async function UnionFounding({ searchParams }: { searchParams: Promise<{ correct?: string }> }) {
    const actor = await requireSection(section);
    if (actor.kind !== "STAFF") notFound();
    return <FoundingPage actor={actor} basePath={`/${section}/union-founding`} correct={(await searchParams).correct} />;
  };
}
