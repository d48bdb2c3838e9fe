import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { addWorkingDays, workingDaysBetween } from "@/lib/calendar/working-days";
import { notifyUser } from "@/lib/notifications/notify";
import { holidaySet } from "@/lib/policy/queries";
import { runTransition } from "@/lib/applications/services/transition";

/**
 * RETURNED → the review stage that returned it. Earlier approvals stand, and the stage's clock,
 * paused while the applicant had the case, resumes with the working days it had left.
 */
export async function resubmitApplication(actor: Actor, applicationId: string, expectedVersion: number) {
  const holidays = await holidaySet();
  return runTransition({
    actor,
    applicationId,
    transition: "resubmit",
    event: "resubmitted",
    expectedVersion,
    changes: (app) => {
      const now = new Date();
      const left =
        app.stageDueAt && app.stageEnteredAt ? Math.max(1, workingDaysBetween(app.stageEnteredAt, app.stageDueAt, holidays)) : 1;
      return { stageDueAt: addWorkingDays(now, left, holidays), returnedFrom: null, returnDueAt: null };
    },
    within: (tx, app) =>
      notifyUser(tx, app.applicantId, {
        applicationId: app.id,
        title: `申请 ${app.number} 已重新提交`,
        body: "补充的材料已提交，案件回到原审核环节继续办理。",
      }),
  });
}
