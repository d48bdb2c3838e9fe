import type { ApplicationStatus, DocumentKind } from "@/lib/generated/prisma/enums";
import type { Actor, Role } from "@/lib/auth/roles";

// Who may open which document, and when: each role only the papers its own step needs. It sits
// on top of the case scope (lib/applications/scope.ts): a guarantee company or bank sees only
// cases routed to it, a district union only the cases it took in. Everyone else is told the
// file does not exist. docs/security.md has this table beside the masking table.

/** From when a role may open a document of a case in its scope. */
export type AccessWindow =
  /** Whenever the case is in the role's scope (the applicant's own; a partner once routed to it). */
  | "inScope"
  /** While the applicant's side holds the case (the intake desk helps assemble the papers). */
  | "whileApplicantHolds";

type RoleAccess = Partial<Record<Role, AccessWindow>>;

const CENTRE_AND_APPLICANT: RoleAccess = { APPLICANT: "inScope", CENTER_REVIEWER: "inScope", CENTER_APPROVER: "inScope", DISTRICT_AGENT: "whileApplicantHolds" };

export const DOCUMENT_ACCESS = {
  // The guarantor's credit review and the bank's: the firm, its accounts, what the money is for.
  BUSINESS_LICENCE: { ...CENTRE_AND_APPLICANT, GUARANTOR_OFFICER: "inScope", BANK_OFFICER: "inScope" },
  FINANCIAL_STATEMENTS: { ...CENTRE_AND_APPLICANT, GUARANTOR_OFFICER: "inScope", BANK_OFFICER: "inScope" },
  LOAN_USE_PLAN: { ...CENTRE_AND_APPLICANT, GUARANTOR_OFFICER: "inScope", BANK_OFFICER: "inScope" },
  // The signed authorisation is what lets the guarantor and the bank query the credit report.
  CREDIT_AUTHORISATION: { ...CENTRE_AND_APPLICANT, GUARANTOR_OFFICER: "inScope", BANK_OFFICER: "inScope" },
  // Identity and account records: the centre checks them, the bank needs them to open the contract.
  ID_CARD_FRONT: { ...CENTRE_AND_APPLICANT, BANK_OFFICER: "inScope" },
  ID_CARD_BACK: { ...CENTRE_AND_APPLICANT, BANK_OFFICER: "inScope" },
  BANK_STATEMENTS: { ...CENTRE_AND_APPLICANT, BANK_OFFICER: "inScope" },
  // Union membership is the centre's eligibility check alone.
  UNION_PROOF: CENTRE_AND_APPLICANT,
} as const satisfies Record<DocumentKind, RoleAccess>;

const APPLICANT_HOLDS: readonly ApplicationStatus[] = ["DRAFT", "RETURNED"];

/** Whether the actor may open a document of this kind on a case (already in their scope) in this status. */
export function mayOpenDocument(actor: Actor, kind: DocumentKind, status: ApplicationStatus): boolean {
  const window = (DOCUMENT_ACCESS[kind] as RoleAccess)[actor.role];
  if (window === "inScope") return true;
  if (window === "whileApplicantHolds") return APPLICANT_HOLDS.includes(status);
  return false;
}
