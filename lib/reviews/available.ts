import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import type { StaffActor } from "@/lib/auth/roles";
import { can } from "@/lib/auth/permissions";
import { HOLDER, isActorsTurn, isOpenStatus, roleMayAttempt, TRANSITIONS, type TransitionName } from "@/lib/applications/workflow";

export type StaffAction =
  | "recommend"
  | "confirm"
  | "return"
  | "reject"
  | "issueGuarantee"
  | "approveCredit"
  | "sign"
  | "disburse"
  | "reopen"
  | "settle"
  | "reportOverdue"
  | "cure"
  | "compensate"
  | "recordRepayment"
  | "recordRecovery"
  | "markGreenChannel"
  | "requestException"
  | "assign"
  | "revealPersonalData"
  | "addNote"
  | "messageApplicant";

const STEP_ACTIONS: [StaffAction, TransitionName][] = [
  ["recommend", "centerPropose"],
  ["confirm", "centerConfirm"],
  ["return", "returnForInfo"],
  ["reject", "reject"],
  ["issueGuarantee", "guarantorApprove"],
  ["approveCredit", "bankApprove"],
  ["sign", "signContract"],
  ["disburse", "disburse"],
  ["reopen", "reopen"],
  ["settle", "settle"],
  ["reportOverdue", "reportOverdue"],
  ["cure", "cure"],
  ["compensate", "compensate"],
];

/** What the case page offers this staff member now (the services decide again on submit). */
export function availableActions(
  actor: StaffActor,
  app: { status: ApplicationStatus; greenChannel: boolean; pendingRecommendationById: string | null; loanSigned: boolean | null },
): StaffAction[] {
  const actions: StaffAction[] = [];
  const mine = HOLDER[app.status] === actor.organisationType;
  for (const [action, transition] of STEP_ACTIONS) {
    if (!isActorsTurn(transition, HOLDER[app.status], actor.organisationType) || !roleMayAttempt(transition, actor.role)) continue;
    if (!(TRANSITIONS[transition].from as readonly ApplicationStatus[]).includes(app.status)) continue;
    if (action === "recommend" && app.pendingRecommendationById) continue;
    if (action === "confirm" && (!app.pendingRecommendationById || app.pendingRecommendationById === actor.userId)) continue;
    if (action === "sign" && app.loanSigned !== false) continue;
    if (action === "disburse" && app.loanSigned !== true) continue;
    actions.push(action);
  }
  const open = isOpenStatus(app.status);
  if (open && !app.greenChannel && can(actor, "application.markGreenChannel")) actions.push("markGreenChannel");
  // Tailored policy (yi qi yi ce): asked on a case under way, or (a cooling waiver) on the rejected case that started it.
  if ((open || app.status === "REJECTED") && can(actor, "exception.request")) actions.push("requestException");
  // Money received while the loan runs is the bank's to record; what the guarantor recovers after it pays on the borrower's behalf (daichang) is its own.
  if (actor.role === "BANK_OFFICER" && (app.status === "ACTIVE" || app.status === "OVERDUE")) actions.push("recordRepayment");
  if (actor.role === "GUARANTOR_OFFICER" && app.status === "COMPENSATED") actions.push("recordRecovery");
  if (mine && can(actor, "application.assign")) actions.push("assign");
  if (can(actor, "pii.viewFull")) actions.push("revealPersonalData");
  // Anyone of an organisation on the case (it is in their scope, or the page would not exist).
  if (can(actor, "case.note")) actions.push("addNote");
  if (can(actor, "case.messageApplicant")) actions.push("messageApplicant");
  return actions;
}
