import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { HistoryPage } from "@/components/history/history-page";

export async function generateMetadata() {
  return { title: (await getTranslations("history"))("title") };
}

export default async function CentreHistory() {
  const actor = await requireSection("center");
  if (actor.kind !== "STAFF" || !can(actor, "history.import")) notFound();
  return <HistoryPage actor={actor} />;
}
