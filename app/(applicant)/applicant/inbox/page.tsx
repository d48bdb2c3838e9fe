import { requireSection } from "@/lib/auth/actor";
import { InboxPage } from "@/components/inbox/inbox-page";
import { ClientMessages } from "@/components/layout/client-messages";

export default async function InboxRoute({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const actor = await requireSection("applicant");
  return <ClientMessages namespaces={["applicant.caseActions"]}><InboxPage actor={actor} caseBase="/applicant/applications" basePath="/applicant/inbox" cursor={(await searchParams).cursor} /></ClientMessages>;
}
