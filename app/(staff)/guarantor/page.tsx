import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { QueuePage } from "@/components/applications/queue-page";

export default async function Home({ searchParams }: { searchParams: Promise<{ status?: string; cursor?: string }> }) {
  const actor = await requireSection("guarantor");
  if (actor.kind !== "STAFF") notFound();
  const t = await getTranslations("home");
  return <QueuePage actor={actor} title={t("guarantorTitle")} basePath="/guarantor" searchParams={await searchParams} />;
}
