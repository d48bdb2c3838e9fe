import "server-only";
import { nextRecommendationNumber } from "@/lib/applications/numbering";
import type { StaffActor } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { words } from "@/lib/i18n/words";
import { runTransition, type LoadedApplication } from "@/lib/applications/services/transition";
import { checkEligibility } from "@/lib/applications/eligibility-queries";
import { textOrNull, type ApplicantMessage } from "@/lib/reviews/applicant-message";
import { deliverToApplicant } from "@/lib/reviews/services/applicant-messages";
import { IneligibleError } from "@/lib/applications/eligibility";
import { assertConsentsActive } from "@/lib/reviews/services/guards";
import { routeCase } from "@/lib/routing/services/route-case";
import { addWorkingDays } from "@/lib/calendar/working-days";
import { beijingDayOf } from "@/lib/calendar/beijing";

/** The recommendation letter's number, issued once when the case goes to the guarantor, under the pattern in force then. */
async function issueLetterNumber(tx: Prisma.TransactionClient, app: { id: string; number: string }): Promise<void> {
  const current = await tx.loanApplication.findUnique({ where: { id: app.id }, select: { recommendationNo: true } });
  if (!current?.recommendationNo) {
    await tx.loanApplication.update({ where: { id: app.id }, data: { recommendationNo: await nextRecommendationNumber(tx, app.number) } });
  }
}

type Recommend = {
  applicationId: string;
  version: number;
  comment: string;
  checklist: { member: boolean; targetGroup: boolean; documents: boolean };
  guarantorOrgId?: string;
  /** Sent only where the recommendation goes straight to the guarantor (no checker). */
  applicantMessage?: string | null;
};

/**
 * The centre's eligibility review ends in a recommendation to the guarantor. Where the pinned
 * policy asks for maker-checker, this records the maker's proposal and the case waits for a
 * different person with the approver role to confirm.
 */
export async function recommendApplication(actor: StaffActor, input: Recommend) {
  // Which step this is depends on the case's pinned policy, read with the case through the actor's scope.
  const needsChecker = (app: LoadedApplication) => app.policyVersion?.recommendNeedsChecker ?? true;
  const routed = (app: { number: string }): ApplicantMessage => ({ code: "recommendationConfirmed", params: { number: app.number }, text: textOrNull(input.applicantMessage) });
  return runTransition({
    actor,
    applicationId: input.applicationId,
    transition: (app) => (needsChecker(app) ? "centerPropose" : "centerRecommend"),
    event: "recommended",
    expectedVersion: input.version,
    decision: { stage: "CENTER", action: "RECOMMEND", comment: input.comment, checklist: input.checklist },
    guard: async (app) => {
      if (needsChecker(app) && app.pendingRecommendationById) throw new AppError("INVALID_TRANSITION", words("case.refusals.recommendationPending"));
      const consents = await assertConsentsActive(app.applicantId);
      const { blocks } = await checkEligibility(app, app.policyVersion, { consents });
      if (blocks.length) throw new IneligibleError(blocks);
    },
    changes: (app) => (needsChecker(app) ? { pendingRecommendationById: actor.userId } : {}),
    // A maker's proposal is internal until confirmed; a recommendation that routes the case (by the
    // administrator's rule or the reviewer's choice) is a result the applicant is told.
    within: async (tx, app) => {
      if (needsChecker(app)) return;
      await routeCase(tx, app, "GUARANTOR", input.guarantorOrgId);
      await issueLetterNumber(tx, app);
      await deliverToApplicant(tx, app, routed(app));
    },
    auditData: (app) => (needsChecker(app) ? {} : { message: routed(app) }),
  });
}

/** The checker's confirmation: a different person, with the approver role, sends it on. */
export async function confirmRecommendation(
  actor: StaffActor,
  input: { applicationId: string; version: number; comment: string; guarantorOrgId?: string; applicantMessage?: string | null },
) {
  const message = (app: { number: string }): ApplicantMessage => ({ code: "recommendationConfirmed", params: { number: app.number }, text: textOrNull(input.applicantMessage) });
  return runTransition({
    actor,
    applicationId: input.applicationId,
    transition: "centerConfirm",
    event: "recommendation_confirmed",
    expectedVersion: input.version,
    decision: { stage: "CENTER", action: "CONFIRM", comment: input.comment },
    guard: async (app) => {
      if (!app.pendingRecommendationById) throw new AppError("INVALID_TRANSITION", words("case.refusals.noRecommendationPending"));
      if (app.pendingRecommendationById === actor.userId) throw new AppError("SAME_PERSON");
      await assertConsentsActive(app.applicantId);
    },
    changes: () => ({ pendingRecommendationById: null }),
    within: async (tx, app) => {
      await routeCase(tx, app, "GUARANTOR", input.guarantorOrgId);
      await issueLetterNumber(tx, app);
      await deliverToApplicant(tx, app, message(app));
    },
    auditData: (app) => ({ message: message(app) }),
  });
}

/** An expired case comes back to the applicant with a fresh answer deadline. */
export async function reopenApplication(actor: StaffActor, input: { applicationId: string; version: number; comment: string; applicantMessage?: string | null }) {
  const message = (app: LoadedApplication, due: Date): ApplicantMessage => ({
    code: "applicationReopened", params: { number: app.number, dueOn: beijingDayOf(due) }, text: textOrNull(input.applicantMessage),
  });
  return runTransition({
    actor,
    applicationId: input.applicationId,
    transition: "reopen",
    event: "reopened",
    expectedVersion: input.version,
    decision: { stage: "CENTER", action: "REOPEN", comment: input.comment },
    // The answer deadline is counted on the calendar the step runs under (runTransition checks it in its transaction).
    guard: (app, _to, calendar) => ({ due: addWorkingDays(new Date(), app.policyVersion?.returnAnswerDays ?? 15, calendar) }),
    changes: (_app, _to, _calendar, { due }) => ({ returnDueAt: due }),
    within: (tx, app, _to, { due }) => deliverToApplicant(tx, app, message(app, due)),
    auditData: (app, { due }) => ({ message: message(app, due) }),
  });
}
