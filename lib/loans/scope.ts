import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/roles";
import { can } from "@/lib/auth/permissions";

/**
 * The loans an actor may see: the applicant their own, the bank the loans it made, the guarantor
 * the loans it guarantees, the centre all. Null: none at all. A loan outside it is "not found".
 */
export function loanScope(actor: Actor): Prisma.LoanWhereInput | null {
  if (!can(actor, "loan.view")) return null;
  if (actor.kind === "APPLICANT") return { application: { applicantId: actor.userId } };
  switch (actor.role) {
    case "BANK_OFFICER":
    case "BANK_MANAGER":
      return { bankOrgId: actor.organisationId };
    case "GUARANTOR_OFFICER":
    case "GUARANTOR_MANAGER":
      return { application: { guarantorOrgId: actor.organisationId } };
    case "CENTER_REVIEWER":
    case "CENTER_APPROVER":
    case "PROGRAM_ADMIN":
    case "AUDITOR":
      return {};
    default:
      return null;
  }
}
