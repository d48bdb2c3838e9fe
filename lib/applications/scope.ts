import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/roles";

/**
 * The one filter that limits applications to what an actor may see. A case outside it does not
 * exist for that actor ("not found", never "forbidden").
 */
export function applicationScope(actor: Actor): Prisma.LoanApplicationWhereInput {
  if (actor.kind === "APPLICANT") return { applicantId: actor.userId };
  switch (actor.role) {
    case "CENTER_REVIEWER":
    case "CENTER_APPROVER":
    case "PROGRAM_ADMIN":
    case "AUDITOR":
      return { status: { not: "DRAFT" } };
    case "GUARANTOR_OFFICER":
    case "GUARANTOR_MANAGER":
      return { guarantorOrgId: actor.organisationId };
    case "BANK_OFFICER":
    case "BANK_MANAGER":
      return { bankOrgId: actor.organisationId };
    case "DISTRICT_AGENT":
      return { intakeOrgId: actor.organisationId };
    // The hotline desk is shared: every operator follows every case started from a call.
    case "HOTLINE_OPERATOR":
      return { intakeChannel: "HOTLINE" };
  }
}

export const scopedApplication = (actor: Actor, id: string): Prisma.LoanApplicationWhereInput => ({
  AND: [{ id }, applicationScope(actor)],
});
