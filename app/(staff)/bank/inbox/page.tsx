import { notFound } from "next/navigation";
import { requireSection } from "@/lib/auth/actor";
import { InboxPage } from "@/components/inbox/inbox-page";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("inbox");

export default async function InboxRoute({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const actor = await requireSection("bank");
  if (actor.kind !== "STAFF") notFound();
  return <InboxPage actor={actor} caseBase="/bank/cases" basePath="/bank/inbox" cursor={(await searchParams).cursor} />;
}
