import "server-only";
import type { StaffActor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { runTransition } from "@/lib/applications/services/transition";
import { checkEligibility } from "@/lib/applications/services/eligibility-facts";
import { IneligibleError } from "@/lib/applications/eligibility";
import { notifyUser } from "@/lib/notifications/notify";
import { assertConsentsActive, assertOrganisation } from "@/lib/reviews/services/guards";
import { addWorkingDays } from "@/lib/calendar/working-days";
import { holidaySet } from "@/lib/policy/queries";

type Recommend = {
  applicationId: string;
  version: number;
  comment: string;
  checklist: { member: boolean; targetGroup: boolean; documents: boolean };
  guarantorOrgId?: string;
};

/**
 * The centre's eligibility review ends in a recommendation to the guarantor. Where the pinned
 * policy asks for maker-checker, this records the maker's proposal and the case waits for a
 * different person with the approver role to confirm.
 */
export async function recommendApplication(actor: StaffActor, input: Recommend) {
  // Which step this is depends on the case's pinned policy; runTransition re-reads the case
  // through the actor's scope, so this look-up reveals nothing.
  const pinned = await db.loanApplication.findUnique({
    where: { id: input.applicationId },
    select: { policyVersion: { select: { recommendNeedsChecker: true } } },
  });
  const needsChecker = pinned?.policyVersion?.recommendNeedsChecker ?? true;
  if (!needsChecker) {
    if (!input.guarantorOrgId) throw new AppError("VALIDATION", undefined, { guarantorOrgId: ["请选择担保公司"] });
    await assertOrganisation(input.guarantorOrgId, "GUARANTOR");
  }
  return runTransition({
    actor,
    applicationId: input.applicationId,
    transition: needsChecker ? "centerPropose" : "centerRecommend",
    event: "recommended",
    expectedVersion: input.version,
    decision: { stage: "CENTER", action: "RECOMMEND", comment: input.comment, checklist: input.checklist },
    guard: async (app) => {
      if (needsChecker && app.pendingRecommendationById) throw new AppError("INVALID_TRANSITION", "已有待复核的推荐意见");
      await assertConsentsActive(app.applicantId);
      const { blocks } = await checkEligibility(app, app.policyVersion);
      if (blocks.length) throw new IneligibleError(blocks);
    },
    changes: () => (needsChecker ? { pendingRecommendationById: actor.userId } : { guarantorOrgId: input.guarantorOrgId! }),
  });
}

/** The checker's confirmation: a different person, with the approver role, sends it on. */
export async function confirmRecommendation(actor: StaffActor, input: { applicationId: string; version: number; comment: string; guarantorOrgId: string }) {
  await assertOrganisation(input.guarantorOrgId, "GUARANTOR");
  return runTransition({
    actor,
    applicationId: input.applicationId,
    transition: "centerConfirm",
    event: "recommendation_confirmed",
    expectedVersion: input.version,
    decision: { stage: "CENTER", action: "CONFIRM", comment: input.comment },
    guard: async (app) => {
      if (!app.pendingRecommendationById) throw new AppError("INVALID_TRANSITION", "该案件尚无待复核的推荐意见");
      if (app.pendingRecommendationById === actor.userId) throw new AppError("SAME_PERSON");
      await assertConsentsActive(app.applicantId);
    },
    changes: () => ({ guarantorOrgId: input.guarantorOrgId, pendingRecommendationById: null }),
    within: (tx, app) =>
      notifyUser(tx, app.applicantId, {
        applicationId: app.id,
        title: `申请 ${app.number} 已通过保障中心审核`,
        body: "保障中心已将您的申请推荐至担保公司，担保公司将尽快审核。",
      }),
  });
}

/** An expired case comes back to the applicant with a fresh answer deadline. */
export async function reopenApplication(actor: StaffActor, input: { applicationId: string; version: number; comment: string }) {
  const holidays = await holidaySet();
  return runTransition({
    actor,
    applicationId: input.applicationId,
    transition: "reopen",
    event: "reopened",
    expectedVersion: input.version,
    decision: { stage: "CENTER", action: "REOPEN", comment: input.comment },
    changes: (app) => ({ returnDueAt: addWorkingDays(new Date(), app.policyVersion?.returnAnswerDays ?? 15, holidays) }),
    within: (tx, app) =>
      notifyUser(tx, app.applicantId, { applicationId: app.id, title: `申请 ${app.number} 已重新开启`, body: `保障中心已重新开启您的申请：${input.comment}` }),
  });
}
