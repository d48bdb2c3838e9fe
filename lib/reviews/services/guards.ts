import "server-only";
import { AppError } from "@/lib/errors";
import { words } from "@/lib/i18n/words";
import { consentState } from "@/lib/applications/consent-queries";

/**
 * Withdrawn consents stop every review step that processes the applicant's data. Returns them as
 * read, for a step that judges eligibility next (it need not read them again).
 */
export async function assertConsentsActive(applicantId: string): Promise<Awaited<ReturnType<typeof consentState>>> {
  const c = await consentState(applicantId);
  if (!c.sensitive || !c.credit) throw new AppError("CONSENT_REQUIRED", words("case.refusals.consentWithdrawn"));
  return c;
}
