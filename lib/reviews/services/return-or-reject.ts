import "server-only";
import type { StaffActor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { addWorkingDays } from "@/lib/calendar/working-days";
import { notifyUser } from "@/lib/notifications/notify";
import { runTransition } from "@/lib/applications/services/transition";
import { isReviewStatus, STAGE_OF } from "@/lib/applications/workflow";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { REJECT_REASONS } from "@/lib/reviews/schemas";

/**
 * Any review stage may return the case with the one complete list of what is missing
 * (一次性告知) and an answer deadline; the stage's own clock pauses meanwhile.
 */
export async function returnForInformation(actor: StaffActor, input: { applicationId: string; version: number; comment: string; missingItems: string[] }) {
  return runTransition({
    actor,
    applicationId: input.applicationId,
    transition: "returnForInfo",
    event: "returned",
    expectedVersion: input.version,
    decision: (app) => ({ stage: stageOf(app.status), action: "RETURN", comment: input.comment, missingItems: input.missingItems }),
    changes: (app, _to, calendar) => ({
      returnedFrom: app.status,
      returnDueAt: addWorkingDays(new Date(), app.policyVersion?.returnAnswerDays ?? 15, calendar),
      pendingRecommendationById: null,
    }),
    within: (tx, app) =>
      notifyUser(tx, app.applicantId, {
        applicationId: app.id,
        title: `申请 ${app.number} 需要补充材料`,
        body: `请补充：${input.missingItems.join("；")}。${input.comment}`,
      }),
  });
}

/** A refusal with a reason code and a comment closes the case; the cooling period starts. */
export async function rejectApplication(actor: StaffActor, input: { applicationId: string; version: number; comment: string; reasonCode: keyof typeof REJECT_REASONS }) {
  return runTransition({
    actor,
    applicationId: input.applicationId,
    transition: "reject",
    event: "rejected",
    expectedVersion: input.version,
    decision: (app) => ({ stage: stageOf(app.status), action: "REJECT", comment: input.comment, reasonCode: input.reasonCode }),
    changes: () => ({ closedAt: new Date(), closeReason: REJECT_REASONS[input.reasonCode], stageDueAt: null, pendingRecommendationById: null }),
    within: (tx, app) =>
      notifyUser(tx, app.applicantId, {
        applicationId: app.id,
        title: `申请 ${app.number} 未获通过`,
        body: `原因：${REJECT_REASONS[input.reasonCode]}。${input.comment}`,
      }),
  });
}

/** The review stage deciding: the case is in one of the review statuses (the transition requires it). */
function stageOf(status: ApplicationStatus) {
  if (!isReviewStatus(status)) throw new AppError("INVALID_TRANSITION");
  return STAGE_OF[status];
}
