import "server-only";
import type { StaffActor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { addWorkingDays } from "@/lib/calendar/working-days";
import { runTransition, type LoadedApplication } from "@/lib/applications/services/transition";
import { isReviewStatus, STAGE_OF } from "@/lib/applications/workflow";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import type { RejectReason } from "@/lib/reviews/schemas";
import { joinItems, textOrNull, type ApplicantMessage } from "@/lib/reviews/applicant-message";
import { deliverToApplicant } from "@/lib/reviews/services/applicant-messages";
import { beijingDayOf } from "@/lib/calendar/beijing";

type ReturnInput = { applicationId: string; version: number; comment: string; missingItems: string[]; applicantMessage?: string | null };

/**
 * Any review stage may return the case with the one complete list of what is missing
 * (told once: yici xing gaozhi) and an answer deadline; the stage's own clock pauses meanwhile. The list and what
 * the reviewer wrote to the applicant are the message; the comment stays between the organisations.
 */
export async function returnForInformation(actor: StaffActor, input: ReturnInput) {
  const message = (app: LoadedApplication, due: Date): ApplicantMessage => ({
    code: "applicationReturned",
    params: { number: app.number, dueOn: beijingDayOf(due), items: joinItems(input.missingItems) },
    text: textOrNull(input.applicantMessage),
  });
  return runTransition({
    actor,
    applicationId: input.applicationId,
    transition: "returnForInfo",
    event: "returned",
    expectedVersion: input.version,
    decision: (app) => ({ stage: stageOf(app.status), action: "RETURN", comment: input.comment, missingItems: input.missingItems }),
    // The answer deadline is counted on the calendar the step runs under (runTransition checks it in its transaction).
    guard: (app, _to, calendar) => ({ due: addWorkingDays(new Date(), app.policyVersion?.returnAnswerDays ?? 15, calendar) }),
    changes: (app, _to, _calendar, { due }) => ({ returnedFrom: app.status, returnDueAt: due, pendingRecommendationById: null }),
    within: (tx, app, _to, { due }) => deliverToApplicant(tx, app, message(app, due)),
    auditData: (app, { due }) => ({ message: message(app, due) }),
  });
}

type RejectInput = { applicationId: string; version: number; comment: string; reasonCode: RejectReason; applicantMessage?: string | null };

/**
 * A refusal with a reason code and a comment closes the case; the cooling period starts. The case
 * keeps the reason's code as its close reason; pages name it in the reader's language.
 */
export async function rejectApplication(actor: StaffActor, input: RejectInput) {
  const message = (app: LoadedApplication): ApplicantMessage => ({
    code: "applicationRejected", params: { number: app.number, reasonCode: input.reasonCode }, text: textOrNull(input.applicantMessage),
  });
  return runTransition({
    actor,
    applicationId: input.applicationId,
    transition: "reject",
    event: "rejected",
    expectedVersion: input.version,
    decision: (app) => ({ stage: stageOf(app.status), action: "REJECT", comment: input.comment, reasonCode: input.reasonCode }),
    changes: () => ({ closedAt: new Date(), closeReason: input.reasonCode, stageDueAt: null, pendingRecommendationById: null }),
    within: (tx, app) => deliverToApplicant(tx, app, message(app)),
    auditData: (app) => ({ message: message(app) }),
  });
}

/** The review stage deciding: the case is in one of the review statuses (the transition requires it). */
function stageOf(status: ApplicationStatus) {
  if (!isReviewStatus(status)) throw new AppError("INVALID_TRANSITION");
  return STAGE_OF[status];
}
