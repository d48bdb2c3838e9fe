import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import { IneligibleError } from "@/lib/applications/eligibility";
import { missingDocuments } from "@/lib/applications/required-documents";
import type { Policy } from "@/lib/policy/queries";
import { assertNoPendingDrafts } from "@/lib/applications/services/form-drafts";
import { SUBMITTED_OPEN_STATUSES } from "@/lib/applications/workflow";
import { checkEligibility, outstandingLoanOf, type CaseFacts } from "@/lib/applications/eligibility-queries";

/**
 * What a case needs before it goes (back) to review: the request complete, every required
 * document, and eligibility under `pinned` (or today's policy for a first submission). Returns
 * the policy version it was judged under. `checklist` is the case's checklist when the caller
 * has it already (else it is read here).
 */
export async function assertSubmittable(
  app: CaseFacts & { kind: "NEW" | "RENEWAL"; purpose: string | null; categoryCode: string | null },
  pinned?: Policy | null,
  checklist?: DocumentKind[],
): Promise<Policy> {
  if (app.amountFen === null || app.termMonths === null || !app.purpose || !app.categoryCode) {
    throw new IneligibleError([{ code: "INCOMPLETE", params: {} }]);
  }
  await assertNoPendingDrafts(app);
  const missing = await missingDocuments(app.id, app.kind, checklist);
  if (missing.length) throw new IneligibleError([{ code: "MISSING_DOCUMENTS", params: { kinds: missing.join(",") } }]);
  const { blocks, policy } = await checkEligibility(app, pinned, { forSubmission: true });
  if (blocks.length) throw new IneligibleError(blocks);
  return policy;
}

/**
 * The enterprise's exposure, judged at commit: no other open case, no outstanding loan (other than
 * the one a renewal renews). Serialised per enterprise, so of two submissions at once only one passes.
 */
export async function assertSoleExposure(tx: Prisma.TransactionClient, app: Pick<CaseFacts, "id" | "enterpriseId" | "previousLoanId">): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`enterprise-exposure:${app.enterpriseId}`}))`;
  const [other, loan] = await Promise.all([
    tx.loanApplication.findFirst({ where: { enterpriseId: app.enterpriseId, id: { not: app.id }, status: { in: [...SUBMITTED_OPEN_STATUSES] } }, select: { number: true } }),
    outstandingLoanOf(tx, app),
  ]);
  if (other) throw new IneligibleError([{ code: "OPEN_CASE", params: { number: other.number } }]);
  if (loan) throw new IneligibleError([{ code: "OUTSTANDING_LOAN", params: { contractNo: loan.contractNo } }]);
}
