import { notFound } from "next/navigation";
import { InboxLink } from "@/components/inbox/inbox-link";
import { getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { QueuePage } from "@/components/applications/queue-page";
import { PortfolioLink } from "@/components/loans/portfolio-link";
import { ClientMessages } from "@/components/layout/client-messages";

export default async function Home({ searchParams }: { searchParams: Promise<{ status?: string; cursor?: string }> }) {
  const actor = await requireSection("guarantor");
  if (actor.kind !== "STAFF") notFound();
  const [t, links] = await Promise.all([getTranslations("home"), getTranslations("applicant.sectionLinks")]);
  return (
    <ClientMessages namespaces={["table"]}>
      <nav className="actions section-links" aria-label={links("label")}>
        <PortfolioLink href="/guarantor/loans" />
        <InboxLink actor={actor} href="/guarantor/inbox" />
      </nav>
      <QueuePage actor={actor} title={t("guarantorTitle")} basePath="/guarantor" searchParams={await searchParams} />
    </ClientMessages>
  );
}
