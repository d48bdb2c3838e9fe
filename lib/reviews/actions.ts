"use server";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import { staffAction } from "@/lib/actions/safe-action";
import { words, type Words } from "@/lib/i18n/words";
import { staffRolesOf } from "@/lib/actions/audience";
import type { StaffActor } from "@/lib/auth/roles";
import { homeOf } from "@/lib/auth/roles";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { TRANSITIONS, type TransitionName } from "@/lib/applications/workflow";
import {
  assignSchema,
  batchAssignSchema,
  bankApproveSchema,
  confirmSchema,
  disburseSchema,
  greenChannelSchema,
  guaranteeSchema,
  messageSchema,
  noteSchema,
  percentToMicros,
  recommendSchema,
  rejectSchema,
  reopenSchema,
  returnSchema,
  revealSchema,
  signSchema,
} from "@/lib/reviews/schemas";
import { confirmRecommendation, recommendApplication, reopenApplication } from "@/lib/reviews/services/center-review";
import { rejectApplication, returnForInformation } from "@/lib/reviews/services/return-or-reject";
import { issueGuarantee } from "@/lib/reviews/services/guarantor-review";
import { approveCredit, recordContractSigned, recordDisbursement } from "@/lib/reviews/services/bank-review";
import { assignCase, assignCases, markGreenChannel } from "@/lib/reviews/services/case-admin";
import { revealPersonalData } from "@/lib/reviews/services/reveal-personal-data";
import { addCaseNote } from "@/lib/reviews/services/case-notes";
import { sendApplicantMessage } from "@/lib/reviews/services/applicant-messages";

// Each action's audience comes from the typed tables: a workflow step's roles
// (lib/applications/workflow.ts) or a permission's (lib/auth/permissions.ts). The services
// check the organisation, whose turn it is and the status on top.
const stepRoles = (name: TransitionName): StaffRole[] => staffRolesOf(TRANSITIONS[name].roles);
const CASE_DECIDERS = stepRoles("returnForInfo");

/** A review step's action: re-renders the actor's pages (case page and queues) after it. */
function step<S extends z.ZodType>(
  roles: readonly StaffRole[],
  schema: S,
  run: (input: z.output<S>, actor: StaffActor) => Promise<unknown>,
  done: Words,
) {
  return staffAction(roles, {
    schema,
    run: async (input, actor) => {
      await run(input, actor);
      return actor;
    },
    success: () => done,
    after: (acting) => revalidatePath(homeOf(acting.role), "layout"),
  });
}

export const recommendAction = step(stepRoles("centerPropose"), recommendSchema, (i, a) =>
  recommendApplication(a, { applicationId: i.applicationId, version: i.version, comment: i.comment, guarantorOrgId: i.guarantorOrgId, applicantMessage: i.applicantMessage,
    checklist: { member: i.checkMember, targetGroup: i.checkTargetGroup, documents: i.checkDocuments } }), words("case.done.recommended"));
export const confirmAction = step(stepRoles("centerConfirm"), confirmSchema, (i, a) => confirmRecommendation(a, i), words("case.done.confirmed"));
export const returnAction = step(CASE_DECIDERS, returnSchema, (i, a) => returnForInformation(a, i), words("case.done.returned"));
export const rejectAction = step(stepRoles("reject"), rejectSchema, (i, a) => rejectApplication(a, i), words("case.done.rejected"));
export const guaranteeAction = step(stepRoles("guarantorApprove"), guaranteeSchema, ({ guaranteedYuan, ...i }, a) => issueGuarantee(a, { ...i, guaranteedFen: guaranteedYuan }), words("case.done.guaranteed"));
export const bankApproveAction = step(stepRoles("bankApprove"), bankApproveSchema, (i, a) =>
  approveCredit(a, { ...i, principalFen: i.principalYuan, annualRateMicros: percentToMicros(i.annualRatePercent) }), words("case.done.creditApproved"));
export const signAction = step(stepRoles("signContract"), signSchema, (i, a) => recordContractSigned(a, i), words("case.done.signed"));
export const disburseAction = step(stepRoles("disburse"), disburseSchema, ({ amountYuan, ...i }, a) => recordDisbursement(a, { ...i, amountFen: amountYuan }), words("case.done.disbursed"));
export const reopenAction = step(stepRoles("reopen"), reopenSchema, (i, a) => reopenApplication(a, i), words("case.done.reopened"));
export const greenChannelAction = step(staffRolesOf(PERMISSIONS["application.markGreenChannel"]), greenChannelSchema, (i, a) => markGreenChannel(a, i), words("case.done.greenChannel"));
export const assignAction = step(staffRolesOf(PERMISSIONS["application.assign"]), assignSchema, (i, a) => assignCase(a, i), words("case.done.assigned"));

/** An internal note between the organisations on the case; never shown to the applicant. */
export const noteAction = staffAction(staffRolesOf(PERMISSIONS["case.note"]), {
  schema: noteSchema,
  run: async (input, actor) => {
    await addCaseNote(actor, input);
    return actor;
  },
  success: () => words("case.done.noteAdded"),
  after: (acting) => revalidatePath(homeOf(acting.role), "layout"),
});

/** A message to the applicant on their case, sent as written (the form previews it first). */
export const messageApplicantAction = staffAction(staffRolesOf(PERMISSIONS["case.messageApplicant"]), {
  schema: messageSchema,
  run: async (input, actor) => {
    await sendApplicantMessage(actor, input);
    return actor;
  },
  success: () => words("case.done.messageSent"),
  after: (acting) => revalidatePath(homeOf(acting.role), "layout"),
});

export const batchAssignAction = staffAction(staffRolesOf(PERMISSIONS["application.assign"]), {
  schema: batchAssignSchema,
  run: async (input, acting) => ({ acting, count: await assignCases(acting, { applicationIds: input.ids, assigneeId: input.assigneeId }) }),
  success: (r) => words("case.done.batchAssigned", { count: r.count }),
  after: (r) => revalidatePath(homeOf(r.acting.role), "layout"),
});

/** Returns the full values in the success message's fields; the act itself is logged. */
export const revealAction = staffAction(staffRolesOf(PERMISSIONS["pii.viewFull"]), {
  schema: revealSchema,
  run: async (input, actor) => revealPersonalData(actor, input),
  success: (r) => words("case.done.revealed", { idNumber: r.idNumber, mobile: r.mobile, hasAccount: r.accountNo ? "yes" : "no", accountNo: r.accountNo }),
});
