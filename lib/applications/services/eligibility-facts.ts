import "server-only";
import { db } from "@/lib/db/client";
import { eligibilityBlocks, type EligibilityBlock } from "@/lib/applications/eligibility";
import { consentState } from "@/lib/applications/services/consents";
import { policyInForce } from "@/lib/policy/queries";

const OPEN: ("DRAFT" | "CENTER_REVIEW" | "GUARANTOR_REVIEW" | "BANK_REVIEW" | "RETURNED" | "CONTRACTING")[] = [
  "CENTER_REVIEW", "GUARANTOR_REVIEW", "BANK_REVIEW", "RETURNED", "CONTRACTING",
];

/** Gathers what the eligibility rules need for one case and applies them. */
export async function checkEligibility(app: {
  id: string;
  applicantId: string;
  enterpriseId: string;
  amountFen: bigint | null;
  termMonths: number | null;
}): Promise<{ blocks: EligibilityBlock[]; policyId: string }> {
  const now = new Date();
  const [policy, profile, consents, otherOpenCase, lastRejection] = await Promise.all([
    policyInForce(now),
    db.applicantProfile.findUnique({ where: { userId: app.applicantId }, select: { memberCardNo: true } }),
    consentState(app.applicantId),
    db.loanApplication.findFirst({
      where: { enterpriseId: app.enterpriseId, id: { not: app.id }, status: { in: OPEN } },
      select: { number: true },
    }),
    db.loanApplication.findFirst({
      where: { enterpriseId: app.enterpriseId, status: "REJECTED", closedAt: { not: null } },
      orderBy: { closedAt: "desc" },
      select: { number: true, closedAt: true },
    }),
  ]);
  const blocks = eligibilityBlocks({
    hasMemberProfile: !!profile?.memberCardNo,
    consents,
    amountFen: app.amountFen,
    termMonths: app.termMonths,
    policy,
    otherOpenCase,
    lastRejection: lastRejection?.closedAt ? { number: lastRejection.number, closedAt: lastRejection.closedAt } : null,
    now,
  });
  return { blocks, policyId: policy.id };
}
