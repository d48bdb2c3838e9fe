import "server-only";
import { AppError } from "@/lib/errors";
import { consentState } from "@/lib/applications/services/consents";

/** Withdrawn consents stop every review step that processes the applicant's data. */
export async function assertConsentsActive(applicantId: string): Promise<void> {
  const c = await consentState(applicantId);
  if (!c.sensitive || !c.credit) throw new AppError("CONSENT_REQUIRED", "申请人已撤回授权，案件暂停办理，待申请人重新授权后继续");
}
