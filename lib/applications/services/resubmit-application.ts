import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { addWorkingDays, workingDaysBetween } from "@/lib/calendar/working-days";
import { notifyUser } from "@/lib/notifications/notify";
import { dueForStage, runTransition } from "@/lib/applications/services/transition";
import { takeCaseSnapshot } from "@/lib/applications/snapshot-store";
import { assertSubmittable } from "@/lib/applications/services/eligibility-facts";

/**
 * RETURNED → the review stage that returned it. The case must still be complete and eligible
 * under the policy it is pinned to. Earlier approvals stand (unless the applicant changed the
 * amount or term, which sent it back to the centre: see saveLoanRequest), and the stage's clock,
 * paused while the applicant had the case, resumes with the working days it had left; a stage
 * the case enters afresh gets its full time. The case's facts as resubmitted become its next
 * snapshot.
 */
export async function resubmitApplication(actor: Actor, applicationId: string, expectedVersion: number) {
  return runTransition({
    actor,
    applicationId,
    transition: "resubmit",
    event: "resubmitted",
    expectedVersion,
    guard: async (app, to, calendar) => {
      await assertSubmittable(app, app.policyVersion);
      return { fresh: app.stageDueAt && app.stageEnteredAt ? null : await dueForStage(to, app, new Date(), calendar) };
    },
    changes: (app, _to, calendar, { fresh }) => {
      const now = new Date();
      const due = app.stageDueAt && app.stageEnteredAt
        ? addWorkingDays(now, Math.max(1, workingDaysBetween(app.stageEnteredAt, app.stageDueAt, calendar)), calendar)
        : fresh;
      return { stageDueAt: due, returnedFrom: null, returnDueAt: null };
    },
    within: async (tx, app) => {
      await takeCaseSnapshot(tx, app.id, "RESUBMITTED");
      return notifyUser(tx, app.applicantId, {
        applicationId: app.id,
        code: "applicationResubmitted",
        params: { number: app.number },
      });
    },
  });
}
