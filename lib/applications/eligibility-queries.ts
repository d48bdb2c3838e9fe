import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { eligibilityBlocks, type EligibilityBlock } from "@/lib/applications/eligibility";
import { consentState, submissionConsentState } from "@/lib/applications/consent-queries";
import { policyInForce, type Policy } from "@/lib/policy/queries";
import { limitsForCase } from "@/lib/exceptions/in-force";
import type { ExceptionRecord } from "@/lib/exceptions/rules";
import { enterprisesOf, personExposure, personOf } from "@/lib/applications/person-exposure";
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
  /** Whether the account has a member's profile, when the caller has read the profile already (with `personUserIds`). */
  hasMemberProfile?: boolean;
  /**
   * The approved exceptions bearing on the case (lib/exceptions/in-force.ts, approvedExceptionsFor),
   * when the caller reads them for another use too (the checklist's waivers), read or being read.
   */
  exceptions?: ExceptionRecord[] | Promise<ExceptionRecord[]>;
  /** The consents as a review step read them already (lib/reviews/services/guards.ts); not for a submission. */
  consents?: Awaited<ReturnType<typeof consentState>>;
  /** What a page judging several cases of one applicant has read once (enterpriseEligibility). */
  applicant?: ApplicantFacts;
};

/**
 * What the rules need of the applicant rather than of one case, as a submission judges it
 * (consents to the wording in force), read once when a page judges several cases of one applicant.
 */
export type ApplicantFacts = {
  hasMemberProfile: boolean;
  consents: { sensitive: boolean; credit: boolean; changed?: boolean };
  /** The person's accounts (one ID number) and the enterprises they represent. */
  person: { userIds: string[]; enterpriseIds: string[] };
};

/**
 * Gathers what the eligibility rules need for one case and applies them, under the policy the
 * case is pinned to when it has one (a submitted case never moves to a newer version), else the
 * version in force today. For a submission (and what the applicant is shown before one) the
 * consents must be to the wording in force; a review takes the consents as given. `applicant`:
 * the applicant's facts already read for a submission's judgement (they replace those reads).
 */
export async function checkEligibility(
  app: CaseFacts,
  pinned?: Policy | null,
  { forSubmission = false, client = db, personUserIds, hasMemberProfile: knownMember, exceptions, consents: known, applicant }: EligibilityOptions = {},
): Promise<{ blocks: EligibilityBlock[]; policyId: string; policy: Policy }> {
  if (applicant && !forSubmission) throw new Error("An applicant's facts are read as a submission judges them.");
  const now = new Date();
  const policy = pinned ?? (await policyInForce(now, client));
  const person = applicant?.person ?? (personUserIds ? { userIds: personUserIds } : undefined);
  // The profile once, shared by two checks below (a settled promise, not Prisma's lazy one): its
  // member card, and the ID number's index when the person's accounts are still to be found.
  const memberKnown = applicant ? applicant.hasMemberProfile : person ? knownMember : undefined;
  const profile = memberKnown !== undefined
    ? null
    : Promise.resolve(client.applicantProfile.findUnique({ where: { userId: app.applicantId }, select: { memberCardNo: true, idNumberIndex: !person } }));
  const [limits, exposure, hasMemberProfile, consents, otherOpenCase, lastRejection, outstandingLoan] = await Promise.all([
    limitsForCase(app, policy, client, undefined, exceptions),
    person
      ? personExposure(app, policy, client, person)
      : profile!
          .then((p) => personOf(client, app.applicantId, p && { idNumberIndex: p.idNumberIndex! }))
          .then(({ userIds }) => personExposure(app, policy, client, { userIds })),
    memberKnown ?? profile!.then((p) => !!p?.memberCardNo),
    applicant?.consents ?? known ?? (forSubmission ? submissionConsentState(app.applicantId, client) : consentState(app.applicantId, client)),
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
    hasMemberProfile,
    consents,
    amountFen: app.amountFen,
    termMonths: app.termMonths,
    policy: { maxLoanFen: limits.maxLoanFen, maxTermMonths: limits.maxTermMonths, coolingDays: policy.coolingDays },
    coolingWaived: limits.coolingWaived,
    person: exposure,
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

/** A case of the applicant as the dashboard's eligibility check needs it. */
type ApplicantCase = { id: string; status: ApplicationStatus; enterpriseId: string; amountFen: bigint | null; termMonths: number | null; previousLoanId: string | null };

/**
 * What stands in the way of each of the applicant's enterprises applying, shown on the dashboard
 * from the first visit: judged for its open draft if it has one, else for a case not yet begun.
 * An enterprise whose case is already with the reviewers is left out (it is not waiting to apply).
 * `known`: what the dashboard has already read of the applicant (the profile's member card and ID
 * number index, the consents as a submission judges them, the enterprises they represent, and
 * `cases`: every case of theirs, when its list holds them all); the policy in force and the
 * person's accounts are read once for all the enterprises.
 */
export async function enterpriseEligibility(
  actor: { kind: string; userId: string },
  enterpriseIds: string[],
  known?: { profile: { memberCardNo: string | null; idNumberIndex: string } | null; consents: ApplicantFacts["consents"]; cases?: ApplicantCase[] },
): Promise<Map<string, EligibilityBlock[]>> {
  const out = new Map<string, EligibilityBlock[]>();
  if (actor.kind !== "APPLICANT" || enterpriseIds.length === 0) return out;
  const openStatuses: readonly ApplicationStatus[] = OPEN_STATUSES;
  const open: ApplicantCase[] = known?.cases
    ? known.cases.filter((c) => enterpriseIds.includes(c.enterpriseId) && openStatuses.includes(c.status))
    : await db.loanApplication.findMany({
        where: { applicantId: actor.userId, enterpriseId: { in: enterpriseIds }, status: { in: [...OPEN_STATUSES] } },
        select: { id: true, status: true, enterpriseId: true, amountFen: true, termMonths: true, previousLoanId: true },
      });
  const waiting = enterpriseIds.filter((enterpriseId) => !open.some((c) => c.enterpriseId === enterpriseId && c.status !== "DRAFT"));
  if (waiting.length === 0) return out;
  const [policy, applicant] = await Promise.all([policyInForce(), known ? applicantFactsFrom(actor.userId, enterpriseIds, known) : undefined]);
  for (const enterpriseId of waiting) {
    const draft = open.find((c) => c.enterpriseId === enterpriseId);
    const { blocks } = await checkEligibility(
      draft ? { id: draft.id, enterpriseId, amountFen: draft.amountFen, termMonths: draft.termMonths, previousLoanId: draft.previousLoanId, applicantId: actor.userId } : { id: NO_CASE, applicantId: actor.userId, enterpriseId, amountFen: null, termMonths: null },
      policy,
      { forSubmission: true, applicant },
    );
    out.set(enterpriseId, blocks);
  }
  return out;
}

/**
 * The applicant's facts from what the caller read: `enterpriseIds` are every enterprise the
 * account represents; other accounts of the same ID number add theirs.
 */
async function applicantFactsFrom(
  userId: string,
  enterpriseIds: string[],
  known: NonNullable<Parameters<typeof enterpriseEligibility>[2]>,
): Promise<ApplicantFacts> {
  const { userIds } = await personOf(db, userId, known.profile ? { idNumberIndex: known.profile.idNumberIndex } : null);
  const others = userIds.filter((id) => id !== userId);
  const theirs = others.length ? await enterprisesOf(db, others) : [];
  return {
    hasMemberProfile: !!known.profile?.memberCardNo,
    consents: known.consents,
    person: { userIds, enterpriseIds: [...new Set([...enterpriseIds, ...theirs])] },
  };
}
