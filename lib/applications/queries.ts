import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import type { ApplicationKind, ApplicationStatus } from "@/lib/generated/prisma/enums";
import { applicationScope } from "@/lib/applications/scope";

export type ApplicationSummary = {
  id: string;
  number: string;
  kind: ApplicationKind;
  status: ApplicationStatus;
  enterpriseName: string;
  amountFen: bigint | null;
  termMonths: number | null;
  greenChannel: boolean;
  updatedAt: Date;
  stageDueAt: Date | null;
  returnDueAt: Date | null;
};

/** The applicant's own cases (or an agent's intake), newest first. */
export async function listMyApplications(actor: Actor): Promise<ApplicationSummary[]> {
  const rows = await db.loanApplication.findMany({
    where: applicationScope(actor),
    orderBy: { updatedAt: "desc" },
    take: 100,
    select: {
      id: true,
      number: true,
      kind: true,
      status: true,
      amountFen: true,
      termMonths: true,
      greenChannel: true,
      updatedAt: true,
      stageDueAt: true,
      returnDueAt: true,
      enterprise: { select: { name: true } },
    },
  });
  return rows.map(({ enterprise, ...r }) => ({ ...r, enterpriseName: enterprise.name }));
}
