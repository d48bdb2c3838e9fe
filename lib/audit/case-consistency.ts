import type { PrismaClient } from "@/lib/generated/prisma/client";

export type CaseDisagreement = { applicationId: string; number: string; status: string; lastStep: string | null; why: string };

// Each step of a case changes its status and writes its audit event in one transaction
// (lib/applications/services/transition.ts): after any failure (a database restart, a killed app
// server) the status of every case must still be where its last step event says it went, and a
// running or closed case must have its loan. A disagreement is a half-done step.
const LOAN_STATUSES = ["CONTRACTING", "ACTIVE", "OVERDUE", "SETTLED", "COMPENSATED"];

/** Cases whose status, step events and loan disagree; empty when every case is whole. */
export async function caseDisagreements(db: PrismaClient): Promise<CaseDisagreement[]> {
  const rows = await db.$queryRaw<{ id: string; number: string; status: string; last_to: string | null; has_loan: boolean }[]>`
    SELECT a.id, a.number, a.status::text AS status,
           (SELECT e.data->>'to' FROM "AuditEvent" e
             WHERE e."applicationId" = a.id AND e.action LIKE 'application.%' AND e.data ? 'to'
             ORDER BY e.id DESC LIMIT 1) AS last_to,
           EXISTS (SELECT 1 FROM "Loan" l WHERE l."applicationId" = a.id) AS has_loan
    FROM "LoanApplication" a
    WHERE NOT a.historical`;
  const out: CaseDisagreement[] = [];
  for (const r of rows) {
    const base = { applicationId: r.id, number: r.number, status: r.status, lastStep: r.last_to };
    if (r.last_to !== null && r.last_to !== r.status) out.push({ ...base, why: "the status is not where the last step went" });
    else if (r.last_to === null && r.status !== "DRAFT") out.push({ ...base, why: "the case left its draft without a step event" });
    else if (LOAN_STATUSES.includes(r.status) && r.status !== "CONTRACTING" && !r.has_loan) out.push({ ...base, why: "a running or closed case without its loan" });
  }
  return out;
}
