import Link from "next/link";
import { InboxLink } from "@/components/inbox/inbox-link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { QueuePage } from "@/components/applications/queue-page";
import { ClientMessages } from "@/components/layout/client-messages";

export default async function Home({ searchParams }: { searchParams: Promise<{ status?: string; cursor?: string }> }) {
  const actor = await requireSection("agent");
  if (actor.kind !== "STAFF") notFound();
  const [t, links, intake] = await Promise.all([getTranslations("home"), getTranslations("applicant.sectionLinks"), getTranslations("intake")]);
  return (
    <ClientMessages namespaces={["table"]}>
      <nav className="actions section-links" aria-label={links("label")}><Link href="/agent/intake" className="btn btn--primary btn--small">{intake("nav")}</Link> <Link href="/agent/union-standing" className="btn btn--secondary btn--small">{links("unionStanding")}</Link>
        <InboxLink actor={actor} href="/agent/inbox" />
      </nav>
      <QueuePage actor={actor} title={t("agentTitle")} basePath="/agent" searchParams={await searchParams} />
    </ClientMessages>
  );
}
