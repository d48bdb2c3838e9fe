import Link from "next/link";
import { InboxLink } from "@/components/inbox/inbox-link";
import { OversightLink } from "@/components/oversight/oversight-link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { QueuePage } from "@/components/applications/queue-page";
import { StatsLink } from "@/components/stats/stats-link";
import { PortfolioLink } from "@/components/loans/portfolio-link";
import { can } from "@/lib/auth/permissions";
import { ClientMessages } from "@/components/layout/client-messages";

export default async function Home({ searchParams }: { searchParams: Promise<{ status?: string; cursor?: string }> }) {
  const actor = await requireSection("center");
  if (actor.kind !== "STAFF") notFound();
  const [t, links, history, exceptions] = await Promise.all([getTranslations("home"), getTranslations("applicant.sectionLinks"), getTranslations("history"), getTranslations("exceptions")]);
  return (
    <ClientMessages namespaces={["table"]}>
      <nav className="actions section-links" aria-label={links("label")}><Link href="/center/subsidies" className="btn btn--secondary btn--small">{links("centerSubsidies")}</Link><Link href="/center/union-standing" className="btn btn--secondary btn--small">{links("unionStanding")}</Link><StatsLink href="/center/stats" />{can(actor, "history.import") ? <Link href="/center/history" className="btn btn--secondary btn--small">{history("link")}</Link> : null}
        <PortfolioLink href="/center/loans" />
        <OversightLink actor={actor} />
        {can(actor, "exception.read") ? <Link href="/center/exceptions" className="btn btn--secondary btn--small">{exceptions("link")}</Link> : null}
        <InboxLink actor={actor} href="/center/inbox" />
      </nav>
      <QueuePage actor={actor} title={t("centerTitle")} basePath="/center" searchParams={await searchParams} />
    </ClientMessages>
  );
}
