"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/safe-action";
import { clientIp } from "@/lib/auth/actions";
import { AppError } from "@/lib/errors";
import {
  consentSchema,
  enterpriseSchema,
  loanRequestSchema,
  profileSchema,
  renewSchema,
  startApplicationSchema,
  submitSchema,
  withdrawSchema,
} from "@/lib/applications/schemas";
import { saveProfile } from "@/lib/applications/services/save-profile";
import { grantConsent, withdrawConsent } from "@/lib/applications/services/consents";
import { saveEnterprise } from "@/lib/applications/services/save-enterprise";
import { saveLoanRequest, startApplication } from "@/lib/applications/services/drafts";
import { submitApplication } from "@/lib/applications/services/submit-application";
import { resubmitApplication } from "@/lib/applications/services/resubmit-application";
import { withdrawApplication } from "@/lib/applications/services/withdraw-application";
import { startRenewal } from "@/lib/applications/services/start-renewal";

const signedIn = <A,>(actor: A | null): A => {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  return actor;
};

export const saveProfileAction = formAction({
  schema: profileSchema,
  run: (input, actor) => saveProfile(signedIn(actor), input),
  success: () => "个人信息已保存",
  after: () => revalidatePath("/applicant", "layout"),
});

export const grantConsentAction = formAction({
  schema: consentSchema,
  run: async (input, actor) => grantConsent(signedIn(actor), input.kind, await clientIp()),
  success: () => "已记录您的授权",
  after: () => revalidatePath("/applicant", "layout"),
});

export const withdrawConsentAction = formAction({
  schema: consentSchema.pick({ kind: true }),
  run: async (input, actor) => withdrawConsent(signedIn(actor), input.kind, await clientIp()),
  success: () => "已撤回授权；需要该授权的办理环节将暂停",
  after: () => revalidatePath("/applicant", "layout"),
});

export const saveEnterpriseAction = formAction({
  schema: enterpriseSchema,
  run: (input, actor) => saveEnterprise(signedIn(actor), input),
  success: () => "企业信息已保存",
  after: async (result) => {
    revalidatePath("/applicant", "layout");
    redirect(`/applicant?enterprise=${result.enterpriseId}`);
  },
});

export const startApplicationAction = formAction({
  schema: startApplicationSchema,
  run: (input, actor) => startApplication(signedIn(actor), input.enterpriseId),
  success: () => "",
  after: (result) => redirect(`/applicant/applications/${result.applicationId}?step=loan`),
});

/** Autosave and "next" of the loan-request step share this action; `intent` says which. */
export const saveLoanRequestAction = formAction({
  schema: loanRequestSchema,
  run: async (input, actor, formData) => {
    await saveLoanRequest(signedIn(actor), input);
    return { id: input.applicationId, next: formData.get("intent") === "next" };
  },
  success: () => "已保存草稿",
  after: (r) => {
    revalidatePath(`/applicant/applications/${r.id}`);
    if (r.next) redirect(`/applicant/applications/${r.id}?step=documents`);
  },
});

export const submitApplicationAction = formAction({
  schema: submitSchema,
  run: async (input, actor) => {
    const result = await submitApplication(signedIn(actor), input.applicationId, input.version);
    return { id: input.applicationId, result };
  },
  success: () => "申请已提交",
  after: (r) => {
    revalidatePath("/applicant", "layout");
    redirect(`/applicant/applications/${r.id}`);
  },
});

export const resubmitApplicationAction = formAction({
  schema: submitSchema,
  run: async (input, actor) => {
    await resubmitApplication(signedIn(actor), input.applicationId, input.version);
    return input.applicationId;
  },
  success: () => "已重新提交",
  after: (id) => {
    revalidatePath("/applicant", "layout");
    redirect(`/applicant/applications/${id}`);
  },
});

export const withdrawApplicationAction = formAction({
  schema: withdrawSchema,
  run: async (input, actor) => {
    await withdrawApplication(signedIn(actor), input.applicationId, input.version, input.reason);
    return input.applicationId;
  },
  success: () => "申请已撤回",
  after: (id) => {
    revalidatePath("/applicant", "layout");
    redirect(`/applicant/applications/${id}`);
  },
});

export const startRenewalAction = formAction({
  schema: renewSchema,
  run: (input, actor) => startRenewal(signedIn(actor), input.loanId),
  success: () => "",
  after: (result) => redirect(`/applicant/applications/${result.applicationId}?step=loan`),
});
