import Link from "next/link";
import { InboxLink } from "@/components/inbox/inbox-link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { QueuePage } from "@/components/applications/queue-page";
import { PortfolioLink } from "@/components/loans/portfolio-link";
import { ClientMessages } from "@/components/layout/client-messages";

export default async function Home({ searchParams }: { searchParams: Promise<{ status?: string; cursor?: string }> }) {
  const actor = await requireSection("bank");
  if (actor.kind !== "STAFF") notFound();
  const [t, links] = await Promise.all([getTranslations("home"), getTranslations("applicant.sectionLinks")]);
  return (
    <ClientMessages namespaces={["table"]}>
      <nav className="actions section-links" aria-label={links("label")}><Link href="/bank/statements" className="btn btn--secondary btn--small">{links("bankStatements")}</Link>
        <PortfolioLink href="/bank/loans" />
        <InboxLink actor={actor} href="/bank/inbox" />
      </nav>
      <QueuePage actor={actor} title={t("bankTitle")} basePath="/bank" searchParams={await searchParams} />
    </ClientMessages>
  );
}
