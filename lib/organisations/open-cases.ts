import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrganisationType } from "@/lib/generated/prisma/enums";
import { OPEN_STATUSES } from "@/lib/applications/workflow";

// Which open cases an organisation holds, by what it is to them: the guarantee company and the
// bank they are routed to, the district union that took them in. A bank's case it has already
// approved (a loan contract is being signed) stays with it: reassigning it would split the loan
// from its lender, so such a case is returned or refused, not moved.

export const caseColumnOf = (type: OrganisationType): "guarantorOrgId" | "bankOrgId" | "intakeOrgId" | null =>
  type === "GUARANTOR" ? "guarantorOrgId" : type === "BANK" ? "bankOrgId" : type === "DISTRICT_UNION" ? "intakeOrgId" : null;

export function reassignableWhere(org: { id: string; type: OrganisationType }): Prisma.LoanApplicationWhereInput {
  const column = caseColumnOf(org.type);
  if (!column) return { id: { in: [] } };
  return {
    [column]: org.id,
    historical: false,
    status: { in: OPEN_STATUSES.filter((s) => !(org.type === "BANK" && s === "CONTRACTING")) },
    ...(org.type === "BANK" ? { loan: { is: null } } : {}),
  };
}
