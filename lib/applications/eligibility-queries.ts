import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { eligibilityBlocks, type EligibilityBlock } from "@/lib/applications/eligibility";
import { consentState, submissionConsentState } from "@/lib/applications/consent-queries";
import { policyInForce, type Policy } from "@/lib/policy/queries";
import { limitsForCase } from "@/lib/exceptions/in-force";
import { personExposure } from "@/lib/applications/person-exposure";
import { OPEN_STATUSES, SUBMITTED_OPEN_STATUSES } from "@/lib/applications/workflow";

export type CaseFacts = {
  id: string;
  applicantId: string;
  enterpriseId: string;
  /** A renewal names the loan it renews: that loan may still be outstanding. */
  previousLoanId?: string | null;
  amountFen: bigint | null;
  termMonths: number | null;
};

type EligibilityOptions = {
  forSubmission?: boolean;
  /** A transaction's client, when the judgement must hold at its commit (under its locks). */
  client?: Prisma.TransactionClient | typeof db;
  /** The person's accounts, when the caller has read them already (lib/applications/person-exposure.ts). */
  personUserIds?: string[];
  /** The consents as a review step read them already (lib/reviews/services/guards.ts); not for a submission. */
  consents?: Awaited<ReturnType<typeof consentState>>;
};

/**
 * Gathers what the eligibility rules need for one case and applies them, under the policy the
 * case is pinned to when it has one (a submitted case never moves to a newer version), else the
 * version in force today. For a submission (and what the applicant is shown before one) the
 * consents must be to the wording in force; a review takes the consents as given.
 */
export async function checkEligibility(
  app: CaseFacts,
  pinned?: Policy | null,
  { forSubmission = false, client = db, personUserIds, consents: known }: EligibilityOptions = {},
): Promise<{ blocks: EligibilityBlock[]; policyId: string; policy: Policy }> {
  const now = new Date();
  const policy = pinned ?? (await policyInForce(now, client));
  const [limits, person, profile, consents, otherOpenCase, lastRejection, outstandingLoan] = await Promise.all([
    limitsForCase(app, policy, client),
    personExposure(app, policy, client, personUserIds),
    client.applicantProfile.findUnique({ where: { userId: app.applicantId }, select: { memberCardNo: true } }),
    known ?? (forSubmission ? submissionConsentState(app.applicantId, client) : consentState(app.applicantId, client)),
    client.loanApplication.findFirst({
      where: { enterpriseId: app.enterpriseId, id: { not: app.id }, status: { in: [...SUBMITTED_OPEN_STATUSES] } },
      select: { number: true },
    }),
    client.loanApplication.findFirst({
      where: { enterpriseId: app.enterpriseId, status: "REJECTED", closedAt: { not: null } },
      orderBy: { closedAt: "desc" },
      select: { number: true, closedAt: true },
    }),
    outstandingLoanOf(client, app),
  ]);
  const blocks = eligibilityBlocks({
    hasMemberProfile: !!profile?.memberCardNo,
    consents,
    amountFen: app.amountFen,
    termMonths: app.termMonths,
    policy: { maxLoanFen: limits.maxLoanFen, maxTermMonths: limits.maxTermMonths, coolingDays: policy.coolingDays },
    coolingWaived: limits.coolingWaived,
    person,
    otherOpenCase,
    outstandingLoan,
    lastRejection: lastRejection?.closedAt ? { number: lastRejection.number, closedAt: lastRejection.closedAt } : null,
    now,
  });
  return { blocks, policyId: policy.id, policy };
}

/** Loans of the enterprise not yet repaid, other than the one this case renews. */
export const OUTSTANDING_LOAN_STATUSES = ["ACTIVE", "OVERDUE"] as const;

export function outstandingLoanOf(client: Pick<typeof db, "loan">, app: Pick<CaseFacts, "enterpriseId" | "previousLoanId">) {
  return client.loan.findFirst({
    where: { enterpriseId: app.enterpriseId, status: { in: [...OUTSTANDING_LOAN_STATUSES] }, ...(app.previousLoanId ? { id: { not: app.previousLoanId } } : {}) },
    select: { contractNo: true },
  });
}

const NO_CASE = "00000000-0000-0000-0000-000000000000";

/**
 * What stands in the way of each of the applicant's enterprises applying, shown on the dashboard
 * from the first visit: judged for its open draft if it has one, else for a case not yet begun.
 * An enterprise whose case is already with the reviewers is left out (it is not waiting to apply).
 */
export async function enterpriseEligibility(actor: { kind: string; userId: string }, enterpriseIds: string[]): Promise<Map<string, EligibilityBlock[]>> {
  const out = new Map<string, EligibilityBlock[]>();
  if (actor.kind !== "APPLICANT" || enterpriseIds.length === 0) return out;
  const open = await db.loanApplication.findMany({
    where: { applicantId: actor.userId, enterpriseId: { in: enterpriseIds }, status: { in: [...OPEN_STATUSES] } },
    select: { id: true, status: true, enterpriseId: true, amountFen: true, termMonths: true, previousLoanId: true },
  });
  for (const enterpriseId of enterpriseIds) {
    const cases = open.filter((c) => c.enterpriseId === enterpriseId);
    if (cases.some((c) => c.status !== "DRAFT")) continue;
    const draft = cases[0];
    const { blocks } = await checkEligibility(
      draft ? { ...draft, applicantId: actor.userId } : { id: NO_CASE, applicantId: actor.userId, enterpriseId, amountFen: null, termMonths: null },
      null,
      { forSubmission: true },
    );
    out.set(enterpriseId, blocks);
  }
  return out;
}
