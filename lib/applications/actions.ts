"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { applicantAction, errorState, guardedAction, errorMessage } from "@/lib/actions/safe-action";
import { rootTranslator } from "@/lib/i18n/reader";
import { fieldErrorsIn, words } from "@/lib/i18n/words";
import { applicantAudience } from "@/lib/actions/audience";
import type { AutosaveState } from "@/lib/applications/autosave-state";
import { DRAFT_FORMS, draftFieldsOf } from "@/lib/applications/drafts";
import { autosaveForm, clearFormDraft } from "@/lib/applications/services/form-drafts";
import type { DraftForm } from "@/lib/generated/prisma/enums";
import { clientIp } from "@/lib/auth/client-ip";
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

// Every step of the applicant's own journey: only the applicant calls these. (A district agent
// who takes a case in works through staff pages; they never consent or submit for the member.)

export const saveProfileAction = applicantAction({
  schema: profileSchema,
  run: async (input, actor) => {
    await saveProfile(actor, input);
    await clearFormDraft(actor, "PROFILE", "");
  },
  success: () => words("applicant.done.profileSaved"),
  after: () => revalidatePath("/applicant", "layout"),
});

export const grantConsentAction = applicantAction({
  schema: consentSchema,
  run: async (input, actor) => grantConsent(actor, input.kind, await clientIp(), input.version),
  success: () => words("applicant.done.consentGranted"),
  after: () => revalidatePath("/applicant", "layout"),
});

export const withdrawConsentAction = applicantAction({
  schema: consentSchema.pick({ kind: true }),
  run: async (input, actor) => withdrawConsent(actor, input.kind, await clientIp()),
  success: () => words("applicant.done.consentWithdrawn"),
  after: () => revalidatePath("/applicant", "layout"),
});

export const saveEnterpriseAction = applicantAction({
  schema: enterpriseSchema,
  run: async (input, actor) => {
    const result = await saveEnterprise(actor, input);
    await clearFormDraft(actor, "ENTERPRISE", input.enterpriseId ?? "");
    return result;
  },
  success: () => words("applicant.done.enterpriseSaved"),
  after: async (result) => {
    revalidatePath("/applicant", "layout");
    redirect(`/applicant?enterprise=${result.enterpriseId}`);
  },
});

export const startApplicationAction = applicantAction({
  schema: startApplicationSchema,
  run: (input, actor) => startApplication(actor, input.enterpriseId),
  success: () => "",
  after: (result) => redirect(`/applicant/applications/${result.applicationId}?step=loan`),
});

/** Autosave and "next" of the loan-request step share this action; `intent` says which. */
export const saveLoanRequestAction = applicantAction({
  schema: loanRequestSchema,
  run: async (input, actor, formData) => {
    await saveLoanRequest(actor, input);
    await clearFormDraft(actor, "LOAN_REQUEST", input.applicationId);
    return { id: input.applicationId, next: formData.get("intent") === "next" };
  },
  success: () => words("applicant.done.draftSaved"),
  after: (r) => {
    revalidatePath(`/applicant/applications/${r.id}`);
    if (r.next) redirect(`/applicant/applications/${r.id}?step=documents`);
  },
});

export const submitApplicationAction = applicantAction({
  schema: submitSchema,
  run: async (input, actor) => {
    const result = await submitApplication(actor, input.applicationId, input.version);
    return { id: input.applicationId, result };
  },
  success: () => words("applicant.done.submitted"),
  after: (r) => {
    revalidatePath("/applicant", "layout");
    redirect(`/applicant/applications/${r.id}`);
  },
});

export const resubmitApplicationAction = applicantAction({
  schema: submitSchema,
  run: async (input, actor) => {
    await resubmitApplication(actor, input.applicationId, input.version);
    return input.applicationId;
  },
  success: () => words("applicant.done.resubmitted"),
  after: (id) => {
    revalidatePath("/applicant", "layout");
    redirect(`/applicant/applications/${id}`);
  },
});

export const withdrawApplicationAction = applicantAction({
  schema: withdrawSchema,
  run: async (input, actor) => {
    await withdrawApplication(actor, input.applicationId, input.version, input.reason);
    return input.applicationId;
  },
  success: () => words("applicant.done.withdrawn"),
  after: (id) => {
    revalidatePath("/applicant", "layout");
    redirect(`/applicant/applications/${id}`);
  },
});

export const startRenewalAction = applicantAction({
  schema: renewSchema,
  run: (input, actor) => startRenewal(actor, input.loanId),
  success: () => "",
  after: (result) => redirect(`/applicant/applications/${result.applicationId}?step=loan`),
});

/**
 * Autosave of the applicant's forms (profile, enterprise, loan request): keeps what was typed,
 * valid or not, and answers with the time it was kept and the hints for each field. `draftForm`
 * names the form and `draftRecord` the record it edits ("" for the profile or a new enterprise).
 */
export const autosaveDraftAction = guardedAction(
  applicantAudience,
  async (code): Promise<AutosaveState> => ({ status: "error", code, message: await errorMessage(code) }),
  async (actor, _prev: AutosaveState, formData: FormData): Promise<AutosaveState> => {
    const form = String(formData.get("draftForm") ?? "") as DraftForm;
    const record = formData.get("draftRecord");
    if (!DRAFT_FORMS.includes(form) || typeof record !== "string") return { status: "error", code: "NOT_FOUND", message: await errorMessage("NOT_FOUND") };
    try {
      const outcome = await autosaveForm(actor, form, record, draftFieldsOf(form, formData));
      return { status: "saved", savedAt: outcome.savedAt.toISOString(), applied: outcome.applied, fieldErrors: fieldErrorsIn(await rootTranslator(), outcome.fieldErrors) ?? {} };
    } catch (error) {
      return { status: "error", ...(await errorState(error)) };
    }
  },
);
