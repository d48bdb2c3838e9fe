"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import { staffAction } from "@/lib/actions/safe-action";
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
  message: string,
) {
  return staffAction(roles, {
    schema,
    run: async (input, actor) => {
      await run(input, actor);
      return actor;
    },
    success: () => message,
    after: (acting) => revalidatePath(homeOf(acting.role), "layout"),
  });
}

export const recommendAction = step(stepRoles("centerPropose"), recommendSchema, (i, a) =>
  recommendApplication(a, { applicationId: i.applicationId, version: i.version, comment: i.comment, guarantorOrgId: i.guarantorOrgId, applicantMessage: i.applicantMessage,
    checklist: { member: i.checkMember, targetGroup: i.checkTargetGroup, documents: i.checkDocuments } }), "已提交推荐意见");
export const confirmAction = step(stepRoles("centerConfirm"), confirmSchema, (i, a) => confirmRecommendation(a, i), "已复核并推荐至担保公司");
export const returnAction = step(CASE_DECIDERS, returnSchema, (i, a) => returnForInformation(a, i), "已退回申请人补充材料");
export const rejectAction = step(stepRoles("reject"), rejectSchema, (i, a) => rejectApplication(a, i), "已作出不予通过的决定");
export const guaranteeAction = step(stepRoles("guarantorApprove"), guaranteeSchema, ({ guaranteedYuan, ...i }, a) => issueGuarantee(a, { ...i, guaranteedFen: guaranteedYuan }), "已出具担保，案件转至银行");
export const bankApproveAction = step(stepRoles("bankApprove"), bankApproveSchema, (i, a) =>
  approveCredit(a, { ...i, principalFen: i.principalYuan, annualRateMicros: percentToMicros(i.annualRatePercent) }), "已审批通过");
export const signAction = step(stepRoles("signContract"), signSchema, (i, a) => recordContractSigned(a, i), "已登记合同签订");
export const disburseAction = step(stepRoles("disburse"), disburseSchema, ({ amountYuan, ...i }, a) => recordDisbursement(a, { ...i, amountFen: amountYuan }), "已登记放款，贷款生效");
export const reopenAction = step(stepRoles("reopen"), reopenSchema, (i, a) => reopenApplication(a, i), "已重新开启，申请人可继续补充");
export const greenChannelAction = step(staffRolesOf(PERMISSIONS["application.markGreenChannel"]), greenChannelSchema, (i, a) => markGreenChannel(a, i), "已纳入绿色通道");
export const assignAction = step(staffRolesOf(PERMISSIONS["application.assign"]), assignSchema, (i, a) => assignCase(a, i), "已分配");

const doneWords = async (key: "noteAdded" | "messageSent") => (await getTranslations("case.done"))(key);

/** An internal note between the organisations on the case; never shown to the applicant. */
export const noteAction = staffAction(staffRolesOf(PERMISSIONS["case.note"]), {
  schema: noteSchema,
  run: async (input, actor) => {
    await addCaseNote(actor, input);
    return actor;
  },
  success: () => doneWords("noteAdded"),
  after: (acting) => revalidatePath(homeOf(acting.role), "layout"),
});

/** A message to the applicant on their case, sent as written (the form previews it first). */
export const messageApplicantAction = staffAction(staffRolesOf(PERMISSIONS["case.messageApplicant"]), {
  schema: messageSchema,
  run: async (input, actor) => {
    await sendApplicantMessage(actor, input);
    return actor;
  },
  success: () => doneWords("messageSent"),
  after: (acting) => revalidatePath(homeOf(acting.role), "layout"),
});

export const batchAssignAction = staffAction(staffRolesOf(PERMISSIONS["application.assign"]), {
  schema: batchAssignSchema,
  run: async (input, acting) => ({ acting, count: await assignCases(acting, { applicationIds: input.ids, assigneeId: input.assigneeId }) }),
  success: (r) => `已分配 ${r.count} 件案件`,
  after: (r) => revalidatePath(homeOf(r.acting.role), "layout"),
});

/** Returns the full values in the success message's fields; the act itself is logged. */
export const revealAction = staffAction(staffRolesOf(PERMISSIONS["pii.viewFull"]), {
  schema: revealSchema,
  run: async (input, actor) => revealPersonalData(actor, input),
  success: (r) => `身份证号码 ${r.idNumber}；手机号码 ${r.mobile}${r.accountNo ? `；收款账号 ${r.accountNo}` : ""}（本次查看已记录）`,
});
