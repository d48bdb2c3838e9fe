import { requireSection } from "@/lib/auth/actor";
import { InboxPage } from "@/components/inbox/inbox-page";

export default async function InboxRoute({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const actor = await requireSection("applicant");
  return <InboxPage actor={actor} caseBase="/applicant/applications" basePath="/applicant/inbox" cursor={(await searchParams).cursor} />;
}
