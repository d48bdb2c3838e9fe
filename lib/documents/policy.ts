import type { ApplicationStatus, DocumentKind } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/roles";

// Who may change a case's documents, and when. Pure rules; the service applies them after it
// has loaded the case through the actor's scope.

/** The applicant's side holds the case in these statuses; afterwards the documents are frozen. */
export const DOCUMENT_EDITABLE_STATUSES = ["DRAFT", "RETURNED"] as const satisfies readonly ApplicationStatus[];

/** The applicant, or the district agent who took the case in (the scope already limits which). */
export const mayUploadDocuments = (actor: Actor): boolean => actor.kind === "APPLICANT" || actor.role === "DISTRICT_AGENT";

export const documentsEditableIn = (status: string): boolean =>
  (DOCUMENT_EDITABLE_STATUSES as readonly string[]).includes(status);

export const FROZEN_DETAIL = "案件已提交审核，当前不能上传或更换材料；如被退回补正，可在补正时重新上传";

/** The kinds of document the portal reads (OCR) on upload, to propose the enterprise form's values. */
export const READ_KINDS: readonly DocumentKind[] = ["BUSINESS_LICENCE"];
