import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { enterpriseForEdit, profilePageData } from "@/lib/applications/profile-queries";
import { draftForPage } from "@/lib/applications/draft-queries";
import { applicantConsents } from "@/lib/consents/queries";
import { licenceReadingForEnterprise } from "@/lib/ocr/queries";

/** The applicant's profile page, read at once: the profile and its unsaved draft, the consents in the reader's language. */
export async function applicantProfileView(actor: Actor, locale: string) {
  const [data, draft, consents] = await Promise.all([profilePageData(actor), draftForPage(actor, "PROFILE", ""), applicantConsents(actor, locale)]);
  return { ...data, draft, consents };
}

/** An enterprise the applicant edits, read at once: its record, the unsaved draft, the licence reading. Null when not theirs. */
export async function enterpriseEditView(actor: Actor, id: string) {
  const enterprise = await enterpriseForEdit(actor, id);
  if (!enterprise) return null;
  const [draft, licence] = await Promise.all([draftForPage(actor, "ENTERPRISE", enterprise.id), licenceReadingForEnterprise(actor, enterprise.id)]);
  return { enterprise, draft, licence };
}
