import type { ApplicationStatus, DocumentKind } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/roles";
import { words } from "@/lib/i18n/words";

// Who may change a case's documents, and when. Pure rules; the service applies them after it
// has loaded the case through the actor's scope.

/** The applicant's side holds the case in these statuses; afterwards the documents are frozen. */
export const DOCUMENT_EDITABLE_STATUSES = ["DRAFT", "RETURNED"] as const satisfies readonly ApplicationStatus[];

/** The applicant, or the district agent who took the case in (the scope already limits which). */
export const mayUploadDocuments = (actor: Actor): boolean => actor.kind === "APPLICANT" || actor.role === "DISTRICT_AGENT";

export const documentsEditableIn = (status: string): boolean =>
  (DOCUMENT_EDITABLE_STATUSES as readonly string[]).includes(status);

export const FROZEN_DETAIL = words("case.documents.frozen");

/** The kinds of document the portal reads (OCR) on upload, to propose the enterprise form's values. */
export const READ_KINDS: readonly DocumentKind[] = ["BUSINESS_LICENCE"];
